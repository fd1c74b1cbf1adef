import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code PatientFacts.java} and {@code FactField.java} from the knowledge base's fact register
 * ({@code facts.tsv}), so that a fact is declared in one place. The build runs it before compiling, as
 * a single-file Java program: {@code java FactSchemaGenerator.java FACTS_TSV OUTPUT_DIR}.
 *
 * <p>It only turns rows into Java; what a fact means lives in the register and in the rules.
 */
public final class FactSchemaGenerator {

    /** One row of the register. */
    record Fact(String name, String type, String unit, String valid, String use, String question,
                String askWhen, String flags, String description) {

        boolean isNumber() {
            return type.equals("integer") || type.equals("decimal");
        }

        boolean isAnswer() {
            return !isNumber();
        }

        /** The Java type of the record component. */
        String javaType() {
            return switch (type) {
                case "integer" -> "Integer";
                case "decimal" -> "Double";
                case "yes-no" -> "TriState";
                default -> type;
            };
        }

        /** AGE_YEARS for ageYears. */
        String constant() {
            return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        }

        /** The range part of a number's valid column ("30.0-45.0" of "30.0-45.0 (was it °F?)"). */
        String[] range() {
            String range = valid.split(" ", 2)[0];
            int dash = range.indexOf('-', 1);
            return new String[] {range.substring(0, dash), range.substring(dash + 1)};
        }

        /** The hint after a number's range, such as "(was it °F?)"; empty when there is none. */
        String rangeHint() {
            String[] parts = valid.split(" ", 2);
            return parts.length > 1 ? parts[1].strip() : "";
        }

        /** The description as javadoc text: the register's words, with HTML's special characters escaped. */
        String doc() {
            return description.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
                    .replace("*/", "*&#47;");
        }

        String javadoc() {
            return doc() + (isNumber() ? " Null when not given." : " Null is read as UNKNOWN.");
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: java FactSchemaGenerator.java FACTS_TSV OUTPUT_DIR");
        }
        List<Fact> facts = read(Path.of(args[0]));
        Path folder = Path.of(args[1], "org", "nightpain", "cds");
        Files.createDirectories(folder);
        write(folder.resolve("PatientFacts.java"), patientFacts(facts));
        write(folder.resolve("FactField.java"), factField(facts));
    }

