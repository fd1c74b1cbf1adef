package org.nightpain.cds.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.knowledge.DerivedKind;
import org.nightpain.cds.knowledge.TestKnowledge;
import org.nightpain.cds.knowledge.RuleMetadata;
import org.nightpain.cds.engine.RuleEngine;
import org.nightpain.cds.knowledge.Thresholds;

/**
 * The knowledge base that runs is the one that is identified, and its numbers are the specification's:
 * thresholds come only from the versioned register (clinical-knowledge §6.12), the register holds the
 * values of §3.10, and the precompiled rules are exactly the rules of the files that the hash each
 * assessment reports covers. (Metadata completeness, §6.9, and the file list: RuleCatalogueTest.)
 */
class KnowledgeBaseIntegrityTest {
    private static final RuleEngine ENGINE = RuleEngine.load();

    /** §3.10 of clinical-knowledge, as register entries. */
    private static final Map<String, String> SPECIFIED = Map.ofEntries(
            Map.entry("ADULT_MIN_AGE_YEARS", "16"), Map.entry("FEVER_MIN_CELSIUS", "38.0"),
            Map.entry("WEIGHT_LOSS_MIN_KG", "4.5"), Map.entry("WEIGHT_LOSS_MIN_PERCENT", "5.0"),
            Map.entry("WEIGHT_LOSS_MAX_PERIOD_MONTHS", "12"), Map.entry("MALIGNANCY_FLAG_MIN_AGE_YEARS", "50"),
            Map.entry("MYELOMA_TEST_MIN_AGE_YEARS", "60"), Map.entry("PANCREATIC_CT_MIN_AGE_YEARS", "60"),
            Map.entry("FRACTURE_RISK_MIN_AGE_YEARS", "65"), Map.entry("CANCER_NEW_ONSET_MAX_WEEKS", "12"),
            Map.entry("INFECTION_RISK_RECENT_MAX_WEEKS", "12"), Map.entry("INFECTION_RISK_ONSET_MAX_WEEKS", "12"),
            Map.entry("CHRONIC_MIN_WEEKS", "13"), Map.entry("ASAS_ONSET_BELOW_AGE_YEARS", "40"),
            Map.entry("ASAS_POSITIVE_MIN_ITEMS", "4"), Map.entry("NG65_ENTRY_ONSET_BELOW_AGE_YEARS", "45"),
            Map.entry("NG65_CRITERION_ONSET_BELOW_AGE_YEARS", "35"), Map.entry("NG65_REFER_MIN_CRITERIA", "4"),
            Map.entry("NG65_HLA_B27_CRITERIA", "3"), Map.entry("NSAID_GOOD_RESPONSE_HOURS", "48"),
            Map.entry("MECHANICAL_STIFFNESS_MAX_MINUTES", "30"), Map.entry("STENOSIS_MIN_AGE_YEARS", "50"),
            Map.entry("DEGENERATIVE_MIN_AGE_YEARS", "40"), Map.entry("PERSISTENT_MIN_WEEKS", "6"),
            Map.entry("FAILURE_TO_IMPROVE_MIN_WEEKS", "4"), Map.entry("STARTBACK_LOW_MAX_TOTAL", "3"),
            Map.entry("STARTBACK_HIGH_MIN_PSYCHOSOCIAL", "4"), Map.entry("PROLONGED_STEROID_MIN_MONTHS", "3"),
            Map.entry("PROLONGED_STEROID_MIN_MG_PER_DAY", "5"), Map.entry("MAJOR_WEAKNESS_MAX_MRC", "3"),
            // knowledge base 2.0 (clinical-knowledge §9.4; the feature count of SOON-05 is §9.3's "two or more")
            Map.entry("AAA_MIN_AGE_YEARS", "50"), Map.entry("AAA_SUDDEN_SEVERE_MIN_AGE_YEARS", "60"),
            Map.entry("AAA_SUDDEN_SEVERE_MIN_NRS", "8"), Map.entry("PAEDIATRIC_PERSISTENT_MIN_WEEKS", "4"),
            Map.entry("PAEDIATRIC_YOUNG_BELOW_AGE_YEARS", "5"), Map.entry("PREGNANCY_SIDE_SLEEP_MIN_WEEKS", "28"),
            Map.entry("SERIOUS_PATHOLOGY_MIN_FEATURES", "2"));

