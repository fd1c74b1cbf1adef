package org.nightpain.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.Fixtures;

/**
 * The store's contract on PostgreSQL, and the service writing its audit trail and feedback there. Needs a
 * server: {@code .ci/run} installs and starts Debian's {@code postgresql}, makes a role and a database, and
 * passes their JDBC URL in {@value #URL_VARIABLE} (user and password as URL parameters). Without it the test
 * is skipped, saying so.
 */
class PostgresStoreIT extends StoreContract {
    static final String URL_VARIABLE = "NIGHTPAIN_TEST_POSTGRES_URL";

    @BeforeAll
    static void requirePostgres() {
        assumeTrue(System.getenv(URL_VARIABLE) != null, "PostgreSQL store tests skipped: " + URL_VARIABLE + " is not set"
                + " (.ci/run sets it where it can install PostgreSQL: as root with apt-get)");
    }

    @Override
    ServiceConfig.StoreConfig store() {
        return new ServiceConfig.StoreConfig(System.getenv(URL_VARIABLE), "", "");
    }

    @Test
    void serviceOnPostgres_keepsTheAuditOfACallAndItsFeedback() {
        try (CdsClientKeys ehr = CdsClientKeys.served("https://ehr.test.example")) {
            ServiceConfig config = new ServiceConfig(List.of(ehr.trusted(null)), CdsClientKeys.AUDIENCE, store(), false,
                    Deployments.SALT, null);
            try (CdsHooksServer server = Deployments.start(config)) {
                Deployments.Client client = new Deployments.Client(server.baseUri());
                var call = Hooks.callWithAnswers(new LinkedHashMap<>(Fixtures.vignettes().get(0).facts()));
                HttpResponse<String> answered = client.call(call, ehr.token());
                assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
                List<String> cards = Deployments.cardUuids(answered);

                assertThat(client.accept(cards, ehr.token()).statusCode()).isEqualTo(200);

                List<JsonNode> rows = Deployments.export(config);
                assertThat(rows).anySatisfy(row -> assertThat(row.path("hookInstance").asText())
                        .isEqualTo(call.get("hookInstance").asText()));
                assertThat(rows.stream().filter(row -> row.get("record").asText().equals("feedback"))
                        .map(row -> row.get("card").asText())).containsAll(cards);
            }
        }
    }
}
