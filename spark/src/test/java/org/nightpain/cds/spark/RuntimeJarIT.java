package org.nightpain.cds.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

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
}
