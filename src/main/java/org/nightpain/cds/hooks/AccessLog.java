package org.nightpain.cds.hooks;

import java.util.Locale;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request, at INFO on the logger {@code org.nightpain.cds.hooks.access}, as {@code key=value}
 * pairs: method, route, status, milliseconds, bytes sent, the verified client and the remote address. The
 * route is one of the service's own (an unknown path is logged as {@code other}), and there is never a query
 * string, header or body: nothing about the patient, and no token.
 */
final class AccessLog implements RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("org.nightpain.cds.hooks.access");

    @Override
    public void log(Request request, Response response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        Object client = request.getAttribute(TrustHandler.CLIENT_ATTRIBUTE);
        LOG.info("method={} route={} status={} ms={} bytes={} client={} remote={}",
                route(request.getMethod()), route(Request.getPathInContext(request)), response.getStatus(),
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - request.getBeginNanoTime()) / 1e6),
                Response.getContentBytesWritten(response), client == null ? "-" : ClientAuthenticator.printable(
                        client.toString()), Request.getRemoteAddr(request));
    }

    /** The method or path when it is one the service knows; {@code other} for anything a caller made up. */
    private static String route(String text) {
        String path = text.length() > 1 && text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        return switch (path) {
            case "GET", "POST", "OPTIONS", "HEAD", "PUT", "DELETE", "PATCH",
                 HooksHandler.DISCOVERY, HooksHandler.SERVICE, HooksHandler.QUESTIONNAIRE,
                 TrustHandler.HEALTH, TrustHandler.READY -> path;
            case HooksHandler.SERVICE + TrustHandler.FEEDBACK -> path;
            default -> "other";
        };
    }
}
