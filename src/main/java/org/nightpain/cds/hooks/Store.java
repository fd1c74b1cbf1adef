package org.nightpain.cds.hooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * The service's store: the audit trail of answered calls and the feedback of CDS clients, in a JDBC
 * database whose schema Flyway creates and migrates at start. An embedded H2 file needs no set-up;
 * PostgreSQL is used by its URL. A write returns only once it is committed.
 *
 * <p>Thread-safe: every operation takes a connection of its own from the pool.
 */
final class Store implements AutoCloseable {
    private static final String MIGRATIONS = "classpath:org/nightpain/cds/hooks/migration";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answered call, as the audit keeps it: no fact value, no name, no patient id in clear text. */
    record AuditRecord(Instant answeredAt, String hookInstance, String serviceId, String clientIss, String patientHash,
                       String kbId, String kbVersion, String kbSha256, String highestUrgency, JsonNode findings,
                       List<String> cards) {
    }

    /** One item of a feedback request. */
    record FeedbackRecord(String card, String outcome, Instant outcomeTimestamp, JsonNode acceptedSuggestions,
                          JsonNode overrideReason) {
    }

    private final HikariDataSource pool;
    private final String description;

    private Store(HikariDataSource pool, String description) {
        this.pool = pool;
        this.description = description;
    }

    /**
     * Connects and brings the schema up to date.
     *
     * @throws IllegalStateException naming the store (its URL, never its password) when it cannot be reached
     *                               or migrated
     */
    static Store open(ServiceConfig.StoreConfig config) {
        String url = config.jdbcUrl();
        // H2 writes a commit to its file up to 500 ms later by default; a killed process would lose it.
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY")) {
            url = url + ";WRITE_DELAY=0";
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("nightpain-store");
        hikari.setJdbcUrl(url);
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(8);
        hikari.setConnectionTimeout(5_000);
        hikari.setInitializationFailTimeout(5_000);
        String description = config.jdbcUrl().replaceAll("(?i)(password=)[^;&]*", "$1***");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot connect to the store " + description + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations(MIGRATIONS).table("nightpain_schema_history")
                    .load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new IllegalStateException("cannot create the schema of the store " + description + ": " + rootMessage(e), e);
        }
        return new Store(pool, description);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** The store's URL without any password, for messages. */
    String description() {
        return description;
    }

    /** True when a connection can be had and answers within two seconds. */
    boolean reachable() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * The salt of the patient-id hash kept in the store, made (32 random bytes) on first use, so that hashes
     * stay comparable across restarts of a service whose configuration names no salt.
     */
    String generatedSalt() {
        try (Connection connection = pool.getConnection()) {
            String salt = secret(connection, "patientIdSalt");
            if (salt != null) {
                return salt;
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO nightpain_secret (name, secret) VALUES (?, ?)")) {
                insert.setString(1, "patientIdSalt");
                insert.setString(2, HexFormat.of().formatHex(bytes));
                insert.executeUpdate();
            } catch (SQLException raced) {
                // Another instance on the same database made it first: use that one.
            }
            return secret(connection, "patientIdSalt");
        } catch (SQLException e) {
            throw failure("read the salt", e);
        }
    }

    private static String secret(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT secret FROM nightpain_secret WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** Stores one answered call and its cards in one transaction. */
    void recordCall(AuditRecord call) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO nightpain_audit (answered_at,"
                        + " hook_instance, service_id, client_iss, patient_hash, kb_id, kb_version, kb_sha256,"
                        + " highest_urgency, findings, cards) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    insert.setObject(1, OffsetDateTime.ofInstant(call.answeredAt(), ZoneOffset.UTC));
                    insert.setString(2, call.hookInstance());
                    insert.setString(3, call.serviceId());
                    insert.setString(4, call.clientIss());
                    insert.setString(5, call.patientHash());
                    insert.setString(6, call.kbId());
                    insert.setString(7, call.kbVersion());
                    insert.setString(8, call.kbSha256());
                    insert.setString(9, call.highestUrgency());
                    insert.setString(10, call.findings().toString());
                    insert.setString(11, JSON.valueToTree(call.cards()).toString());
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                try (PreparedStatement card = connection.prepareStatement(
                        "INSERT INTO nightpain_card (card_uuid, audit_id, service_id) VALUES (?, ?, ?)")) {
                    for (String uuid : call.cards()) {
                        card.setString(1, uuid);
                        card.setLong(2, id);
                        card.setString(3, call.serviceId());
                        card.addBatch();
                    }
                    card.executeBatch();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("store the audit record", e);
        }
    }

    /**
     * Stores a feedback request, all of it or nothing.
     *
     * @return the first card uuid that this service never sent (nothing is stored then), or null once stored
     */
    String recordFeedback(String serviceId, String clientIss, Instant receivedAt, List<FeedbackRecord> items) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement known = connection.prepareStatement(
                        "SELECT 1 FROM nightpain_card WHERE card_uuid = ? AND service_id = ?")) {
                    for (FeedbackRecord item : items) {
                        known.setString(1, item.card());
                        known.setString(2, serviceId);
                        try (ResultSet row = known.executeQuery()) {
                            if (!row.next()) {
                                connection.rollback();
                                return item.card();
                            }
                        }
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO nightpain_feedback (received_at,"
                        + " service_id, client_iss, card_uuid, outcome, outcome_timestamp, accepted_suggestions,"
                        + " override_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (FeedbackRecord item : items) {
                        insert.setObject(1, OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC));
                        insert.setString(2, serviceId);
                        insert.setString(3, clientIss);
                        insert.setString(4, item.card());
                        insert.setString(5, item.outcome());
                        insert.setObject(6, OffsetDateTime.ofInstant(item.outcomeTimestamp(), ZoneOffset.UTC));
                        insert.setString(7, item.acceptedSuggestions().toString());
                        insert.setString(8, item.overrideReason() == null ? null : item.overrideReason().toString());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                connection.commit();
                return null;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("store the feedback", e);
        }
    }

