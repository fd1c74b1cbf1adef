package org.nightpain.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An application that depends on nightpain-cds only to call the assessor must not get the HTTP server or
 * the FHIR structures: they are optional dependencies, and no class outside this package, the FHIR
 * mapping and population screening (which need only the FHIR structures) and the command line (which
 * bundles the service in its own jar) uses them.
 */
class OptionalDependenciesTest {
    private static final List<String> SERVICE_ONLY = List.of("org.eclipse.jetty", "ca.uhn.hapi.fhir", "com.nimbusds",
            "org.flywaydb", "com.h2database", "org.postgresql", "com.zaxxer");

    @Test
    void serverAndFhirDependencies_areOptional() throws Exception {
        NodeList dependencies = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile())
                .getDocumentElement().getElementsByTagName("dependency");
        int checked = 0;
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (dependency.getParentNode().getParentNode().getNodeName().equals("dependencyManagement")) {
                continue;
            }
            String group = text(dependency, "groupId");
            // A test-scope dependency (the FHIR server of the fetch tests) never reaches an application.
            if (SERVICE_ONLY.contains(group) && !"test".equals(text(dependency, "scope"))) {
                checked++;
                assertThat(text(dependency, "optional")).as(group + ":" + text(dependency, "artifactId")).isEqualTo("true");
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }

    @Test
    void coreClasses_doNotUseTheServiceOrItsLibraries() throws IOException {
        Path classes = Path.of("target", "classes", "org", "nightpain", "cds");
        List<Path> core;
        try (Stream<Path> files = Files.walk(classes)) {
            core = files.filter(f -> f.toString().endsWith(".class"))
                    .filter(f -> !f.startsWith(classes.resolve("hooks")) && !f.startsWith(classes.resolve("cli"))
                            && !f.startsWith(classes.resolve("fhir")) && !f.startsWith(classes.resolve("screening")))
                    .toList();
        }
        assertThat(core).isNotEmpty();
        for (Path file : core) {
            String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(constants).as(file.toString())
                    .doesNotContain("org/nightpain/cds/hooks", "org/eclipse/jetty", "ca/uhn/fhir", "org/hl7/fhir",
                            "com/nimbusds", "org/flywaydb", "org/h2/", "org/postgresql", "com/zaxxer");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fhir", "screening"})
    void fhirMappingAndScreening_needTheFhirStructuresButNotTheService(String packageName) throws IOException {
        Path classes = Path.of("target", "classes", "org", "nightpain", "cds", packageName);
        List<Path> mapping;
        try (Stream<Path> files = Files.walk(classes)) {
            mapping = files.filter(f -> f.toString().endsWith(".class")).toList();
        }
        assertThat(mapping).isNotEmpty();
        for (Path file : mapping) {
            String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(constants).as(file.toString()).doesNotContain("org/nightpain/cds/hooks", "org/eclipse/jetty");
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }
}
