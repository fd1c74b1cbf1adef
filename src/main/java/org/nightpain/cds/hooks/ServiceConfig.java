package org.nightpain.cds.hooks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The deployment of the CDS Hooks service, as the {@code --config} file of {@code serve} gives it: which
 * CDS clients are trusted and where their keys are, the service's own URL (the audience of their tokens),
 * the store of the audit trail and feedback, and optionally TLS and the salt of the patient-id hash.
 *
 * <pre>{@code
 * {"trustedClients": [{"iss": "https://ehr.example.org", "jwksUrl": "https://ehr.example.org/.well-known/jwks.json",
 *                       "jwksFile": null, "tenant": null}],
 *  "audience": "https://cds.example.org/cds-services",
 *  "store": {"jdbcUrl": "jdbc:h2:file:./nightpain-store", "user": "", "password": ""},
 *  "allowUnauthenticated": false}
 * }</pre>
 *
 * @param trustedClients       the CDS clients whose signed tokens are accepted; empty only when open
 * @param audience             the base URL of the service as the clients call it, without a trailing slash;
 *                             a token for service {@code id} must carry {@code aud} = {@code audience/id}
 * @param store                where the audit trail and feedback are kept
 * @param allowUnauthenticated true for a service without authentication (loopback only)
 * @param patientIdSalt        the salt of the audit's patient-id hash, or null to use one the store generates
 * @param tls                  the keystore to serve HTTPS with, or null for plain HTTP
 */
