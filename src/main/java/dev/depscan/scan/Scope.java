package dev.depscan.scan;

/** How a dependency is used by the project that declares it. */
public enum Scope {
    RUNTIME, DEV, TEST, OPTIONAL, BUILD, PROVIDED, PEER, MANAGED;

    /** The lower-case name used in results. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
