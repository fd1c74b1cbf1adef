package org.nightpain.cds.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime jar for {@code --jars}: the library, Drools and HAPI FHIR inside; Spark, Scala and SLF4J
 * left to the cluster; Jackson, Guava and Apache Commons moved out of the way of Spark's copies.
 */
class RuntimeJarIT {
    @Test
    void runtimeJar_carriesTheScreenButNotSpark_andRelocatesWhatClashes() throws IOException {
        try (JarFile jar = new JarFile(Path.of(System.getProperty("runtime.jar")).toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(e -> e.getName()).toList();
            assertThat(names).contains("org/nightpain/cds/spark/NightPainScreening.class",
                    "org/nightpain/cds/NightPainAssessor.class", "org/drools/modelcompiler/KieBaseBuilder.class",
                    "org/hl7/fhir/r4/model/QuestionnaireResponse.class",
                    "org/nightpain/cds/shaded/jackson/core/JsonFactory.class");
            assertThat(names).noneMatch(name -> name.startsWith("org/apache/spark/") || name.startsWith("scala/")
                    || name.startsWith("org/slf4j/") || name.startsWith("com/fasterxml/") || name.startsWith("com/google/")
                    || name.startsWith("org/apache/commons/") || name.startsWith("org/antlr/")
                    || name.startsWith("org/apache/hadoop/"));
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(NightPainScreening.class.getName());
        }
    }

    /**
     * The runtime jar's main on Spark's own class path, as spark-submit runs it: none of the library's
     * dependencies but those inside the jar, and Spark's Jackson beside the relocated one.
     */
    @Test
    void runtimeJar_screensTheExampleExport_onSparksClassPath(@TempDir Path out) throws Exception {
        Path jar = Path.of(System.getProperty("runtime.jar"));
        List<String> classPath = new ArrayList<>(List.of(jar.toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            // Leave out this module's own classes and what the runtime jar carries unrelocated; what it
            // relocates (Jackson, Guava, Commons) stays, as Spark brings its own copies.
            if (!entry.contains("nightpain") && !entry.contains("/ca/uhn/") && !entry.contains("/org/drools/")
                    && !entry.contains("/org/kie/")) {
                classPath.add(entry);
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(Arrays.stream(System.getProperty("spark.argLine").split("\\s+")).filter(a -> !a.isBlank()).toList());
        command.addAll(List.of("-Dspark.master=local[2]", "-Dspark.ui.enabled=false", "-Dspark.driver.bindAddress=127.0.0.1",
                "-Dspark.driver.host=127.0.0.1", "-Dspark.sql.shuffle.partitions=2", "-cp", String.join(File.pathSeparator, classPath),
                NightPainScreening.class.getName(), Path.of(System.getProperty("examples.dir"), "bulk").toString(),
                "--out", out.resolve("screen").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(out.resolve("log.txt").toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(out.resolve("log.txt"), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).contains("patients 12 assessed, 0 not assessed");
        assertThat(Files.readString(out.resolve("screen").resolve("summary.json"))).contains("\"assessed\" : 12");
        try (var files = Files.list(out.resolve("screen").resolve("flagged"))) {
            String flagged = files.filter(f -> f.toString().endsWith(".csv")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining());
            assertThat(flagged).contains("Patient/p2,EMERGENCY,CAUDA_EQUINA_SUSPECTED");
        }
    }
}
