package org.nightpain.cds.hooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;

/**
 * For tests: a real FHIR R4 server, HAPI FHIR's {@code RestfulServer} with in-memory resource providers in
 * Jetty's servlet container on loopback, serving the five searches of the service's prefetch templates. It
 * can fail (500), be slow, and records the {@code Authorization} header of every request it gets.
 */
public final class TestFhirServer implements AutoCloseable {
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    /** What the server does with a request. */
    public enum Mode { SERVE, FAIL, SLOW }

    private final Map<String, List<Resource>> resources = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final RestfulServer restful;
    private final Server jetty;
    private volatile Mode mode = Mode.SERVE;
    private volatile long slowMillis = 8_000;

    private TestFhirServer(int pageSize) {
        restful = new RestfulServer(FHIR);
        restful.setResourceProviders(new Provider<>(Patient.class), new Provider<>(QuestionnaireResponse.class),
                new Provider<>(Condition.class), new Provider<>(Observation.class), new Provider<>(MedicationStatement.class));
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(100);
        paging.setDefaultPageSize(pageSize);
        paging.setMaximumPageSize(pageSize);
        restful.setPagingProvider(paging);
        restful.registerInterceptor(new Recorder());
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(restful), "/fhir/*");
        jetty.setHandler(context);
        try {
            jetty.start();
        } catch (Exception e) {
            throw new IllegalStateException("the test FHIR server did not start", e);
        }
    }

    /** A server that pages searches by {@code pageSize} results. */
    public static TestFhirServer start(int pageSize) {
        return new TestFhirServer(pageSize);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/fhir");
    }

    /** Adds resources given as FHIR JSON (Jackson trees, as the tests write them). */
    public TestFhirServer add(ObjectNode... json) {
        for (ObjectNode each : json) {
            Resource resource = (Resource) FHIR.newJsonParser().parseResource(each.toString());
            resources.computeIfAbsent(resource.fhirType(), type -> new CopyOnWriteArrayList<>()).add(resource);
        }
        return this;
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** Makes the links of search results (the next page's among them) point to another server. */
    public void linksPointTo(URI otherBase) {
        restful.setServerAddressStrategy(new HardcodedServerAddressStrategy(otherBase.toString()));
    }

    /** The {@code Authorization} header of every request so far (null where there was none). */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** The resource type or operation of every request so far ("Condition", "Patient", "page"). */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Records every request the server gets, the pages of a search among them. */
    @Interceptor
    public final class Recorder {
        @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
        public boolean incoming(RequestDetails request) {
            authorizations.add(request.getHeader("Authorization"));
            requests.add(request.getResourceName() == null ? "page" : request.getResourceName());
            return true;
        }
    }

    private void handle(RequestDetails request) {
        if (mode == Mode.FAIL) {
            throw new InternalErrorException("the test server fails as told");
        }
        if (mode == Mode.SLOW) {
            try {
                Thread.sleep(slowMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Serves one resource type from memory: read by id, and the search of the prefetch template. */
    public final class Provider<T extends Resource> implements IResourceProvider {
        private final Class<T> type;

        Provider(Class<T> type) {
            this.type = type;
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return type;
        }

        @Read
        public T read(@IdParam IdType id, RequestDetails request) {
            handle(request);
            for (Resource resource : resources.getOrDefault(FHIR.getResourceType(type), List.of())) {
                if (id.getIdPart().equals(resource.getIdElement().getIdPart())) {
                    return type.cast(resource);
                }
            }
            throw new ResourceNotFoundException(id);
        }

        @Search
        public List<IBaseResource> search(@RequiredParam(name = "patient") ReferenceParam patient,
                                          @OptionalParam(name = "questionnaire") UriParam questionnaire,
                                          @OptionalParam(name = "code") TokenOrListParam code,
                                          @Sort SortSpec sort, @Count Integer count, RequestDetails request) {
            handle(request);
            List<IBaseResource> found = new ArrayList<>();
            for (Resource resource : resources.getOrDefault(FHIR.getResourceType(type), List.of())) {
                if (code == null || !(resource instanceof Observation observation) || observation.getCode().getCoding()
                        .stream().anyMatch(c -> code.getValuesAsQueryTokens().stream().anyMatch(
                                t -> t.getSystem().equals(c.getSystem()) && t.getValue().equals(c.getCode())))) {
                    found.add(resource);
                }
            }
            return count == null ? found : found.subList(0, Math.min(count, found.size()));
        }
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the test FHIR server did not stop", e);
        }
    }
}
