package org.nightpain.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightpain.cds.Fixtures;

/**
 * A store that cannot be written fails the call openly: a 503 and no cards, since no card may be shown
 * without its audit row; feedback likewise is a 503, not a 200 for something that was not kept.
 */
class StoreFailureTest {
    @TempDir
    Path folder;

    @Test
    void storeThatCannotBeWritten_isA503_neverCardsWithoutTheirRecord() throws Exception {
        try (CdsClientKeys ehr = CdsClientKeys.served("https://ehr.test.example")) {
            ServiceConfig config = Deployments.config(folder, ehr.trusted(null));
            try (CdsHooksServer server = Deployments.start(config)) {
                Deployments.Client client = new Deployments.Client(server.baseUri());
                var call = Hooks.callWithAnswers(new LinkedHashMap<>(Fixtures.vignettes().get(0).facts()));
                HttpResponse<String> answered = client.call(call, ehr.token());
                assertThat(answered.statusCode()).isEqualTo(200);
                List<String> cards = Deployments.cardUuids(answered);

                // The same embedded database, from this JVM: its tables go, as if the store had failed.
                try (Connection store = DriverManager.getConnection(config.store().jdbcUrl() + ";WRITE_DELAY=0");
                     Statement sql = store.createStatement()) {
                    sql.execute("DROP TABLE nightpain_feedback");
                    sql.execute("DROP TABLE nightpain_card");
                    sql.execute("DROP TABLE nightpain_audit");
                }
                HttpResponse<String> refused = client.call(Hooks.callWithAnswers(
                        new LinkedHashMap<>(Fixtures.vignettes().get(0).facts())), ehr.token());
                HttpResponse<String> feedback = client.accept(cards, ehr.token());

                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(Hooks.parse(refused.body()).has("cards")).isFalse();
                assertThat(Hooks.parse(refused.body()).at("/error/code").asText()).isEqualTo("UNAVAILABLE");
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
                assertThat(feedback.statusCode()).as(feedback.body()).isEqualTo(503);
            }
        }
    }
}
