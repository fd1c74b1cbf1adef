package org.nightpain.cds.hooks;

import org.nightpain.cds.fhir.Canonicals;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.nightpain.cds.Fixtures;

/** For tests: services started with a deployment's configuration, and an HTTP client that can send a token. */
final class Deployments {
    static final String SALT = "salt-of-the-tests-0123456789";
    private static volatile FhirSupport fhir;

    private Deployments() {
    }

    /** A configuration trusting these clients, with its H2 store in {@code folder}. */
    static ServiceConfig config(Path folder, ServiceConfig.TrustedClient... clients) {
        return new ServiceConfig(List.of(clients), CdsClientKeys.AUDIENCE, h2(folder), false, SALT, null);
    }

    static ServiceConfig.StoreConfig h2(Path folder) {
        return new ServiceConfig.StoreConfig("jdbc:h2:file:" + folder.resolve("store").toAbsolutePath(), "", "");
    }

    /** The service on a loopback port, deployed as {@code config}, with the rule base and FHIR model loaded. */
    static CdsHooksServer start(ServiceConfig config) {
        try {
            return CdsHooksServer.start("127.0.0.1", 0, CompletableFuture.completedFuture(Fixtures.ASSESSOR),
                    Clock.systemUTC(), CompletableFuture.completedFuture(fhir()), Canonicals.PLACEHOLDER,
                    TriageService.STARTUP_WAIT, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FhirSupport fhir() {
        if (fhir == null) {
            synchronized (Deployments.class) {
                if (fhir == null) {
                    fhir = FhirSupport.load();
                }
            }
        }
        return fhir;
    }

    /** Everything the store of {@code config} holds since the epoch, one JSON object a row. */
    static List<JsonNode> export(ServiceConfig config) {
        StringWriter out = new StringWriter();
        AuditTrail.export(config, Instant.EPOCH, out);
        List<JsonNode> rows = new ArrayList<>();
        out.toString().lines().forEach(line -> rows.add(Hooks.parse(line)));
        return rows;
    }

    /** An HTTP client that sends a bearer token, or any Authorization header. */
    static final class Client {
        private final Hooks.Client http;
        private final URI base;

        Client(URI base) {
            this.http = new Hooks.Client(base);
            this.base = base;
        }

        /** POSTs JSON with {@code Authorization: Bearer token} (no header when the token is null). */
        HttpResponse<String> post(String path, String body, String token) {
            return postWithHeader(path, body, token == null ? null : "Bearer " + token);
        }

        HttpResponse<String> postWithHeader(String path, String body, String authorization) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return send(request);
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(base.resolve(path)).GET());
        }

        /** A triage call with this token. */
        HttpResponse<String> call(JsonNode request, String token) {
            return post("cds-services/" + TriageService.SERVICE_ID, request.toString(), token);
        }

        /** Feedback with this token: each card accepted. */
        HttpResponse<String> accept(List<String> cards, String token) {
            StringBuilder body = new StringBuilder("{\"feedback\": [");
            for (int i = 0; i < cards.size(); i++) {
                body.append(i == 0 ? "" : ",").append("{\"card\": \"").append(cards.get(i))
                        .append("\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"").append(Instant.now()).append("\"}");
            }
            return post("cds-services/" + TriageService.SERVICE_ID + "/feedback", body.append("]}").toString(), token);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            return http.send(request);
        }
    }

    /** The uuids of the cards of a response. */
    static List<String> cardUuids(HttpResponse<String> response) {
        List<String> uuids = new ArrayList<>();
        Hooks.parse(response.body()).path("cards").forEach(card -> uuids.add(card.path("uuid").asText()));
        return uuids;
    }
}
