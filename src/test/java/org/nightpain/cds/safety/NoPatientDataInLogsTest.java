package org.nightpain.cds.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.InvalidPatientFactsException;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.FactField;
import org.nightpain.cds.json.AssessmentJson;
import org.nightpain.cds.json.JsonTestAccess;
import org.slf4j.LoggerFactory;

/**
 * No patient data in logs: every vignette, a distinctive variant of each and a few hundred generated
 * patients are assessed with every SLF4J logger at TRACE (Drools' and the library's alike) and
 * java.util.logging at ALL, while standard output and error are recorded too; then no fact value of
 * any of those patients may appear in what was captured.
 *
 * <p>"YES" or "40" appear in logs for many reasons, so a value counts as leaked when it appears next to
 * its field name ({@code ageYears=40}, {@code "ageYears": 40}, {@code ageYears: 40}), when a whole
 * {@code PatientFacts[...]} dump appears, or, for the variants, when one of their deliberately unusual
 * decimals (a temperature of 38.73 °C, 2.0137 weeks) appears anywhere. An application that logs the
 * refusal of invalid facts (the exception) is included: its message must not carry values either.
 * The JSON codec is run the same way, with good and bad requests and batches and its internal-error path.
 *
 * <p>SLF4J chooses its provider once per JVM, so this test runs in a surefire execution of its own
 * ({@code no-patient-data-in-logs}) that selects {@link CapturingLogProvider}; run elsewhere, it is
 * skipped, and in that execution it fails if capture is not on.
 */
class NoPatientDataInLogsTest {
    private static final int GENERATED = 300;

    /** Facts that cannot be assessed: a temperature in °F and three impossible combinations. */
    private static final Map<FactField, Object> INVALID = Map.of(
            FactField.AGE_YEARS, 23, FactField.AGE_AT_ONSET_YEARS, 117, FactField.TEMPERATURE_C, 101.3,
            FactField.SYMPTOM_DURATION_WEEKS, 1300.7, FactField.START_BACK_TOTAL, 2,
            FactField.START_BACK_PSYCHOSOCIAL, 5);

    @Test
    void noFactValueOfAnyPatient_appearsInTheLogs() {
        requireCapture();

        List<PatientFacts> variants = new ArrayList<>();
        List<PatientFacts> patients = vignettesAndGenerated(GENERATED, variants);

        Capture capture = Capture.start();
        try {
            LoggerFactory.getLogger("org.drools.canary").trace("canary: TRACE is captured");
            NightPainAssessor assessor = NightPainAssessor.create();
            for (PatientFacts patient : patients) {
                assessor.assess(patient, Fixtures.AS_OF);
            }
            for (PatientFacts variant : variants) {
                assessor.assess(variant, Fixtures.AS_OF);
            }
            try {
                PatientFacts.Builder invalid = PatientFacts.builder();
                INVALID.forEach((field, value) -> field.write(invalid, value));
                invalid.build();
            } catch (InvalidPatientFactsException refused) {
                // as an application would log the refusal: its message must carry no patient data either
                LoggerFactory.getLogger("org.example.triage").error("Could not assess the patient", refused);
            }
        } finally {
            capture.stop();
        }
        String logged = String.join("\n", CapturingLogProvider.lines()) + "\n" + capture.text();

        assertThat(logged).as("TRACE is captured").contains("canary: TRACE is captured");
        assertThat(CapturingLogProvider.lines()).as("Drools' logging is captured")
                .anyMatch(line -> line.matches("(?s)\\w+ org\\.(drools|kie)\\..*"));
        assertThat(CapturingLogProvider.lines()).as("the library's own logging is captured")
                .anyMatch(line -> line.matches("(?s)\\w+ org\\.nightpain\\..*"));

        assertThat(logged).as("a dump of patient facts").doesNotContainPattern("PatientFacts\\[\\w+=");
        Set<String> pairs = fieldValuePairsIn(logged);
        List<String> leaks = new ArrayList<>();
        for (PatientFacts patient : patients) {
            leaks.addAll(fieldValuePairs(Patients.valuesOf(patient), pairs));
        }
        for (PatientFacts variant : variants) {
            leaks.addAll(fieldValuePairs(Patients.valuesOf(variant), pairs));
            leaks.addAll(distinctiveDecimals(variant, logged));
        }
        leaks.addAll(fieldValuePairs(INVALID, pairs));
        assertThat(leaks).as("patient data found in the logs").isEmpty();
    }

