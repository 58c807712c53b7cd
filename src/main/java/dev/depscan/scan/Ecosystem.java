package dev.depscan.scan;

/** A package ecosystem; {@link #id()} is the name used in results and as the purl type. */
public enum Ecosystem {
    PYPI("pypi"),
    CONDA("conda"),
    MAVEN("maven"),
    NPM("npm"),
    GOLANG("golang"),
    CARGO("cargo"),
    GEM("gem"),
    COMPOSER("composer"),
    NUGET("nuget"),
    DOCKER("docker");

    private final String id;

    Ecosystem(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
