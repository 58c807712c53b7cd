package dev.depscan.manifest.docker;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.InfrastructureUse;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compose files ({@code compose.yaml}, {@code docker-compose.yml}, {@code docker-compose.override.yml}, ...): the
 * {@code image} of every service, RUNTIME. A file whose top level has a {@code services} map with at least one service
 * that has an {@code image} or a {@code build} shows that the repository uses Docker Compose.
 */
public final class ComposeParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "docker/compose";

    public ComposeParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.matches("(docker-)?compose([.-][A-Za-z0-9._-]+)?\\.ya?ml");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        Optional<List<JsonNode>> documents = YamlDocuments.read(input.text());
        if (documents.isEmpty()) {
            return ParseResult.failed(new ScanIssue(input.path(), 0, ID, "the compose file is not valid YAML"));
        }
        String[] lines = input.text().split("\r?\n", -1);
        List<Dependency> dependencies = new ArrayList<>();
        boolean compose = false;
        for (JsonNode document : documents.get()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = document.path("services").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> service = it.next();
                JsonNode image = service.getValue().path("image");
                compose |= image.isTextual() || service.getValue().has("build");
                if (image.isTextual()) {
                    int from = YamlDocuments.lineStarting(lines, service.getKey() + ":");
                    ImageRef.parse(image.asText()).ifPresent(ref -> dependencies.add(ref.dependency(
                            Scope.RUNTIME, input.path(), YamlDocuments.lineOf(lines, from, "image", image.asText()),
                            ID)));
                }
            }
        }
        List<InfrastructureUse> uses = compose
                ? List.of(new InfrastructureUse(InfrastructureUse.DOCKER_COMPOSE, input.path(),
                                                YamlDocuments.lineStarting(lines, "services:"), Optional.empty(), ID))
                : List.of();
        return new ParseResult(dependencies, List.of(), uses);
    }
}
