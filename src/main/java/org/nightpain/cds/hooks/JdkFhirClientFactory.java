package org.nightpain.cds.hooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.client.api.BaseHttpRequest;
import ca.uhn.fhir.rest.client.api.Header;
import ca.uhn.fhir.rest.client.api.HttpClientUtil;
import ca.uhn.fhir.rest.client.api.IHttpClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.impl.BaseHttpResponse;
import ca.uhn.fhir.rest.client.impl.RestfulClientFactory;
import ca.uhn.fhir.rest.client.method.MethodUtil;
import ca.uhn.fhir.util.StopWatch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs HAPI FHIR's generic client over the JDK's HTTP client, for GET requests to the FHIR server of the
 * read under way on the calling thread ({@link #reading}) and to no other.
 *
 * <p>Why not HAPI's default (Apache HttpClient 4): that client writes every request header, the bearer
 * token among them, to its DEBUG log, and follows redirects with the same headers. Here a request whose URL
 * is not under the FHIR server's base is never sent (a Bundle's {@code next} link, say, to another host),
 * redirects are not followed, nothing is logged, and every request has a time limit and a size limit.
 */
final class JdkFhirClientFactory extends RestfulClientFactory {
    /** The largest response read: far above a page of this service's searches. */
    static final int MAX_RESPONSE_BYTES = 8 << 20;
    /** Headers the JDK client sets itself or that would ask for a compressed body it does not undo. */
    private static final Set<String> NOT_SENT = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "accept-encoding");

    /** The FHIR server of the read on this thread, and its deadline; no request is sent without one. */
    private static final ThreadLocal<Target> TARGET = new ThreadLocal<>();

    private final HttpClient http;

    /** Where the requests of one read may go, and until when. */
    private record Target(URI base, String basePath, long deadline) {
    }

    /** A read's hold on this thread's target; closing it ends the read. */
    interface Reading extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Made once per FHIR context and set as its client factory: HAPI's client takes the factory of its
     * context for every request it makes, pages included.
     */
    JdkFhirClientFactory(FhirContext fhir, HttpClient http) {
        super(fhir);
        this.http = http;
        setServerValidationMode(ServerValidationModeEnum.NEVER);
    }

    /**
     * Lets the requests made on this thread go to {@code base} (and below it) until {@code deadline} (a
     * {@link System#nanoTime()}), until the returned hold is closed.
     */
    static Reading reading(URI base, long deadline) {
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        TARGET.set(new Target(base, path.endsWith("/") ? path.substring(0, path.length() - 1) : path, deadline));
        return TARGET::remove;
    }

    /**
     * True when {@code url} is on the FHIR server of this thread's read: its scheme, host and port, and its
     * base path or below. False when no read is under way.
     */
    static boolean isOnServer(String url) {
        Target target = TARGET.get();
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        if (target == null || uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return target.base().getScheme().equalsIgnoreCase(uri.getScheme())
                && target.base().getHost().equalsIgnoreCase(uri.getHost())
                && port(target.base()) == port(uri) && uri.getRawUserInfo() == null
                && (path.equals(target.basePath()) || path.startsWith(target.basePath() + "/"));
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    @Override
    protected IHttpClient getHttpClient(String serverBase) {
        return new Client(new StringBuilder(serverBase), List.of());
    }

    @Override
    public IHttpClient getHttpClient(StringBuilder url, Map<String, List<String>> ifNoneExistParams,
                                     String ifNoneExistString, RequestTypeEnum requestType, List<Header> headers) {
        return new Client(url, headers == null ? List.of() : headers);
    }

    @Override
    protected void resetHttpClient() {
        // the JDK client is given at construction and kept
    }

    @Override
    public <T> void setHttpClient(T client) {
        throw new UnsupportedOperationException("this factory always uses the JDK HTTP client it was made with");
    }

    @Override
    public void setProxy(String host, Integer port) {
        throw new UnsupportedOperationException("set a proxy on the JDK HTTP client given to this factory");
    }

    /** Makes the GET requests of one call of the generic client; the fetch never writes. */
    private final class Client implements IHttpClient {
        private final StringBuilder url;
        private final List<Header> headers;

        Client(StringBuilder url, List<Header> headers) {
            this.url = url;
            this.headers = headers;
        }

        @Override
        public IHttpRequest createGetRequest(FhirContext fhir, EncodingEnum encoding) {
            Request request = new Request(url.toString());
            for (Header header : headers) {
                request.addHeader(header.getName(), header.getValue());
            }
            request.addHeader("User-Agent", HttpClientUtil.createUserAgentString(fhir, "jdk"));
            MethodUtil.addAcceptHeaderToRequest(encoding, request, fhir);
            return request;
        }

        @Override
        public IHttpRequest createByteRequest(FhirContext fhir, String contents, String contentType, EncodingEnum encoding) {
            throw readOnly();
        }

        @Override
        public IHttpRequest createParamRequest(FhirContext fhir, Map<String, List<String>> params, EncodingEnum encoding) {
            throw readOnly();
        }

        @Override
        public IHttpRequest createBinaryRequest(FhirContext fhir, org.hl7.fhir.instance.model.api.IBaseBinary binary) {
            throw readOnly();
        }

        private UnsupportedOperationException readOnly() {
            return new UnsupportedOperationException("the FHIR fetch only reads (GET)");
        }
    }

    /** One GET request; sent only to the FHIR server it was made for. */
    private final class Request extends BaseHttpRequest {
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private String uri;

        Request(String uri) {
            this.uri = uri;
        }

        @Override
        public void addHeader(String name, String value) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }

        @Override
        public IHttpResponse execute() throws IOException {
            if (!isOnServer(uri)) {
                // The bearer token goes to the EHR's FHIR server and nowhere else.
                throw new IOException("refused to send a request outside the FHIR server's base URL");
            }
            Duration left = Duration.ofNanos(TARGET.get().deadline() - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw new java.net.http.HttpTimeoutException("the time for reading from the FHIR server is up");
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(left).GET();
            headers.forEach((name, values) -> {
                if (!NOT_SENT.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            StopWatch watch = new StopWatch();
            try {
                HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                byte[] body;
                try (InputStream in = response.body()) {
                    body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
                }
                if (body.length > MAX_RESPONSE_BYTES) {
                    throw new IOException("the FHIR server's answer is larger than " + MAX_RESPONSE_BYTES + " bytes");
                }
                return new Response(response, body, watch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading from the FHIR server");
            }
        }

        @Override
        public Map<String, List<String>> getAllHeaders() {
            return headers;
        }

        @Override
        public String getRequestBodyFromStream() {
            return null;
        }

        @Override
        public String getUri() {
            return uri;
        }

        @Override
        public void setUri(String uri) {
            this.uri = uri;
        }

        @Override
        public String getHttpVerbName() {
            return "GET";
        }

        @Override
        public void removeHeaders(String name) {
            headers.remove(name);
        }
    }

    /** An answer, read whole (within the size limit) before HAPI parses it. */
    private static final class Response extends BaseHttpResponse {
        private final HttpResponse<?> response;
        private final byte[] body;

        Response(HttpResponse<?> response, byte[] body, StopWatch watch) {
            super(watch);
            this.response = response;
            this.body = body;
        }

        @Override
        public void bufferEntity() {
            // read whole already
        }

        @Override
        public void close() {
            // nothing held: the body is in memory
        }

        @Override
        public Reader createReader() {
            return new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8);
        }

        @Override
        public Map<String, List<String>> getAllHeaders() {
            return response.headers().map();
        }

        @Override
        public List<String> getHeaders(String name) {
            return response.headers().allValues(name);
        }

        @Override
        public String getMimeType() {
            String type = response.headers().firstValue("Content-Type").orElse(null);
            if (type == null) {
                return null;
            }
            int semicolon = type.indexOf(';');
            return (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
        }

        @Override
        public Object getResponse() {
            return response;
        }

        @Override
        public int getStatus() {
            return response.statusCode();
        }

        @Override
        public String getStatusInfo() {
            return "HTTP " + response.statusCode();
        }

        @Override
        public InputStream readEntity() {
            return new ByteArrayInputStream(body);
        }
    }
}
