package org.nightpain.cds.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.storage.StorageLevel;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.InvalidPatientFactsException;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.Problem;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.fhir.Canonicals;
import org.nightpain.cds.screening.BulkExportException;
import org.nightpain.cds.screening.FlaggedCsv;
import org.nightpain.cds.screening.PatientOutcome;
import org.nightpain.cds.screening.RawRecord;
import org.nightpain.cds.screening.RecordClassifier;
import org.nightpain.cds.screening.RecordReason;
import org.nightpain.cds.screening.ScreeningSummary;

/**
 * Population screening of FHIR Bulk Data exports on Apache Spark: the same reading of records, the
 * same FHIR fact mapper and the same rules as the command line's {@code screen}, so that both give the
 * same answers. Java API:
 *
 * <pre>{@code
 * Dataset<Row> facts = NightPainScreening.fromBulkExport(spark, "s3a://bucket/export/", asOf);
 * Dataset<Row> assessments = NightPainScreening.assess(facts);
 * NightPainScreening.registerFunctions(spark);   // nightpain_assess(facts, asOf) in SQL and PySpark
 * }</pre>
 *
 * <p>The assessor is built once per executor JVM, on first use, from the precompiled rule model: a KieBase
 * can be neither serialised nor broadcast. Nothing reads a worker's clock: the as-of time travels with the
 * data. {@link #main} runs the whole screen for {@code spark-submit}, with the options of {@code screen}.
 */
public final class NightPainScreening {
    /** The name of the SQL function that {@link #registerFunctions} registers. */
    public static final String SQL_FUNCTION = "nightpain_assess";

    private static final int OK = 0;
    private static final int INTERNAL = 1;
    private static final int USAGE = 2;
    private static final int INVALID = 3;

    private NightPainScreening() {
    }

