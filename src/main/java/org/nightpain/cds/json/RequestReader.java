package org.nightpain.cds.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.nightpain.cds.InvalidPatientFactsException;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.FactField;

/**
 * Reads one request strictly: every problem is collected before anything is assessed, and nothing is
 * guessed. Works on Jackson's streaming parser so that duplicate keys, number types and positions stay
 * visible. Thread-safe.
 */
final class RequestReader {
    /** Longest request accepted, in bytes (characters for a String). */
    static final int MAX_REQUEST_BYTES = 1 << 20;
    /** A request is one flat object; anything nested deeper than this is refused as malformed. */
    static final int MAX_NESTING_DEPTH = 32;
    private static final int MAX_NUMBER_CHARS = 100;
    private static final int MAX_ECHO_CHARS = 100;
    private static final BigDecimal LARGEST_IN_ANY_RANGE = BigDecimal.valueOf(1_000_000_000L);
    private static final Pattern JACKSON_POSITION = Pattern.compile(
            "\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");
    /** Jackson's advice to switch on a parser feature, which a caller cannot do. */
    private static final Pattern JACKSON_HINT = Pattern.compile(
            "\\s*:\\s*enable `[^`]*` to allow|\\s*\\([^()]*\\bFeature\\b[^()]*\\)");

    private final JsonFactory factory;

    RequestReader(JsonFactory factory) {
        this.factory = factory;
    }

    /**
     * Reads a request from UTF-8 bytes (a leading byte-order mark is allowed); {@code firstLine} numbers its
     * first line. Bytes in another encoding, UTF-16 and UTF-32 included, are malformed.
     */
    AssessmentRequest read(byte[] bytes, int offset, int length, long firstLine) {
        if (length > MAX_REQUEST_BYTES) {
            throw tooLarge(firstLine, position(bytes, offset, MAX_REQUEST_BYTES));
        }
        Utf8.Fault notUtf8 = Utf8.check(bytes, offset, length);
        if (notUtf8 != null) {
            throw new JsonInputException(ErrorCode.MALFORMED_JSON, null, List.of(new JsonProblem(null, null,
                    "not valid JSON: " + notUtf8.reason(), toInt(firstLine - 1 + notUtf8.line()),
                    toInt(notUtf8.column()))));
        }
        JsonParser parser = null;
        try {
            parser = factory.createParser(bytes, offset, length);
            return read(parser, firstLine);
        } catch (IOException e) {
            throw malformed(e, parser, firstLine);
        } finally {
            close(parser);
        }
    }

    /** Reads a request from text. */
    AssessmentRequest read(String text) {
        if (text.length() > MAX_REQUEST_BYTES) {
            throw tooLarge(1, position(text, 0, MAX_REQUEST_BYTES));
        }
        JsonParser parser = null;
        try {
            // A leading byte-order mark is accepted here as the byte path accepts it.
            parser = factory.createParser(text.startsWith("\uFEFF") ? text.substring(1) : text);
            return read(parser, 1);
        } catch (IOException e) {
            throw malformed(e, parser, 1);
        } finally {
            close(parser);
        }
    }

