package org.nightpain.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file of the contract (§5) is read as written there; every mistake names its field. */
class ServiceConfigTest {
    @TempDir
    Path folder;

    private ServiceConfig read(String json) throws IOException {
        return ServiceConfig.read(Files.writeString(folder.resolve("serve.json"), json));
    }

    @Test
    void theContractsExample_isRead() throws IOException {
        ServiceConfig config = read("""
                {"trustedClients": [{"iss": "https://ehr.example.org", "jwksUrl": "https://ehr.example.org/.well-known/jwks.json",
                                      "jwksFile": null, "tenant": null}],
                 "audience": "http://127.0.0.1:8080/cds-services",
                 "store": {"jdbcUrl": "jdbc:h2:file:./nightpain-store", "user": "", "password": ""},
                 "allowUnauthenticated": false}
                """);

        assertThat(config.trustedClients()).containsExactly(new ServiceConfig.TrustedClient("https://ehr.example.org",
                URI.create("https://ehr.example.org/.well-known/jwks.json"), null, null));
        assertThat(config.audience()).isEqualTo("http://127.0.0.1:8080/cds-services");
        assertThat(config.store().jdbcUrl()).isEqualTo("jdbc:h2:file:./nightpain-store");
        assertThat(config.isOpen()).isFalse();
        assertThat(config.tls()).isNull();
        assertThat(config.store().toString()).doesNotContain("password=\"");
    }

    @Test
    void optionalKeys_tlsSaltAndATrailingSlash() throws IOException {
        Path keystore = Files.writeString(folder.resolve("keystore.p12"), "not read here");
        Path jwks = Files.writeString(folder.resolve("jwks.json"), "{\"keys\": []}");
        ServiceConfig config = read("{\"trustedClients\": [{\"iss\": \"ehr\", \"jwksFile\": \"" + jwks + "\", \"tenant\": \"t1\"}],"
                + " \"audience\": \"https://cds.example.org/cds-services/\", \"patientIdSalt\": \"0123456789abcdef\","
                + " \"tls\": {\"keystore\": \"" + keystore + "\", \"password\": \"secret\"}}");

        assertThat(config.audience()).isEqualTo("https://cds.example.org/cds-services");
        assertThat(config.trustedClients().get(0).tenant()).isEqualTo("t1");
        assertThat(config.store().jdbcUrl()).isEqualTo(ServiceConfig.DEFAULT_JDBC_URL);
        assertThat(config.tls().keystore()).isEqualTo(keystore);
        assertThat(config.tls().toString()).doesNotContain("secret");
    }

    @Test
    void openService_needsNoClients() throws IOException {
        assertThat(read("{\"allowUnauthenticated\": true}").isOpen()).isTrue();
        assertThat(ServiceConfig.open().isOpen()).isTrue();
        assertThat(ServiceConfig.open().store().jdbcUrl()).startsWith("jdbc:h2:mem:");
    }

    @Test
    void mistakes_nameTheirField() {
        Map<String, String> mistakes = Map.ofEntries(
                Map.entry("[]", "must be a JSON object"),
                Map.entry("{\"trustedClient\": []}", "trustedClient is not a configuration key"),
                Map.entry("{}", "trustedClients is empty"),
                Map.entry("{\"trustedClients\": [{\"iss\": \"a\", \"jwksUrl\": \"https://a/jwks\"}]}", "audience is required"),
                Map.entry("{\"trustedClients\": [{\"jwksUrl\": \"https://a/jwks\"}], \"audience\": \"https://s\"}",
                        "trustedClients[0].iss is required"),
                Map.entry("{\"trustedClients\": [{\"iss\": \"a\"}], \"audience\": \"https://s\"}", "exactly one of jwksUrl and jwksFile"),
                Map.entry("{\"trustedClients\": [{\"iss\": \"a\", \"jwksUrl\": \"http://ehr.example.org/jwks\"}], \"audience\": \"https://s\"}",
                        "trustedClients[0].jwksUrl must be https"),
                Map.entry("{\"trustedClients\": [{\"iss\": \"a\", \"jwksUrl\": \"ftp://a/jwks\"}], \"audience\": \"https://s\"}",
                        "trustedClients[0].jwksUrl must be an http or https URL"),
                Map.entry("{\"trustedClients\": [{\"iss\": \"a\", \"jwksFile\": \"/no/such/jwks.json\"}], \"audience\": \"https://s\"}",
                        "trustedClients[0].jwksFile: cannot read"),
                Map.entry("{\"trustedClients\": [{\"iss\": \"a\", \"jwksUrl\": \"https://a/j\"}, {\"iss\": \"a\", \"jwksUrl\": \"https://a/k\"}],"
                        + " \"audience\": \"https://s\"}", "trustedClients[1].iss: 'a' is listed twice"),
                Map.entry("{\"allowUnauthenticated\": \"yes\"}", "allowUnauthenticated must be true or false"),
                Map.entry("{\"allowUnauthenticated\": true, \"store\": {\"jdbcUrl\": \"jdbc:mysql://db/x\"}}",
                        "store.jdbcUrl must be a jdbc:h2: or a jdbc:postgresql: URL"),
                Map.entry("{\"allowUnauthenticated\": true, \"patientIdSalt\": \"short\"}", "patientIdSalt must have at least 16"),
                Map.entry("{\"allowUnauthenticated\": true, \"tls\": {\"password\": \"x\"}}", "tls.keystore is required"),
                Map.entry("{\"allowUnauthenticated\": true, \"audience\": \"cds-services\"}", "audience must be an http or https URL"),
                Map.entry("{\"allowUnauthenticated\": true, \"allowUnauthenticated\": true}", "not valid JSON"));
        mistakes.forEach((json, message) -> assertThatThrownBy(() -> read(json)).as(json)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message).hasMessageContaining("serve.json"));
    }
}
