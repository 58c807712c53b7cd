package dev.depscan.manifest.docker;

import dev.depscan.manifest.json.BoundedJson;
import dev.depscan.scan.InfrastructureUse;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Development environments as DevPod reads them: a devfile ({@code devfile.yaml}, {@code .devfile.yaml}; YAML with
 * {@code schemaVersion} and {@code components}) or a dev container ({@code .devcontainer/devcontainer.json},
 * {@code .devcontainer.json}). Either shows DevPod; the images they name ({@code components[].container.image},
 * the dev container's {@code image}) are DEV images.
 */
public final class DevEnvironmentParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "docker/dev-environment";

    public DevEnvironmentParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("devfile.yaml") || name.equals(".devfile.yaml") || name.equals(".devcontainer.json")
               || path.endsWith(".devcontainer/devcontainer.json");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        String[] lines = input.text().split("\r?\n", -1);
        List<String> images = new ArrayList<>();
        int line;
        if (input.path().endsWith(".json")) {
            JsonNode root;
            try {
                root = BoundedJson.MAPPER.readTree(input.text().replaceAll("(?m)^\\s*//.*$", ""));
            } catch (JacksonException e) {
                return ParseResult.of(List.of());
            }
            if (root == null || !root.isObject()) {
                return ParseResult.of(List.of());
            }
            if (root.path("image").isTextual()) {
                images.add(root.path("image").asText());
            }
            line = 1;
        } else {
            Optional<List<JsonNode>> documents = YamlDocuments.read(input.text());
            JsonNode root = documents.filter(d -> !d.isEmpty()).map(List::getFirst).orElse(null);
            if (root == null || !root.has("schemaVersion") || !root.path("components").isArray()) {
                return ParseResult.of(List.of());
            }
            root.path("components").forEach(c -> {
                if (c.path("container").path("image").isTextual()) {
                    images.add(c.path("container").path("image").asText());
                }
            });
            line = YamlDocuments.lineStarting(lines, "schemaVersion:");
        }
        List<dev.depscan.scan.Dependency> dependencies = new ArrayList<>();
        for (String image : images) {
            ImageRef.parse(image).ifPresent(ref -> dependencies.add(ref.dependency(
                    Scope.DEV, input.path(), YamlDocuments.lineOf(lines, 1, "", image), ID)));
        }
        return new ParseResult(dependencies, List.of(), List.of(new InfrastructureUse(InfrastructureUse.DEVPOD,
                input.path(), line, Optional.empty(), ID)));
    }
}