    /** A rule declaration, at the start of a line. */
    private static final Pattern RULE_NAME = Pattern.compile("(?m)^rule\\s+\"([^\"]+)\"");
    /** A rule's conditions, in text whose comments are removed and whose strings are emptied. */
    private static final Pattern CONDITIONS = Pattern.compile("(?s)(?m)^rule\\s+\"\".*?\\bwhen\\b(.*?)\\bthen\\b");
    /** A number written into a condition; "0" is allowed for "size > 0" and "more than zero minutes". */
    private static final Pattern LITERAL = Pattern.compile("(?<![\\w.$])\\d+(?:\\.\\d+)?(?![\\w.])");
    /** A finding's rule id or a derived fact's kind, compared with a string in a rule. */
    private static final Pattern NAME_COMPARED = Pattern.compile("\\b(ruleId|kindName)\\s*[!=]=\\s*\"([^\"]*)\"");

    @Test
    void thresholdRegister_holdsTheSpecifiedValues() {
        Map<String, String> register = Thresholds.entries().stream()
                .collect(Collectors.toMap(Thresholds.Entry::name, Thresholds.Entry::value));
        assertThat(register).containsExactlyInAnyOrderEntriesOf(SPECIFIED);
    }

    @Test
    void ruleConditions_takeEveryNumberFromTheRegister() {
        List<String> literals = new ArrayList<>();
        for (String file : drlFiles()) {
            String drl = TestKnowledge.text(file);
            List<String> names = ruleNames(drl);
            Matcher rule = CONDITIONS.matcher(codeOnly(drl));
            for (int i = 0; rule.find(); i++) {
                Matcher literal = LITERAL.matcher(rule.group(1));
                while (literal.find()) {
                    if (!literal.group().equals("0")) {
                        literals.add(file + " '" + names.get(i) + "': " + literal.group());
                    }
                }
            }
        }
        assertThat(literals).as("numbers written into rule conditions instead of Thresholds.*").isEmpty();
    }

    /**
     * A rule matches a finding by its rule id and a derived fact by its kind's name, both strings that the
     * compiler cannot check: a misspelt one would match nothing, silently.
     */
    @Test
    void namesComparedInRules_areRuleIdsAndDerivedKinds() {
        Set<String> ruleIds = RuleMetadata.all().stream().filter(rule -> rule.role() == RuleMetadata.Role.DECISION)
                .map(RuleMetadata::id).collect(Collectors.toSet());
        Set<String> kinds = Arrays.stream(DerivedKind.values()).map(DerivedKind::name).collect(Collectors.toSet());
        List<String> unknown = new ArrayList<>();
        int compared = 0;
        for (String file : drlFiles()) {
            Matcher name = NAME_COMPARED.matcher(TestKnowledge.text(file));
            while (name.find()) {
                compared++;
                boolean known = name.group(1).equals("ruleId") ? ruleIds.contains(name.group(2))
                        : kinds.contains(name.group(2));
                if (!known) {
                    unknown.add(file + ": " + name.group());
                }
            }
        }
        assertThat(compared).as("names compared in rule conditions").isGreaterThan(50);
        assertThat(unknown).as("rule ids and derived-fact kinds that do not exist").isEmpty();
    }

    @Test
    void precompiledRules_areExactlyTheRulesOfTheHashedFiles() {
        Set<String> declared = new HashSet<>();
        for (String file : drlFiles()) {
            declared.addAll(ruleNames(TestKnowledge.text(file)));
        }
        assertThat(RuleMetadata.all()).extracting(RuleMetadata::name).containsExactlyInAnyOrderElementsOf(declared);
    }

    private static List<String> drlFiles() {
        return TestKnowledge.files().stream().filter(f -> f.endsWith(".drl")).toList();
    }

    private static List<String> ruleNames(String drl) {
        List<String> names = new ArrayList<>();
        Matcher name = RULE_NAME.matcher(drl);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    /** The DRL without its comments and with every string emptied, so that only code is left to read. */
    private static String codeOnly(String drl) {
        StringBuilder code = new StringBuilder(drl.length());
        int i = 0;
        while (i < drl.length()) {
            char c = drl.charAt(i);
            if (c == '"') {
                code.append("\"\"");
                i++;
                while (i < drl.length() && drl.charAt(i) != '"') {
                    i += drl.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (drl.startsWith("//", i)) {
                while (i < drl.length() && drl.charAt(i) != '\n') {
                    i++;
                }
            } else if (drl.startsWith("/*", i)) {
                int end = drl.indexOf("*/", i + 2);
                i = end < 0 ? drl.length() : end + 2;
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }
}