    /**
     * The JSON codec's paths, at TRACE as above: {@code AssessmentJson.assess} on text and on bytes, and
     * {@code assessNdjson} on a batch that mixes good lines with bad ones (invalid facts, wrong types,
     * unknown keys and enum names, duplicate keys, malformed and truncated JSON, bytes that are not
     * UTF-8) and with the files of {@code bad-inputs/}; and the internal-error path, whose exception
     * quotes the patient's facts. Every bad value is unusual, so that finding it anywhere in a log can
     * only mean a leak; the valid requests are the vignettes, their variants with unusual decimals and
     * generated patients.
     */
    @Test
    void noFactValueSentAsJson_appearsInTheLogs() throws IOException {
        requireCapture();
        List<PatientFacts> variants = new ArrayList<>();
        List<PatientFacts> patients = vignettesAndGenerated(100, variants);
        List<String> good = new ArrayList<>();
        for (int i = 0; i < patients.size(); i++) {
            good.add(CorpusCase.asRequest("p-" + i, patients.get(i)));
        }
        for (int i = 0; i < variants.size(); i++) {
            good.add(CorpusCase.asRequest("v-" + i, variants.get(i)));
        }
        List<String> badInputs = badInputFiles();

        Capture capture = Capture.start();
        try {
            LoggerFactory.getLogger("org.nightpain.canary").trace("canary: TRACE is captured");
            NightPainAssessor assessor = NightPainAssessor.create();
            AssessmentJson json = AssessmentJson.create(assessor);
            for (String request : good) {
                json.assess(request);
            }
            for (String request : BAD_REQUESTS) {
                json.assess(request);
                json.assess(request.getBytes(StandardCharsets.UTF_8));
            }
            for (String request : badInputs) {
                json.assess(request);
                json.assess(request.getBytes(StandardCharsets.UTF_8));
            }
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            for (int i = 0; i < good.size(); i++) {
                batch.write((good.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
                String bad = BAD_REQUESTS.get(i % BAD_REQUESTS.size());
                batch.write((bad + "\n").getBytes(StandardCharsets.UTF_8));
            }
            batch.write(new byte[] {'{', '"', 'a', 'g', 'e', 'Y', 'e', 'a', 'r', 's', '"', ':', ' ', '4', '9', ',',
                ' ', '"', 'i', 'd', '"', ':', ' ', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
            json.assessNdjson(new ByteArrayInputStream(batch.toByteArray()), OutputStream.nullOutputStream(), done -> { });

            AssessmentJson failing = JsonTestAccess.failingOn(assessor, p -> Integer.valueOf(73).equals(p.ageYears()));
            failing.assess(FAILING_REQUEST);
            failing.assessNdjson(new ByteArrayInputStream((good.get(0) + "\n" + FAILING_REQUEST + "\n" + good.get(1) + "\n")
                    .getBytes(StandardCharsets.UTF_8)), OutputStream.nullOutputStream(), done -> { });
        } finally {
            capture.stop();
        }
        String logged = String.join("\n", CapturingLogProvider.lines()) + "\n" + capture.text();

        assertThat(logged).as("TRACE is captured").contains("canary: TRACE is captured");
        assertThat(logged).as("the internal error is logged, so its path was taken")
                .contains("Internal error while assessing a JSON request");
        assertThat(logged).as("a dump of patient facts").doesNotContainPattern("PatientFacts\\[\\w+=");
        List<String> leaks = new ArrayList<>();
        Set<String> pairs = fieldValuePairsIn(logged);
        for (PatientFacts patient : patients) {
            leaks.addAll(fieldValuePairs(Patients.valuesOf(patient), pairs));
        }
        for (PatientFacts variant : variants) {
            leaks.addAll(fieldValuePairs(Patients.valuesOf(variant), pairs));
            leaks.addAll(distinctiveDecimals(variant, logged));
        }
        for (String value : BAD_VALUES) {
            if (logged.contains(value)) {
                leaks.add("bad request value " + value);
            }
        }
        for (String pair : BAD_PAIRS) {
            if (pairs.contains(pair)) {
                leaks.add("bad request value " + pair);
            }
        }
        assertThat(leaks).as("patient data found in the logs").isEmpty();
    }

    /** Requests that cannot be assessed, each with a value found nowhere else. */
    private static final List<String> BAD_REQUESTS = List.of(
            "{\"id\": \"bad-f\", \"ageYears\": 58, \"temperatureC\": 101.3719}",
            "{\"id\": \"bad-onset\", \"ageYears\": 31, \"ageAtOnsetYears\": 117}",
            "{\"id\": \"bad-key\", \"urinaryRetension\": \"YES-Q7\", \"saddleAnesthesia\": \"NO-Q8\"}",
            "{\"id\": \"bad-enum\", \"radicularLegPain\": \"Bilateral-Q9\", \"trauma\": \"major-Q10\"}",
            "{\"id\": \"bad-type\", \"weightLossKg\": \"4.7713\", \"historyOfCancer\": true, \"ageYears\": 40.3517}",
            "{\"id\": \"bad-twice\", \"symptomDurationWeeks\": 3.0419, \"symptomDurationWeeks\": 5.0811}",
            "{\"id\": \"bad-range\", \"painSeverityNrs\": 12, \"weightLossPercent\": 61.9317, \"startBackTotal\": 2, \"startBackPsychosocial\": 5}",
            "{\"id\": \"bad-json\", \"ageYears\": 47, \"temperatureC\": 38.9137",
            "{\"id\": \"bad-syntax\", \"sexualDysfunctionNew\": YES-Q11}",
            "{\"id\": \"bad-nan\", \"temperatureC\": NaN, \"weightLossPeriodMonths\": 7.2917}",
            "[\"urinaryRetention\", \"YES-Q12\"]");

    /** A valid request whose patient (aged 73) the failing assessor throws on. */
    private static final String FAILING_REQUEST = "{\"id\": \"boom\", \"ageYears\": 73, \"temperatureC\": 38.7731,"
            + " \"symptomDurationWeeks\": 6.0373}";

    /** The values of the bad and failing requests, each unusual enough to mean a leak wherever it appears. */
    private static final List<String> BAD_VALUES = List.of("101.3719", "YES-Q7", "NO-Q8", "Bilateral-Q9", "major-Q10",
            "4.7713", "40.3517", "3.0419", "5.0811", "61.9317", "38.9137", "YES-Q11", "7.2917", "YES-Q12", "38.7731", "6.0373",
            "ageYears=73");

    /** Values of the bad requests too common to look for alone, looked for next to their field name. */
    private static final List<String> BAD_PAIRS = List.of("ageYears=58", "ageYears=31", "ageAtOnsetYears=117",
            "painSeverityNrs=12", "startBackTotal=2", "startBackPsychosocial=5", "ageYears=47");

    /** The files of {@code bad-inputs/} (single requests and batches) as text. */
    private static List<String> badInputFiles() throws IOException {
        try (var files = Files.list(Path.of("src/test/resources/bad-inputs"))) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.filter(f -> !f.toString().endsWith(".tsv")).sorted().toList()) {
                texts.add(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
            assertThat(texts).hasSizeGreaterThan(40);
            return texts;
        }
    }

    private static void requireCapture() {
        boolean capturing = LoggerFactory.getILoggerFactory() instanceof CapturingLogProvider.Factory;
        if (Boolean.getBoolean("nightpain.logCapture.required")) {
            assertThat(capturing).as("SLF4J provider is CapturingLogProvider (system property slf4j.provider)").isTrue();
        }
        assumeTrue(capturing, "runs in the no-patient-data-in-logs test execution, where every log is captured");
    }

    /**
     * The 40 vignettes and {@code generated} valid generated patients; each vignette is also added to
     * {@code variants} with {@link #distinctive} values.
     */
    private static List<PatientFacts> vignettesAndGenerated(int generated, List<PatientFacts> variants) {
        List<PatientFacts> patients = new ArrayList<>();
        Fixtures.vignettes().forEach(v -> {
            patients.add(Fixtures.builderFrom(v.facts()).build());
            variants.add(distinctive(v.facts()));
        });
        Patients.valid().sampleStream().limit(generated).forEach(patients::add);
        return patients;
    }

    /**
     * A vignette with its decimals made unusual, so that finding one of them anywhere in a log can only
     * mean a leak: temperature 38.73 (or 36.41 below the fever threshold), duration + 0.0137 weeks,
     * weight loss + 0.0173 kg, + 0.0191 % and + 0.0231 months.
     */
    private static PatientFacts distinctive(Map<String, Object> vignette) {
        Map<String, Object> facts = new LinkedHashMap<>(vignette);
        facts.computeIfPresent("temperatureC", (k, v) -> ((Number) v).doubleValue() >= 38.0 ? 38.73 : 36.41);
        facts.compute("symptomDurationWeeks", (k, v) -> (v == null ? 3.0 : ((Number) v).doubleValue()) + 0.0137);
        facts.computeIfPresent("weightLossKg", (k, v) -> ((Number) v).doubleValue() + 0.0173);
        facts.computeIfPresent("weightLossPercent", (k, v) -> ((Number) v).doubleValue() + 0.0191);
        facts.computeIfPresent("weightLossPeriodMonths", (k, v) -> ((Number) v).doubleValue() + 0.0231);
        return Fixtures.builderFrom(facts).build();
    }

    /** Any fact field name followed by a value, as a log message, an error message or a toString() writes it. */
    private static final Pattern FIELD_AND_VALUE = Pattern.compile("\\b(" + String.join("|",
            FactField.ALL.stream().map(FactField::fieldName).toList()) + ")\\b[\"']?\\s*[=:(]?\\s*[\"']?([-\\w.]+)");

    /** Every field name and the value written after it, anywhere in the log, as "field=value". */
    private static Set<String> fieldValuePairsIn(String logged) {
        Set<String> pairs = new HashSet<>();
        Matcher matcher = FIELD_AND_VALUE.matcher(logged);
        while (matcher.find()) {
            String value = matcher.group(2);
            pairs.add(matcher.group(1) + "=" + (value.endsWith(".") ? value.substring(0, value.length() - 1) : value));
        }
        return pairs;
    }

    /** The values of these facts that the log writes next to their field name. */
    private static List<String> fieldValuePairs(Map<FactField, Object> values, Set<String> logged) {
        List<String> leaks = new ArrayList<>();
        values.forEach((field, value) -> {
            String pair = field.fieldName() + "=" + value;
            if (logged.contains(pair)) {
                leaks.add(pair);
            }
        });
        return leaks;
    }

    private static List<String> distinctiveDecimals(PatientFacts variant, String logged) {
        List<String> leaks = new ArrayList<>();
        for (FactField field : FactField.ALL) {
            if (field.kind() == FactField.Kind.DECIMAL && field.read(variant) != null) {
                String value = field.read(variant).toString();
                if (value.length() >= 5 && logged.contains(value)) {
                    leaks.add(field.fieldName() + " value " + value);
                }
            }
        }
        return leaks;
    }

    /** Records java.util.logging at every level, and standard output and error, while it runs. */
    private static final class Capture {
        private final ConcurrentLinkedQueue<String> julLines = new ConcurrentLinkedQueue<>();
        private final ByteArrayOutputStream streams = new ByteArrayOutputStream();
        private final PrintStream out = System.out;
        private final PrintStream err = System.err;
        private final java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
        private final java.util.logging.Level julLevel = julRoot.getLevel();
        private final Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                julLines.add(record.getLevel() + " " + record.getLoggerName() + " "
                        + new java.util.logging.SimpleFormatter().formatMessage(record)
                        + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        static Capture start() {
            Capture capture = new Capture();
            capture.handler.setLevel(java.util.logging.Level.ALL);
            capture.julRoot.addHandler(capture.handler);
            capture.julRoot.setLevel(java.util.logging.Level.ALL);
            System.setOut(new PrintStream(tee(capture.out, capture.streams), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(tee(capture.err, capture.streams), true, StandardCharsets.UTF_8));
            return capture;
        }

        void stop() {
            System.setOut(out);
            System.setErr(err);
            julRoot.removeHandler(handler);
            julRoot.setLevel(julLevel);
        }

        String text() {
            return String.join("\n", julLines) + "\n" + streams.toString(StandardCharsets.UTF_8);
        }

        private static OutputStream tee(PrintStream original, ByteArrayOutputStream copy) {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    copy.write(b);
                    original.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    copy.write(bytes, offset, length);
                    original.write(bytes, offset, length);
                }
            };
        }
    }
}
