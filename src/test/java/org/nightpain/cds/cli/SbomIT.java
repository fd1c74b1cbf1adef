package org.nightpain.cds.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CycloneDX SBOMs that the build writes: the library's lists what an application that depends on it
 * gets (required) and may add (optional); the command-line jar's lists everything inside that jar. Both
 * hold every artifact of the runtime dependency tree, so a component the SBOM plugin drops is caught here.
 */
class SbomIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A node of the tree, for example {@code |  +- g:a:jar:1.0:compile (optional)}: indent, artifact, rest. */
    private static final Pattern NODE = Pattern.compile("^((?:[| ]  )*)[+\\\\]- (\\S+)(.*)$");

    private static JsonNode library;
    private static JsonNode cli;
    /** group:artifact:version of every node of the runtime dependency tree. */
    private static Set<String> tree;
    /** The nodes of the tree under no optional dependency: an application that uses the library gets them. */
    private static Set<String> inherited;

    /** cyclonedx-maven-plugin cannot run offline, so an offline build writes no SBOM (docs/dependencies.md). */
    private static final boolean ONLINE_BUILD = "offline=false".equals(System.getProperty("build.offline"));

    @BeforeAll
    static void read() throws IOException {
        if (!ONLINE_BUILD) {
            return;
        }
        library = JSON.readTree(Path.of(System.getProperty("sbom.library")).toFile());
        cli = JSON.readTree(Path.of(System.getProperty("sbom.cli")).toFile());
        readTree(Files.readAllLines(Path.of(System.getProperty("dependency.tree"))));
    }

    @BeforeEach
    void onlineBuildsOnly() {
        assumeThat(ONLINE_BUILD).as("the SBOMs are written only by an online build").isTrue();
    }

    @Test
    void librarySbom_describesTheLibraryAndEveryRuntimeDependency() throws IOException {
        assertThat(library.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(library.path("specVersion").asText()).isEqualTo("1.6");
        JsonNode subject = library.path("metadata").path("component");
        assertThat(subject.path("type").asText()).isEqualTo("library");
        assertThat(subject.path("purl").asText()).startsWith("pkg:maven/org.nightpain/nightpain-cds@");
        assertThat(subject.path("licenses").toString()).contains("Apache-2.0");
        assertThat(subject.path("hashes").toString()).as("the hash of the library jar this build wrote")
                .contains(sha256(Path.of(System.getProperty("library.jar"))));

        Map<String, String> scopes = scopes(library);
        assertThat(scopes.keySet()).isEqualTo(tree);
        assertThat(scopes.keySet()).noneMatch(component -> component.startsWith("org.slf4j:slf4j-simple:"));
    }

    @Test
    void librarySbom_marksWhatAnApplicationDoesNotGetAsOptional() {
        Map<String, String> scopes = scopes(library);
        assertThat(scopeOf(scopes, "org.drools:drools-core")).isEqualTo("required");
        assertThat(scopeOf(scopes, "org.drools:drools-model-compiler")).isEqualTo("required");
        assertThat(scopeOf(scopes, "org.slf4j:slf4j-api")).isEqualTo("required");
        for (String optional : List.of("info.picocli:picocli", "com.fasterxml.jackson.core:jackson-core",
                "org.eclipse.jetty:jetty-server", "ca.uhn.hapi.fhir:hapi-fhir-structures-r4", "com.nimbusds:nimbus-jose-jwt",
                "com.h2database:h2", "org.postgresql:postgresql",
                // Reached only through HAPI FHIR, and marked required by the plugin itself.
                "io.opentelemetry:opentelemetry-api")) {
            assertThat(scopeOf(scopes, optional)).as(optional).isEqualTo("optional");
        }
        for (String component : inherited) {
            assertThat(scopes.get(component)).as(component).isEqualTo("required");
        }
    }

    @Test
    void cliSbom_listsEverythingInTheJar() {
        JsonNode subject = cli.path("metadata").path("component");
        assertThat(subject.path("type").asText()).isEqualTo("application");
        assertThat(subject.path("name").asText()).isEqualTo("nightpain-cds-cli");
        assertThat(cli.path("serialNumber").asText()).isNotEqualTo(library.path("serialNumber").asText());

        Map<String, String> scopes = scopes(cli);
        Set<String> expected = new HashSet<>(tree);
        expected.add(coordinates(library.path("metadata").path("component")));
        expected.add(coordinates(scopes, "org.slf4j:slf4j-simple"));
        assertThat(scopes.keySet()).isEqualTo(expected);
        assertThat(scopes.values()).containsOnly("required");
        for (String bundled : List.of("info.picocli:picocli", "com.fasterxml.jackson.core:jackson-databind",
                "org.eclipse.jetty:jetty-server", "ca.uhn.hapi.fhir:hapi-fhir-client", "com.nimbusds:nimbus-jose-jwt",
                "org.flywaydb:flyway-core", "com.h2database:h2", "org.postgresql:postgresql", "com.zaxxer:HikariCP",
                "org.drools:drools-core", "org.slf4j:slf4j-api", "org.slf4j:slf4j-simple")) {
            assertThat(scopeOf(scopes, bundled)).as(bundled).isEqualTo("required");
        }
    }

    @Test
    void bothSboms_referOnlyToTheirOwnComponents() {
        for (JsonNode bom : List.of(library, cli)) {
            Set<String> refs = new HashSet<>();
            refs.add(bom.path("metadata").path("component").path("bom-ref").asText());
            bom.path("components").forEach(component -> refs.add(component.path("bom-ref").asText()));
            for (JsonNode dependency : bom.path("dependencies")) {
                assertThat(refs).contains(dependency.path("ref").asText());
                dependency.path("dependsOn").forEach(ref -> assertThat(refs).contains(ref.asText()));
            }
            bom.path("components").forEach(component ->
                    assertThat(component.path("hashes").toString()).as(component.path("name").asText()).contains("SHA-256"));
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** group:artifact:version of each component, with its scope. */
    private static Map<String, String> scopes(JsonNode bom) {
        Map<String, String> scopes = new HashMap<>();
        for (JsonNode component : bom.path("components")) {
            scopes.put(coordinates(component), component.path("scope").asText());
        }
        return scopes;
    }

    private static String coordinates(JsonNode component) {
        return component.path("group").asText() + ":" + component.path("name").asText() + ":"
                + component.path("version").asText();
    }

    private static String coordinates(Map<String, String> scopes, String groupArtifact) {
        List<String> found = scopes.keySet().stream().filter(key -> key.startsWith(groupArtifact + ":")).toList();
        assertThat(found).as(groupArtifact).hasSize(1);
        return found.get(0);
    }

    private static String scopeOf(Map<String, String> scopes, String groupArtifact) {
        return scopes.get(coordinates(scopes, groupArtifact));
    }

    /** Reads {@code mvn dependency:tree} output: three characters of indent per level below the root. */
    private static void readTree(List<String> lines) {
        tree = new HashSet<>();
        inherited = new HashSet<>();
        List<Boolean> optionalAbove = new ArrayList<>();
        for (String line : lines) {
            Matcher node = NODE.matcher(line);
            if (!node.matches()) {
                continue;
            }
            int level = node.group(1).length() / 3;
            // group:artifact:type[:classifier]:version:scope
            String[] parts = node.group(2).split(":");
            String coordinates = parts[0] + ":" + parts[1] + ":" + parts[parts.length - 2];
            boolean optional = node.group(3).contains("(optional)") || level > 0 && optionalAbove.get(level - 1);
            optionalAbove.subList(level, optionalAbove.size()).clear();
            optionalAbove.add(optional);
            tree.add(coordinates);
            if (!optional) {
                inherited.add(coordinates);
            }
        }
        assertThat(tree).as("nodes read from the dependency tree").hasSizeGreaterThan(20);
    }
}
