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

    /** One register entry. */
    public record Entry(String name, String value, String unit, String meaning, List<String> sources, String evidence) {
    }

    private static final Map<String, Entry> REGISTER = read();

    /** The register version. */
    public static final String VERSION = REGISTER.get("@version").value();

    public static final int ADULT_MIN_AGE_YEARS = integer("ADULT_MIN_AGE_YEARS");
    public static final double FEVER_MIN_CELSIUS = decimal("FEVER_MIN_CELSIUS");
    public static final double WEIGHT_LOSS_MIN_KG = decimal("WEIGHT_LOSS_MIN_KG");
    public static final double WEIGHT_LOSS_MIN_PERCENT = decimal("WEIGHT_LOSS_MIN_PERCENT");
    public static final int WEIGHT_LOSS_MAX_PERIOD_MONTHS = integer("WEIGHT_LOSS_MAX_PERIOD_MONTHS");
    public static final int MALIGNANCY_FLAG_MIN_AGE_YEARS = integer("MALIGNANCY_FLAG_MIN_AGE_YEARS");
    public static final int MYELOMA_TEST_MIN_AGE_YEARS = integer("MYELOMA_TEST_MIN_AGE_YEARS");
    public static final int PANCREATIC_CT_MIN_AGE_YEARS = integer("PANCREATIC_CT_MIN_AGE_YEARS");
    public static final int FRACTURE_RISK_MIN_AGE_YEARS = integer("FRACTURE_RISK_MIN_AGE_YEARS");
    public static final int CANCER_NEW_ONSET_MAX_WEEKS = integer("CANCER_NEW_ONSET_MAX_WEEKS");
    public static final int INFECTION_RISK_RECENT_MAX_WEEKS = integer("INFECTION_RISK_RECENT_MAX_WEEKS");
    public static final int INFECTION_RISK_ONSET_MAX_WEEKS = integer("INFECTION_RISK_ONSET_MAX_WEEKS");
    public static final int CHRONIC_MIN_WEEKS = integer("CHRONIC_MIN_WEEKS");
    public static final int ASAS_ONSET_BELOW_AGE_YEARS = integer("ASAS_ONSET_BELOW_AGE_YEARS");
    public static final int ASAS_POSITIVE_MIN_ITEMS = integer("ASAS_POSITIVE_MIN_ITEMS");
    public static final int NG65_ENTRY_ONSET_BELOW_AGE_YEARS = integer("NG65_ENTRY_ONSET_BELOW_AGE_YEARS");
    public static final int NG65_CRITERION_ONSET_BELOW_AGE_YEARS = integer("NG65_CRITERION_ONSET_BELOW_AGE_YEARS");
    public static final int NG65_REFER_MIN_CRITERIA = integer("NG65_REFER_MIN_CRITERIA");
    public static final int NG65_HLA_B27_CRITERIA = integer("NG65_HLA_B27_CRITERIA");
    public static final int NSAID_GOOD_RESPONSE_HOURS = integer("NSAID_GOOD_RESPONSE_HOURS");
    public static final int MECHANICAL_STIFFNESS_MAX_MINUTES = integer("MECHANICAL_STIFFNESS_MAX_MINUTES");
    public static final int STENOSIS_MIN_AGE_YEARS = integer("STENOSIS_MIN_AGE_YEARS");
    public static final int DEGENERATIVE_MIN_AGE_YEARS = integer("DEGENERATIVE_MIN_AGE_YEARS");
    public static final int PERSISTENT_MIN_WEEKS = integer("PERSISTENT_MIN_WEEKS");
    public static final int FAILURE_TO_IMPROVE_MIN_WEEKS = integer("FAILURE_TO_IMPROVE_MIN_WEEKS");
    public static final int STARTBACK_LOW_MAX_TOTAL = integer("STARTBACK_LOW_MAX_TOTAL");
    public static final int STARTBACK_HIGH_MIN_PSYCHOSOCIAL = integer("STARTBACK_HIGH_MIN_PSYCHOSOCIAL");
    public static final int PROLONGED_STEROID_MIN_MONTHS = integer("PROLONGED_STEROID_MIN_MONTHS");
    public static final int PROLONGED_STEROID_MIN_MG_PER_DAY = integer("PROLONGED_STEROID_MIN_MG_PER_DAY");
    public static final int MAJOR_WEAKNESS_MAX_MRC = integer("MAJOR_WEAKNESS_MAX_MRC");
    public static final int AAA_MIN_AGE_YEARS = integer("AAA_MIN_AGE_YEARS");
    public static final int AAA_SUDDEN_SEVERE_MIN_AGE_YEARS = integer("AAA_SUDDEN_SEVERE_MIN_AGE_YEARS");
    public static final int AAA_SUDDEN_SEVERE_MIN_NRS = integer("AAA_SUDDEN_SEVERE_MIN_NRS");
    public static final int PAEDIATRIC_PERSISTENT_MIN_WEEKS = integer("PAEDIATRIC_PERSISTENT_MIN_WEEKS");
    public static final int PAEDIATRIC_YOUNG_BELOW_AGE_YEARS = integer("PAEDIATRIC_YOUNG_BELOW_AGE_YEARS");
    public static final int PREGNANCY_SIDE_SLEEP_MIN_WEEKS = integer("PREGNANCY_SIDE_SLEEP_MIN_WEEKS");
    public static final int SERIOUS_PATHOLOGY_MIN_FEATURES = integer("SERIOUS_PATHOLOGY_MIN_FEATURES");

    private Thresholds() {
    }

    /** Every entry of the register, in register order (the version line excluded). */
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