public record ServiceConfig(List<TrustedClient> trustedClients, String audience, StoreConfig store,
                            boolean allowUnauthenticated, String patientIdSalt, TlsConfig tls) {
    /** The store of a configuration file that names none: an H2 file in the working directory. */
    public static final String DEFAULT_JDBC_URL = "jdbc:h2:file:./nightpain-store";
    /** The shortest salt accepted: a short one makes the patient-id hash easy to reverse. */
    static final int MIN_SALT_LENGTH = 16;

    private static final Set<String> KEYS = Set.of("trustedClients", "audience", "store", "allowUnauthenticated",
            "patientIdSalt", "tls");

    /**
     * A CDS client the service trusts: its issuer, and where its public keys are (a JWKS URL, or a JWKS file).
     *
     * @param iss      the client's issuer, the {@code iss} claim of its tokens
     * @param jwksUrl  the URL of the client's JWKS, or null when {@code jwksFile} is given
     * @param jwksFile a file holding the client's JWKS, or null when {@code jwksUrl} is given
     * @param tenant   when not null, the client's tokens must carry this {@code tenant} claim
     */
    public record TrustedClient(String iss, URI jwksUrl, Path jwksFile, String tenant) {
        /**
         * Checks that the client has exactly one source of keys.
         *
         * @param iss the client's issuer, the {@code iss} claim of its tokens
         * @param jwksUrl the URL of the client's JWKS, or null when {@code jwksFile} is given
         * @param jwksFile a file holding the client's JWKS, or null when {@code jwksUrl} is given
         * @param tenant when not null, the client's tokens must carry this {@code tenant} claim
         * @throws NullPointerException when iss is null
         * @throws IllegalArgumentException when neither or both of jwksUrl and jwksFile are given
         */
        public TrustedClient {
            Objects.requireNonNull(iss, "iss");
            if ((jwksUrl == null) == (jwksFile == null)) {
                throw new IllegalArgumentException("a trusted client needs exactly one of jwksUrl and jwksFile");
            }
        }
    }

    /**
     * A JDBC store: {@code jdbc:h2:…} (embedded) or {@code jdbc:postgresql:…}.
     *
     * @param jdbcUrl  the JDBC URL of the database
     * @param user     the database user; empty when the URL or the database needs none
     * @param password the user's password; empty when there is none
     */
    public record StoreConfig(String jdbcUrl, String user, String password) {
        /**
         * Reads a null user or password as empty.
         *
         * @param jdbcUrl the JDBC URL of the database
         * @param user the database user; empty when the URL or the database needs none
         * @param password the user's password; empty when there is none
         * @throws NullPointerException when jdbcUrl is null
         */
        public StoreConfig {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            user = user == null ? "" : user;
            password = password == null ? "" : password;
        }

        @Override
        public String toString() {
            return "StoreConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***]";
        }
    }

    /**
     * A keystore (PKCS#12 or JKS) holding the service's certificate and private key.
     *
     * @param keystore the keystore file
     * @param password the keystore's password; empty when it has none
     */
    public record TlsConfig(Path keystore, String password) {
        /**
         * Reads a null password as empty.
         *
         * @param keystore the keystore file
         * @param password the keystore's password; empty when it has none
         * @throws NullPointerException when keystore is null
         */
        public TlsConfig {
            Objects.requireNonNull(keystore, "keystore");
            password = password == null ? "" : password;
        }

        @Override
        public String toString() {
            return "TlsConfig[keystore=" + keystore + ", password=***]";
        }
    }

    /**
     * Checks that the configuration can work: a client can call, and a trusted client has an audience.
     *
     * @param trustedClients the CDS clients whose signed tokens are accepted; empty only when open
     * @param audience the base URL of the service as the clients call it, without a trailing slash; a token for
     *        service {@code id} must carry {@code aud} = {@code audience/id}
     * @param store where the audit trail and feedback are kept
     * @param allowUnauthenticated true for a service without authentication (loopback only)
     * @param patientIdSalt the salt of the audit's patient-id hash, or null to use one the store generates
     * @param tls the keystore to serve HTTPS with, or null for plain HTTP
     * @throws NullPointerException when store is null
     * @throws IllegalArgumentException when no client is trusted and the service is not open, or there are trusted
     *        clients and no audience
     */
    public ServiceConfig {
        trustedClients = List.copyOf(trustedClients);
        Objects.requireNonNull(store, "store");
        if (!allowUnauthenticated && trustedClients.isEmpty()) {
            throw new IllegalArgumentException("trustedClients is empty, so no client could call: add one, or set"
                    + " allowUnauthenticated to true for a service open on loopback");
        }
        if (!trustedClients.isEmpty() && audience == null) {
            throw new IllegalArgumentException("audience is required with trustedClients: the service's URL as the"
                    + " clients call it, for example https://cds.example.org/cds-services");
        }
    }

    /**
     * {@return the service without a configuration file} It is open (no authentication, so it must stay on
     * loopback), with an in-memory store that keeps the audit trail and feedback only while the process runs.
     */
    public static ServiceConfig open() {
        return new ServiceConfig(List.of(), null, new StoreConfig("jdbc:h2:mem:nightpain-" + java.util.UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "", ""), true, null, null);
    }

    /** {@return true when calls need no token: no trusted client is configured, or the file allows it} */
    public boolean isOpen() {
        return allowUnauthenticated || trustedClients.isEmpty();
    }

    /**
     * Reads a configuration file.
     *
     * @param file the file, JSON as the class comment shows
     * @return the configuration
     * @throws IllegalArgumentException naming the file and the field that is wrong, and what is allowed
     */
    public static ServiceConfig read(Path file) {
        JsonNode root;
        try {
            root = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build().readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    static ServiceConfig parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("must be a JSON object with the keys " + new java.util.TreeSet<>(KEYS));
        }
        unknownKeys(root, "", KEYS);
        List<TrustedClient> clients = new ArrayList<>();
        JsonNode list = root.get("trustedClients");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new IllegalArgumentException("trustedClients must be an array of {iss, jwksUrl, jwksFile, tenant}");
            }
            Set<String> issuers = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                TrustedClient client = client(list.get(i), "trustedClients[" + i + "]");
                if (!issuers.add(client.iss())) {
                    throw new IllegalArgumentException("trustedClients[" + i + "].iss: '" + client.iss()
                            + "' is listed twice");
                }
                clients.add(client);
            }
        }
        String audience = optionalText(root, "audience", "");
        if (audience != null) {
            httpUrl(audience, "audience", false);
            audience = audience.endsWith("/") ? audience.substring(0, audience.length() - 1) : audience;
        }
        JsonNode allow = root.get("allowUnauthenticated");
        if (allow != null && !allow.isNull() && !allow.isBoolean()) {
            throw new IllegalArgumentException("allowUnauthenticated must be true or false");
        }
        String salt = optionalText(root, "patientIdSalt", "");
        if (salt != null && salt.length() < MIN_SALT_LENGTH) {
            throw new IllegalArgumentException("patientIdSalt must have at least " + MIN_SALT_LENGTH
                    + " characters (a short salt makes the patient-id hash easy to reverse)");
        }
        return new ServiceConfig(clients, audience, store(root.get("store")), allow != null && allow.asBoolean(false),
                salt, tls(root.get("tls")));
    }

    private static TrustedClient client(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(at + " must be an object {iss, jwksUrl, jwksFile, tenant}");
        }
        unknownKeys(node, at + ".", Set.of("iss", "jwksUrl", "jwksFile", "tenant"));
        String iss = optionalText(node, "iss", at + ".");
        if (iss == null || iss.isBlank()) {
            throw new IllegalArgumentException(at + ".iss is required: the issuer the client puts in its tokens");
        }
        String url = optionalText(node, "jwksUrl", at + ".");
        String file = optionalText(node, "jwksFile", at + ".");
        if ((url == null) == (file == null)) {
            throw new IllegalArgumentException(at + ": give exactly one of jwksUrl and jwksFile (the client's public keys)");
        }
        Path jwksFile = null;
        if (file != null) {
            jwksFile = Path.of(file);
            if (!Files.isReadable(jwksFile) || Files.isDirectory(jwksFile)) {
                throw new IllegalArgumentException(at + ".jwksFile: cannot read " + jwksFile.toAbsolutePath());
            }
        }
        return new TrustedClient(iss, url == null ? null : httpUrl(url, at + ".jwksUrl", true), jwksFile,
                optionalText(node, "tenant", at + "."));
    }

    private static StoreConfig store(JsonNode node) {
        if (node == null || node.isNull()) {
            return new StoreConfig(DEFAULT_JDBC_URL, "", "");
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("store must be an object {jdbcUrl, user, password}");
        }
        unknownKeys(node, "store.", Set.of("jdbcUrl", "user", "password"));
        String url = optionalText(node, "jdbcUrl", "store.");
        if (url == null) {
            url = DEFAULT_JDBC_URL;
        } else if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("store.jdbcUrl must be a jdbc:h2: or a jdbc:postgresql: URL");
        }
        return new StoreConfig(url, optionalText(node, "user", "store."), optionalText(node, "password", "store."));
    }

    private static TlsConfig tls(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("tls must be an object {keystore, password}");
        }
        unknownKeys(node, "tls.", Set.of("keystore", "password"));
        String keystore = optionalText(node, "keystore", "tls.");
        if (keystore == null) {
            throw new IllegalArgumentException("tls.keystore is required: a PKCS#12 or JKS file with the certificate");
        }
        Path path = Path.of(keystore);
        if (!Files.isReadable(path) || Files.isDirectory(path)) {
            throw new IllegalArgumentException("tls.keystore: cannot read " + path.toAbsolutePath());
        }
        return new TlsConfig(path, optionalText(node, "password", "tls."));
    }

    private static void unknownKeys(JsonNode node, String prefix, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(prefix + name + " is not a configuration key; the keys here are "
                        + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static String optionalText(JsonNode node, String key, String prefix) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(prefix + key + " must be a string");
        }
        return value.asText();
    }

    /**
     * An http or https URL with a host. Keys fetched over plain HTTP could be replaced on the way, so a JWKS
     * URL must be https unless it is on this machine.
     */
    private static URI httpUrl(String text, String field, boolean httpsUnlessLoopback) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + " is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(field + " must be an http or https URL with a host and no user or fragment");
        }
        if (httpsUnlessLoopback && scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(field + " must be https (keys fetched over plain HTTP could be replaced"
                    + " on the way); plain http is accepted only for localhost");
        }
        return uri;
    }

    /** True for the names and addresses of this machine's loopback interface. */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.startsWith("127.") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }
}
