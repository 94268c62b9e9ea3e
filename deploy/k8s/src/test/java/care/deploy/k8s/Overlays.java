package care.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The overlays of this module rendered as kubectl apply -k would send them: one JSON tree per resource. */
final class Overlays {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<Path, List<ObjectNode>> RENDERED = new HashMap<>();

    private Overlays() {
    }

    /** deploy/k8s: the tests run in the module's folder (surefire's working directory). */
    static Path moduleDir() {
        return Path.of("").toAbsolutePath();
    }

    static Path repoRoot() {
        return moduleDir().resolve("../..").normalize();
    }

    static List<Path> all() throws IOException {
        try (Stream<Path> dirs = Files.list(moduleDir().resolve("overlays"))) {
            return dirs.filter(dir -> Files.exists(dir.resolve("kustomization.yaml"))).sorted().toList();
        }
    }

    /** Whether kubectl (which carries kustomize) can be run here at all. */
    static boolean kubectlAvailable() {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The overlay's resources, rendered once per test run (each caller gets its own copy to change); kustomize
     * takes about a second per overlay, which several tests would otherwise pay again and again.
     */
    static List<ObjectNode> render(Path overlay) throws IOException, InterruptedException {
        List<ObjectNode> rendered;
        synchronized (RENDERED) {
            rendered = RENDERED.get(overlay);
            if (rendered == null) {
                rendered = kustomize(overlay);
                RENDERED.put(overlay, rendered);
            }
        }
        return rendered.stream().map(ObjectNode::deepCopy).collect(Collectors.toCollection(ArrayList::new));
    }

    private static List<ObjectNode> kustomize(Path overlay) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kustomize-", ".yaml");
        Path err = Files.createTempFile("kustomize-", ".err");
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", overlay.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + overlay + " took over 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + overlay + " failed: " + Files.readString(err));
            }
            return parse(Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static List<ObjectNode> parse(String multiDocumentYaml) throws IOException {
        List<ObjectNode> docs = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(multiDocumentYaml)) {
            for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (doc instanceof ObjectNode object) {
                    docs.add(object);
                }
            }
        }
        return docs;
    }
}