    /**
     * One row per line of the export's files (blank lines aside): {@code file}, {@code position} (the
     * line's byte offset), {@code resourceType}, {@code id}, {@code patient} (the patient's key for a
     * record of a screened type, else null), {@code reason} (why the line is not screened, else null),
     * {@code invalid} and {@code json} (the line's bytes for a screened record, else null).
     *
     * @param path a folder of {@code .ndjson} files or an export's manifest, on any file system Spark reads
     * @throws BulkExportException when the export cannot be read at all, naming the file at fault
     */
    public static Dataset<Row> readRecords(SparkSession spark, String path) throws IOException {
        Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
        // Lines end at \n only, as on the command line; a \r before it is dropped below.
        conf.set("textinputformat.record.delimiter", "\n");
        ExportPaths paths = ExportPaths.locate(path, conf);
        if (paths.files().isEmpty()) {
            return spark.createDataFrame(List.of(), Rows.RECORDS);
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaNewHadoopRDD<LongWritable, Text> lines = (JavaNewHadoopRDD<LongWritable, Text>) context.newAPIHadoopFile(
                String.join(",", paths.files()), TextInputFormat.class, LongWritable.class, Text.class, conf);
        JavaRDD<Row> rows = lines.mapPartitionsWithInputSplit((split, input) -> {
            String file = ((FileSplit) split).getPath().getName();
            // Lazily, line by line: a split may hold a whole file.
            return new Iterator<Row>() {
                private Row next = advance();

                private Row advance() {
                    while (input.hasNext()) {
                        var line = input.next();
                        Row row = lineRow(file, line._1().get(), line._2());
                        if (row != null) {
                            return row;
                        }
                    }
                    return null;
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Row next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    Row row = next;
                    next = advance();
                    return row;
                }
            };
        }, false);
        return spark.createDataFrame(rows, Rows.RECORDS);
    }

    /** The row of one line; null for a blank line. */
    private static Row lineRow(String file, long offset, Text text) {
        int length = text.getLength();
        byte[] bytes = text.getBytes();
        boolean blank = true;
        for (int i = 0; i < length && blank; i++) {
            blank = bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r';
        }
        if (blank) {
            return null;
        }
        if (length <= RecordClassifier.MAX_LINE_BYTES && bytes[length - 1] == '\r') {
            length--;
        }
        RecordClassifier.Line line = RecordClassifier.classify(bytes, 0, length);
        RecordReason reason = line.reason();
        return RowFactory.create(file, offset, line.resourceType(), line.id(), line.patient(),
                reason == null ? null : reason.code(), reason != null && reason.invalid(),
                line.screened() ? Arrays.copyOf(bytes, length) : null);
    }

    /** {@link #fromBulkExport(SparkSession, String, Instant, String)} with the placeholder canonical base. */
    public static Dataset<Row> fromBulkExport(SparkSession spark, String path, Instant asOf) throws IOException {
        return fromBulkExport(spark, path, asOf, Canonicals.PLACEHOLDER_BASE);
    }

    /**
     * The patients of an export and their facts: one row per patient key, with {@code patient},
     * {@code status} ({@code mapped}; {@code invalid}, with {@code problems}; or
     * {@code patient-not-in-export} for records whose Patient resource is missing), {@code asOf},
     * {@code answered} (whether answers to the triage questionnaire were used), {@code facts} (a struct
     * with one field per fact), {@code factSources} (the record behind each fact), {@code records},
     * {@code notes}, and how many of the patient's records were used and not used (by reason).
     *
     * @param asOf          the time the facts are as of (the age, the 24 hours of a temperature)
     * @param canonicalBase the base of the triage Questionnaire's canonical URL the answers must name
     */
    public static Dataset<Row> fromBulkExport(SparkSession spark, String path, Instant asOf, String canonicalBase)
            throws IOException {
        return patientFacts(readRecords(spark, path), asOf, canonicalBase);
    }

    /** The patients' facts from the rows of {@link #readRecords}: a shuffle by patient, then the fact mapper. */
    public static Dataset<Row> patientFacts(Dataset<Row> records, Instant asOf, String canonicalBase) {
        Objects.requireNonNull(asOf, "asOf");
        Canonicals.of(canonicalBase); // a bad base fails here, on the driver, rather than in every task
        return records.filter(col("patient").isNotNull())
                .groupByKey((MapFunction<Row, String>) row -> row.getString(4), Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (patient, rows) -> {
                    List<RawRecord> list = new ArrayList<>();
                    rows.forEachRemaining(row -> list.add(new RawRecord(row.getString(2), row.getString(3),
                            (byte[]) row.get(7), row.getString(0), row.getLong(1), row.getString(0) + "@" + row.getLong(1))));
                    PatientOutcome outcome = PerJvm.records(canonicalBase).read(patient, list, asOf);
                    return List.of(Rows.patientFacts(outcome, asOf)).iterator();
                }, Encoders.row(Rows.PATIENT_FACTS));
    }

    /**
     * Assesses every patient of {@link #fromBulkExport}'s rows (records of a patient not in the export
     * are left out): {@code patient}, {@code status} ({@code assessed} or {@code not-assessed}, never a
     * result from invalid facts), {@code answered}, {@code highestUrgency}, {@code findingCodes},
     * {@code referrals}, {@code findings} (code, rule, urgency, referrals and the facts that fired each),
     * {@code factSources}, {@code records}, {@code problems}, the knowledge base's id, version and
     * SHA-256, {@code assessedAt} and {@code screeningComplete} (false when a core screening question, or a
     * cauda equina question with leg symptoms, is unanswered; null when not assessed). One assessor per
     * executor JVM, used by every partition there.
     */
    public static Dataset<Row> assess(Dataset<Row> patientFacts) {
        return patientFacts.filter(col("status").notEqual(Rows.NOT_IN_EXPORT))
                .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> new Iterator<>() {
                    private final NightPainAssessor assessor = PerJvm.assessor();

                    @Override
                    public boolean hasNext() {
                        return rows.hasNext();
                    }

                    @Override
                    public Row next() {
                        return assessedRow(assessor, rows.next());
                    }
                }, Encoders.row(Rows.ASSESSMENTS));
    }

