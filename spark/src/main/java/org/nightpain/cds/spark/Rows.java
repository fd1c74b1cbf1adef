package org.nightpain.cds.spark;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.FactField;
import org.nightpain.cds.Finding;
import org.nightpain.cds.InvalidPatientFactsException;
import org.nightpain.cds.KnowledgeBaseInfo;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.Problem;
import org.nightpain.cds.screening.PatientOutcome;
import org.nightpain.cds.screening.RecordReason;
import org.nightpain.cds.screening.ScreeningSummary;
import scala.jdk.javaapi.CollectionConverters;

/** The schemas of the datasets, and the conversions between rows and the library's records. */
final class Rows {
    static final String MAPPED = "mapped";
    static final String INVALID = "invalid";
    static final String NOT_IN_EXPORT = "patient-not-in-export";
    static final String ASSESSED = "assessed";
    static final String NOT_ASSESSED = "not-assessed";

    private static final DataType STRINGS = DataTypes.createArrayType(DataTypes.StringType, false);
    private static final DataType STRING_MAP = DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false);

    static final StructType PROBLEM = struct(
            field("field", DataTypes.StringType), field("value", DataTypes.StringType), field("message", DataTypes.StringType));
    static final StructType INVALID_RECORD = struct(
            field("where", DataTypes.StringType), field("reason", DataTypes.StringType), field("record", DataTypes.StringType));

    /** One column per fact of the fact model, named as the fact: answers as their enum names, numbers as numbers. */
    static final StructType FACTS = factsStruct();

    /** One row per line of the export's files. */
    static final StructType RECORDS = struct(
            field("file", DataTypes.StringType), field("position", DataTypes.LongType),
            field("resourceType", DataTypes.StringType), field("id", DataTypes.StringType),
            field("patient", DataTypes.StringType), field("reason", DataTypes.StringType),
            field("invalid", DataTypes.BooleanType), field("json", DataTypes.BinaryType));

    /** One row per patient key of the export (see {@code NightPainScreening.fromBulkExport}). */
    static final StructType PATIENT_FACTS = struct(
            field("patient", DataTypes.StringType), field("status", DataTypes.StringType),
            field("asOf", DataTypes.TimestampType), field("answered", DataTypes.BooleanType),
            field("facts", FACTS), field("factSources", STRING_MAP), field("records", STRINGS),
            field("notes", STRINGS), field("problems", DataTypes.createArrayType(PROBLEM, false)),
            field("recordsUsed", DataTypes.LongType),
            field("recordsNotUsed", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false)),
            field("invalidRecords", DataTypes.createArrayType(INVALID_RECORD, false)));

    static final StructType FINDING = struct(
            field("code", DataTypes.StringType), field("ruleId", DataTypes.StringType),
            field("ruleVersion", DataTypes.StringType), field("urgency", DataTypes.StringType),
            field("referrals", STRINGS), field("inputsUsed", STRING_MAP));

    /** What {@code nightpain_assess} returns. */
    static final StructType ASSESSMENT = struct(
            field("highestUrgency", DataTypes.StringType), field("findingCodes", STRINGS),
            field("referrals", STRINGS), field("findings", DataTypes.createArrayType(FINDING, false)),
            field("problems", DataTypes.createArrayType(PROBLEM, false)),
            field("knowledgeBaseId", DataTypes.StringType), field("knowledgeBaseVersion", DataTypes.StringType),
            field("knowledgeBaseSha256", DataTypes.StringType), field("assessedAt", DataTypes.TimestampType),
            field("screeningComplete", DataTypes.BooleanType));

    /** One row per patient with a Patient resource (see {@code NightPainScreening.assess}). */
    static final StructType ASSESSMENTS = struct(
            field("patient", DataTypes.StringType), field("status", DataTypes.StringType),
            field("answered", DataTypes.BooleanType), field("highestUrgency", DataTypes.StringType),
            field("findingCodes", STRINGS), field("referrals", STRINGS),
            field("findings", DataTypes.createArrayType(FINDING, false)), field("factSources", STRING_MAP),
            field("records", STRINGS), field("problems", DataTypes.createArrayType(PROBLEM, false)),
            field("knowledgeBaseId", DataTypes.StringType), field("knowledgeBaseVersion", DataTypes.StringType),
            field("knowledgeBaseSha256", DataTypes.StringType), field("assessedAt", DataTypes.TimestampType),
            field("screeningComplete", DataTypes.BooleanType));

    private Rows() {
    }

    private static StructField field(String name, DataType type) {
        return new StructField(name, type, true, Metadata.empty());
    }

    private static StructType struct(StructField... fields) {
        return new StructType(fields);
    }

    private static StructType factsStruct() {
        List<StructField> fields = new ArrayList<>();
        for (FactField fact : FactField.ALL) {
            DataType type = switch (fact.kind()) {
                case TRI_STATE, ENUMERATED -> DataTypes.StringType;
                case INTEGER -> DataTypes.IntegerType;
                case DECIMAL -> DataTypes.DoubleType;
            };
            fields.add(field(fact.fieldName(), type));
        }
        return new StructType(fields.toArray(StructField[]::new));
    }

    /** A list as Spark's row encoder takes it. */
    static Object seq(List<?> list) {
        return CollectionConverters.asScala(list).toSeq();
    }

    /** A map as Spark's row encoder takes it. */
    static Object map(Map<?, ?> map) {
        return CollectionConverters.asScala(map);
    }

    /** The facts as a row of {@link #FACTS}. */
    static Row factsRow(PatientFacts facts) {
        Object[] values = new Object[FactField.ALL.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = FactField.ALL.get(i).read(facts);
            values[i] = value instanceof Enum<?> constant ? constant.name() : value;
        }
        return RowFactory.create(values);
    }

    /**
     * Facts from a struct whose field names are fact names (any of them; missing ones are unknown).
     *
     * @throws InvalidPatientFactsException listing every problem: a name that is no fact, a value of
     *                                      the wrong type or an unknown code, a value out of range
     */
    static PatientFacts facts(Row struct) {
        PatientFacts.Builder builder = PatientFacts.builder();
        List<Problem> problems = new ArrayList<>();
        String[] names = struct.schema().fieldNames();
        for (int i = 0; i < names.length; i++) {
            Object value = struct.get(i);
            FactField fact = FactField.byName(names[i]);
            if (fact == null) {
                problems.add(new Problem(names[i], null, "is not a patient fact"));
            } else if (value != null) {
                Object converted = convert(fact, value);
                if (converted == null) {
                    problems.add(new Problem(names[i], value.toString(), "is not a value of this fact (" + fact.valid() + ")"));
                } else {
                    fact.write(builder, converted);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPatientFactsException(problems);
        }
        return builder.build();
    }

    private static Object convert(FactField fact, Object value) {
        switch (fact.kind()) {
            case TRI_STATE, ENUMERATED -> {
                for (Enum<?> constant : fact.enumType().getEnumConstants()) {
                    if (constant.name().equals(value)) {
                        return constant;
                    }
                }
                return null;
            }
            case INTEGER -> {
                if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                    return ((Number) value).intValue();
                }
                if (value instanceof Long number && number == number.intValue()) {
                    return number.intValue();
                }
                return null;
            }
            default -> {
                return value instanceof Number number ? number.doubleValue() : null;
            }
        }
    }

    /** The row of {@link #PATIENT_FACTS} for a patient's outcome. */
    static Row patientFacts(PatientOutcome outcome, Instant asOf) {
        String status = switch (outcome.status()) {
            case MAPPED -> MAPPED;
            case INVALID -> INVALID;
            case NOT_IN_EXPORT -> NOT_IN_EXPORT;
        };
        boolean mapped = outcome.facts() != null;
        Map<String, Long> notUsed = new HashMap<>();
        outcome.reasons().forEach((reason, n) -> notUsed.put(reason.code(), n));
        List<Row> invalid = outcome.invalid().stream()
                .map(r -> RowFactory.create(r.where(), r.reason().code(), r.record())).toList();
        return RowFactory.create(outcome.patient(), status, Timestamp.from(asOf),
                mapped ? outcome.facts().answered() : null, mapped ? factsRow(outcome.facts().facts()) : null,
                map(mapped ? outcome.facts().sources() : Map.of()), seq(outcome.records()),
                seq(mapped ? outcome.facts().notes() : List.of()), problems(outcome.problems()), outcome.used(),
                map(notUsed), seq(invalid));
    }

    static Object problems(List<Problem> problems) {
        return seq(problems.stream().map(p -> RowFactory.create(p.field(), p.value() == null ? null : p.value().toString(),
                p.message())).toList());
    }

    /**
     * The values of {@link #ASSESSMENT} for an assessment, or for problems (then no result, and
     * {@code screeningComplete} is null).
     */
    static Object[] assessment(Assessment assessment, List<Problem> problems, KnowledgeBaseInfo knowledgeBase,
                               Instant asOf) {
        if (assessment == null) {
            return new Object[] {null, seq(List.of()), seq(List.of()), seq(List.of()), problems(problems), knowledgeBase.id(),
                knowledgeBase.version(), knowledgeBase.sha256(), Timestamp.from(asOf), null};
        }
        List<Row> findings = new ArrayList<>();
        for (Finding finding : assessment.findings()) {
            Map<String, String> inputs = new LinkedHashMap<>();
            finding.inputsUsed().forEach((name, value) -> inputs.put(name,
                    value instanceof Enum<?> constant ? constant.name() : String.valueOf(value)));
            findings.add(RowFactory.create(finding.code(), finding.ruleId(), finding.ruleVersion(),
                    finding.urgency() == null ? null : finding.urgency().name(),
                    seq(finding.referrals().stream().map(Enum::name).toList()), map(inputs)));
        }
        return new Object[] {assessment.highestUrgency().name(), seq(ScreeningSummary.findingCodes(assessment)),
            seq(assessment.referrals().stream().map(Enum::name).toList()), seq(findings), problems(List.of()), knowledgeBase.id(),
            knowledgeBase.version(), knowledgeBase.sha256(), Timestamp.from(assessment.assessedAt()),
            assessment.screeningComplete()};
    }

    /** The reason of a code written in a row. */
    static RecordReason reason(String code) {
        return RecordReason.byCode(code);
    }
}
