package org.nightpain.cds.hooks;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployment's part of the HTTP side, in front of {@link HooksHandler}: the client's token on every
 * request to a service and its feedback (discovery and the Questionnaire stay open), the feedback endpoint,
 * and {@code GET /health} and {@code GET /ready}. A refused request gets 401 with
 * {@code {"error":"unauthorized"}} and nothing else; the reason goes to the log, never the token.
 */
final class TrustHandler extends Handler.Wrapper {
    static final String HEALTH = "/health";
    static final String READY = "/ready";
    static final String FEEDBACK = "/feedback";
    static final String UNAUTHORIZED = "{\"error\":\"unauthorized\"}";
    /** The request attribute that carries the verified client's issuer, for the access log. */
    static final String CLIENT_ATTRIBUTE = TrustHandler.class.getName() + ".client";
    private static final Logger LOG = LoggerFactory.getLogger(TrustHandler.class);

    private final Deployment deployment;
    private final TriageService service;
    private final CompletableFuture<NightPainAssessor> assessor;
    private final CompletableFuture<FhirSupport> fhir;

    TrustHandler(Deployment deployment, TriageService service, CompletableFuture<NightPainAssessor> assessor,
                 CompletableFuture<FhirSupport> fhir, Handler next) {
        super(next);
        this.deployment = deployment;
        this.service = service;
        this.assessor = assessor;
        this.fhir = fhir;
    }

    /** Blocking: authentication may fetch keys, and feedback writes to the store, on the request's thread. */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String method = request.getMethod();
        if (path.equals(HEALTH) || path.equals(READY)) {
            if (!"GET".equals(method)) {
                return HooksHandler.reply(request, response, callback, service.error(new HookException(405, "METHOD_NOT_ALLOWED",
                        "Use GET here, not " + method + ".", List.of())));
            }
            boolean up = path.equals(HEALTH) || ready();
            return HooksHandler.reply(request, response, callback, new TriageService.Reply(up ? 200 : 503, TriageService.JSON_TYPE,
                    up ? "{\"status\":\"up\"}" : "{\"status\":\"down\"}"));
        }
        if (!path.startsWith(HooksHandler.DISCOVERY + "/")) {
            return super.handle(request, response, callback);
        }
        String serviceId = path.substring(HooksHandler.DISCOVERY.length() + 1);
        boolean feedback = serviceId.endsWith(FEEDBACK);
        if (feedback) {
            serviceId = serviceId.substring(0, serviceId.length() - FEEDBACK.length());
        }
        String client = null;
        ClientAuthenticator authenticator = deployment.authenticator();
        if (authenticator != null) {
            try {
                client = authenticator.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION), serviceId).iss();
            } catch (ClientAuthenticator.Refused refused) {
                LOG.warn("Refused a {} request to {}: {}", method, feedback ? "the feedback endpoint" : "a service",
                        refused.getMessage());
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
                return HooksHandler.reply(request, response, callback, new TriageService.Reply(401, TriageService.JSON_TYPE, UNAUTHORIZED));
            }
            request.setAttribute(CLIENT_ATTRIBUTE, client);
        }
        if (feedback) {
            return HooksHandler.reply(request, response, callback, feedback(request, serviceId, client));
        }
        request.setAttribute(CallSteps.class.getName(), new TrustedCall(deployment, serviceId, client));
        return super.handle(request, response, callback);
    }

    /** {@code POST /cds-services/{id}/feedback}: stored (committed) before the 200. */
    private TriageService.Reply feedback(Request request, String serviceId, String client) {
        try {
            if (!TriageService.SERVICE_ID.equals(serviceId)) {
                throw new HookException(404, "NOT_FOUND", "No such service: feedback goes to " + HooksHandler.SERVICE
                        + FEEDBACK + ".", List.of());
            }
            if (!"POST".equals(request.getMethod())) {
                throw new HookException(405, "METHOD_NOT_ALLOWED", "Use POST here, not " + request.getMethod() + ".",
                        List.of());
            }
            List<Store.FeedbackRecord> items = Feedback.parse(HooksHandler.body(request));
            String unknown;
            try {
                unknown = deployment.store().recordFeedback(serviceId, client, deployment.clock().instant(), items);
            } catch (IllegalStateException e) {
                LOG.error("Feedback was not stored: {}", e.getMessage());
                throw new HookException(503, "UNAVAILABLE", "The feedback could not be stored; send it again shortly.",
                        List.of());
            }
            if (unknown != null) {
                throw new HookException(404, "UNKNOWN_CARD", "The feedback names a card this service never sent;"
                        + " nothing was stored.", List.of(new Problem("feedback.card", unknown, "is not a card of "
                        + serviceId)));
            }
            return new TriageService.Reply(200, TriageService.JSON_TYPE, "{\"stored\":" + items.size() + "}");
        } catch (HookException e) {
            return service.error(e);
        }
    }

    /** Ready: the rule base and the FHIR model loaded, and the store reachable. */
    private boolean ready() {
        return done(assessor) && done(fhir) && done(deployment.opening()) && deployment.opening().join().reachable();
    }

    private static boolean done(CompletableFuture<?> part) {
        return part.isDone() && !part.isCompletedExceptionally();
    }
}
