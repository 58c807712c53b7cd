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
import java.util.Map;
import java.util.Optional;

/**
 * CI configurations: GitHub Actions workflows ({@code .github/workflows/*.yml}) and GitLab CI
 * ({@code .gitlab-ci.yml}, {@code *.gitlab-ci.yml}).
 *
 * <p>A workflow is one when it has a {@code jobs} map: it shows GitHub Actions, with each distinct
 * {@code uses: owner/repo@ref} action as the detail of one evidence line; job {@code container} and {@code services}
 * images and {@code docker://} steps are BUILD images (they run the build, not the product). A GitLab file is one
 * when it has a job with a {@code script} or an {@code image}: it shows GitLab CI; {@code image} and {@code services}
 * (strings or {@code {name: ...}}) at the top level, under {@code default} and in jobs are BUILD images.
 */
public final class CiConfigParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "docker/ci";

    public CiConfigParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return path.startsWith(".github/workflows/") && (name.endsWith(".yml") || name.endsWith(".yaml"))
               || name.equals(".gitlab-ci.yml") || name.endsWith(".gitlab-ci.yml");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        Optional<List<JsonNode>> documents = YamlDocuments.read(input.text());
        if (documents.isEmpty() || documents.get().isEmpty()) {
            return ParseResult.of(List.of());
        }
        JsonNode root = documents.get().getFirst();
        String[] lines = input.text().split("\r?\n", -1);
        List<String> images = new ArrayList<>();
        List<InfrastructureUse> uses = new ArrayList<>();
        if (input.path().startsWith(".github/")) {
            if (!root.path("jobs").isObject()) {
                return ParseResult.of(List.of());
            }
            uses.add(new InfrastructureUse(InfrastructureUse.GITHUB_ACTIONS, input.path(),
                                           YamlDocuments.lineStarting(lines, "jobs:"), Optional.empty(), ID));
            List<String> actions = new ArrayList<>();
            for (JsonNode job : root.path("jobs")) {
                image(job.path("container"), images);
                job.path("services").forEach(service -> image(service, images));
                for (JsonNode step : job.path("steps")) {
                    String action = step.path("uses").asText("");
                    if (action.startsWith("docker://")) {
                        images.add(action);
                    } else if (!action.isEmpty() && !action.startsWith("./") && !actions.contains(action)) {
                        actions.add(action);
                        uses.add(new InfrastructureUse(InfrastructureUse.GITHUB_ACTIONS, input.path(),
                                                       YamlDocuments.lineOf(lines, 1, "uses", action),
                                                       Optional.of(action), ID));
                    }
                }
            }
        } else {
            boolean pipeline = false;
            image(root.path("image"), images);
            root.path("services").forEach(service -> image(service, images));
            image(root.path("default").path("image"), images);
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                JsonNode job = it.next().getValue();
                if (job.isObject() && (job.has("script") || job.has("image") || job.has("trigger"))) {
                    pipeline = true;
                    image(job.path("image"), images);
                    job.path("services").forEach(service -> image(service, images));
                }
            }
            if (pipeline) {
                uses.add(new InfrastructureUse(InfrastructureUse.GITLAB_CI, input.path(), 1, Optional.empty(), ID));
            }
        }
        List<Dependency> dependencies = new ArrayList<>();
        for (String image : images) {
            ImageRef.parse(image).ifPresent(ref -> dependencies.add(ref.dependency(
                    Scope.BUILD, input.path(), YamlDocuments.lineOf(lines, 1, "", image), ID)));
        }
        return new ParseResult(dependencies, List.of(), uses);
    }

    private static void image(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        } else if (node.path("image").isTextual()) {
            into.add(node.path("image").asText());
        } else if (node.path("name").isTextual()) {
            into.add(node.path("name").asText());
        }
    }
}
