package dev.depscan.scan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A file showing that the repository uses an infrastructure technology, recognised by the file's content.
 *
 * @param technology one of {@link #TECHNOLOGIES}
 * @param file       repository-relative path
 * @param line       1-based line of the telling content, or 0
 * @param detail     what exactly, when there is something to say (a Terraform provider, a workflow action)
 * @param parser     id of the plugin that recognised it
 */
public record InfrastructureUse(String technology, String file, int line, Optional<String> detail, String parser) {

    public static final String DOCKER = "Docker";
    public static final String DOCKER_COMPOSE = "Docker Compose";
    public static final String KUBERNETES = "Kubernetes";
    public static final String HELM = "Helm";
    public static final String TERRAFORM = "Terraform";
    public static final String GITHUB_ACTIONS = "GitHub Actions";
    public static final String GITLAB_CI = "GitLab CI";
    public static final String DEVPOD = "DevPod";

    /** Every technology a result reports, in the order of its {@code infrastructure_usage} flags. */
    public static final List<String> TECHNOLOGIES = List.of(DOCKER, DOCKER_COMPOSE, KUBERNETES, HELM, TERRAFORM,
                                                            GITHUB_ACTIONS, GITLAB_CI, DEVPOD);

    public InfrastructureUse {
        Objects.requireNonNull(technology, "technology");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(parser, "parser");
        if (!TECHNOLOGIES.contains(technology)) {
            throw new IllegalArgumentException("unknown technology " + technology);
        }
    }
}
