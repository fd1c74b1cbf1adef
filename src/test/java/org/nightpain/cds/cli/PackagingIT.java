package org.nightpain.cds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the build ships: a plain library jar, a self-contained CLI jar, and a library whose users get
 * neither the command line's, the JSON codec's nor the CDS Hooks service's dependencies (Jetty, HAPI
 * FHIR and the FHIR structures) unless they ask for them.
 */
class PackagingIT {
    /** One line of {@code mvn dependency:tree}: its depth and the artifact, optional ones marked. */
    private static final Pattern TREE_LINE = Pattern.compile("^([| ]*[+\\\\]- )(\\S+)(.*)$");

    @Test
    void libraryJar_isAPlainLibrary() throws IOException {
        try (JarFile jar = new JarFile(System.getProperty("library.jar"))) {
            List<String> names = Collections.list(jar.entries()).stream().map(e -> e.getName()).toList();
            assertThat(names).contains("org/nightpain/cds/NightPainAssessor.class",
                    "org/nightpain/cds/json/AssessmentJson.class");
            assertThat(names).noneMatch(name -> name.startsWith("picocli/") || name.startsWith("com/fasterxml/")
                    || name.startsWith("org/slf4j/") || name.startsWith("org/drools/")
                    || name.startsWith("org/eclipse/jetty/") || name.startsWith("ca/uhn/") || name.startsWith("org/hl7/")
                    || name.startsWith("com/nimbusds/") || name.startsWith("org/flywaydb/") || name.startsWith("org/h2/")
                    || name.startsWith("org/postgresql/") || name.startsWith("com/zaxxer/"));
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isNull();
        }
    }

