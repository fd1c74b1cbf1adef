package org.nightpain.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nightpain.cds.Finding;
import org.nightpain.cds.Fixtures;

/**
 * A bounded load on loopback: {@value #REQUESTS} calls from {@value #THREADS} client threads, the vignettes
 * in turn. Every answer must be a 200 with exactly the findings the Java API gives for that vignette.
 * The run stops by itself after the last call or at {@link #TIME_BOUND}, a safety stop and not a
 * performance target.
 */
@ExtendWith(SharedServer.class)
class LoadTest {
    static final int REQUESTS = 3_000;
    static final int THREADS = 4;
    static final Duration TIME_BOUND = Duration.ofMinutes(3);

    /** One vignette as a ready request and the rule ids its cards must show, in order. */
    private record Case(String id, String body, List<String> ruleIds) {
    }

    @Test
    void manyConcurrentCalls_allAnsweredCorrectly() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (Fixtures.Vignette vignette : Fixtures.vignettes()) {
            List<String> ruleIds = Fixtures.assess(Fixtures.builderFrom(vignette.facts())).findings().stream()
                    .map(Finding::ruleId).toList();
            cases.add(new Case(vignette.id(), Hooks.callWithAnswers(new LinkedHashMap<>(vignette.facts())).toString(),
                    ruleIds));
        }
        Hooks.Client client = SharedServer.client();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        long stopAt = System.nanoTime() + TIME_BOUND.toNanos();

        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(threads.submit(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < REQUESTS && System.nanoTime() < stopAt) {
                        Case c = cases.get(n % cases.size());
                        HttpResponse<String> response = client.post("cds-services/nightpain-triage", c.body());
                        String problem = check(c, response);
                        if (problem != null) {
                            wrong.add(problem);
                        }
                        answered.incrementAndGet();
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(wrong).as("wrong answers").isEmpty();
        assertThat(answered.get()).as("calls answered before the time bound").isEqualTo(REQUESTS);
    }

    private static String check(Case c, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return c.id() + ": status " + response.statusCode();
        }
        List<String> ruleIds = Hooks.findingCards(Hooks.parse(response.body())).stream()
                .map((JsonNode card) -> card.at("/source/topic/code").asText()).toList();
        return ruleIds.equals(c.ruleIds()) ? null : c.id() + ": cards " + ruleIds + ", expected " + c.ruleIds();
    }
}
