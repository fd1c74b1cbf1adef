package org.nightpain.cds.hooks;

import org.nightpain.cds.fhir.Canonicals;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.nightpain.cds.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills in the prefetch keys a call left out by reading them from the EHR's FHIR server, as CDS Hooks
 * allows: with the call's {@code fhirServer} and the bearer token of its {@code fhirAuthorization}, through
 * HAPI FHIR's generic client, with the same queries as the discovery's prefetch templates. It runs before
 * the prefetch is read, so the reader sees one prefetch whatever its origin.
 *
 * <p>Fails closed: a server that fails, is too slow (5 s for the whole fetch), answers about another
 * patient, or pages on past the limit makes the call a 412 naming the key, never a card made without the
 * data. The token goes only to URLs under {@code fhirServer} ({@link JdkFhirClientFactory}).
 */
final class FhirServerFetch implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Pages of one search followed through {@code next} links before the search counts as failed. */
    static final int MAX_PAGES = 10;
    private static final String PATIENT_ID = "{{context.patientId}}";
    private static final Logger LOG = LoggerFactory.getLogger(FhirServerFetch.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Canonicals canonicals;
    private final Duration timeout;
    private final int maxPages;
    private final HttpClient http;
    private final ExecutorService workers;
    private volatile FhirContext fhir;

    FhirServerFetch(Canonicals canonicals) {
        this(canonicals, TIMEOUT, MAX_PAGES);
    }

    FhirServerFetch(Canonicals canonicals, Duration timeout, int maxPages) {
        this.canonicals = canonicals;
        this.timeout = timeout;
        this.maxPages = maxPages;
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "nightpain-fhir-fetch");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .executor(workers).build();
    }

    /** The FHIR context of the client, made on first use (HAPI learns each resource type as it meets it). */
    private FhirContext fhir() {
        FhirContext context = fhir;
        if (context == null) {
            synchronized (this) {
                context = fhir;
                if (context == null) {
                    context = FhirContext.forR4();
                    context.setRestfulClientFactory(new JdkFhirClientFactory(context, http));
                    fhir = context;
                }
            }
        }
        return context;
    }

    /** Teaches the client's FHIR context the types it reads, so that the first fetch is not the slow one. */
    void warmUp() {
        fhir().newJsonParser().parseResource("{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": ["
                + "{\"resource\": {\"resourceType\": \"Patient\", \"id\": \"w\"}},"
                + "{\"resource\": {\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\"}},"
                + "{\"resource\": {\"resourceType\": \"Condition\"}},"
                + "{\"resource\": {\"resourceType\": \"Observation\", \"status\": \"final\", \"code\": {\"text\": \"t\"}}},"
                + "{\"resource\": {\"resourceType\": \"MedicationStatement\", \"status\": \"active\"}},"
                + "{\"resource\": {\"resourceType\": \"OperationOutcome\"}}]}");
    }

    /**
     * The call's prefetch with every key it left out read from its FHIR server, when it names one and gives a
     * token; otherwise the prefetch as sent (the reader then treats the missing keys as not sent).
     *
     * @throws HookException 400 for a {@code fhirServer} or {@code fhirAuthorization} that is not usable; 412
     *                       naming each key that could not be read
     */
    JsonNode fill(JsonNode request, String patientId) {
        JsonNode prefetch = request.get("prefetch");
        if (prefetch != null && !prefetch.isNull() && !prefetch.isObject()) {
            return prefetch;
        }
        List<PrefetchKey> missing = new ArrayList<>();
        for (PrefetchKey key : PrefetchKey.values()) {
            if (prefetch == null || prefetch.isNull() || !prefetch.has(key.key())) {
                missing.add(key);
            }
        }
        JsonNode server = request.get("fhirServer");
        JsonNode authorization = request.get("fhirAuthorization");
        if (missing.isEmpty() || server == null || server.isNull() || authorization == null || authorization.isNull()) {
            return prefetch;
        }
        URI base = serverBase(server);
        String token = accessToken(authorization);
        Map<PrefetchKey, Future<JsonNode>> reads = new EnumMap<>(PrefetchKey.class);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (PrefetchKey key : missing) {
            reads.put(key, workers.submit(() -> read(key, base, token, patientId, deadline)));
        }
        ObjectNode filled = prefetch instanceof ObjectNode sent ? sent.deepCopy() : JSON.createObjectNode();
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<PrefetchKey, Future<JsonNode>> read : reads.entrySet()) {
            String field = "prefetch." + read.getKey().key();
            try {
                filled.set(read.getKey().key(), read.getValue().get(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS));
            } catch (TimeoutException | CancellationException e) {
                read.getValue().cancel(true);
                problems.add(new Problem(field, null, "could not be read from the FHIR server within "
                        + timeout.toSeconds() + " s"));
            } catch (ExecutionException e) {
                problems.add(new Problem(field, null, "could not be read from the FHIR server: "
                        + (e.getCause() instanceof FetchFailed failed ? failed.getMessage()
                        : "the read failed (" + e.getCause().getClass().getSimpleName() + ")")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HookException(503, "UNAVAILABLE", "The service is stopping.", List.of());
            }
        }
        if (!problems.isEmpty()) {
            // Which keys and why; not the server's address, whose path could name the patient.
            LOG.warn("FHIR server fetch failed for {} prefetch key(s): {}", problems.size(),
                    problems.stream().map(p -> p.field() + " " + p.message()).toList());
            throw new HookException(412, "DATA_UNAVAILABLE", "The call left out prefetch that this service needs, and"
                    + " reading it from the FHIR server failed; nothing was assessed.", problems);
        }
        return filled;
    }

    /** A read that failed for a reason worth telling the client. */
    private static final class FetchFailed extends Exception {
        private static final long serialVersionUID = 1L;

        FetchFailed(String message) {
            super(message, null, false, false);
        }
    }

    private JsonNode read(PrefetchKey key, URI base, String token, String patientId, long deadline) throws FetchFailed {
        try (JdkFhirClientFactory.Reading reading = JdkFhirClientFactory.reading(base, deadline)) {
            return read(key, fhir().newRestfulGenericClient(base.toString()), base, token, patientId);
        }
    }

    private JsonNode read(PrefetchKey key, IGenericClient client, URI base, String token, String patientId)
            throws FetchFailed {
        client.setEncoding(EncodingEnum.JSON);
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        String template = key.template(canonicals).replace(PATIENT_ID, patientId);
        try {
            int query = template.indexOf('?');
            if (query < 0) {
                Resource resource = (Resource) client.read().resource(key.resourceType())
                        .withId(template.substring(template.indexOf('/') + 1)).execute();
                check(key, resource, patientId);
                return JSON.readTree(fhir().newJsonParser().encodeResourceToString(resource));
            }
            Bundle page = client.search().byUrl(base + (base.toString().endsWith("/") ? "" : "/")
                    + template.substring(0, query) + "?" + encodeQuery(template.substring(query + 1)))
                    .returnBundle(Bundle.class).execute();
            Bundle all = new Bundle().setType(Bundle.BundleType.SEARCHSET);
            // A template with _count asks for that many (the latest answers, the last readings): one page.
            boolean followNext = !template.contains("_count=");
            for (int pages = 1; ; pages++) {
                for (Bundle.BundleEntryComponent entry : page.getEntry()) {
                    check(key, entry.getResource(), patientId);
                    all.addEntry(entry.copy());
                }
                Bundle.BundleLinkComponent next = page.getLink(Bundle.LINK_NEXT);
                if (!followNext || next == null) {
                    break;
                }
                if (pages >= maxPages) {
                    throw new FetchFailed("the search has more than " + maxPages + " pages; reading stopped there,"
                            + " and an incomplete list is not assessed");
                }
                if (!JdkFhirClientFactory.isOnServer(next.getUrl())) {
                    throw new FetchFailed("the search's next page is not on the FHIR server; it was not followed");
                }
                page = client.loadPage().next(page).execute();
            }
            all.setTotal(all.getEntry().size());
            return JSON.readTree(fhir().newJsonParser().encodeResourceToString(all));
        } catch (BaseServerResponseException e) {
            throw new FetchFailed("the FHIR server answered HTTP " + e.getStatusCode());
        } catch (IOException e) {
            throw new FetchFailed("the answer could not be read as JSON");
        } catch (RuntimeException e) {
            // HAPI's client wraps connection failures, time-outs and unreadable answers in exceptions of its own.
            throw new FetchFailed("the FHIR server could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A resource of the expected type about the patient in context, or an OperationOutcome of the search. */
    private void check(PrefetchKey key, Resource resource, String patientId) throws FetchFailed {
        if (resource == null || resource instanceof OperationOutcome) {
            return;
        }
        if (!key.resourceType().equals(resource.fhirType())) {
            throw new FetchFailed("the FHIR server returned a " + resource.fhirType() + " where " + key.resourceType()
                    + " resources were asked for");
        }
        // Every type fetched but Patient names its patient in 'subject'.
        Reference subject = resource instanceof Patient ? null
                : fhir().newTerser().getSingleValueOrNull(resource, "subject", Reference.class);
        String about = resource instanceof Patient ? resource.getIdElement().getIdPart()
                : subject != null && subject.hasReference() ? subject.getReferenceElement().getIdPart() : patientId;
        if (!patientId.equals(about)) {
            throw new FetchFailed("the FHIR server returned a " + resource.fhirType() + " about another patient;"
                    + " nothing it returned is used");
        }
    }

    /** The template's query with each value percent-encoded ({@code |}, {@code :} and {@code /} among them). */
    private static String encodeQuery(String query) {
        StringBuilder encoded = new StringBuilder();
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            encoded.append(encoded.length() == 0 ? "" : "&").append(parameter, 0, equals + 1)
                    .append(URLEncoder.encode(parameter.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return encoded.toString();
    }

    private static URI serverBase(JsonNode server) {
        URI uri = null;
        if (server.isTextual()) {
            try {
                uri = new URI(server.asText());
            } catch (URISyntaxException e) {
                uri = null;
            }
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw HookException.invalid("fhirServer", null, "must be the http or https base URL of the FHIR server"
                    + " (a host, no user, query or fragment); no other kind of address is followed");
        }
        return uri;
    }

    private static String accessToken(JsonNode authorization) {
        JsonNode token = authorization.get("access_token");
        JsonNode type = authorization.get("token_type");
        if (!authorization.isObject() || token == null || !token.isTextual() || token.asText().isBlank()) {
            throw HookException.invalid("fhirAuthorization.access_token", null, "is required to read from the FHIR"
                    + " server: the bearer token the EHR issued for this call");
        }
        if (type == null || !type.isTextual() || !"bearer".equalsIgnoreCase(type.asText())) {
            throw HookException.invalid("fhirAuthorization.token_type", null, "must be 'Bearer'");
        }
        return token.asText();
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
