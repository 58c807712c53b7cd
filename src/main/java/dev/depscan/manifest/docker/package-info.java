/**
 * Container images and infrastructure: Dockerfiles, Compose files, Kubernetes manifests and Helm charts, CI
 * configurations (GitHub Actions, GitLab CI), Terraform and dev-environment definitions. Images become findings of
 * ecosystem {@code docker}; each technology in use is reported with the file that shows it.
 */
package dev.depscan.manifest.docker;
