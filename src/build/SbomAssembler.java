import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes the CycloneDX SBOMs of the library and of the command-line jar from two BOMs that
 * cyclonedx-maven-plugin wrote: one of the compile and runtime dependencies, one that also holds the test
 * dependencies. The build runs it at {@code package}, as a single-file Java program:
 * {@code java -cp CLASSPATH SbomAssembler.java RUNTIME_BOM TEST_BOM LIBRARY_JAR LIBRARY_OUT CLI_OUT EXTRA...},
 * where each EXTRA is the {@code groupId:artifactId} of an artifact that maven-shade-plugin adds to the
 * command-line jar as an extra artifact.
 *
 * <p>The plugin describes a Maven module by its dependency graph; it does not know what the shade plugin
 * puts in a jar. So this program only selects and re-roots what the plugin found, with the plugin's
 * hashes, licences and references unchanged, and adds the hashes of the library jar to the library:
 * <ul>
 *   <li>library: every component reached through a dependency that is not optional is {@code required};
 *       every other one is {@code optional} (an application that depends on the library does not get
 *       it). The plugin marks some components reached only through optional dependencies as required.
 *   <li>command-line jar: an application whose components are the library, every compile and runtime
 *       dependency (optional ones included, as the shade plugin takes them) and the extra artifacts,
 *       all {@code required}, because all are inside the jar.
 * </ul>
 */
public final class SbomAssembler {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            throw new IllegalArgumentException("usage: java SbomAssembler.java RUNTIME_BOM TEST_BOM LIBRARY_JAR"
                    + " LIBRARY_OUT CLI_OUT [GROUP:ARTIFACT...]");
        }
        ObjectNode runtime = (ObjectNode) JSON.readTree(Path.of(args[0]).toFile());
        ObjectNode withTests = (ObjectNode) JSON.readTree(Path.of(args[1]).toFile());
        ((ObjectNode) runtime.path("metadata").path("component")).set("hashes", hashes(Path.of(args[2])));
        write(Path.of(args[3]), library(runtime.deepCopy()));
        write(Path.of(args[4]), commandLine(runtime.deepCopy(), withTests, List.of(args).subList(5, args.length)));
    }

    /** SHA-256 and SHA-512 of a file, as CycloneDX writes hashes. */
    static ArrayNode hashes(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ArrayNode hashes = JSON.createArrayNode();
        for (String algorithm : List.of("SHA-256", "SHA-512")) {
            try {
                hashes.addObject().put("alg", algorithm)
                        .put("content", HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has " + algorithm, e);
            }
        }
        return hashes;
    }

    /** The runtime BOM with each component's scope set from the graph. */
    static ObjectNode library(ObjectNode bom) {
        String root = bom.path("metadata").path("component").path("bom-ref").asText();
        Map<String, List<String>> graph = graph(bom);
        Set<String> required = new HashSet<>();
        Deque<String> next = new ArrayDeque<>();
        for (String direct : graph.getOrDefault(root, List.of())) {
            // A direct dependency is optional exactly when the pom says so; the plugin marks those correctly.
            if (!"optional".equals(component(bom, direct).path("scope").asText())) {
                next.add(direct);
            }
        }
        while (!next.isEmpty()) {
            String ref = next.pop();
            if (required.add(ref)) {
                next.addAll(graph.getOrDefault(ref, List.of()));
            }
        }
        for (JsonNode component : bom.withArray("components")) {
            ((ObjectNode) component).put("scope", required.contains(component.path("bom-ref").asText())
                    ? "required" : "optional");
        }
        return bom;
    }

    /** The command-line jar: the library as a component, its dependencies and the extras, all required. */
    static ObjectNode commandLine(ObjectNode bom, ObjectNode withTests, List<String> extras) {
        ObjectNode metadata = (ObjectNode) bom.get("metadata");
        ObjectNode library = (ObjectNode) metadata.get("component");
        String version = library.path("version").asText();
        String cliRef = "nightpain-cds-cli@" + version;

        ObjectNode cli = JSON.createObjectNode();
        cli.put("type", "application");
        cli.put("bom-ref", cliRef);
        cli.put("group", library.path("group").asText());
        cli.put("name", "nightpain-cds-cli");
        cli.put("version", version);
        cli.put("description", "The command line of nightpain-cds (nightpain-cds-cli.jar): the library and every "
                + "runtime dependency in one executable jar.");
        cli.set("licenses", library.get("licenses").deepCopy());
        metadata.set("component", cli);

        ArrayNode components = bom.withArray("components");
        for (JsonNode component : components) {
            ((ObjectNode) component).put("scope", "required");
        }
        ObjectNode libraryComponent = library.deepCopy();
        libraryComponent.put("scope", "required");
        components.insert(0, libraryComponent);

        Set<String> present = new HashSet<>();
        components.forEach(component -> present.add(component.path("bom-ref").asText()));
        Set<String> rootDependsOn = new LinkedHashSet<>(List.of(library.path("bom-ref").asText()));
        ArrayNode dependencies = bom.withArray("dependencies");
        Map<String, List<String>> testGraph = graph(withTests);
        for (String extra : extras) {
            ObjectNode component = extra(withTests, extra);
            String ref = component.path("bom-ref").asText();
            for (String needed : testGraph.getOrDefault(ref, List.of())) {
                if (!present.contains(needed)) {
                    throw new IllegalStateException(extra + " needs " + needed + ", which the command-line jar does not hold");
                }
            }
            component.put("scope", "required");
            components.add(component);
            present.add(ref);
            rootDependsOn.add(ref);
            dependencies.add(dependency(ref, testGraph.getOrDefault(ref, List.of())));
        }
        dependencies.insert(0, dependency(cliRef, List.copyOf(rootDependsOn)));

        // A serial number of its own, derived from the library BOM's so that a rebuild gives the same one.
        String serial = bom.path("serialNumber").asText() + "/nightpain-cds-cli";
        bom.put("serialNumber", "urn:uuid:" + UUID.nameUUIDFromBytes(serial.getBytes(StandardCharsets.UTF_8)));
        return bom;
    }

    private static ObjectNode extra(ObjectNode withTests, String groupArtifact) {
        String[] parts = groupArtifact.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("an extra artifact is groupId:artifactId, not " + groupArtifact);
        }
        for (JsonNode component : withTests.withArray("components")) {
            if (component.path("group").asText().equals(parts[0]) && component.path("name").asText().equals(parts[1])) {
                return ((ObjectNode) component).deepCopy();
            }
        }
        throw new IllegalStateException(groupArtifact + " is not among the project's dependencies of any scope");
    }

    private static Map<String, List<String>> graph(ObjectNode bom) {
        Map<String, List<String>> graph = new HashMap<>();
        for (JsonNode dependency : bom.withArray("dependencies")) {
            List<String> dependsOn = new ArrayList<>();
            dependency.path("dependsOn").forEach(ref -> dependsOn.add(ref.asText()));
            graph.put(dependency.path("ref").asText(), dependsOn);
        }
        return graph;
    }

    private static JsonNode component(ObjectNode bom, String ref) {
        for (JsonNode component : bom.withArray("components")) {
            if (component.path("bom-ref").asText().equals(ref)) {
                return component;
            }
        }
        throw new IllegalStateException("no component " + ref);
    }

    private static ObjectNode dependency(String ref, List<String> dependsOn) {
        ObjectNode dependency = JSON.createObjectNode();
        dependency.put("ref", ref);
        ArrayNode array = dependency.putArray("dependsOn");
        dependsOn.forEach(array::add);
        return dependency;
    }

    private static void write(Path file, ObjectNode bom) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), bom);
    }
}
