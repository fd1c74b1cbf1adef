package org.nightpain.cds.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hazard log (docs/safety.md) names real tests: every {@code Class.method} it cites as evidence is a
 * test class of this project with a method of that name, and every hazard cites at least one. A renamed
 * or deleted test would otherwise leave a mitigation without evidence while the log still claims it.
 */
class HazardLogTest {
    private static final Path LOG = Path.of("docs/safety.md");
    private static final Pattern TEST_REFERENCE =
            Pattern.compile("`(?:[a-z]+\\.)*([A-Z][A-Za-z0-9]*(?:Test|IT))\\.([a-z][A-Za-z0-9_]*)`");

    @Test
    void everyTestTheHazardLogNames_exists() throws IOException {
        Map<String, Path> testClasses = testClasses();
        String log = Files.readString(LOG);
        Matcher matcher = TEST_REFERENCE.matcher(log);
        List<String> missing = new ArrayList<>();
        int references = 0;
        while (matcher.find()) {
            references++;
            Path source = testClasses.get(matcher.group(1));
            if (source == null) {
                missing.add(matcher.group(0) + ": no such test class");
            } else if (!Pattern.compile("\\b" + Pattern.quote(matcher.group(2)) + "\\s*\\(").matcher(Files.readString(source)).find()) {
                missing.add(matcher.group(0) + ": no such method in " + source.getFileName());
            }
        }
        assertThat(references).as("test references in the hazard log").isGreaterThan(50);
        assertThat(missing).as("tests the hazard log names that do not exist").isEmpty();
    }

    @Test
    void everyHazard_citesATest() throws IOException {
        String[] hazards = Files.readString(LOG).split("\n### ");
        List<String> withoutEvidence = new ArrayList<>();
        for (int i = 1; i < hazards.length; i++) {
            String hazard = hazards[i];
            if (hazard.startsWith("H-") && !TEST_REFERENCE.matcher(hazard).find() && !hazard.contains("Test`")) {
                withoutEvidence.add(hazard.lines().findFirst().orElse(""));
            }
        }
        assertThat(withoutEvidence).as("hazards that name no test").isEmpty();
    }

    /** The test classes of the safety invariants of clinical-knowledge §6 and §9.6. */
    private static final List<String> INVARIANT_TESTS = List.of("SafetyInvariantsTest", "SafetyInvariants2Test",
            "MonotonicityTest", "CaudaEquinaCompletenessTest");
    private static final Pattern TEST_METHOD = Pattern.compile(
            "@(?:Property|Example|Test|ParameterizedTest)\\b[^;]*?\\bvoid\\s+([a-z][A-Za-z0-9_]*)\\s*\\(", Pattern.DOTALL);

    /** A safety invariant with a test that the log does not name would be a control without a hazard. */
    @Test
    void everyTestOfTheSafetyInvariants_isNamedInTheHazardLog() throws IOException {
        Map<String, Path> testClasses = testClasses();
        String log = Files.readString(LOG);
        List<String> unnamed = new ArrayList<>();
        int tests = 0;
        for (String testClass : INVARIANT_TESTS) {
            Matcher matcher = TEST_METHOD.matcher(Files.readString(testClasses.get(testClass)));
            while (matcher.find()) {
                tests++;
                if (!log.contains(matcher.group(1))) {
                    unnamed.add(testClass + "." + matcher.group(1));
                }
            }
        }
        assertThat(tests).as("tests of the safety invariants").isGreaterThan(30);
        assertThat(unnamed).as("tests of the safety invariants the hazard log does not name").isEmpty();
    }

    private static Map<String, Path> testClasses() throws IOException {
        Map<String, Path> classes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String name = f.getFileName().toString();
                classes.put(name.substring(0, name.length() - ".java".length()), f);
            });
        }
        return classes;
    }
}
