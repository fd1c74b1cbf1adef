package org.nightpain.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package map of docs/architecture.md holds: only the facade uses the engine, every package has its
 * package-info, and the public types of each package are the ones listed here, so that a new public type
 * is a decision and not an accident.
 */
class PackageStructureTest {
    private static final Path CLASSES = Path.of("target", "classes");
    private static final Path SOURCES = Path.of("src", "main", "java", "org", "nightpain", "cds");

    /** Every public top-level type, by package; the ones outside the API say in their javadoc why they are public. */
    private static final Map<String, Set<String>> PUBLIC_TYPES = Map.of(
            "org.nightpain.cds", Set.of("Assessment", "Category", "Diagnostic", "Evidence", "FactField", "Finding",
                    "HlaB27", "InvalidPatientFactsException", "KnowledgeBaseInfo", "LegNumbness", "MattressFirmness", "MotorWeakness",
                    "NightPainAssessor", "NsaidResponse", "OnsetType", "PatientFacts", "Problem", "Progression",
                    "Question", "RadicularLegPain", "Referral", "RuleInfo", "Sex", "SleepPosition", "Source", "Trauma",
                    "TriState", "Urgency"),
            "org.nightpain.cds.engine", Set.of("RuleEngine"),
            "org.nightpain.cds.knowledge", Set.of("AskWhen", "BasisRecorder", "DerivedFact", "DerivedKind",
                    "FindingFactory", "KnowledgeBase", "RaisedFinding", "RuleBook", "Thresholds"),
            "org.nightpain.cds.json", Set.of("AssessmentJson", "BatchSummary", "BugReport", "ErrorCode", "JsonProblem",
                    "LineReader", "ScreeningJson", "Utf8"),
            "org.nightpain.cds.fhir", Set.of("Canonicals", "CodeLists", "FhirFactMapper", "FhirMappingException",
                    "FhirParseErrors", "MappedFacts"),
            "org.nightpain.cds.screening", Set.of("BulkExportException", "BulkManifest", "BulkScreen", "FlaggedCsv",
                    "PatientOutcome", "PatientRecords", "RawRecord", "RecordClassifier", "RecordReason",
                    "ScreeningSummary", "SyntheticBulkExport"),
            "org.nightpain.cds.hooks", Set.of("AuditTrail", "CdsHooksServer", "ServiceConfig"),
            "org.nightpain.cds.cli", Set.of("Main"));

    @Test
    void onlyTheFacade_usesTheEngine() throws IOException {
        List<Path> users;
        try (Stream<Path> files = Files.walk(CLASSES.resolve("org/nightpain/cds"))) {
            users = files.filter(f -> f.toString().endsWith(".class"))
                    .filter(f -> !f.startsWith(CLASSES.resolve("org/nightpain/cds/engine")))
                    .filter(f -> references(f, "org/nightpain/cds/engine/"))
                    .toList();
        }
        assertThat(users).containsExactly(CLASSES.resolve("org/nightpain/cds/NightPainAssessor.class"));
    }

    @Test
    void everyPackage_hasItsPackageInfo() throws IOException {
        try (Stream<Path> folders = Files.walk(SOURCES)) {
            folders.filter(Files::isDirectory).filter(PackageStructureTest::holdsJava)
                    .forEach(folder -> assertThat(folder.resolve("package-info.java")).as(folder.toString()).exists());
        }
    }

    @Test
    void publicTypes_areTheListedOnes() throws Exception {
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")
                    && !f.getFileName().toString().equals("package-info.java")).toList()) {
                addIfPublic(found, SOURCES.relativize(file));
            }
        }
        // The fact schema is generated from the fact register at build time.
        addIfPublic(found, Path.of("PatientFacts.java"));
        addIfPublic(found, Path.of("FactField.java"));
        assertThat(found).isEqualTo(new TreeMap<>(PUBLIC_TYPES));
    }

    private static void addIfPublic(Map<String, Set<String>> found, Path relative) throws ClassNotFoundException {
        String name = relative.toString().replace(".java", "").replace('/', '.');
        Class<?> type = Class.forName("org.nightpain.cds." + name);
        if (Modifier.isPublic(type.getModifiers())) {
            found.computeIfAbsent(type.getPackageName(), p -> new TreeSet<>()).add(type.getSimpleName());
        }
    }

    private static boolean holdsJava(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean references(Path classFile, String internalName) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains(internalName);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