    /** Applications on the module path require the library by a stable name, not one derived from the file name. */
    @Test
    void libraryJar_hasAStableAutomaticModuleName() throws IOException {
        Path library = Path.of(System.getProperty("library.jar"));
        try (JarFile jar = new JarFile(library.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                    .isEqualTo("org.nightpain.cds");
        }
        // What the module system makes of the jar: an automatic module of that name with the API package
        ModuleDescriptor module = ModuleFinder.of(library).findAll().stream().map(ModuleReference::descriptor)
                .collect(Collectors.collectingAndThen(Collectors.toList(), modules -> {
                    assertThat(modules).hasSize(1);
                    return modules.get(0);
                }));
        assertThat(module.name()).isEqualTo("org.nightpain.cds");
        assertThat(module.isAutomatic()).isTrue();
        assertThat(module.packages()).contains("org.nightpain.cds", "org.nightpain.cds.json");
    }

    @Test
    void cliJar_carriesEveryDependencyAndALoggingProvider() throws IOException {
        try (JarFile jar = new JarFile(CliProcess.JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(Main.class.getName());
            assertThat(jar.getEntry("picocli/CommandLine.class")).isNotNull();
            assertThat(jar.getEntry("com/fasterxml/jackson/core/JsonFactory.class")).isNotNull();
            assertThat(jar.getEntry("org/drools/modelcompiler/KieBaseBuilder.class")).isNotNull();
            // serve: the HTTP server, HAPI FHIR and the FHIR R4 structures.
            assertThat(jar.getEntry("org/eclipse/jetty/server/Server.class")).isNotNull();
            assertThat(jar.getEntry("ca/uhn/fhir/context/FhirContext.class")).isNotNull();
            assertThat(jar.getEntry("org/hl7/fhir/r4/model/QuestionnaireResponse.class")).isNotNull();
            assertThat(jar.getEntry("com/fasterxml/jackson/databind/ObjectMapper.class")).isNotNull();
            // serve --config: token verification, the FHIR client, the store and its schema.
            assertThat(jar.getEntry("com/nimbusds/jwt/SignedJWT.class")).isNotNull();
            assertThat(jar.getEntry("ca/uhn/fhir/rest/client/impl/GenericClient.class")).isNotNull();
            assertThat(jar.getEntry("org/flywaydb/core/Flyway.class")).isNotNull();
            assertThat(jar.getEntry("org/h2/Driver.class")).isNotNull();
            assertThat(jar.getEntry("org/postgresql/Driver.class")).isNotNull();
            assertThat(jar.getEntry("com/zaxxer/hikari/HikariDataSource.class")).isNotNull();
            assertThat(jar.getEntry("org/nightpain/cds/hooks/migration/V1__audit_and_feedback.sql")).isNotNull();
            assertThat(jar.getEntry("org/apache/http/client/HttpClient.class")).as("Apache HttpClient stays out").isNull();
            String providers = new String(jar.getInputStream(
                    jar.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(providers).contains("org.slf4j.simple.SimpleServiceProvider");
        }
    }

    @Test
    void anApplicationUsingTheLibrary_getsNoCommandLineJsonHttpOrFhirDependency() throws IOException {
        List<String> tree = Files.readAllLines(Path.of(System.getProperty("dependency.tree")));
        List<String> inherited = new ArrayList<>();
        List<String> optional = new ArrayList<>();
        int optionalDepth = Integer.MAX_VALUE;
        for (String line : tree) {
            Matcher node = TREE_LINE.matcher(line);
            if (!node.matches()) {
                continue;
            }
            int depth = node.group(1).length();
            if (depth <= optionalDepth) {
                optionalDepth = Integer.MAX_VALUE;
            }
            boolean isOptional = node.group(3).contains("(optional)");
            if (isOptional && depth < optionalDepth) {
                optionalDepth = depth;
            }
            (optionalDepth <= depth ? optional : inherited).add(node.group(2));
        }

        // Sanity: the tree was read and the optional dependencies are there, but optional.
        assertThat(inherited).anyMatch(artifact -> artifact.startsWith("org.drools:drools-model-compiler:"));
        assertThat(optional).anyMatch(artifact -> artifact.startsWith("info.picocli:picocli:"));
        assertThat(optional).anyMatch(artifact -> artifact.startsWith("com.fasterxml.jackson.core:jackson-core:"));
        assertThat(optional).anyMatch(artifact -> artifact.startsWith("com.fasterxml.jackson.core:jackson-databind:"));
        assertThat(optional).anyMatch(artifact -> artifact.startsWith("org.eclipse.jetty:jetty-server:"));
        assertThat(optional).anyMatch(artifact -> artifact.startsWith("ca.uhn.hapi.fhir:hapi-fhir-structures-r4:"));
        assertThat(optional).anyMatch(artifact -> artifact.startsWith("ca.uhn.hapi.fhir:org.hl7.fhir.r4:"));
        for (String serviceOnly : List.of("com.nimbusds:nimbus-jose-jwt:", "ca.uhn.hapi.fhir:hapi-fhir-client:",
                "org.flywaydb:flyway-core:", "org.flywaydb:flyway-database-postgresql:", "com.h2database:h2:",
                "org.postgresql:postgresql:", "com.zaxxer:HikariCP:")) {
            assertThat(optional).anyMatch(artifact -> artifact.startsWith(serviceOnly));
        }
        // What an application inherits: no command line, no JSON, no HTTP server, no FHIR.
        assertThat(inherited).noneMatch(artifact -> artifact.startsWith("info.picocli:")
                || artifact.startsWith("com.fasterxml.jackson.")
                || artifact.startsWith("org.slf4j:slf4j-simple:")
                || artifact.startsWith("org.eclipse.jetty")
                || artifact.startsWith("ca.uhn.hapi.fhir")
                || artifact.startsWith("org.hl7.fhir") || artifact.contains(":org.hl7.fhir.")
                || artifact.startsWith("com.nimbusds:") || artifact.startsWith("org.flywaydb:")
                || artifact.startsWith("com.h2database:") || artifact.startsWith("org.postgresql:")
                || artifact.startsWith("com.zaxxer:") || artifact.startsWith("org.apache.httpcomponents:"));
    }
}
