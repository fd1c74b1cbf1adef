package org.nightpain.cds.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The threshold register ({@code thresholds.tsv}) as constants the DRL can name, for example
 * {@code temperatureC >= Thresholds.FEVER_MIN_CELSIUS}. The values live in the register file, which is
 * part of the knowledge base and of its hash; this class only binds names to them.
 *
 * <p>Public only because the rule model generated from the DRL reads it; not part of the API.
 */
public final class Thresholds {

    /**
     * One register entry.
     *
     * @param name     the name the DRL uses, such as {@code FEVER_MIN_CELSIUS}
     * @param value    the value, as the register writes it
     * @param unit     its unit
     * @param meaning  how the rules use it
     * @param sources  the ids of the sources it rests on
     * @param evidence the kind of evidence behind it
     */
    public record Entry(String name, String value, String unit, String meaning, List<String> sources, String evidence) {
    }

    private static final Map<String, Entry> REGISTER = read();

    /** The register version. */
    public static final String VERSION = REGISTER.get("@version").value();

    /** Adult scope: ageYears below this is out of scope (DQ-02). */
    public static final int ADULT_MIN_AGE_YEARS = integer("ADULT_MIN_AGE_YEARS");
    /** Fever: temperatureC at or above this. */
    public static final double FEVER_MIN_CELSIUS = decimal("FEVER_MIN_CELSIUS");
    /** Significant weight loss: weightLossKg at or above this. */
    public static final double WEIGHT_LOSS_MIN_KG = decimal("WEIGHT_LOSS_MIN_KG");
    /** Significant weight loss: weightLossPercent at or above this. */
    public static final double WEIGHT_LOSS_MIN_PERCENT = decimal("WEIGHT_LOSS_MIN_PERCENT");
    /** Significant weight loss: lost within this many months (or period unknown). */
    public static final int WEIGHT_LOSS_MAX_PERIOD_MONTHS = integer("WEIGHT_LOSS_MAX_PERIOD_MONTHS");
    /** Malignancy age flag, only in combination (SOON-01): ageYears at or above this. */
    public static final int MALIGNANCY_FLAG_MIN_AGE_YEARS = integer("MALIGNANCY_FLAG_MIN_AGE_YEARS");
    /** Myeloma blood tests (RTN-01): ageYears at or above this. */
    public static final int MYELOMA_TEST_MIN_AGE_YEARS = integer("MYELOMA_TEST_MIN_AGE_YEARS");
    /** Urgent abdominal CT with weight loss (SOON-01): ageYears at or above this. */
    public static final int PANCREATIC_CT_MIN_AGE_YEARS = integer("PANCREATIC_CT_MIN_AGE_YEARS");
    /** Fracture risk: ageYears at or above this (DF-06; URG-05 after a minor injury); was above 70 before 2.0. */
    public static final int FRACTURE_RISK_MIN_AGE_YEARS = integer("FRACTURE_RISK_MIN_AGE_YEARS");
    /** New-onset pain with a cancer history (URG-02): symptomDurationWeeks at or below this. */
    public static final int CANCER_NEW_ONSET_MAX_WEEKS = integer("CANCER_NEW_ONSET_MAX_WEEKS");
    /** Definition: a recent bacterial infection or spinal procedure is one within this many weeks. */
    public static final int INFECTION_RISK_RECENT_MAX_WEEKS = integer("INFECTION_RISK_RECENT_MAX_WEEKS");
    /** Recent-onset pain with an infection risk factor (SOON-03): symptomDurationWeeks at or below this. */
    public static final int INFECTION_RISK_ONSET_MAX_WEEKS = integer("INFECTION_RISK_ONSET_MAX_WEEKS");
    /** Chronic, more than 3 months: symptomDurationWeeks at or above this. */
    public static final int CHRONIC_MIN_WEEKS = integer("CHRONIC_MIN_WEEKS");
    /** ASAS item 1: age at onset below this. */
    public static final int ASAS_ONSET_BELOW_AGE_YEARS = integer("ASAS_ONSET_BELOW_AGE_YEARS");
    /** Inflammatory back pain: at least this many of the 5 ASAS items. */
    public static final int ASAS_POSITIVE_MIN_ITEMS = integer("ASAS_POSITIVE_MIN_ITEMS");
    /** NG65 entry: age at onset below this. */
    public static final int NG65_ENTRY_ONSET_BELOW_AGE_YEARS = integer("NG65_ENTRY_ONSET_BELOW_AGE_YEARS");
    /** NG65 criterion 1: age at onset below this. */
    public static final int NG65_CRITERION_ONSET_BELOW_AGE_YEARS = integer("NG65_CRITERION_ONSET_BELOW_AGE_YEARS");
    /** NG65: refer with at least this many of the 9 criteria. */
    public static final int NG65_REFER_MIN_CRITERIA = integer("NG65_REFER_MIN_CRITERIA");
    /** NG65: with exactly this many criteria, test HLA-B27 and refer if positive. */
    public static final int NG65_HLA_B27_CRITERIA = integer("NG65_HLA_B27_CRITERIA");
    /** Definition: a GOOD nsaidResponse is clearly better within this many hours. */
    public static final int NSAID_GOOD_RESPONSE_HOURS = integer("NSAID_GOOD_RESPONSE_HOURS");
    /** Morning stiffness above this suggests inflammation; above zero and at most this is mechanical. */
    public static final int MECHANICAL_STIFFNESS_MAX_MINUTES = integer("MECHANICAL_STIFFNESS_MAX_MINUTES");
    /** Spinal stenosis (RTN-07): ageYears at or above this. */
    public static final int STENOSIS_MIN_AGE_YEARS = integer("STENOSIS_MIN_AGE_YEARS");
    /** Degenerative mechanical pattern (RTN-10): ageYears at or above this. */
    public static final int DEGENERATIVE_MIN_AGE_YEARS = integer("DEGENERATIVE_MIN_AGE_YEARS");
    /**
     * Persistent symptoms: symptomDurationWeeks at or above this (RTN-01, RTN-06b, RTN-07b, RTN-08, RTN-10;
     * below it RTN-11 and SC-01).
     */
    public static final int PERSISTENT_MIN_WEEKS = integer("PERSISTENT_MIN_WEEKS");
    /** Failure to improve: symptomDurationWeeks at or above this and not improving. */
    public static final int FAILURE_TO_IMPROVE_MIN_WEEKS = integer("FAILURE_TO_IMPROVE_MIN_WEEKS");
    /** STarT Back low risk: total at or below this. */
    public static final int STARTBACK_LOW_MAX_TOTAL = integer("STARTBACK_LOW_MAX_TOTAL");
    /**
     * STarT Back high risk: psychosocial subscale at or above this (medium: total above the low limit and
     * subscale below this).
     */
    public static final int STARTBACK_HIGH_MIN_PSYCHOSOCIAL = integer("STARTBACK_HIGH_MIN_PSYCHOSOCIAL");
    /** Definition: prolonged corticosteroids means at least this many months. */
    public static final int PROLONGED_STEROID_MIN_MONTHS = integer("PROLONGED_STEROID_MIN_MONTHS");
    /** Definition: prolonged corticosteroids means at least this prednisolone-equivalent dose. */
    public static final int PROLONGED_STEROID_MIN_MG_PER_DAY = integer("PROLONGED_STEROID_MIN_MG_PER_DAY");
    /** Definition: MAJOR_SINGLE_ROOT weakness means this MRC grade or less (for example foot drop). */
    public static final int MAJOR_WEAKNESS_MAX_MRC = integer("MAJOR_WEAKNESS_MAX_MRC");
    /** Suspected aortic aneurysm (EMR-07): collapse or a pulsatile mass at ageYears at or above this. */
    public static final int AAA_MIN_AGE_YEARS = integer("AAA_MIN_AGE_YEARS");
    /** Aortic aneurysm to exclude (URG-06): sudden severe pain at ageYears at or above this. */
    public static final int AAA_SUDDEN_SEVERE_MIN_AGE_YEARS = integer("AAA_SUDDEN_SEVERE_MIN_AGE_YEARS");
    /** Aortic aneurysm to exclude (URG-06): painSeverityNrs at or above this counts as severe. */
    public static final int AAA_SUDDEN_SEVERE_MIN_NRS = integer("AAA_SUDDEN_SEVERE_MIN_NRS");
    /** Paediatric red flag (DQ-02): back pain in a child for at least this many weeks. */
    public static final int PAEDIATRIC_PERSISTENT_MIN_WEEKS = integer("PAEDIATRIC_PERSISTENT_MIN_WEEKS");
    /** Paediatric red flag (DQ-02): back pain in a child below this age. */
    public static final int PAEDIATRIC_YOUNG_BELOW_AGE_YEARS = integer("PAEDIATRIC_YOUNG_BELOW_AGE_YEARS");
    /**
     * Go to sleep on the side (SLP-06; SLP-01 and SLP-03 silent): gestationWeeks at or above this, or not given.
     */
    public static final int PREGNANCY_SIDE_SLEEP_MIN_WEEKS = integer("PREGNANCY_SIDE_SLEEP_MIN_WEEKS");
    /**
     * Serious-pathology features (SOON-05): at least this many call for investigation soon on their own;
     * fewer (one) only with age at or above the malignancy flag age, failure to improve or worsening,
     * otherwise RTN-12.
     */
    public static final int SERIOUS_PATHOLOGY_MIN_FEATURES = integer("SERIOUS_PATHOLOGY_MIN_FEATURES");

    private Thresholds() {
    }

    /** {@return every entry of the register, in register order (the version line excluded)} */
    public static List<Entry> entries() {
        return REGISTER.values().stream().filter(e -> !e.name().startsWith("@")).toList();
    }

    private static int integer(String name) {
        return Integer.parseInt(entry(name).value());
    }

    private static double decimal(String name) {
        return Double.parseDouble(entry(name).value());
    }

    private static Entry entry(String name) {
        Entry entry = REGISTER.get(name);
        if (entry == null) {
            throw new IllegalStateException("threshold register has no entry " + name);
        }
        return entry;
    }

    private static Map<String, Entry> read() {
        Map<String, Entry> register = new LinkedHashMap<>();
        for (String[] row : KnowledgeFiles.table("thresholds.tsv", 6)) {
            register.put(row[0], new Entry(row[0], row[1], row[2], row[3],
                    row[4].isEmpty() ? List.of() : List.of(row[4].split("\\s+")), row[5]));
        }
        return register;
    }
}