    /**
     * Writes the audit rows, then the feedback rows, from {@code since} on, one JSON object a line, oldest
     * first.
     *
     * @return how many rows were written
     */
    int export(Instant since, Writer out) {
        OffsetDateTime from = OffsetDateTime.ofInstant(since, ZoneOffset.UTC);
        try (Connection connection = pool.getConnection()) {
            int rows = export(connection, "SELECT answered_at, hook_instance, service_id, client_iss, patient_hash, kb_id,"
                    + " kb_version, kb_sha256, highest_urgency, findings, cards FROM nightpain_audit"
                    + " WHERE answered_at >= ? ORDER BY answered_at, id", from, out, row -> {
                        ObjectNode line = JSON.createObjectNode().put("record", "audit");
                        line.put("answeredAt", instant(row, 1));
                        line.put("hookInstance", row.getString(2));
                        line.put("serviceId", row.getString(3));
                        line.put("clientIss", row.getString(4));
                        line.put("patientIdHash", row.getString(5));
                        line.putObject("knowledgeBase").put("id", row.getString(6)).put("version", row.getString(7))
                                .put("sha256", row.getString(8));
                        line.put("highestUrgency", row.getString(9));
                        line.set("findings", JSON.readTree(row.getString(10)));
                        line.set("cards", JSON.readTree(row.getString(11)));
                        return line;
                    });
            return rows + export(connection, "SELECT received_at, service_id, client_iss, card_uuid, outcome,"
                    + " outcome_timestamp, accepted_suggestions, override_reason FROM nightpain_feedback"
                    + " WHERE received_at >= ? ORDER BY received_at, id", from, out, row -> {
                        ObjectNode line = JSON.createObjectNode().put("record", "feedback");
                        line.put("receivedAt", instant(row, 1));
                        line.put("serviceId", row.getString(2));
                        line.put("clientIss", row.getString(3));
                        line.put("card", row.getString(4));
                        line.put("outcome", row.getString(5));
                        line.put("outcomeTimestamp", instant(row, 6));
                        line.set("acceptedSuggestions", JSON.readTree(row.getString(7)));
                        String reason = row.getString(8);
                        line.set("overrideReason", reason == null ? null : JSON.readTree(reason));
                        return line;
                    });
        } catch (SQLException e) {
            throw failure("read the audit trail", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the store holds JSON it cannot read: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row of a result as a JSON object. */
    private interface RowWriter {
        ObjectNode line(ResultSet row) throws SQLException, IOException;
    }

    private static int export(Connection connection, String query, OffsetDateTime from, Writer out, RowWriter rows)
            throws SQLException, IOException {
        int written = 0;
        try (PreparedStatement select = connection.prepareStatement(query)) {
            select.setObject(1, from);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    out.write(rows.line(row).toString());
                    out.write('\n');
                    written++;
                }
            }
        }
        return written;
    }

    private static String instant(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant().toString();
    }

    private IllegalStateException failure(String what, SQLException e) {
        // The SQL state and class, not the message: a driver may quote the values of the statement.
        return new IllegalStateException("could not " + what + " in the store " + description + " (SQL state "
                + e.getSQLState() + ", " + e.getClass().getSimpleName() + ")");
    }

    @Override
    public void close() {
        pool.close();
    }
}
