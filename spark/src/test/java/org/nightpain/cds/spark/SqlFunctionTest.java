package org.nightpain.cds.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightpain.cds.screening.SyntheticBulkExport;

/** {@code nightpain_assess} in SQL, and the facts and assessments datasets of the Java API. */
class SqlFunctionTest {
    private static final Instant AS_OF = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void sqlFunction_assessesFactsGivenAsAStruct() {
        SparkSession spark = SharedSpark.session();
        NightPainScreening.registerFunctions(spark);
        Row result = spark.sql("SELECT nightpain_assess(named_struct('ageYears', 45, 'urinaryRetention', 'YES'),"
                + " TIMESTAMP'2026-11-25 08:00:00') AS a").first().getStruct(0);
        assertThat(result.<String>getAs("highestUrgency")).isEqualTo("EMERGENCY");
        assertThat(result.getList(result.fieldIndex("findingCodes"))).contains("CAUDA_EQUINA_SUSPECTED");
        assertThat(result.getList(result.fieldIndex("problems"))).isEmpty();
        assertThat(result.<String>getAs("knowledgeBaseSha256")).hasSize(64);
        // most of the core screening questions were not answered
        assertThat(result.<Boolean>getAs("screeningComplete")).isFalse();
    }

    @Test
    void sqlFunction_refusesAMisspeltFactAndAnAnswerOutOfRange() {
        SparkSession spark = SharedSpark.session();
        NightPainScreening.registerFunctions(spark);
        Row result = spark.sql("SELECT nightpain_assess(named_struct('urinaryRetension', 'NO', 'nightPain', 'yes'),"
                + " TIMESTAMP'2026-11-25 08:00:00') AS a").first().getStruct(0);
        assertThat(result.<String>getAs("highestUrgency")).isNull();
        List<Row> problems = result.getList(result.fieldIndex("problems"));
        assertThat(problems).extracting(p -> p.getString(0)).containsExactly("urinaryRetension", "nightPain");
    }

    @Test
    void factsAndAssessments_haveTheirSchemas_andTheFactsColumnFeedsTheSqlFunction(@TempDir Path folder) throws Exception {
        SyntheticBulkExport.write(folder, SyntheticBulkExport.Settings.of(40, 3, AS_OF));
        SparkSession spark = SharedSpark.session();
        Dataset<Row> facts = NightPainScreening.fromBulkExport(spark, folder.resolve("manifest.json").toString(), AS_OF);
        assertThat(facts.schema()).isEqualTo(Rows.PATIENT_FACTS);
        Dataset<Row> assessments = NightPainScreening.assess(facts);
        assertThat(assessments.schema()).isEqualTo(Rows.ASSESSMENTS);
        assertThat(assessments.count()).isEqualTo(40);

        NightPainScreening.registerFunctions(spark);
        facts.createOrReplaceTempView("patient_facts");
        assessments.createOrReplaceTempView("assessments");
        long disagreements = spark.sql("SELECT f.patient FROM patient_facts f JOIN assessments a ON f.patient = a.patient"
                + " WHERE nightpain_assess(f.facts, f.asOf).highestUrgency <> a.highestUrgency").count();
        assertThat(disagreements).isZero();
    }
}
