package org.nightpain.cds.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.JsonTestSupport;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.json.AssessmentJson;

/**
 * Clinical-knowledge §6.12 and the contract's promise that an assessor is thread-safe and each call a
 * pure function of the facts: threads sharing one assessor get exactly the sequential results, and the
 * same facts always give the same assessment, from the same assessor or from another one. (That the
 * order in which rules fire changes nothing is shown by {@code org.nightpain.cds.internal.FiringOrderTest}.)
 * Results are compared with the records' {@code equals} and with their text, which also fixes the order
 * of every list and map. The same holds
 * for JSON, byte for byte: a request with a fixed {@code asOf} gives the same bytes every time, from any
 * {@code AssessmentJson}, from threads sharing one, with its keys in any order, and inside a batch.
 */
class DeterminismTest {
    private static final int THREADS = 8;

    /** A second assessor with its own knowledge base and session pool. */
    private static final NightPainAssessor OTHER = NightPainAssessor.create();
    private static final AssessmentJson JSON = AssessmentJson.create(Fixtures.ASSESSOR);
    private static final AssessmentJson JSON_OF_OTHER = AssessmentJson.create(OTHER);

    @Provide
    Arbitrary<PatientFacts> patients() {
        return Patients.valid();
    }

    @Example
    void manyThreadsSharingOneAssessor_getTheSequentialResults() throws Exception {
        List<PatientFacts> patients = new ArrayList<>();
        Fixtures.vignettes().forEach(v -> patients.add(Fixtures.builderFrom(v.facts()).build()));
        Patients.valid().sampleStream().limit(600).forEach(patients::add);
        List<Assessment> sequential = patients.stream().map(Fixtures::assess).toList();
        List<String> sequentialText = sequential.stream().map(Assessment::toString).toList();

        List<Integer> mismatches = inThreads(patients.size(), i -> {
            Assessment result = Fixtures.assess(patients.get(i));
            return result.equals(sequential.get(i)) && result.toString().equals(sequentialText.get(i));
        });

        assertThat(mismatches).as("patients whose results differ from the sequential run").isEmpty();
    }

    @Example
    void manyThreadsSharingOneAssessmentJson_getTheSequentialBytes() throws Exception {
        List<String> requests = requests();
        List<String> sequential = requests.stream().map(JSON::assess).toList();

        List<Integer> mismatches = inThreads(requests.size(), i -> JSON.assess(requests.get(i)).equals(sequential.get(i)));

        assertThat(mismatches).as("requests whose JSON differs from the sequential run").isEmpty();
    }

    /**
     * Runs {@code matches} on every index from {@link #THREADS} threads at once, each in its own order,
     * and returns the indices for which any thread saw a mismatch.
     */
    private static List<Integer> inThreads(int size, IntPredicate matches) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Integer>>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = t;
            workers.add(pool.submit(() -> {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    order.add(i);
                }
                Collections.shuffle(order, new Random(seed));
                start.await();
                List<Integer> mismatches = new ArrayList<>();
                for (int i : order) {
                    if (!matches.test(i)) {
                        mismatches.add(i);
                    }
                }
                return mismatches;
            }));
        }
        start.countDown();
        List<Integer> mismatches = new ArrayList<>();
        try {
            for (Future<List<Integer>> worker : workers) {
                mismatches.addAll(worker.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        return mismatches;
    }

    /** The case corpus (vignettes included) and 400 random patients as JSON requests with a fixed as-of time. */
    private static List<String> requests() {
        List<String> requests = new ArrayList<>();
        CorpusCase.all().forEach(c -> requests.add(CorpusCase.asRequest(c.id(), c.facts())));
        List<PatientFacts> random = Patients.valid().sampleStream().limit(400).toList();
        for (int i = 0; i < random.size(); i++) {
            requests.add(CorpusCase.asRequest("random-" + i, random.get(i)));
        }
        return requests;
    }

    /**
     * The same request with a fixed as-of time gives byte-identical JSON: again, from another
     * {@code AssessmentJson} over the same assessor, from one over another assessor, as bytes, and with
     * its keys in another order.
     */
    @Property(tries = 1000)
    void sameRequest_givesByteIdenticalJson(@ForAll("patients") PatientFacts patient, @ForAll Random random)
            throws Exception {
        String request = CorpusCase.asRequest("p", patient);
        String first = JSON.assess(request);

        assertThat(JSON.assess(request)).isEqualTo(first);
        assertThat(AssessmentJson.create(Fixtures.ASSESSOR).assess(request)).isEqualTo(first);
        assertThat(JSON_OF_OTHER.assess(request)).isEqualTo(first);
        assertThat(new String(JSON.assess(request.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                .isEqualTo(first);
        assertThat(JSON.assess(shuffleKeys(request, random))).isEqualTo(first);
    }

    @Example
    void batch_givesTheBytesOfEachRequestAlone_andTheSameBytesEveryTime() throws Exception {
        List<String> requests = requests();
        String expected = requests.stream().map(request -> JSON.assess(request) + "\n").collect(Collectors.joining());
        byte[] batch = requests.stream().map(request -> request + "\n").collect(Collectors.joining())
                .getBytes(StandardCharsets.UTF_8);

        for (AssessmentJson json : List.of(JSON, JSON_OF_OTHER)) {
            for (int run = 0; run < 2; run++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                json.assessNdjson(new ByteArrayInputStream(batch), out, done -> { });
                assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
            }
        }
    }

    private static String shuffleKeys(String request, Random random) throws Exception {
        ObjectNode original = (ObjectNode) JsonTestSupport.MAPPER.readTree(request);
        List<String> keys = new ArrayList<>(JsonTestSupport.fieldNames(original));
        Collections.shuffle(keys, random);
        ObjectNode shuffled = JsonTestSupport.MAPPER.createObjectNode();
        keys.forEach(key -> shuffled.set(key, original.get(key)));
        return JsonTestSupport.MAPPER.writeValueAsString(shuffled);
    }

    @Property(tries = 1000)
    void sameFacts_giveTheSameAssessment(@ForAll("patients") PatientFacts patient) {
        Assessment first = Fixtures.assess(patient);
        Assessment again = Fixtures.assess(patient);
        Assessment elsewhere = OTHER.assess(patient, Fixtures.AS_OF);

        assertThat(again).isEqualTo(first);
        assertThat(elsewhere).isEqualTo(first);
        assertThat(again.toString()).isEqualTo(first.toString());
        assertThat(elsewhere.toString()).isEqualTo(first.toString());
    }
}
