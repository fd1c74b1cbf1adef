package org.nightpain.cds.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Resource;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.fhir.Canonicals;
import org.nightpain.cds.fhir.FhirFactMapper;
import org.nightpain.cds.fhir.FhirParseErrors;
import org.nightpain.cds.fhir.MappedFacts;
import org.nightpain.cds.json.ScreeningJson;
import org.nightpain.cds.screening.PatientRecords;
import org.nightpain.cds.screening.RawRecord;
import org.nightpain.cds.screening.RecordClassifier;
import org.nightpain.cds.screening.SyntheticBulkExport;

/**
 * Where a screen's CPU time goes, stage by stage, in CPU time of the calling thread per patient: reading
 * each line far enough to key it ({@code RecordClassifier}), parsing the records with HAPI FHIR, mapping
 * them to facts, assessing, and writing the row of assessments.ndjson. A generated export is held in
 * memory, so no file or spill is timed; rounds run in turn and the first ones are warm-up. Arguments:
 * patients (default 20000) and rounds (default 8). Prints median, min and max over the measured rounds.
 */
public final class ScreenStages {
    private static final int WARM_UP_ROUNDS = 3;
    private static final Instant AS_OF = Instant.parse("2026-11-25T08:00:00Z");
    private static volatile Object sink;

    private ScreenStages() {
    }

    public static void main(String[] args) throws Exception {
        int patients = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path folder = Files.createTempDirectory("screen-stages");
        SyntheticBulkExport.write(folder, SyntheticBulkExport.Settings.of(patients, 1, AS_OF));
        List<byte[]> lines = new ArrayList<>();
        Map<String, List<RawRecord>> byPatient = new HashMap<>();
        for (Path file : Files.list(folder).filter(f -> f.toString().endsWith(".ndjson")).sorted().toList()) {
            for (String line : Files.readAllLines(file)) {
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                lines.add(bytes);
                RecordClassifier.Line keyed = RecordClassifier.classify(bytes, 0, bytes.length);
                if (keyed.screened()) {
                    byPatient.computeIfAbsent(keyed.patient(), k -> new ArrayList<>()).add(new RawRecord(
                            keyed.resourceType(), keyed.id(), bytes, file.getFileName().toString(), lines.size(), "-"));
                }
            }
            Files.delete(file);
        }
        Files.delete(folder.resolve("manifest.json"));
        Files.delete(folder);
        List<String> keys = new ArrayList<>(byPatient.keySet());
        Collections.sort(keys);

        FhirContext fhir = FhirContext.forR4Cached();
        IParser parser = fhir.newJsonParser().setParserErrorHandler(new FhirParseErrors());
        FhirFactMapper mapper = FhirFactMapper.create(Canonicals.PLACEHOLDER);
        PatientRecords records = PatientRecords.create(fhir, mapper);
        NightPainAssessor assessor = NightPainAssessor.create();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<String, List<Double>> results = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            long[] cpu = new long[7];
            cpu[0] = threads.getCurrentThreadCpuTime();
            for (byte[] line : lines) {
                sink = RecordClassifier.classify(line, 0, line.length);
            }
            cpu[1] = threads.getCurrentThreadCpuTime();
            List<List<Resource>> parsed = new ArrayList<>(keys.size());
            for (String key : keys) {
                List<Resource> resources = new ArrayList<>();
                for (RawRecord record : byPatient.get(key)) {
                    resources.add((Resource) parser.parseResource(new String(record.json(), StandardCharsets.UTF_8)));
                }
                parsed.add(resources);
            }
            cpu[2] = threads.getCurrentThreadCpuTime();
            List<MappedFacts> facts = new ArrayList<>(keys.size());
            for (List<Resource> resources : parsed) {
                facts.add(mapper.map(resources, r -> "-", AS_OF));
            }
            cpu[3] = threads.getCurrentThreadCpuTime();
            List<Assessment> assessments = new ArrayList<>(keys.size());
            for (MappedFacts mapped : facts) {
                assessments.add(assessor.assess(mapped.facts(), AS_OF));
            }
            cpu[4] = threads.getCurrentThreadCpuTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
            for (int i = 0; i < keys.size(); i++) {
                out.reset();
                MappedFacts mapped = facts.get(i);
                ScreeningJson.assessed(out, keys.get(i), mapped.answered(), assessments.get(i), mapped.sources(),
                        mapped.basis(), mapped.notes());
            }
            cpu[5] = threads.getCurrentThreadCpuTime();
            for (String key : keys) {
                sink = records.read(key, byPatient.get(key), AS_OF);
            }
            cpu[6] = threads.getCurrentThreadCpuTime();
            if (round >= WARM_UP_ROUNDS) {
                String[] names = {"classify every line", "parse (HAPI FHIR)", "map to facts", "assess", "write the row",
                    "PatientRecords.read (parse, duplicates, map)"};
                for (int stage = 0; stage < names.length; stage++) {
                    results.computeIfAbsent(names[stage], k -> new ArrayList<>())
                            .add((cpu[stage + 1] - cpu[stage]) / 1e3 / keys.size());
                }
            }
        }
        System.out.printf("%d patients, %.2f records each; CPU microseconds per patient, median (min-max) of %d rounds%n",
                keys.size(), lines.size() / (double) keys.size(), rounds - WARM_UP_ROUNDS);
        for (Map.Entry<String, List<Double>> stage : results.entrySet()) {
            List<Double> values = new ArrayList<>(stage.getValue());
            Collections.sort(values);
            System.out.printf("  %-46s %6.1f (%.1f-%.1f)%n", stage.getKey(), values.get(values.size() / 2), values.get(0),
                    values.get(values.size() - 1));
        }
    }
}
