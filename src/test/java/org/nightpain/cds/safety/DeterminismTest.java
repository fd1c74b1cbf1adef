package org.nightpain.cds.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.internal.FactField;

/**
 * Clinical-knowledge §6.12 and the contract's promise that an assessor is thread-safe and each call a
 * pure function of the facts: threads sharing one assessor get exactly the sequential results; the same
 * facts always give the same assessment, from the same assessor or from another one; and the order in
 * which the facts are given to the builder changes nothing. Results are compared with the records'
 * {@code equals} and with their text, which also fixes the order of every list and map (the order a
 * JSON result would be written in).
 */
class DeterminismTest {
    private static final int THREADS = 8;

    /** A second assessor with its own knowledge base and session pool. */
    private static final NightPainAssessor OTHER = NightPainAssessor.create();

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

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = t;
            workers.add(pool.submit(() -> {
                // Each thread works through every patient in its own order, all starting together.
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < patients.size(); i++) {
                    order.add(i);
                }
                Collections.shuffle(order, new Random(seed));
                start.await();
                List<String> mismatches = new ArrayList<>();
                for (int i : order) {
                    Assessment result = Fixtures.assess(patients.get(i));
                    if (!result.equals(sequential.get(i)) || !result.toString().equals(sequentialText.get(i))) {
                        mismatches.add("patient " + i);
                    }
                }
                return mismatches;
            }));
        }
        start.countDown();
        List<String> mismatches = new ArrayList<>();
        for (Future<List<String>> worker : workers) {
            mismatches.addAll(worker.get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();

        assertThat(mismatches).as("results that differ from the sequential run").isEmpty();
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

    @Property(tries = 1000)
    void orderOfTheFactsGivenToTheBuilder_changesNothing(@ForAll("patients") PatientFacts patient,
                                                         @ForAll("fieldOrders") List<FactField> order) {
        PatientFacts.Builder builder = PatientFacts.builder();
        for (FactField field : order) {
            field.write(builder, field.read(patient));
        }
        PatientFacts rebuilt = builder.build();

        assertThat(rebuilt).isEqualTo(patient);
        Assessment original = Fixtures.assess(patient);
        Assessment permuted = Fixtures.assess(rebuilt);
        assertThat(permuted).isEqualTo(original);
        assertThat(permuted.toString()).isEqualTo(original.toString());
    }

    @Provide
    Arbitrary<List<FactField>> fieldOrders() {
        return Arbitraries.shuffle(FactField.ALL);
    }
}