    private static Row assessedRow(NightPainAssessor assessor, Row facts) {
        Instant asOf = facts.getTimestamp(2).toInstant();
        Object[] result;
        String status;
        if (Rows.MAPPED.equals(facts.getString(1))) {
            Assessment assessment = assessor.assess(Rows.facts(facts.getStruct(4)), asOf);
            result = Rows.assessment(assessment, List.of(), assessor.knowledgeBase(), asOf);
            status = Rows.ASSESSED;
        } else {
            result = Rows.assessment(null, List.of(), assessor.knowledgeBase(), asOf);
            result[4] = facts.get(8);
            status = Rows.NOT_ASSESSED;
        }
        return RowFactory.create(facts.getString(0), status, facts.get(3), result[0], result[1], result[2], result[3],
                facts.get(5), facts.get(6), result[4], result[5], result[6], result[7], result[8], result[9]);
    }

    /**
     * Registers {@code nightpain_assess(facts, asOf)} for SQL and PySpark: {@code facts} is a struct whose
     * field names are fact names (the {@code facts} column of {@link #fromBulkExport}, or
     * {@code named_struct('ageYears', 54, 'urinaryRetention', 'YES')}), {@code asOf} a timestamp. It returns
     * a struct of {@code highestUrgency}, {@code findingCodes}, {@code referrals}, {@code findings},
     * {@code problems} (facts that are not valid: then nothing else), the knowledge base,
     * {@code assessedAt} and {@code screeningComplete}.
     */
    public static void registerFunctions(SparkSession spark) {
        spark.udf().register(SQL_FUNCTION, (UDF2<Row, Timestamp, Row>) (facts, asOf) -> {
            NightPainAssessor assessor = PerJvm.assessor();
            if (facts == null || asOf == null) {
                Instant when = asOf == null ? Instant.EPOCH : asOf.toInstant();
                return RowFactory.create(Rows.assessment(null, List.of(new Problem(facts == null ? "facts" : "asOf", null,
                        "is required")), assessor.knowledgeBase(), when));
            }
            try {
                PatientFacts patient = Rows.facts(facts);
                return RowFactory.create(Rows.assessment(assessor.assess(patient, asOf.toInstant()), List.of(),
                        assessor.knowledgeBase(), asOf.toInstant()));
            } catch (InvalidPatientFactsException e) {
                return RowFactory.create(Rows.assessment(null, e.problems(), assessor.knowledgeBase(), asOf.toInstant()));
            }
        }, Rows.ASSESSMENT);
    }

