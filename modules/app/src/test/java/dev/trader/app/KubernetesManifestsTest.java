package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.typesafe.config.Config;
import dev.trader.app.testing.KubernetesSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The manifests in {@code k8s/} are valid Kubernetes objects (strict schema check: a misspelt or
 * misplaced field fails), and they fit together and with the node: probes on the management
 * endpoint's /alive and /ready, the pod label Cluster Bootstrap's discovery selects, a service
 * account allowed to list pods, a disruption budget and rolling update that keep a majority, the
 * Secret's keys the variables the configuration reads, and conf/kubernetes.conf a valid node
 * configuration that discovers its peers through the Kubernetes API.
 */
class KubernetesManifestsTest {
    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
    private static final Path K8S = ROOT.resolve("k8s");
    private static final YAMLMapper YAML = new YAMLMapper();
    private final KubernetesSchemas schemas = new KubernetesSchemas();

    @Test
    void everyManifestIsAValidKubernetesObject() throws IOException {
        Map<String, JsonNode> objects = objects();
        assertTrue(objects.keySet().containsAll(List.of("Namespace/trader", "ServiceAccount/trader", "Role/pod-reader",
                "RoleBinding/trader-reads-pods", "ConfigMap/trader-env", "Deployment/trader", "Service/trader", "PodDisruptionBudget/trader",
                "StatefulSet/trader-postgres", "Service/trader-postgres")), objects.keySet().toString());
        Map<String, List<String>> errors = new LinkedHashMap<>();
        objects.forEach((name, object) -> {
            List<String> e = schemas.validate(object);
            if (!e.isEmpty()) {
                errors.put(name, e);
            }
        });
        assertEquals(Map.of(), errors);
    }

    @Test
    void theSchemaCheckCatchesAMisspeltFieldAWrongTypeAndAnUnknownKind() throws IOException {
        ObjectNode deployment = (ObjectNode) objects().get("Deployment/trader").deepCopy();
        ((ObjectNode) deployment.path("spec")).put("replica", 3);
        assertTrue(schemas.validate(deployment).stream().anyMatch(e -> e.contains("replica")), schemas.validate(deployment).toString());

        ObjectNode wrongType = (ObjectNode) objects().get("Deployment/trader").deepCopy();
        ((ObjectNode) wrongType.path("spec")).put("replicas", "three");
        assertFalse(schemas.validate(wrongType).isEmpty());

        ObjectNode probe = (ObjectNode) objects().get("Deployment/trader").deepCopy();
        ((ObjectNode) container(probe).path("readinessProbe")).put("httpGett", "/ready");
        assertFalse(schemas.validate(probe).isEmpty());

        ObjectNode unknown = (ObjectNode) objects().get("Service/trader").deepCopy();
        unknown.put("apiVersion", "v2");
        assertEquals(List.of("no schema for v2 Service"), schemas.validate(unknown));
    }

