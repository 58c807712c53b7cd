package dev.depscan.manifest.docker;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.Scope;

import java.util.Optional;

/**
 * A container image reference {@code [registry/]repository[:tag][@digest]}, named the way Docker resolves it: the
 * default registry is dropped ({@code docker.io/library/nginx} and {@code nginx} are both {@code nginx}), any other
 * registry host is kept ({@code ghcr.io/org/app}). The tag or digest is the version; a digest, or a tag other than
 * {@code latest}, is also the resolved version.
 */
record ImageRef(String name, Optional<String> version, Optional<String> resolved) {

    /** The reference, or empty for one that is still templated ({@code ${TAG}}, {@code {{ .Values }}}) or invalid. */
    static Optional<ImageRef> parse(String text) {
        String ref = text.strip();
        if (ref.startsWith("docker://")) {
            ref = ref.substring("docker://".length());
        }
        if (ref.isEmpty() || ref.contains("$") || ref.contains("{{") || ref.contains(" ")
                || !ref.matches("[A-Za-z0-9][A-Za-z0-9._:/@+-]*")) {
            return Optional.empty();
        }
        String digest = null;
        int at = ref.indexOf('@');
        if (at >= 0) {
            digest = ref.substring(at + 1);
            ref = ref.substring(0, at);
        }
        String tag = null;
        int colon = ref.lastIndexOf(':');
        if (colon > ref.lastIndexOf('/')) {
            tag = ref.substring(colon + 1);
            ref = ref.substring(0, colon);
        }
        for (String prefix : new String[] {"docker.io/library/", "index.docker.io/library/", "docker.io/",
                                           "index.docker.io/", "library/"}) {
            if (ref.startsWith(prefix)) {
                ref = ref.substring(prefix.length());
                break;
            }
        }
        if (ref.isEmpty() || ref.equals("scratch")) {
            return Optional.empty();
        }
        Optional<String> version = Optional.ofNullable(tag != null ? tag : digest);
        Optional<String> resolved = digest != null ? Optional.of(digest)
                : Optional.ofNullable(tag).filter(t -> !t.equals("latest"));
        return Optional.of(new ImageRef(ref.toLowerCase(java.util.Locale.ROOT), version, resolved));
    }

    Dependency dependency(Scope scope, String path, int line, String parser) {
        return new Dependency(Ecosystem.DOCKER, name, version, resolved, scope, true,
                              new Evidence(path, line, Evidence.Kind.MANIFEST, parser));
    }
}