    /**
     * {@code spark-submit --class org.nightpain.cds.spark.NightPainScreening nightpain-cds-spark-runtime.jar
     * EXPORT --out DIR [--as-of INSTANT] [--min-urgency URGENCY] [--canonical-base URL]}: writes
     * {@code DIR/assessments} (Parquet), {@code DIR/flagged} (CSV with a header) and {@code DIR/summary.json}.
     * Exit codes as for {@code screen}: 0, 3 when records were invalid or patients not assessed, 2 for
     * usage errors and an export that cannot be read, 1 for a bug.
     */
    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().appName("nightpain-screen").getOrCreate();
        int code;
        try {
            code = run(spark, args, System.err);
        } finally {
            spark.stop();
        }
        if (code != OK) {
            System.exit(code);
        }
    }

    /** Runs a screen on this session; returns the exit code. */
    static int run(SparkSession spark, String[] args, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("nightpain-cds-spark: " + e.getMessage());
            err.println("usage: EXPORT --out DIR [--as-of INSTANT] [--min-urgency URGENCY] [--canonical-base URL]");
            return USAGE;
        }
        try {
            ScreeningSummary summary = screen(spark, options, err);
            return summary.hasProblems() ? INVALID : OK;
        } catch (BulkExportException e) {
            err.println("nightpain-cds-spark: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("nightpain-cds-spark: screening failed: " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            err.println("nightpain-cds-spark: internal error (" + e.getClass().getName() + "); this is a bug, please report it");
            return INTERNAL;
        }
    }

    private static ScreeningSummary screen(SparkSession spark, Options options, PrintStream err) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Instant asOf = options.asOf;
        if (asOf == null) {
            // Read once, here on the driver, and carried to the executors with the data.
            Instant transaction = ExportPaths.locate(options.export, conf).transactionTime();
            asOf = transaction != null ? transaction : Instant.now();
        }
        err.println("nightpain-cds-spark: screening " + options.export + " as of " + asOf);
        ScreeningSummary summary = new ScreeningSummary();
        Dataset<Row> records = readRecords(spark, options.export);
        Dataset<Row> lines = records.drop("json").persist(StorageLevel.MEMORY_AND_DISK());
        for (Row count : lines.groupBy("resourceType", "reason").count().collectAsList()) {
            summary.addRead(count.isNullAt(0) ? "(unknown)" : count.getString(0), count.getLong(2));
            if (!count.isNullAt(1)) {
                summary.reason(Rows.reason(count.getString(1)), count.getLong(2));
            }
        }
        for (Row invalid : lines.filter(col("invalid")).orderBy("file", "position")
                .limit(ScreeningSummary.LISTED_INVALID_RECORDS).collectAsList()) {
            String record = invalid.isNullAt(2) || invalid.isNullAt(3) ? null : invalid.getString(2) + "/" + invalid.getString(3);
            summary.invalid(new ScreeningSummary.InvalidRecord(invalid.getString(0) + "@" + invalid.getLong(1),
                    Rows.reason(invalid.getString(5)), record));
        }
        lines.unpersist();

        Dataset<Row> facts = patientFacts(records, asOf, options.canonicalBase).persist(StorageLevel.MEMORY_AND_DISK());
        for (Row used : facts.groupBy().sum("recordsUsed").collectAsList()) {
            summary.addUsed(used.isNullAt(0) ? 0 : used.getLong(0));
        }
        for (Row reason : facts.select(explode(col("recordsNotUsed"))).groupBy("key").sum("value").collectAsList()) {
            summary.reason(Rows.reason(reason.getString(0)), reason.getLong(1));
        }
        for (Row invalid : facts.select(explode(col("invalidRecords")).as("r")).select("r.*")
                .orderBy("where").limit(ScreeningSummary.LISTED_INVALID_RECORDS).collectAsList()) {
            summary.invalid(new ScreeningSummary.InvalidRecord(invalid.getString(0), Rows.reason(invalid.getString(1)),
                    invalid.getString(2)));
        }

        String out = options.out.replaceAll("/+$", "");
        assess(facts).write().mode(SaveMode.Overwrite).parquet(out + "/assessments");
        facts.unpersist();
        Dataset<Row> assessments = spark.read().parquet(out + "/assessments");
        countAssessments(assessments, options.minUrgency, summary);
        flagged(assessments, options.minUrgency).write().mode(SaveMode.Overwrite).option("header", "true")
                .csv(out + "/flagged");

        Path summaryPath = new Path(out + "/summary.json");
        try (OutputStream stream = summaryPath.getFileSystem(conf).create(summaryPath, true)) {
            summary.write(stream, options.export, asOf, options.minUrgency, PerJvm.assessor().knowledgeBase());
        }
        err.printf(Locale.ROOT, "nightpain-cds-spark: records %d read, %d used, %d skipped, %d invalid; patients %d"
                + " assessed, %d not assessed, %d flagged; wrote %s%n", summary.read(), summary.used(), summary.skipped(),
                summary.invalidRecords(), summary.assessed(), summary.notAssessed(), summary.flagged(), out);
        return summary;
    }

    /** True for a row listed in flagged: assessed at or above the minimum urgency, or not assessed. */
    private static Column isFlagged(Urgency minUrgency) {
        Column rank = array_position(array(Arrays.stream(Urgency.values()).map(u -> lit(u.name())).toArray(Column[]::new)),
                col("highestUrgency"));
        return col("status").equalTo(Rows.NOT_ASSESSED).or(rank.leq(minUrgency.ordinal() + 1));
    }

    private static void countAssessments(Dataset<Row> assessments, Urgency minUrgency, ScreeningSummary summary) {
        Dataset<Row> assessed = assessments.filter(col("status").equalTo(Rows.ASSESSED));
        Row patients = assessments.agg(
                org.apache.spark.sql.functions.sum(when(col("status").equalTo(Rows.ASSESSED), 1).otherwise(0)),
                org.apache.spark.sql.functions.sum(when(col("status").equalTo(Rows.NOT_ASSESSED), 1).otherwise(0)),
                org.apache.spark.sql.functions.sum(when(col("status").equalTo(Rows.ASSESSED).and(not(col("answered"))), 1)
                        .otherwise(0)),
                org.apache.spark.sql.functions.sum(when(isFlagged(minUrgency), 1).otherwise(0))).first();
        summary.addPatients(longOrZero(patients, 0), longOrZero(patients, 1), longOrZero(patients, 2), longOrZero(patients, 3));
        for (Row urgency : assessed.groupBy("highestUrgency").count().collectAsList()) {
            summary.addUrgency(Urgency.valueOf(urgency.getString(0)), urgency.getLong(1));
        }
        for (Row finding : assessed.select(explode(col("findingCodes")).as("code")).groupBy("code").count().collectAsList()) {
            summary.addFinding(finding.getString(0), finding.getLong(1));
        }
        for (Row referral : assessed.select(explode(col("referrals")).as("r")).groupBy("r").count().collectAsList()) {
            summary.addReferral(referral.getString(0), referral.getLong(1));
        }
    }

    private static long longOrZero(Row row, int index) {
        return row.isNullAt(index) ? 0 : row.getLong(index);
    }

    /** The rows of flagged.csv, with its columns. */
    private static Dataset<Row> flagged(Dataset<Row> assessments, Urgency minUrgency) {
        List<String> columns = FlaggedCsv.COLUMNS;
        return assessments.filter(isFlagged(minUrgency)).orderBy("patient").select(
                col("patient").as(columns.get(0)),
                when(col("status").equalTo(Rows.NOT_ASSESSED), lit(FlaggedCsv.NOT_ASSESSED))
                        .otherwise(col("highestUrgency")).as(columns.get(1)),
                concat_ws(";", col("findingCodes")).as(columns.get(2)),
                concat_ws(";", col("referrals")).as(columns.get(3)),
                col("answered").as(columns.get(4)));
    }

    /** The options of a run, as for the command line's {@code screen}. */
    private record Options(String export, String out, Instant asOf, Urgency minUrgency, String canonicalBase) {
        static Options parse(String[] args) {
            String export = null;
            String out = null;
            Instant asOf = null;
            Urgency minUrgency = Urgency.SOON;
            String canonicalBase = Canonicals.PLACEHOLDER_BASE;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--out" -> out = value(args, ++i, arg);
                    case "--as-of" -> asOf = instant(value(args, ++i, arg));
                    case "--min-urgency" -> minUrgency = urgency(value(args, ++i, arg));
                    case "--canonical-base" -> canonicalBase = Canonicals.of(value(args, ++i, arg)).base();
                    default -> {
                        if (arg.startsWith("-") || export != null) {
                            throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                        }
                        export = arg;
                    }
                }
            }
            if (export == null || out == null) {
                throw new IllegalArgumentException("name the export and --out");
            }
            return new Options(export, out, asOf, minUrgency, canonicalBase);
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static Instant instant(String text) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--as-of must be an ISO-8601 instant such as 2026-11-25T08:00:00Z");
            }
        }

        private static Urgency urgency(String text) {
            try {
                return Urgency.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--min-urgency must be one of " + Arrays.toString(Urgency.values()));
            }
        }
    }
}
