package org.nightpain.cds.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.nightpain.cds.FactField;
import org.nightpain.cds.InvalidPatientFactsException;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.TriState;

/**
 * The requests of {@code benchmarks/same-results.sh}, which checks that a change (a faster rule, say)
 * leaves every result the same: NDJSON on standard output, every request with the same {@code asOf}. First
 * the test corpus: every {@code facts} object of {@code vignettes.json}, {@code cases/*.json} and
 * {@code rule-cases/*.json}, as given and over the first vignette's patient (its facts less the ones it
 * changed); then generated patients, a tenth drawn as the benchmarks draw them, a tenth as the knowledge
 * base 1.1.0 benchmarks drew them, and the rest wider than either: children, up to 70 % of answers YES or
 * 90 % unknown, nearly benign patients. Arguments: generated patients (default 250000), seed (default
 * {@link Patients#SEED}) and the folder of the test corpus (default {@code src/test/resources}).
 */
public final class SameResultsRequests {
    private static final String AS_OF = Population.AS_OF.toString();
    private static final double[] WIDE_YES = {0, 0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.45, 0.7};
    private static final double[] WIDE_UNKNOWN = {0, 0, 0.05, 0.2, 0.5, 0.9};
    private static final double[] FEW_YES = {0, 0, 0.01, 0.02, 0.03, 0.05};
    private static final double[] BENIGN_YES = {0, 0, 0.01, 0.02};
    private static final double[] BENIGN_UNKNOWN = {0, 0, 0, 0.02};

    private final SplittableRandom random;

    private SameResultsRequests(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws IOException {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 250_000L;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : Patients.SEED;
        Path corpus = Path.of(args.length > 2 ? args[2] : "src/test/resources");
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        writeCorpus(corpus, out);
        long tenth = count / 10;
        Patients benchmark = new Patients(seed);
        String before = System.getProperty("nightpain.bench.population");
        System.setProperty("nightpain.bench.population", "kb-1.1");
        Patients asIn11 = new Patients(seed);
        if (before == null) {
            System.clearProperty("nightpain.bench.population");
        } else {
            System.setProperty("nightpain.bench.population", before);
        }
        SameResultsRequests wide = new SameResultsRequests(seed);
        StringBuilder line = new StringBuilder(2048);
        for (long i = 1; i <= count; i++) {
            PatientFacts facts = i <= tenth ? benchmark.next() : i <= 2 * tenth ? asIn11.next() : wide.next();
            line.setLength(0);
            GeneratePatients.appendRequest(line, i, facts);
            line.insert(1, "\"asOf\":\"" + AS_OF + "\",");
            out.append(line).append('\n');
        }
        out.flush();
    }

    /** Each {@code facts} object of the corpus files, as given and over the first vignette's patient. */
    private static void writeCorpus(Path folder, Writer out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode vignettes = json.readTree(folder.resolve("vignettes.json").toFile());
        ObjectNode base = ((ObjectNode) vignettes.get(0).get("facts")).deepCopy();
        vignettes.get(0).get("changedFromBaseline").fieldNames().forEachRemaining(base::remove);
        List<Path> files = new ArrayList<>(List.of(folder.resolve("vignettes.json")));
        for (String dir : List.of("cases", "rule-cases")) {
            try (Stream<Path> listed = Files.list(folder.resolve(dir))) {
                listed.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
            }
        }
        for (Path file : files) {
            List<JsonNode> found = new ArrayList<>();
            collectFacts(json.readTree(file.toFile()), found);
            for (int i = 0; i < found.size(); i++) {
                String id = file.getFileName() + "#" + i;
                out.append(request(json, id, json.createObjectNode(), found.get(i))).append('\n');
                out.append(request(json, id + "+base", base, found.get(i))).append('\n');
            }
        }
    }

    private static void collectFacts(JsonNode node, List<JsonNode> found) {
        if (node.isObject() && node.path("facts").isObject()) {
            found.add(node.get("facts"));
        }
        node.forEach(child -> collectFacts(child, found));
    }

    /** The facts over the base, nulls (unknown) left out, as one compact request. */
    private static String request(ObjectMapper json, String id, ObjectNode base, JsonNode facts) throws IOException {
        ObjectNode request = json.createObjectNode().put("id", id).put("asOf", AS_OF);
        ObjectNode merged = base.deepCopy();
        merged.setAll((ObjectNode) facts);
        merged.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                request.set(field.getKey(), field.getValue());
            }
        });
        return json.writeValueAsString(request);
    }

    /** A patient of one of three kinds: any answers, few YES answers, or nearly benign. */
    private PatientFacts next() {
        while (true) {
            try {
                return draw(random.nextInt(3));
            } catch (InvalidPatientFactsException e) {
                // an impossible combination: draw again
            }
        }
    }

    private PatientFacts draw(int kind) {
        double yes = pick(kind == 0 ? WIDE_YES : kind == 1 ? FEW_YES : BENIGN_YES);
        double unknown = pick(kind == 2 ? BENIGN_UNKNOWN : WIDE_UNKNOWN);
        double plain = kind == 0 ? 0 : kind == 1 ? 0.7 : 0.9;
        PatientFacts.Builder builder = PatientFacts.builder();
        for (FactField field : FactField.ALL) {
            Object value = switch (field.kind()) {
                case TRI_STATE -> {
                    double r = random.nextDouble();
                    yield r < unknown ? TriState.UNKNOWN : r < unknown + yes ? TriState.YES : TriState.NO;
                }
                case ENUMERATED -> answer(field, unknown, plain);
                case INTEGER, DECIMAL -> random.nextDouble() < unknown ? null : number(field);
            };
            if (value != null) {
                field.write(builder, value);
            }
        }
        return builder.build();
    }

    private double pick(double[] shares) {
        return shares[random.nextInt(shares.length)];
    }

    /** Any constant; NONE or NO at the plain share; UNKNOWN (where the type has it) at the unknown share. */
    private Object answer(FactField field, double unknown, double plain) {
        Object[] constants = field.enumType().getEnumConstants();
        Object value = constants[random.nextInt(constants.length)];
        boolean toPlain = random.nextDouble() < plain;
        boolean toUnknown = random.nextDouble() < unknown;
        for (Object constant : constants) {
            String name = ((Enum<?>) constant).name();
            if (toPlain && (name.equals("NONE") || name.equals("NO")) || toUnknown && name.equals("UNKNOWN")) {
                value = constant;
            }
        }
        return value;
    }

    private Object number(FactField field) {
        double value = switch (field) {
            case AGE_YEARS -> random.nextDouble() < 0.15 ? random.nextInt(18) : 10 + random.nextInt(85);
            case AGE_AT_ONSET_YEARS -> random.nextInt(80);
            case SYMPTOM_DURATION_WEEKS -> random.nextDouble() < 0.5 ? random.nextInt(8) + random.nextInt(10) / 10.0
                    : random.nextInt(200);
            case TEMPERATURE_C -> 35.0 + random.nextInt(60) / 10.0;
            case MORNING_STIFFNESS_MINUTES -> random.nextInt(150);
            default -> field.min() + random.nextDouble() * (field.max() - field.min());
        };
        if (field.kind() == FactField.Kind.INTEGER) {
            return (int) Math.round(value);
        }
        return Math.round(value * 10) / 10.0;
    }
}
