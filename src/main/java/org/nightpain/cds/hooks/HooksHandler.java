package org.nightpain.cds.hooks;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.nightpain.cds.json.BugReport;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.nightpain.cds.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes HTTP requests to the service: {@code GET /cds-services}, {@code POST /cds-services/nightpain-triage}
 * and {@code GET /questionnaire}. Every answer is JSON, errors included; a failure of the service itself
 * is a 500 that says so, never a card. Logs carry no patient data: no body, no value, no exception message.
 */
final class HooksHandler extends Handler.Abstract {
    static final String DISCOVERY = "/cds-services";
    static final String SERVICE = DISCOVERY + "/" + TriageService.SERVICE_ID;
    static final String QUESTIONNAIRE = "/questionnaire";
    /** Largest request body read: far above any real prefetch of this service. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(HooksHandler.class);

    private final TriageService service;

    HooksHandler(TriageService service) {
        // Blocking: reading the body and running the rules happen on the request's own pool thread.
        super(InvocationType.BLOCKING);
        this.service = service;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        TriageService.Reply reply;
        try {
            reply = route(path, request);
        } catch (HookException e) {
            reply = service.error(e);
        } catch (RuntimeException | Error e) {
            // Class and place only: an exception message may quote a value from the request.
            LOG.error("CDS Hooks request to {} failed with {}", path, BugReport.describe(e));
            reply = service.error(new HookException(500, "INTERNAL_ERROR", "The service failed while handling the"
                    + " request. This is a bug in the service; nothing was assessed.", List.of()));
        }
        if (reply.status() == 405) {
            response.getHeaders().put(HttpHeader.ALLOW, SERVICE.equals(path) ? "POST" : "GET");
        }
        return reply(request, response, callback, reply);
    }

    /**
     * Writes a reply: its status, content type, {@code Cache-Control: no-store}, {@code Retry-After} with a 503,
     * and its body. The one place the service answers, for this handler and the {@link TrustHandler} in front.
     */
    static boolean reply(Request request, Response response, Callback callback, TriageService.Reply reply) {
        closeIfBodyUnread(request, response);
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (reply.status() == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, String.valueOf(TriageService.RETRY_AFTER_SECONDS));
        }
        Content.Sink.write(response, true, reply.body(), callback);
        return true;
    }

    private TriageService.Reply route(String path, Request request) {
        String method = request.getMethod();
        switch (path) {
            case DISCOVERY -> {
                requireMethod(method, "GET");
                return service.discovery();
            }
            case QUESTIONNAIRE -> {
                requireMethod(method, "GET");
                return service.questionnaire();
            }
            case SERVICE -> {
                requireMethod(method, "POST");
                return service.call(body(request), steps(request));
            }
            default -> throw new HookException(404, "NOT_FOUND", "No such endpoint. The service answers GET "
                    + DISCOVERY + ", POST " + SERVICE + " and GET " + QUESTIONNAIRE + ".", List.of());
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!allowed.equals(method)) {
            throw new HookException(405, "METHOD_NOT_ALLOWED", "Use " + allowed + " here, not " + method + ".",
                    List.of());
        }
    }

    /**
     * Answers with {@code Connection: close} when the request's body was not read to its end (a refusal or an
     * error before the body was read). Jetty closes such a connection after the answer; without the header a
     * client could send its next call on it and get no answer at all. What has already arrived is discarded
     * unread.
     */
    private static void closeIfBodyUnread(Request request, Response response) {
        if (!request.consumeAvailable()) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
    }

    /** The steps a {@link TrustHandler} in front set for this call, or none. */
    private static CallSteps steps(Request request) {
        return request.getAttribute(CallSteps.class.getName()) instanceof CallSteps steps ? steps : CallSteps.NONE;
    }

    /** The body of a JSON request, at most {@link #MAX_BODY_BYTES}; 415, 413 or 400 otherwise. */
    static byte[] body(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HookException(415, "UNSUPPORTED_MEDIA_TYPE", "Send the request as application/json.",
                    List.of(new Problem(null, type, "Content-Type must be application/json")));
        }
        if (request.getLength() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try {
            CompletableFuture<byte[]> body = new CompletableFuture<>();
            Content.Source.asByteArrayAsync(request, MAX_BODY_BYTES, Promise.Invocable.toPromise(body));
            return body.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof IllegalStateException) {
                throw tooLarge();
            }
            throw new HookException(400, "MALFORMED_JSON", "The request body could not be read.", List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HookException(503, "UNAVAILABLE", "The service is stopping.", List.of());
        }
    }

    private static HookException tooLarge() {
        return new HookException(413, "TOO_LARGE", "The request body is larger than " + MAX_BODY_BYTES
                + " bytes.", List.of());
    }
}
