package dev.depscan.deploy;

import dev.depscan.classify.CategoryConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * Keeps {@code k8s/} honest without a cluster: every manifest parses, every kustomization names files that exist,
 * the probes and ports are the ones the service serves, the settings are real configuration keys, and the
 * categories ConfigMap loads in the real classifier.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern README_KEY = Pattern.compile("^\\| `(depscan\\.[a-z0-9.-]+)` \\|", Pattern.MULTILINE);

    @Test
    void everyManifestParsesAndEveryKustomizationNamesExistingFiles() throws IOException {
        List<Path> kustomizations;
        try (Stream<Path> files = Files.walk(K8S)) {
            kustomizations = files.filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList();
        }
        assertThat(kustomizations.size(), is(4));
        for (Path kustomization : kustomizations) {
            JsonNode k = read(kustomization);
            List<String> referenced = new ArrayList<>();
            k.path("resources").forEach(r -> referenced.add(r.asText()));
            k.path("patches").forEach(p -> referenced.add(p.path("path").asText()));
            k.path("configMapGenerator").forEach(g -> {
                g.path("files").forEach(f -> referenced.add(f.asText()));
                g.path("envs").forEach(f -> referenced.add(f.asText()));
            });
            for (String name : referenced) {
                Path target = kustomization.getParent().resolve(name).normalize();
                assertThat(kustomization + " -> " + name, Files.exists(target), is(true));
                if (Files.isRegularFile(target) && name.endsWith(".yaml") && !name.equals("categories.yaml")) {
                    JsonNode resource = read(target);
                    assertThat(target + " has a kind", resource.path("kind").asText().isEmpty(), is(false));
                    assertThat(target + " has a name",
                               resource.path("metadata").path("name").asText().startsWith("depscan"), is(true));
                }
            }
        }
    }

    @Test
    void probesAndPortsAreTheOnesTheServiceServes() throws IOException {
        JsonNode container = read(K8S.resolve("base/deployment.yaml")).path("spec").path("template").path("spec")
                .path("containers").get(0);
        int port = Integer.parseInt(embeddedDefaults().getProperty("server.port"));

        assertThat(container.path("ports").get(0).path("containerPort").asInt(), is(port));
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText(), is("/health/ready"));
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText(), is("/health/live"));
        assertThat(container.path("startupProbe").path("httpGet").path("path").asText(), is("/health/started"));
        JsonNode annotations = read(K8S.resolve("base/deployment.yaml")).path("spec").path("template")
                .path("metadata").path("annotations");
        assertThat(annotations.path("prometheus.io/path").asText(), is("/metrics"));
        assertThat(annotations.path("prometheus.io/port").asText(), is(Integer.toString(port)));
        JsonNode monitor = read(K8S.resolve("components/service-monitor/servicemonitor.yaml"));
        assertThat(monitor.path("spec").path("endpoints").get(0).path("path").asText(), is("/metrics"));
    }

    @Test
    void runsAsNonRootOnAReadOnlyRootFilesystemWithTheDataDirectoryOnAVolume() throws IOException {
        JsonNode pod = read(K8S.resolve("base/deployment.yaml")).path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);

        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean(), is(true));
        assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean(), is(true));
        assertThat(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(), is(false));
        assertThat(container.path("resources").path("limits").path("memory").isMissingNode(), is(false));
        String dataDir = envValue(container, "DEPSCAN_DATA_DIR");
        List<String> mounts = new ArrayList<>();
        container.path("volumeMounts").forEach(m -> mounts.add(m.path("mountPath").asText()));
        assertThat(mounts, hasItem(dataDir));
        assertThat(mounts, hasItem("/tmp"));
        JsonNode single = read(K8S.resolve("overlays/single/deployment-patch.yaml"));
        assertThat(single.path("spec").path("template").path("spec").path("volumes").get(0)
                           .path("persistentVolumeClaim").path("claimName").asText(),
                   is(read(K8S.resolve("overlays/single/pvc.yaml")).path("metadata").path("name").asText()));
    }

    @Test
    void everySettingIsADocumentedConfigurationKey() throws IOException {
        Set<String> documented = documentedKeys();
        List<String> unknown = new ArrayList<>();
        for (String line : Files.readAllLines(K8S.resolve("base/settings.env"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String variable = line.substring(0, line.indexOf('='));
                if (documented.stream().noneMatch(key -> environmentName(key).equals(variable))) {
                    unknown.add(variable);
                }
            }
        }
        JsonNode container = read(K8S.resolve("base/deployment.yaml")).path("spec").path("template").path("spec")
                .path("containers").get(0);
        container.path("env").forEach(e -> {
            String variable = e.path("name").asText();
            if (variable.startsWith("DEPSCAN_")
                && documented.stream().noneMatch(key -> environmentName(key).equals(variable))) {
                unknown.add(variable);
            }
        });

        assertThat(unknown, is(empty()));
    }

    @Test
    void theCategoriesConfigMapLoadsInTheRealClassifier() throws IOException {
        CategoryConfig categories = CategoryConfig.parse(Files.readString(K8S.resolve("base/categories.yaml")));

        assertThat(categories.categories().isEmpty(), is(false));
        assertThat(categories.categories().stream().map(c -> c.name()).toList(), hasItem("Machine Learning"));
    }

    @Test
    void theSecretExampleHoldsNoRealSecretAndIsNotDeployed() throws IOException {
        JsonNode secret = read(K8S.resolve("base/secret.example.yaml"));
        List<String> values = new ArrayList<>();
        secret.path("stringData").forEach(v -> values.add(v.asText()));

        assertThat(values.stream().filter(v -> !v.contains("REPLACE-ME") && !v.contains(":admin")).toList(),
                   is(empty()));
        assertThat(read(K8S.resolve("base/kustomization.yaml")).path("resources").toString(),
                   not(org.hamcrest.Matchers.containsString("secret")));
        List<String> keys = new ArrayList<>();
        read(K8S.resolve("base/deployment.yaml")).path("spec").path("template").path("spec").path("containers").get(0)
                .path("env").forEach(e -> {
                    JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                    if (!ref.isMissingNode()) {
                        keys.add(ref.path("key").asText());
                    }
                });
        List<String> exampleKeys = new ArrayList<>();
        secret.path("stringData").fieldNames().forEachRemaining(exampleKeys::add);
        assertThat(exampleKeys, containsInAnyOrder(keys.toArray(String[]::new)));
    }

    @Test
    void theSingleOverlayComposesIntoOneReplicaOnAVolumeClaim() throws Exception {
        List<JsonNode> rendered = kustomize("k8s/overlays/single");
        JsonNode deployment = ofKind(rendered, "Deployment");
        JsonNode service = ofKind(rendered, "Service");

        assertThat(deployment.path("spec").path("replicas").asInt(), is(1));
        assertThat(deployment.path("spec").path("strategy").path("type").asText(), is("Recreate"));
        JsonNode data = deployment.path("spec").path("template").path("spec").path("volumes").get(0);
        assertThat(data.path("persistentVolumeClaim").path("claimName").asText(), is("depscan-data"));
        assertThat("the patch replaced the emptyDir", data.has("emptyDir"), is(false));
        assertThat(ofKind(rendered, "PersistentVolumeClaim").path("metadata").path("name").asText(), is("depscan-data"));
        JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
        service.path("spec").path("selector").fields().forEachRemaining(
                label -> assertThat(label.getKey(), podLabels.path(label.getKey()).asText(), is(label.getValue().asText())));
        String categoriesMap = deployment.path("spec").path("template").path("spec").path("volumes").get(1)
                .path("configMap").path("name").asText();
        assertThat("the generated name is referenced", categoriesMap.startsWith("depscan-categories-"), is(true));
        assertThat(rendered.stream().anyMatch(r -> r.path("metadata").path("name").asText().equals(categoriesMap)),
                   is(true));
    }

    @Test
    void theClusterOverlayComposesIntoSeveralReplicasWithAnAutoscaler() throws Exception {
        List<JsonNode> rendered = kustomize("k8s/overlays/cluster");

        assertThat(ofKind(rendered, "Deployment").path("spec").path("replicas").asInt(), is(3));
        JsonNode hpa = ofKind(rendered, "HorizontalPodAutoscaler");
        assertThat(hpa.path("spec").path("scaleTargetRef").path("name").asText(), is("depscan"));
        assertThat(hpa.path("spec").path("minReplicas").asInt(), is(3));
        assertThat(ofKind(rendered, "PodDisruptionBudget").path("spec").path("maxUnavailable").asInt(), is(1));
        JsonNode container = ofKind(rendered, "Deployment").path("spec").path("template").path("spec")
                .path("containers").get(0);
        assertThat(envValue(container, "DEPSCAN_STORE"), is("postgres"));
        assertThat("the base's variables are kept", envValue(container, "DEPSCAN_DATA_DIR"), is("/var/lib/depscan"));
    }

    @Test
    void theImageRunsTheBuiltJarAsTheNonRootUserTheManifestsExpect() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("Dockerfile"));
        JsonNode pod = read(K8S.resolve("base/deployment.yaml")).path("spec").path("template").path("spec");
        String runAs = pod.path("securityContext").path("runAsUser").asText();
        String dataDir = envValue(pod.path("containers").get(0), "DEPSCAN_DATA_DIR");

        assertThat(lines.stream().filter(l -> l.startsWith("FROM ")).count(), is(2L));
        assertThat(lines, hasItem("USER " + runAs + ":" + runAs));
        assertThat(lines, hasItem("EXPOSE " + embeddedDefaults().getProperty("server.port")));
        assertThat(lines.stream().anyMatch(l -> l.contains("DEPSCAN_DATA_DIR=" + dataDir)), is(true));
        assertThat(lines.stream().anyMatch(l -> l.startsWith("ENTRYPOINT") && l.contains("depscan.jar")), is(true));
        assertThat("the jar's class path is copied next to it", lines, hasItem("COPY --from=build /build/target/libs ./libs"));
    }

    /** {@code kubectl kustomize}: the same composition {@code kubectl apply -k} performs, without a cluster. */
    private static List<JsonNode> kustomize(String overlay) throws Exception {
        Process process = new ProcessBuilder("kubectl", "kustomize", overlay).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(output, process.waitFor(), is(0));
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(output)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
        }
        return documents;
    }

    private static JsonNode ofKind(List<JsonNode> documents, String kind) {
        return documents.stream().filter(d -> d.path("kind").asText().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind));
    }

    private static String envValue(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e.path("value").asText();
            }
        }
        throw new AssertionError("no env " + name);
    }

    private static String environmentName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Set<String> documentedKeys() throws IOException {
        Matcher m = README_KEY.matcher(Files.readString(Path.of("README.md")));
        Set<String> keys = new java.util.HashSet<>();
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static Properties embeddedDefaults() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = KubernetesManifestsTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            properties.load(in);
        }
        return properties;
    }

    private static JsonNode read(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }
}
