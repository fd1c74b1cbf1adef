package org.nightpain.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightpain.cds.Fixtures;

/**
 * The deployed service under load: {@value #THREADS} client threads each make {@value #CALLS_PER_THREAD}
 * authenticated calls and send feedback on every card they get. No call or feedback may fail, every call has
 * its audit row and every feedback item its feedback row.
 */
class AuthenticatedLoadTest {
    static final int THREADS = 4;
    static final int CALLS_PER_THREAD = 1_000;

    @TempDir
    Path folder;

    @Test
    void fourThreadsOfAThousandAuthenticatedCallsWithFeedback_loseNothing() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (Fixtures.Vignette vignette : Fixtures.vignettes()) {
            bodies.add(Hooks.callWithAnswers(new LinkedHashMap<>(vignette.facts())).toString());
        }
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> hookInstances = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> acceptedCards = new ConcurrentLinkedQueue<>();
        try (CdsClientKeys ehr = CdsClientKeys.served("https://ehr.load.example")) {
            ServiceConfig config = Deployments.config(folder, ehr.trusted(null));
            try (CdsHooksServer server = Deployments.start(config)) {
                Deployments.Client client = new Deployments.Client(server.baseUri());
                ExecutorService threads = Executors.newFixedThreadPool(THREADS);
                try {
                    List<Future<?>> workers = new ArrayList<>();
                    for (int t = 0; t < THREADS; t++) {
                        int thread = t;
                        workers.add(threads.submit(() -> {
                            for (int i = 0; i < CALLS_PER_THREAD; i++) {
                                String body = bodies.get((thread * CALLS_PER_THREAD + i) % bodies.size());
                                // a fresh hookInstance per call, so that each audit row can be found
                                JsonNode call = Hooks.parse(body);
                                ((com.fasterxml.jackson.databind.node.ObjectNode) call).put("hookInstance",
                                        java.util.UUID.randomUUID().toString());
                                HttpResponse<String> answered = client.call(call, ehr.token());
                                if (answered.statusCode() != 200) {
                                    errors.add("call " + answered.statusCode() + " " + answered.body());
                                    continue;
                                }
                                hookInstances.add(call.get("hookInstance").asText());
                                List<String> cards = Deployments.cardUuids(answered);
                                HttpResponse<String> feedback = client.accept(cards, ehr.token());
                                if (feedback.statusCode() == 200) {
                                    acceptedCards.addAll(cards);
                                } else {
                                    errors.add("feedback " + feedback.statusCode() + " " + feedback.body());
                                }
                            }
                        }));
                    }
                    for (Future<?> worker : workers) {
                        worker.get();
                    }
                } finally {
                    threads.shutdownNow();
                }
            }
            List<JsonNode> rows = Deployments.export(config);
            Set<String> audited = new HashSet<>();
            Set<String> feedback = new HashSet<>();
            for (JsonNode row : rows) {
                if (row.get("record").asText().equals("audit")) {
                    audited.add(row.get("hookInstance").asText());
                } else {
                    feedback.add(row.get("card").asText());
                }
            }

            assertThat(errors).as("failed calls or feedback").isEmpty();
            assertThat(hookInstances).hasSize(THREADS * CALLS_PER_THREAD);
            assertThat(audited).containsAll(hookInstances);
            assertThat(feedback).as("every feedback answered 200 is stored").containsAll(acceptedCards);
            assertThat(acceptedCards).hasSizeGreaterThan(THREADS * CALLS_PER_THREAD);
        }
    }
}
