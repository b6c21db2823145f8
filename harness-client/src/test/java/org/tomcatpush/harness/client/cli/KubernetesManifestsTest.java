package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.tomcatpush.harness.client.run.RunPlan;
import org.tomcatpush.harness.client.scenario.AgentSlice;
import org.tomcatpush.harness.server.ServerMain;

/**
 * deploy/kubernetes/ read as Kubernetes would and checked against the harness's own parsers, no
 * cluster needed: the agents' Indexed Job has as many completions and parallel pods as the N of
 * its {@code --agent INDEX/N}; its command line, with the variables Kubernetes expands put in
 * ({@code $(JOB_COMPLETION_INDEX)} by each index, {@code $(START_AT)} by an instant), is a valid
 * {@code harness run} for agent INDEX of N against the server's Service, starting at that instant
 * and writing to its own folder on the results volume; the server's arguments are a valid
 * harness-server command line whose ports and token file are those the Service and the Secret give.
 */
class KubernetesManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** A variable reference Kubernetes expands in command and args: {@code $(NAME)}. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final String TOKEN = "5f0c2a9e41d3b7c8a6e2f1d09b8c7a65";

    private static Path deploy;
    private static JsonNode namespace;
    private static JsonNode job;
    private static JsonNode deployment;
    private static JsonNode service;
    private static JsonNode volumeClaim;
    private static JsonNode reader;

    @BeforeAll
    static void readManifests() throws IOException {
        deploy = root().resolve("deploy");
        Path dir = deploy.resolve("kubernetes");
        namespace = only(dir.resolve("namespace.yaml"), "Namespace");
        job = only(dir.resolve("agents-job.yaml"), "Job");
        deployment = only(dir.resolve("server.yaml"), "Deployment");
        service = only(dir.resolve("server.yaml"), "Service");
        volumeClaim = only(dir.resolve("results-volume.yaml"), "PersistentVolumeClaim");
        reader = only(dir.resolve("results-reader.yaml"), "Pod");
    }

    @Test
    void theJobIsIndexedWithOneCompletionAndOneParallelPodPerAgent() {
        JsonNode spec = job.path("spec");
        assertEquals("Indexed", spec.path("completionMode").asText());
        int agents = agentCount();
        assertTrue(agents > 1, "several agents: " + agents);
        assertEquals(agents, spec.path("completions").asInt(), "completions == the N of --agent I/N");
        assertEquals(agents, spec.path("parallelism").asInt(), "every agent at once: parallelism == N");
        assertEquals(0, spec.path("backoffLimit").asInt(), "a failed agent is not started again past START_AT");
        assertEquals("Never", spec.path("template").path("spec").path("restartPolicy").asText());
    }

    @Test
    void eachIndexIsAValidRunOfItsSliceAgainstTheServiceStartingAtStartAtIntoItsOwnFolder() {
        JsonNode agent = container(job.path("spec").path("template"));
        assertEquals(List.of("harness"), strings(agent.path("command")), "the image's harness (deploy/harness)");
        List<String> args = strings(agent.path("args"));
        assertEquals("run", args.get(0));
        Instant startAt = Instant.now().plus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        int agents = agentCount();
        URI serviceUri = URI.create("http://" + service.path("metadata").path("name").asText() + ":"
                + servicePortFor(serverSettings().config().port()));
        String resultsMount = mountPath(agent, volumeNamed(job.path("spec").path("template"), "persistentVolumeClaim",
                "claimName", volumeClaim.path("metadata").path("name").asText()));
        Set<Path> outDirs = new HashSet<>();
        int sessions = 0;
        for (int index = 0; index < agents; index++) {
            Map<String, String> values = Map.of("JOB_COMPLETION_INDEX", Integer.toString(index),
                    "START_AT", startAt.toString(), "CONTROL_TOKEN", TOKEN);
            RunPlan plan = RunPlans.plan(expand(args.subList(1, args.size()), agent, values));
            assertEquals(new AgentSlice(index, agents), plan.agent());
            assertEquals(serviceUri, plan.target(), "the server's Service, on the port that reaches --port");
            assertTrue(plan.allowRemote());
            assertEquals(startAt, plan.startAt());
            assertEquals(Path.of(resultsMount, "agent-" + index), plan.outDir(), "a folder of its own on the volume");
            outDirs.add(plan.outDir());
            sessions += plan.agent().sessions(plan.mix(), plan.sessions());
        }
        assertEquals(agents, outDirs.size());
        assertEquals(RunPlans.plan(expand(args.subList(1, args.size()), agent, Map.of("JOB_COMPLETION_INDEX", "0",
                "START_AT", startAt.toString(), "CONTROL_TOKEN", TOKEN))).sessions(), sessions,
                "the agents' slices make up the planned sessions");
    }

    @Test
    void theAgentsTokenIsTheSecretTheServerReadsWithControlTokenFile() {
        JsonNode agent = container(job.path("spec").path("template"));
        List<String> args = strings(agent.path("args"));
        assertEquals("$(CONTROL_TOKEN)", args.get(args.indexOf("--control-token") + 1));
        JsonNode secretRef = env(agent, "CONTROL_TOKEN").path("valueFrom").path("secretKeyRef");
        String secretName = secretRef.path("name").asText();
        assertFalse(secretName.isEmpty());

        JsonNode server = container(deployment.path("spec").path("template"));
        String mount = mountPath(server, volumeNamed(deployment.path("spec").path("template"), "secret", "secretName",
                secretName));
        ServerMain.Settings settings = serverSettings();
        assertTrue(settings.tokenRequired(), "bound off loopback: /harness/* is guarded");
        // a Secret volume without items holds one file per key, named by the key
        assertEquals(Path.of(mount, secretRef.path("key").asText()), settings.controlTokenFile());
    }

    @Test
    void theStartAndTheIndexComeFromTheConfigMapAndTheJobController() {
        JsonNode agent = container(job.path("spec").path("template"));
        assertEquals("metadata.annotations['batch.kubernetes.io/job-completion-index']",
                env(agent, "JOB_COMPLETION_INDEX").path("valueFrom").path("fieldRef").path("fieldPath").asText());
        JsonNode startAt = env(agent, "START_AT").path("valueFrom").path("configMapKeyRef");
        assertEquals("harness-start", startAt.path("name").asText(), "the ConfigMap docs/DISTRIBUTED.md creates");
        assertEquals("START_AT", startAt.path("key").asText());
    }

    @Test
    void theServerArgumentsAreAHarnessServerCommandLineOnTheServicesPorts() {
        JsonNode server = container(deployment.path("spec").path("template"));
        assertEquals("/opt/harness/harness-server.jar", strings(server.path("command"))
                .get(strings(server.path("command")).indexOf("-jar") + 1));
        ServerMain.Settings settings = serverSettings();
        assertEquals("0.0.0.0", settings.config().host(), "reachable from the agents' pods");
        assertEquals(1, deployment.path("spec").path("replicas").asInt(), "one server: its counters are one process's");
        // the workload port, and the control port on the same number: /harness/* redirects there
        int workload = settings.config().port();
        int control = settings.config().controlPort();
        assertEquals(workload, containerPort(server, targetOf(servicePortFor(workload))));
        assertEquals(control, servicePortFor(control));
        assertEquals(control, containerPort(server, targetOf(control)));
        assertEquals(control, containerPort(server, server.path("readinessProbe").path("tcpSocket").path("port")),
                "probed on the control connector, never a workload connection");
        JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
        service.path("spec").path("selector").fields().forEachRemaining(e ->
                assertEquals(e.getValue().asText(), labels.path(e.getKey()).asText(), "the Service selects the server"));
    }

    @Test
    void everyObjectIsInTheNamespaceAndEveryContainerRunsTheImageTheDockerfileBuilds() throws IOException {
        String ns = namespace.path("metadata").path("name").asText();
        for (JsonNode object : List.of(job, deployment, service, volumeClaim, reader)) {
            assertEquals(ns, object.path("metadata").path("namespace").asText(), object.path("kind").asText());
        }
        List<JsonNode> containers = List.of(container(job.path("spec").path("template")),
                container(deployment.path("spec").path("template")), reader.path("spec").path("containers").get(0));
        for (JsonNode c : containers) {
            assertEquals("tomcat-push-harness:dev", c.path("image").asText());
            assertEquals("IfNotPresent", c.path("imagePullPolicy").asText(), "an image loaded into the cluster");
        }
        volumeNamed(reader, "persistentVolumeClaim", "claimName", volumeClaim.path("metadata").path("name").asText());

        String dockerfile = Files.readString(deploy.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("FROM eclipse-temurin:17-jre"), dockerfile);
        assertTrue(dockerfile.contains("COPY harness-client/target/harness-client.jar"
                + " harness-server/target/harness-server.jar /opt/harness/"), dockerfile);
        assertTrue(dockerfile.contains("COPY deploy/harness /usr/local/bin/harness"), dockerfile);
        assertTrue(Files.readString(deploy.resolve("harness")).contains("-jar /opt/harness/harness-client.jar \"$@\""));
        List<String> ignore = Files.readAllLines(deploy.resolve("Dockerfile.dockerignore"));
        for (String copied : List.of("harness-client/target/harness-client.jar", "harness-server/target/harness-server.jar",
                "deploy/harness")) {
            assertTrue(ignore.contains("!" + copied), "the build context keeps " + copied);
        }
    }

    /** The N of the Job's {@code --agent INDEX/N}. */
    private static int agentCount() {
        List<String> args = strings(container(job.path("spec").path("template")).path("args"));
        String agent = args.get(args.indexOf("--agent") + 1);
        assertEquals("$(JOB_COMPLETION_INDEX)/", agent.substring(0, agent.indexOf('/') + 1), agent);
        return Integer.parseInt(agent.substring(agent.indexOf('/') + 1));
    }

    private static ServerMain.Settings serverSettings() {
        return ServerMain.parse(strings(container(deployment.path("spec").path("template")).path("args"))
                .toArray(String[]::new));
    }

    /**
     * {@code args} with every {@code $(NAME)} replaced by {@code values}, as Kubernetes does for a
     * variable of the container's {@code env}; every reference must name one.
     */
    private static List<String> expand(List<String> args, JsonNode container, Map<String, String> values) {
        List<String> expanded = new ArrayList<>();
        for (String arg : args) {
            Matcher m = VARIABLE.matcher(arg);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                env(container, name);
                assertTrue(values.containsKey(name), "a value for $(" + name + ")");
                m.appendReplacement(out, Matcher.quoteReplacement(values.get(name)));
            }
            m.appendTail(out);
            expanded.add(out.toString());
        }
        return expanded;
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("$(" + name + ") names no env variable of container " + container.path("name"));
    }

    /** The Service port that forwards to the container port numbered {@code containerPort}. */
    private static int servicePortFor(int containerPort) {
        JsonNode server = container(deployment.path("spec").path("template"));
        for (JsonNode p : service.path("spec").path("ports")) {
            if (containerPort(server, p.path("targetPort")) == containerPort) {
                return p.path("port").asInt();
            }
        }
        throw new AssertionError("no Service port reaches container port " + containerPort);
    }

    private static JsonNode targetOf(int servicePort) {
        for (JsonNode p : service.path("spec").path("ports")) {
            if (p.path("port").asInt() == servicePort) {
                return p.path("targetPort");
            }
        }
        throw new AssertionError("the Service has no port " + servicePort);
    }

    /** A port given by number or by the name of one of the container's ports. */
    private static int containerPort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError("container " + container.path("name") + " has no port named " + port);
    }

    /** The name of the pod's volume of {@code type} whose {@code field} is {@code value}. */
    private static String volumeNamed(JsonNode podTemplate, String type, String field, String value) {
        JsonNode spec = podTemplate.path("spec");
        for (JsonNode v : spec.path("volumes")) {
            if (v.path(type).path(field).asText().equals(value)) {
                return v.path("name").asText();
            }
        }
        throw new AssertionError("no " + type + " volume with " + field + " " + value);
    }

    private static String mountPath(JsonNode container, String volume) {
        for (JsonNode m : container.path("volumeMounts")) {
            if (m.path("name").asText().equals(volume)) {
                return m.path("mountPath").asText();
            }
        }
        throw new AssertionError("container " + container.path("name") + " does not mount " + volume);
    }

    private static JsonNode container(JsonNode podTemplate) {
        JsonNode containers = podTemplate.path("spec").path("containers");
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    /** The one document of {@code kind} in a (multi-document) YAML file. */
    private static JsonNode only(Path file, String kind) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        try (var docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc.path("kind").asText().equals(kind)) {
                    found.add(doc);
                }
            }
        }
        assertEquals(1, found.size(), file + " holds one " + kind);
        assertNotNull(found.get(0).path("apiVersion").textValue(), kind + " has an apiVersion");
        return found.get(0);
    }

    private static Path root() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("deploy/kubernetes"))) {
            d = d.getParent();
        }
        if (d == null) {
            throw new IllegalStateException("deploy/kubernetes not found above " + Path.of("").toAbsolutePath());
        }
        return d;
    }
}
