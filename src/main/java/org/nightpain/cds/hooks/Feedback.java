package org.nightpain.cds.hooks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nightpain.cds.Problem;

/**
 * Reads a CDS Hooks 2.0 feedback body: {@code {"feedback": [{"card": uuid, "outcome": "accepted" |
 * "overridden", "outcomeTimestamp": …, "acceptedSuggestions": [{"id": …}], "overrideReason": {"reason":
 * Coding, "userComment": …}}]}}. Every problem is reported at once, each naming its field.
 */
final class Feedback {
    /** More items than any EHR sends for the cards of one call; a bound on the work of one request. */
    static final int MAX_ITEMS = 100;
    static final int MAX_COMMENT_CHARS = 10_000;
    private static final Set<String> OUTCOMES = Set.of("accepted", "overridden");
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private Feedback() {
    }

    /**
     * @throws HookException 400 {@code MALFORMED_JSON} for a body that is not JSON, {@code INVALID_INPUT} naming
     *                       every field that is not as the specification has it
     */
    static List<Store.FeedbackRecord> parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new HookException(400, "MALFORMED_JSON", "The feedback body is not valid JSON.", List.of());
        } catch (IOException e) {
            throw new HookException(400, "MALFORMED_JSON", "The feedback body could not be read.", List.of());
        }
        JsonNode items = root == null ? null : root.get("feedback");
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw HookException.invalid("feedback", null, "is required: an array of 1 to " + MAX_ITEMS
                    + " feedback items, each {card, outcome, outcomeTimestamp}");
        }
        List<Problem> problems = new ArrayList<>();
        List<Store.FeedbackRecord> records = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Store.FeedbackRecord record = item(items.get(i), "feedback[" + i + "]", problems);
            if (record != null) {
                records.add(record);
            }
        }
        if (!problems.isEmpty()) {
            throw HookException.invalid(problems);
        }
        return records;
    }

    private static Store.FeedbackRecord item(JsonNode item, String at, List<Problem> problems) {
        if (!item.isObject()) {
            problems.add(new Problem(at, null, "must be an object {card, outcome, outcomeTimestamp}"));
            return null;
        }
        int before = problems.size();
        String card = text(item, "card", at, problems);
        if (card != null && (card.isBlank() || card.length() > 64)) {
            problems.add(new Problem(at + ".card", null, "must be the uuid of a card this service sent"));
        }
        String outcome = text(item, "outcome", at, problems);
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            problems.add(new Problem(at + ".outcome", outcome, "must be 'accepted' or 'overridden'"));
        }
        Instant when = null;
        String timestamp = text(item, "outcomeTimestamp", at, problems);
        if (timestamp != null) {
            try {
                when = OffsetDateTime.parse(timestamp).toInstant();
            } catch (DateTimeParseException e) {
                problems.add(new Problem(at + ".outcomeTimestamp", timestamp, "must be an ISO 8601 date and time with"
                        + " an offset, for example 2026-12-01T09:30:00Z"));
            }
        }
        JsonNode accepted = item.get("acceptedSuggestions");
        if (accepted != null) {
            checkSuggestions(accepted, at + ".acceptedSuggestions", "accepted".equals(outcome), problems);
        }
        JsonNode reason = item.get("overrideReason");
        if (reason != null) {
            checkOverrideReason(reason, at + ".overrideReason", "overridden".equals(outcome), problems);
        }
        if (problems.size() > before) {
            return null;
        }
        return new Store.FeedbackRecord(card, outcome, when,
                accepted == null ? JSON.createArrayNode() : accepted, reason);
    }

    private static void checkSuggestions(JsonNode accepted, String at, boolean wasAccepted, List<Problem> problems) {
        if (!wasAccepted) {
            problems.add(new Problem(at, null, "is allowed only with the outcome 'accepted'"));
        } else if (!accepted.isArray()) {
            problems.add(new Problem(at, null, "must be an array of {id}"));
        } else {
            for (int j = 0; j < accepted.size(); j++) {
                JsonNode id = accepted.get(j).get("id");
                if (id == null || !id.isTextual() || id.asText().isBlank()) {
                    problems.add(new Problem(at + "[" + j + "].id", null, "is required: the uuid of the suggestion"));
                }
            }
        }
    }

    private static void checkOverrideReason(JsonNode reason, String at, boolean wasOverridden, List<Problem> problems) {
        if (!wasOverridden) {
            problems.add(new Problem(at, null, "is allowed only with the outcome 'overridden'"));
            return;
        }
        if (!reason.isObject()) {
            problems.add(new Problem(at, null, "must be an object {reason, userComment}"));
            return;
        }
        JsonNode coding = reason.get("reason");
        if (coding != null && (!coding.isObject() || !coding.path("code").isTextual())) {
            problems.add(new Problem(at + ".reason", null, "must be a Coding with a code"));
        }
        JsonNode comment = reason.get("userComment");
        if (comment != null && (!comment.isTextual() || comment.asText().length() > MAX_COMMENT_CHARS)) {
            problems.add(new Problem(at + ".userComment", null, "must be a text of at most " + MAX_COMMENT_CHARS
                    + " characters"));
        }
    }

    private static String text(JsonNode item, String key, String at, List<Problem> problems) {
        JsonNode value = item.get(key);
        if (value == null || !value.isTextual()) {
            problems.add(new Problem(at + "." + key, null, "is required and must be a string"));
            return null;
        }
        return value.asText();
    }
}