    private AssessmentRequest read(JsonParser parser, long firstLine) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw malformed("the request is empty", parser.currentLocation(), firstLine);
        }
        if (token != JsonToken.START_OBJECT) {
            String kind = describe(token);
            parser.skipChildren();
            expectEnd(parser, firstLine);
            throw new JsonInputException(ErrorCode.INVALID_INPUT, null,
                    List.of(JsonProblem.of(null, null, "a request must be a JSON object, not " + kind)));
        }
        Draft draft = new Draft();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            draft.accept(key, parser);
        }
        expectEnd(parser, firstLine);
        return draft.toRequest();
    }

    private static void expectEnd(JsonParser parser, long firstLine) throws IOException {
        if (parser.nextToken() != null) {
            throw malformed("unexpected content after the request: a request is exactly one JSON object",
                    parser.currentTokenLocation(), firstLine);
        }
    }

    /** The values of one request as they are read, and the problems found so far. */
    private static final class Draft {
        private final Object[] values = new Object[FactField.ALL.size()];
        private final List<JsonProblem> problems = new ArrayList<>(0);
        /** The facts given so far, by field ordinal; other keys (id, asOf, unknown ones) in {@code seen}. */
        private final boolean[] given = new boolean[FactField.ALL.size()];
        private final Set<String> seen = new HashSet<>(4);
        private String id;
        private Instant asOf;

        void accept(String key, JsonParser parser) throws IOException {
            FactField field = FactField.byName(key);
            boolean first = field == null ? seen.add(key) : !given[field.ordinal()];
            if (!first) {
                problems.add(JsonProblem.of(key, echo(parser), "is given more than once; give each key once"));
                return;
            }
            if (field != null) {
                given[field.ordinal()] = true;
                readFact(field, parser);
                return;
            }
            switch (key) {
                case "id" -> readId(parser);
                case "asOf" -> readAsOf(parser);
                default -> problems.add(JsonProblem.of(key, echo(parser), unknownKeyMessage(key)));
            }
        }

        private void readId(JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                id = parser.getText();
            } else if (token != JsonToken.VALUE_NULL) {
                problems.add(JsonProblem.of("id", echo(parser), "must be a string or null, not " + describe(token)));
            }
        }

        private void readAsOf(JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return;
            }
            if (token == JsonToken.VALUE_STRING) {
                try {
                    asOf = Instant.parse(parser.getText());
                    return;
                } catch (DateTimeException e) {
                    // reported below
                }
            }
            problems.add(JsonProblem.of("asOf", echo(parser),
                    "must be an ISO-8601 instant such as \"2026-11-25T08:00:00Z\", or null"));
        }

        private void readFact(FactField field, JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return;
            }
            switch (field.kind()) {
                case TRI_STATE, ENUMERATED -> readAnswer(field, parser, token);
                case INTEGER, DECIMAL -> readNumber(field, parser, token);
            }
        }

        private void readAnswer(FactField field, JsonParser parser, JsonToken token) throws IOException {
            if (token != JsonToken.VALUE_STRING) {
                problems.add(JsonProblem.of(field.fieldName(), echo(parser),
                        "must be one of " + names(field) + " as a string, or null; not " + describe(token)));
                return;
            }
            String text = parser.getText();
            for (Enum<?> constant : field.enumType().getEnumConstants()) {
                if (constant.name().equals(text)) {
                    values[field.ordinal()] = constant;
                    return;
                }
            }
            String message = "must be one of " + names(field) + ", or null";
            for (Enum<?> constant : field.enumType().getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(text)) {
                    message += " (names are exact and upper case: \"" + constant.name() + "\")";
                }
            }
            problems.add(JsonProblem.of(field.fieldName(), shorten(text), message));
        }

        private void readNumber(FactField field, JsonParser parser, JsonToken token) throws IOException {
            boolean whole = field.kind() == FactField.Kind.INTEGER;
            String expected = whole ? "a whole number" : "a number";
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                Object given = echo(parser);
                String hint = token == JsonToken.VALUE_STRING && isNumber((String) given)
                        ? " (write the number without quotes)" : "";
                problems.add(JsonProblem.of(field.fieldName(), given,
                        "must be " + expected + " or null, not " + describe(token) + hint));
                return;
            }
            if (parser.getTextLength() > MAX_NUMBER_CHARS) {
                problems.add(JsonProblem.of(field.fieldName(), shorten(parser.getText()),
                        "has too many digits; it " + field.rangeMessage()));
                return;
            }
            BigDecimal number;
            try {
                number = new BigDecimal(parser.getText());
            } catch (NumberFormatException e) {
                // Only an exponent beyond the range of BigDecimal gets here.
                problems.add(JsonProblem.of(field.fieldName(), parser.getText(), field.rangeMessage()));
                return;
            }
            if (number.abs().compareTo(LARGEST_IN_ANY_RANGE) > 0) {
                problems.add(JsonProblem.of(field.fieldName(), number, field.rangeMessage()));
            } else if (whole && number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
                problems.add(JsonProblem.of(field.fieldName(), number,
                        "must be a whole number of " + field.unit() + ", or null"));
            } else {
                values[field.ordinal()] = whole ? (Object) number.intValue() : (Object) number.doubleValue();
            }
        }

        AssessmentRequest toRequest() {
            PatientFacts facts = null;
            PatientFacts.Builder builder = PatientFacts.builder();
            for (FactField field : FactField.ALL) {
                Object value = values[field.ordinal()];
                if (value != null) {
                    field.write(builder, value);
                }
            }
            try {
                facts = builder.build();
            } catch (InvalidPatientFactsException e) {
                e.problems().forEach(problem -> problems.add(JsonProblem.of(problem)));
            }
            if (!problems.isEmpty()) {
                // Keys that are not facts first, in the order given; then facts in field order.
                problems.sort(Comparator.comparingInt(problem -> rank(problem.field())));
                throw new JsonInputException(ErrorCode.INVALID_INPUT, id, problems);
            }
            return new AssessmentRequest(id, asOf, facts);
        }
    }

    private static int rank(String key) {
        FactField field = key == null ? null : FactField.byName(key);
        return field == null ? -1 : field.ordinal();
    }


    private static String names(FactField field) {
        return Arrays.stream(field.enumType().getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The value at the parser, as it will be echoed in a problem; consumes an object or array whole. */
    private static Object echo(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case VALUE_STRING -> shorten(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> echoNumber(parser.getText());
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case START_OBJECT, START_ARRAY -> {
                parser.skipChildren();
                yield null;
            }
            default -> null;
        };
    }

    /** A number as sent, exactly; as text when it is too long or its exponent is beyond BigDecimal's range. */
    private static Object echoNumber(String text) {
        if (text.length() > MAX_NUMBER_CHARS) {
            return shorten(text);
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** The text, or its first 100 characters and its length; never cut inside a surrogate pair. */
    private static String shorten(String text) {
        if (text.length() <= MAX_ECHO_CHARS) {
            return text;
        }
        // Half a pair would be written as a lone surrogate escape, which strict JSON readers refuse.
        int cut = Character.isHighSurrogate(text.charAt(MAX_ECHO_CHARS - 1)) ? MAX_ECHO_CHARS - 1 : MAX_ECHO_CHARS;
        return text.substring(0, cut) + "… (" + text.length() + " characters)";
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> token.asString();
        };
    }

    static String unknownKeyMessage(String key) {
        String message = "is not a patient fact, \"id\" or \"asOf\"";
        String suggestion = closestKey(key);
        return suggestion == null ? message : message + " (did you mean \"" + suggestion + "\"?)";
    }

    /** The fact name closest to a misspelt key, when it is close enough to be a likely typo. */
    private static String closestKey(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = key.toLowerCase(Locale.ROOT);
        for (FactField field : FactField.ALL) {
            String name = field.fieldName();
            int distance = name.toLowerCase(Locale.ROOT).equals(lower) ? 0 : editDistance(lower, name.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 6) ? best : null;
    }

    private static int editDistance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 4) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static JsonInputException malformed(IOException e, JsonParser parser, long firstLine) {
        if (e instanceof StreamConstraintsException) {
            String message = e.getMessage() != null && e.getMessage().contains("nesting depth")
                    ? "nested deeper than " + MAX_NESTING_DEPTH + " levels; a request is one flat object"
                    : clean(((StreamConstraintsException) e).getOriginalMessage(), firstLine);
            return malformed(message, parser == null ? null : parser.currentLocation(), firstLine);
        }
        JsonLocation location = e instanceof JsonProcessingException processing ? processing.getLocation() : null;
        if (location == null && parser != null) {
            location = parser.currentLocation();
        }
        String message = e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.getMessage();
        return malformed(clean(message == null ? e.getClass().getSimpleName() : message, firstLine), location, firstLine);
    }

    private static JsonInputException malformed(String message, JsonLocation location, long firstLine) {
        long line = location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
        long column = location == null || location.getColumnNr() < 1 ? 1 : location.getColumnNr();
        return new JsonInputException(ErrorCode.MALFORMED_JSON, null, List.of(new JsonProblem(null, null,
                "not valid JSON: " + message, toInt(firstLine - 1 + line), toInt(column))));
    }

    private static JsonInputException tooLarge(long firstLine, long[] lineAndColumn) {
        return new JsonInputException(ErrorCode.MALFORMED_JSON, null, List.of(new JsonProblem(null, null,
                "the request is longer than " + MAX_REQUEST_BYTES + " bytes",
                toInt(firstLine - 1 + lineAndColumn[0]), toInt(lineAndColumn[1]))));
    }

    /** Line and column (both from 1) just after the first {@code count} bytes. */
    private static long[] position(byte[] bytes, int offset, int count) {
        return position(i -> bytes[i], offset, (int) Math.min((long) offset + count, bytes.length));
    }

    /** Line and column (both from 1) just after the first {@code count} characters. */
    private static long[] position(String text, int offset, int count) {
        return position(text::charAt, offset, Math.min(offset + count, text.length()));
    }

    private static long[] position(IntUnaryOperator at, int offset, int end) {
        long line = 1;
        long column = 1;
        for (int i = offset; i < end; i++) {
            if (at.applyAsInt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new long[] {line, column};
    }

    /** Jackson's message without its advice on parser features, its positions in lines of the whole input. */
    private static String clean(String message, long firstLine) {
        Matcher position = JACKSON_POSITION.matcher(message);
        StringBuilder out = new StringBuilder();
        while (position.find()) {
            long line = firstLine - 1 + Long.parseLong(position.group(1));
            position.appendReplacement(out, "line " + line + ", column " + position.group(2));
        }
        position.appendTail(out);
        return JACKSON_HINT.matcher(out).replaceAll("").trim();
    }

    private static Integer toInt(long value) {
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    private static void close(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // in-memory source: nothing to release
            }
        }
    }
}
