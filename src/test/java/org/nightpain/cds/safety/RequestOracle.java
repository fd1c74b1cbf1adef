package org.nightpain.cds.safety;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.nightpain.cds.InvalidPatientFactsException;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.FactField;

/**
 * What a JSON request means by the contract (§2), read without the codec: Jackson's tree model, strict
 * about duplicate keys and trailing content, then the contract's rules by hand. A request is valid when
 * it is one object whose keys are {@code id}, {@code asOf} or fact names, each value null or of its
 * field's type (an exact enum name, a whole number, a number), and the facts pass validation. The fuzz
 * tests hold the codec to it: a result is only allowed for a request that this reads as valid, and it
 * must be the result of exactly these facts.
 */
final class RequestOracle {
    /** A valid request: its id, its as-of time (null when not given) and its facts. */
    record Request(String id, Instant asOf, PatientFacts facts) {
    }

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private RequestOracle() {
    }

    /**
     * The request in bytes; empty when it has any problem. The contract takes UTF-8 only: the bytes are
     * decoded by the JDK's UTF-8 decoder, which refuses every malformed sequence (so UTF-16 and UTF-32
     * text, which Jackson would detect and read, and overlong forms, which it would decode, are
     * problems), and the text is then read as a request, a leading byte-order mark allowed.
     */
    static Optional<Request> read(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        return read(text);
    }

    /** The request as text; empty when it has any problem. A leading byte-order mark is allowed. */
    static Optional<Request> read(String body) {
        try {
            return read(STRICT.readTree(body.startsWith("\uFEFF") ? body.substring(1) : body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Request> read(JsonNode root) {
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        String id = null;
        Instant asOf = null;
        PatientFacts.Builder builder = PatientFacts.builder();
        for (Iterator<Map.Entry<String, JsonNode>> entries = root.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode value = entry.getValue();
            switch (entry.getKey()) {
                case "id" -> {
                    if (!value.isNull() && !value.isTextual()) {
                        return Optional.empty();
                    }
                    id = value.textValue();
                }
                case "asOf" -> {
                    asOf = value.isNull() ? null : instant(value);
                    if (!value.isNull() && asOf == null) {
                        return Optional.empty();
                    }
                }
                default -> {
                    FactField field = FactField.byName(entry.getKey());
                    if (field == null) {
                        return Optional.empty();
                    }
                    if (!value.isNull()) {
                        Object fact = fact(field, value);
                        if (fact == null) {
                            return Optional.empty();
                        }
                        field.write(builder, fact);
                    }
                }
            }
        }
        try {
            return Optional.of(new Request(id, asOf, builder.build()));
        } catch (InvalidPatientFactsException e) {
            return Optional.empty();
        }
    }

    private static Instant instant(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(value.textValue());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The value as the field's type, or null when it is not of that type. */
    private static Object fact(FactField field, JsonNode value) {
        return switch (field.kind()) {
            case TRI_STATE, ENUMERATED -> {
                if (!value.isTextual()) {
                    yield null;
                }
                for (Enum<?> constant : field.enumType().getEnumConstants()) {
                    if (constant.name().equals(value.textValue())) {
                        yield constant;
                    }
                }
                yield null;
            }
            case INTEGER -> {
                if (!value.isNumber()) {
                    yield null;
                }
                try {
                    yield value.decimalValue().stripTrailingZeros().intValueExact();
                } catch (ArithmeticException e) {
                    yield null;
                }
            }
            case DECIMAL -> value.isNumber() ? value.decimalValue().doubleValue() : null;
        };
    }
}
