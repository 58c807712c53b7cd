package dev.depscan.manifest.docker;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.InfrastructureUse;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Kubernetes manifests and Helm charts, recognised by content in any YAML file that no other format claims.
 *
 * <p>A document with string {@code apiVersion} and {@code kind} is a Kubernetes object: the file shows Kubernetes, and
 * the {@code image} of every container ({@code containers}, {@code initContainers}, {@code ephemeralContainers}, at
 * any depth, so Deployments, CronJob templates and Pods alike) is a RUNTIME image. A {@code Chart.yaml} with
 * {@code apiVersion} and {@code name} shows Helm, and so does a template under a chart's {@code templates/} directory
 * (Go templates are not YAML, so their images are not read). A document with {@code kind} but no
 * {@code apiVersion} is not Kubernetes.
 */
public final class KubernetesManifestParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "docker/kubernetes";

    private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers", "ephemeralContainers");

    public KubernetesManifestParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!(name.endsWith(".yaml") || name.endsWith(".yml"))) {
            return false;
        }
        return !path.startsWith(".github/") && !name.endsWith("gitlab-ci.yml") && !name.equals("pnpm-lock.yaml")
               && !name.matches("(docker-)?compose([.-][A-Za-z0-9._-]+)?\\.ya?ml") && !name.startsWith("environment")
               && !name.equals("devfile.yaml") && !name.equals(".devfile.yaml");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        String name = input.path().substring(input.path().lastIndexOf('/') + 1);
        String[] lines = input.text().split("\r?\n", -1);
        if (input.text().contains("{{") && ("/" + input.path()).contains("/templates/")) {
            return new ParseResult(List.of(), List.of(), List.of(new InfrastructureUse(
                    InfrastructureUse.HELM, input.path(), 0, Optional.empty(), ID)));
        }
        Optional<List<JsonNode>> documents = YamlDocuments.read(input.text());
        if (documents.isEmpty()) {
            return ParseResult.of(List.of()); // not YAML: some other tool's file, not ours to report
        }
        List<InfrastructureUse> uses = new ArrayList<>();
        List<Dependency> dependencies = new ArrayList<>();
        for (JsonNode document : documents.get()) {
            if (name.equals("Chart.yaml") && document.path("apiVersion").isTextual() && document.path("name").isTextual()) {
                uses.add(new InfrastructureUse(InfrastructureUse.HELM, input.path(),
                                               YamlDocuments.lineStarting(lines, "apiVersion:"), Optional.empty(), ID));
                continue;
            }
            if (!document.path("apiVersion").isTextual() || !document.path("kind").isTextual()) {
                continue;
            }
            if (uses.isEmpty()) {
                uses.add(new InfrastructureUse(InfrastructureUse.KUBERNETES, input.path(),
                                               YamlDocuments.lineStarting(lines, "kind:"),
                                               Optional.of(document.path("kind").asText()), ID));
            }
            List<String> images = new ArrayList<>();
            images(document, images, 0);
            int from = 1;
            for (String image : images) {
                int line = YamlDocuments.lineOf(lines, from, "image", image);
                from = Math.max(from, line);
                ImageRef.parse(image).ifPresent(ref -> dependencies.add(ref.dependency(Scope.RUNTIME, input.path(), line,
                                                                                         ID)));
            }
        }
        return new ParseResult(dependencies, List.of(), uses);
    }

    private static void images(JsonNode node, List<String> into, int depth) {
        if (depth > 40) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                if (CONTAINER_LISTS.contains(field.getKey()) && field.getValue().isArray()) {
                    for (JsonNode container : field.getValue()) {
                        if (container.path("image").isTextual()) {
                            into.add(container.path("image").asText());
                        }
                    }
                } else {
                    images(field.getValue(), into, depth + 1);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                images(item, into, depth + 1);
            }
        }
    }
}