    static List<Fact> read(Path register) throws IOException {
        List<Fact> facts = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(register, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 9) {
                throw new IllegalStateException(register + ":" + lineNumber + ": expected 9 tab-separated columns, found "
                        + cells.length);
            }
            Fact fact = new Fact(cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip(),
                    cells[4].strip(), cells[5].strip(), cells[6].strip(), cells[7].strip(), cells[8].strip());
            for (String flag : fact.flags().split("\\s+")) {
                if (!flag.isEmpty() && !List.of("report-yes", "report-not-none", "always-ask").contains(flag)) {
                    throw new IllegalStateException(register + ":" + lineNumber + ": unknown flag '" + flag + "'");
                }
            }
            if (!List.of("core", "required", "optional").contains(fact.use())) {
                throw new IllegalStateException(register + ":" + lineNumber + ": use must be core, required or optional");
            }
            if (fact.question().isEmpty() || fact.description().isEmpty()) {
                throw new IllegalStateException(register + ":" + lineNumber + ": a fact needs a question and a description");
            }
            facts.add(fact);
        }
        return facts;
    }

    private static void write(Path file, String text) throws IOException {
        // Unchanged output keeps its timestamp, so the compiler does not redo work for nothing.
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            return;
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String literal(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String patientFacts(List<Fact> facts) {
        StringBuilder out = new StringBuilder();
        out.append("""
                package org.nightpain.cds;

                // Generated from the knowledge base's fact register (facts.tsv) by FactSchemaGenerator. Do not edit:
                // add or change a fact in the register.

                /**
                 * The facts about one patient, as the knowledge base's fact register names them. Immutable and always
                 * valid: the constructor rejects out-of-range values and impossible combinations with one
                 * {@link InvalidPatientFactsException} that lists every problem.
                 *
                 * <p>A yes/no answer that was not given is {@link TriState#UNKNOWN}; a number that was not given is
                 * {@code null}. Unknown is never read as "no". Build instances with {@link #builder()}.
                 *
                """);
        for (Fact fact : facts) {
            out.append(" * @param ").append(fact.name()).append(' ').append(fact.javadoc()).append('\n');
        }
        out.append(" */\npublic record PatientFacts(\n");
        for (int i = 0; i < facts.size(); i++) {
            Fact fact = facts.get(i);
            out.append("        ").append(fact.javaType()).append(' ').append(fact.name())
                    .append(i < facts.size() - 1 ? ",\n" : ") {\n");
        }
        out.append("""

                    /**
                     * Checks the facts and reads a null answer as UNKNOWN.
                     *
                """);
        for (Fact fact : facts) {
            out.append("     * @param ").append(fact.name()).append(' ').append(fact.javadoc()).append('\n');
        }
        out.append("""
                     * @throws InvalidPatientFactsException listing every out-of-range value and impossible combination
                     */
                    public PatientFacts {
                """);
        for (Fact fact : facts) {
            if (fact.isAnswer()) {
                out.append("        ").append(fact.name()).append(" = ").append(fact.name()).append(" == null ? ")
                        .append(fact.javaType()).append(".UNKNOWN : ").append(fact.name()).append(";\n");
            }
        }
        out.append("        PatientFactsValidator.check(new Object[] {\n");
        appendList(out, facts, "                ", Fact::name);
        out.append("});\n    }\n");
        out.append("""

                    /**
                     * Names the type only. The values are patient data, and the usual record text would carry every one
                     * of them into any log that prints the facts; Drools, for one, prints each inserted fact at TRACE
                     * level. Read the values through the accessors.
                     */
                    @Override
                    public String toString() {
                        return "PatientFacts[values withheld]";
                    }

                    /** {@return a builder in which every answer is UNKNOWN and every number is not given} */
                    public static Builder builder() {
                        return new Builder();
                    }

                    /** {@return a builder that starts from these facts} */
                    public Builder toBuilder() {
                        return new Builder()
                """);
        for (int i = 0; i < facts.size(); i++) {
            String name = facts.get(i).name();
            out.append("                .").append(name).append('(').append(name).append(')')
                    .append(i < facts.size() - 1 ? "\n" : ";\n");
        }
        out.append("""
                    }

                    /** Builds {@link PatientFacts}; not thread-safe. Unset answers stay UNKNOWN, unset numbers stay null. */
                    public static final class Builder {
                """);
        for (Fact fact : facts) {
            out.append("        private ").append(fact.javaType()).append(' ').append(fact.name())
                    .append(fact.isAnswer() ? " = " + fact.javaType() + ".UNKNOWN" : "").append(";\n");
        }
        out.append("""

                        private Builder() {
                        }
                """);
        for (Fact fact : facts) {
            out.append("\n        /**\n         * Sets ").append(fact.name()).append(": ").append(fact.doc())
                    .append("\n         *\n         * @param value the ").append(fact.isNumber() ? "value; null means not given" : "answer; null means UNKNOWN")
                    .append("\n         * @return this builder\n         */\n")
                    .append("        public Builder ").append(fact.name()).append('(').append(fact.javaType())
                    .append(" value) {\n            this.").append(fact.name()).append(" = value;\n")
                    .append("            return this;\n        }\n");
        }
        out.append("""

                        /**
                         * Checks and builds the facts.
                         *
                         * @return the facts
                         * @throws InvalidPatientFactsException listing every problem found
                         */
                        public PatientFacts build() {
                            return new PatientFacts(
                """);
        appendList(out, facts, "                    ", Fact::name);
        out.append(");\n        }\n    }\n}\n");
        return out.toString();
    }

    private static void appendList(StringBuilder out, List<Fact> facts, String indent,
                                   java.util.function.Function<Fact, String> item) {
        for (int i = 0; i < facts.size(); i++) {
            out.append(indent).append(item.apply(facts.get(i))).append(i < facts.size() - 1 ? ",\n" : "");
        }
    }

    static String factField(List<Fact> facts) {
        StringBuilder out = new StringBuilder();
        out.append("""
                package org.nightpain.cds;

                import java.util.List;
                import java.util.Map;
                import java.util.stream.Collectors;
                import java.util.stream.Stream;

                // Generated from the knowledge base's fact register (facts.tsv) by FactSchemaGenerator. Do not edit:
                // add or change a fact in the register.

                /**
                 * The fact schema: every field of {@link PatientFacts} with its name, type, valid range, question and
                 * how to read and set it, as the knowledge base's fact register declares them. Validation, the JSON
                 * codec, the FHIR mapping, the questions to ask and the explanation of findings share this one table,
                 * so none of them needs reflection; an adapter that reads facts from another format can use it too.
                 */
                public enum FactField {
                """);
        for (int i = 0; i < facts.size(); i++) {
            Fact fact = facts.get(i);
            out.append("    /** ").append(fact.doc()).append(" */\n");
            out.append("    ").append(fact.constant()).append('(').append(literal(fact.name())).append(", ");
            if (fact.isNumber()) {
                String[] range = fact.range();
                String kind = fact.type().equals("integer") ? "Kind.INTEGER" : "Kind.DECIMAL";
                out.append(kind).append(", null, ").append(range[0]).append(", ").append(range[1]).append(", ")
                        .append(literal(fact.unit())).append(", ").append(literal(fact.rangeHint()));
            } else {
                String kind = fact.type().equals("yes-no") ? "Kind.TRI_STATE" : "Kind.ENUMERATED";
                out.append(kind).append(", ").append(fact.javaType()).append(".class, Double.NaN, Double.NaN, \"\", \"\"");
            }
            String report = fact.flags().contains("report-yes") ? "Report.YES"
                    : fact.flags().contains("report-not-none") ? "Report.NOT_NONE" : "Report.NEVER";
            out.append(",\n            Use.").append(fact.use().toUpperCase(Locale.ROOT)).append(", ")
                    .append(literal(fact.question())).append(",\n            ").append(literal(fact.askWhen()))
                    .append(", ").append(literal(fact.valid())).append(", ").append(report).append(", ")
                    .append(fact.flags().contains("always-ask")).append(')')
                    .append(i < facts.size() - 1 ? ",\n" : ";\n");
        }
        out.append("""

                    /** The shape of a field's value. */
                    public enum Kind {
                        /** A yes/no answer, a {@link TriState}. */
                        TRI_STATE,
                        /** One constant of an enum of the vocabulary, such as {@link RadicularLegPain}. */
                        ENUMERATED,
                        /** A whole number. */
                        INTEGER,
                        /** A decimal number. */
                        DECIMAL;

                        /** {@return true for a whole or a decimal number, which has a valid range} */
                        public boolean isNumber() {
                            return this == INTEGER || this == DECIMAL;
                        }
                    }

                    /** How the screening needs the answer. */
                    public enum Use {
                        /** A core screening question: an unknown answer sets the data-quality floor. */
                        CORE,
                        /** A question that should always be asked. */
                        REQUIRED,
                        /** An optional question. */
                        OPTIONAL
                    }

                    /** Which answer, cited by no finding, the assessment lists among the answers not used. */
                    public enum Report {
                        /** None: a descriptive answer (a number, a sleep answer) that is not a finding in itself. */
                        NEVER,
                        /** A YES. */
                        YES,
                        /** Any value but NONE and UNKNOWN. */
                        NOT_NONE
                    }

                    /** All fields in register order; index i holds the field whose ordinal is i. */
                    public static final List<FactField> ALL = List.of(values());

                    private static final Map<String, FactField> BY_NAME =
                            Stream.of(values()).collect(Collectors.toUnmodifiableMap(FactField::fieldName, f -> f));

                    private final String fieldName;
                    private final Kind kind;
                    private final Class<? extends Enum<?>> enumType;
                    private final double min;
                    private final double max;
                    private final String unit;
                    private final String rangeHint;
                    private final Use use;
                    private final String question;
                    private final String askWhen;
                    private final String valid;
                    private final Report report;
                    private final boolean alwaysAsk;
                    /** The enum constant UNKNOWN of an answer field (null for numbers and enums without one). */
                    private final Object unknownAnswer;

                    FactField(String fieldName, Kind kind, Class<? extends Enum<?>> enumType, double min, double max,
                              String unit, String rangeHint, Use use, String question, String askWhen, String valid,
                              Report report, boolean alwaysAsk) {
                        this.fieldName = fieldName;
                        this.kind = kind;
                        this.enumType = enumType;
                        this.min = min;
                        this.max = max;
                        this.unit = unit;
                        this.rangeHint = rangeHint;
                        this.use = use;
                        this.question = question;
                        this.askWhen = askWhen;
                        this.valid = valid;
                        this.report = report;
                        this.alwaysAsk = alwaysAsk;
                        this.unknownAnswer = enumType == null ? null : Stream.of(enumType.getEnumConstants())
                                .filter(constant -> constant.name().equals("UNKNOWN")).findFirst().orElse(null);
                    }

                    /**
                     * Finds a field by its register name.
                     *
                     * @param name the register's name, such as {@code ageYears}
                     * @return the field with this name, or null when there is none
                     */
                    public static FactField byName(String name) {
                        return BY_NAME.get(name);
                    }

                    /** {@return the register's name, as used in JSON, in questionnaires and in findings} */
                    public String fieldName() {
                        return fieldName;
                    }

                    /** {@return the shape of the field's value} */
                    public Kind kind() {
                        return kind;
                    }

                    /** {@return the enum class of a TRI_STATE or ENUMERATED field, else null} */
                    public Class<? extends Enum<?>> enumType() {
                        return enumType;
                    }

                    /** {@return the lowest valid value of a number field} */
                    public double min() {
                        return min;
                    }

                    /** {@return the highest valid value of a number field} */
                    public double max() {
                        return max;
                    }

                    /** {@return the unit of a number field, as shown in messages ("years", "°C", ...); empty for answers} */
                    public String unit() {
                        return unit;
                    }

                    /** {@return whether the field is a core screening question, a required one or an optional one} */
                    public Use use() {
                        return use;
                    }

                    /** {@return the question in plain words} */
                    public String question() {
                        return question;
                    }

                    /**
                     * {@return when the question makes sense, as the register writes it} That is {@code field=VALUE,VALUE}
                     * or {@code field=MIN-MAX}, conditions separated by {@code ;}; empty when it always does.
                     */
                    public String askWhen() {
                        return askWhen;
                    }

                    /** {@return the register's valid range or values, as written there (for documentation)} */
                    public String valid() {
                        return valid;
                    }

                    /** {@return which answer to this question, cited by no finding, an assessment lists among the answers not used} */
                    public Report report() {
                        return report;
                    }

                    /** {@return true when the question stays among the questions to ask even in an emergency or urgent result} */
                    public boolean alwaysAsk() {
                        return alwaysAsk;
                    }

                    /** {@return what a number outside its range is told, for example "must be 30.0-45.0 °C (was it °F?)"} */
                    public String rangeMessage() {
                        String range = kind == Kind.INTEGER ? (long) min + "-" + (long) max : min + "-" + max;
                        String message = "must be " + range + " " + unit;
                        return rangeHint.isEmpty() ? message : message + " " + rangeHint;
                    }

                    /**
                     * Reads the field.
                     *
                     * @param facts the facts to read
                     * @return the field's value in these facts: an enum constant, an Integer, a Double, or null
                     */
                    public Object read(PatientFacts facts) {
                        // One switch instead of a method reference per field: a fresh JVM took about 55 ms to create
                        // the lambdas, and a megamorphic call to them was slower than the switch.
                        return switch (this) {
                """);
        for (Fact fact : facts) {
            out.append("            case ").append(fact.constant()).append(" -> facts.").append(fact.name()).append("();\n");
        }
        out.append("""
                        };
                    }

                    /**
                     * Tells whether the field is unknown.
                     *
                     * @param facts the facts to read
                     * @return true when the value is UNKNOWN (answers) or not given (numbers)
                     */
                    public boolean isUnknown(PatientFacts facts) {
                        Object value = read(facts);
                        return value == null || value == unknownAnswer;
                    }

                    /**
                     * Sets the field on a builder.
                     *
                     * @param builder the builder to set it on
                     * @param value the value, which must already have the field's type (null for unknown)
                     */
                    public void write(PatientFacts.Builder builder, Object value) {
                        switch (this) {
                """);
        for (Fact fact : facts) {
            out.append("            case ").append(fact.constant()).append(" -> builder.").append(fact.name())
                    .append("((").append(fact.javaType()).append(") value);\n");
        }
        out.append("        }\n    }\n}\n");
        return out.toString();
    }
}