    @Test
    void theNodesAreProbedOnTheManagementEndpointAndFindEachOtherByTheirLabel() throws IOException {
        Map<String, JsonNode> objects = objects();
        JsonNode deployment = objects.get("Deployment/trader");
        JsonNode container = container(deployment);
        Map<String, Integer> ports = new HashMap<>();
        container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));

        Config node = kubernetesConfig();
        assertEquals(node.getInt("pekko.management.http.port"), ports.get("management"));
        assertEquals(node.getInt("pekko.remote.artery.canonical.port"), ports.get("remoting"));
        assertEquals(node.getString("pekko.discovery.kubernetes-api.pod-port-name"), "management");
        assertEquals("kubernetes-api", node.getString("pekko.management.cluster.bootstrap.contact-point-discovery.discovery-method"));
        String selector = node.getString("pekko.discovery.kubernetes-api.pod-label-selector")
                .formatted(node.getString("pekko.management.cluster.bootstrap.contact-point-discovery.service-name"));
        String[] label = selector.split("=");
        JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
        assertEquals(label[1], podLabels.path(label[0]).asText(), "the pods carry the label discovery selects: " + selector);

        assertEquals("/alive", container.path("livenessProbe").path("httpGet").path("path").asText());
        assertEquals("/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertEquals("management", container.path(probe).path("httpGet").path("port").asText(), probe);
        }
        assertEquals("/app/conf/kubernetes.conf", argAfter(container, "--config"));
        assertEquals(String.valueOf(ports.get("http")), argAfter(container, "--port"));
        assertEquals(node.getInt("pekko.management.cluster.bootstrap.contact-point-discovery.required-contact-point-nr"),
                deployment.path("spec").path("replicas").asInt(), "the first cluster forms once all replicas see each other");
    }

    @Test
    void theServiceAccountMayListPodsAndNothingElse() throws IOException {
        Map<String, JsonNode> objects = objects();
        String account = objects.get("Deployment/trader").path("spec").path("template").path("spec").path("serviceAccountName").asText();
        JsonNode binding = objects.get("RoleBinding/trader-reads-pods");
        assertEquals(account, binding.path("subjects").path(0).path("name").asText());
        JsonNode role = objects.get("Role/" + binding.path("roleRef").path("name").asText());
        assertEquals(1, role.path("rules").size());
        JsonNode rule = role.path("rules").path(0);
        assertEquals(List.of("pods"), strings(rule.path("resources")));
        assertEquals(Set.of("get", "watch", "list"), Set.copyOf(strings(rule.path("verbs"))));
    }

    @Test
    void aDrainOrARollingUpdateNeverTakesTheMajority() throws IOException {
        Map<String, JsonNode> objects = objects();
        JsonNode deployment = objects.get("Deployment/trader");
        int replicas = deployment.path("spec").path("replicas").asInt();
        JsonNode rolling = deployment.path("spec").path("strategy").path("rollingUpdate");
        assertEquals("RollingUpdate", deployment.path("spec").path("strategy").path("type").asText());
        assertEquals(0, rolling.path("maxUnavailable").asInt());
        JsonNode pdb = objects.get("PodDisruptionBudget/trader");
        int unavailable = pdb.path("spec").path("maxUnavailable").asInt();
        assertTrue(replicas - unavailable > replicas / 2, "a majority stays through an eviction");
        JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
        pdb.path("spec").path("selector").path("matchLabels").properties()
                .forEach(e -> assertEquals(e.getValue().asText(), podLabels.path(e.getKey()).asText()));
        objects.get("Service/trader").path("spec").path("selector").properties()
                .forEach(e -> assertEquals(e.getValue().asText(), podLabels.path(e.getKey()).asText()));
        assertTrue(deployment.path("spec").path("template").path("spec").path("terminationGracePeriodSeconds").asInt() >= 30,
                "a node has time to hand its shards off");
    }

    @Test
    void secretsComeFromTheSecretAndEveryVariableIsOneTheConfigurationReads() throws IOException {
        Map<String, JsonNode> objects = objects();
        JsonNode container = container(objects.get("Deployment/trader"));
        Set<String> fromSecret = new TreeSet<>();
        List<String> variables = new ArrayList<>();
        container.path("env").forEach(e -> {
            variables.add(e.path("name").asText());
            JsonNode ref = e.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                assertEquals("trader-secrets", ref.path("name").asText());
                fromSecret.add(ref.path("key").asText());
            }
        });
        objects.get("ConfigMap/trader-env").path("data").properties().forEach(e -> variables.add(e.getKey()));
        assertEquals(new TreeSet<>(List.of("BINANCE_API_KEY", "BINANCE_API_SECRET", "TRADER_API_KEY", "TRADER_PG_PASSWORD")), fromSecret);
        for (String secret : fromSecret) {
            assertFalse(objects.get("ConfigMap/trader-env").path("data").has(secret), secret + " is not in the ConfigMap");
        }
        String everything = Files.readString(ROOT.resolve("conf").resolve("logback.xml")) + read("conf", ".conf")
                + read("modules", ".java");
        List<String> unread = variables.stream().filter(v -> !everything.contains("${?" + v + "}") && !everything.contains("\"" + v + "\"")
                && !everything.contains("${" + v)).toList();
        assertEquals(List.of(), unread, "variables set in k8s/ that nothing reads");
    }

    @Test
    void theKustomizationListsEveryManifest() throws IOException {
        JsonNode kustomization = YAML.readTree(K8S.resolve("kustomization.yaml").toFile());
        Set<String> listed = new TreeSet<>(strings(kustomization.path("resources")));
        Set<String> files;
        try (Stream<Path> s = Files.list(K8S)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(files, listed);
    }

    /** conf/kubernetes.conf loads as a node's configuration (schema-checked) with what the Deployment sets. */
    private static Config kubernetesConfig() {
        return ConfigLoader.load(ROOT.resolve("conf").resolve("kubernetes.conf"), Map.of());
    }

    private static Map<String, JsonNode> objects() throws IOException {
        Map<String, JsonNode> objects = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(K8S)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no manifests in " + K8S);
        for (Path file : files) {
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                while (docs.hasNext()) {
                    JsonNode doc = docs.next();
                    if (doc != null && !doc.isEmpty()) {
                        String name = doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
                        assertEquals(null, objects.put(name, doc), "two objects named " + name);
                    }
                }
            }
        }
        return objects;
    }

    private static JsonNode container(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers").path(0);
    }

    private static String argAfter(JsonNode container, String flag) {
        List<String> args = strings(container.path("args"));
        int i = args.indexOf(flag);
        return i < 0 || i + 1 >= args.size() ? null : args.get(i + 1);
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static String read(String dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(ROOT.resolve(dir))) {
            StringBuilder all = new StringBuilder();
            for (Path p : s.filter(p -> p.toString().endsWith(suffix) && !p.toString().contains("/target/")).toList()) {
                all.append(Files.readString(p));
            }
            return all.toString();
        }
    }
}
