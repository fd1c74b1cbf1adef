package org.nightpain.cds.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.GeneratedDocs;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.Referral;
import org.nightpain.cds.knowledge.DerivedKind;
import org.nightpain.cds.knowledge.TestKnowledge;
import org.nightpain.cds.knowledge.RuleMetadata;

/**
 * The rule base matches its specification: every rule id of clinical-knowledge §3 exists, every DRL rule
 * has complete metadata, no rule exists that the specification and {@code docs/rules.md} do not list,
 * and the catalogue in {@code docs/rules.md} is exactly what the rule base contains.
 *
 * <p>To regenerate the catalogue after a rule change:
 * {@code mvn -q -o test -Dtest=RuleCatalogueTest -Dnightpain.writeDocs=true}.
 */
class RuleCatalogueTest {

    /** The rule ids of clinical-knowledge §3 and §9 (knowledge base 2.0). */
    static final List<String> SPEC_RULE_IDS = List.of(
            "EMR-01", "EMR-02", "EMR-03", "EMR-04", "EMR-05", "EMR-06", "EMR-07", "EMR-08",
            "URG-01", "URG-02", "URG-03", "URG-04", "URG-05", "URG-06",
            "SOON-01", "SOON-02", "SOON-03", "SOON-04", "SOON-05",
            "RTN-01", "RTN-02", "RTN-03", "RTN-04", "RTN-05", "RTN-06", "RTN-06b", "RTN-07", "RTN-07b",
            "RTN-08", "RTN-09", "RTN-10", "RTN-11", "RTN-12",
            "SC-01", "SC-02", "SC-03",
            "SLP-01", "SLP-02", "SLP-03", "SLP-04", "SLP-05", "SLP-06",
            "PREG-01", "DQ-01", "DQ-02", "DQ-03", "DQ-04", "EXT-01", "FB-01");

    static final Path RULES_FOLDER = Path.of("src/main/resources", TestKnowledge.FOLDER);
    static final Path RULES_MD = Path.of("docs/rules.md");

    private static final List<RuleMetadata> RULES = RuleMetadata.all();

    @Test
    void everySpecifiedRule_existsAsADecisionRule() {
        Set<String> decisionIds = specIds(RuleMetadata.Role.DECISION);

        assertThat(decisionIds).containsAll(SPEC_RULE_IDS);
    }

    @Test
    void everyDecisionRule_isASpecifiedRule() {
        assertThat(SPEC_RULE_IDS).containsAll(specIds(RuleMetadata.Role.DECISION));
    }

    @Test
    void everyRule_hasCompleteMetadata() {
        for (RuleMetadata rule : RULES) {
            assertThat(rule.id()).as(rule.name() + " @id").matches("[A-Z]+-\\d\\d([a-z]|-LOW|-MEDIUM|-HIGH)?");
            assertThat(rule.version()).as(rule.name() + " @version").matches("\\d+\\.\\d+\\.\\d+");
            assertThat(rule.sources()).as(rule.name() + " @source").isNotEmpty();
            assertThat(rule.evidence()).as(rule.name() + " @evidence").isNotNull();
            if (rule.role() == RuleMetadata.Role.DECISION) {
                assertThat(rule.code()).as(rule.name() + " @code").matches("[A-Z][A-Z0-9_]+");
                assertThat(rule.category()).as(rule.name() + " @category").isNotNull();
                assertThat(rule.rationale()).as(rule.name() + " @rationale").hasSizeGreaterThan(40);
                assertThat(rule.advice().get("advice")).as(rule.name() + " @advice").hasSizeGreaterThan(20);
                assertThat(rule.name()).as("a decision rule's name starts with its id").startsWith(rule.id() + " ");
                if (!rule.id().equals("FB-01")) {
                    assertThat(rule.inputs()).as(rule.name() + " @inputs").isNotEmpty();
                }
                if (rule.urgency() == null) {
                    assertThat(rule.id()).as("only DQ-03 is informational").isEqualTo("DQ-03");
                }
            }
        }
    }

    /** The terms of clinical-knowledge §8.2 and §9.2, which the exclusion rules match through @groups. */
    @Test
    void groups_matchTheTermsOfTheSpecification() {
        Set<String> redFlags = idsInGroup("RED_FLAG");
        Set<String> inflammatory = idsInGroup("INFLAMMATORY");
        Set<String> specific = idsInGroup("SPECIFIC");

        assertThat(redFlags).containsExactlyInAnyOrder("EMR-01", "EMR-02", "EMR-03", "EMR-04", "EMR-05", "EMR-06",
                "EMR-07", "EMR-08", "URG-01", "URG-02", "URG-03", "URG-04", "URG-05", "URG-06",
                "SOON-01", "SOON-02", "SOON-03", "SOON-04", "SOON-05");
        assertThat(inflammatory).containsExactlyInAnyOrder("RTN-02", "RTN-03", "RTN-04");
        Set<String> expectedSpecific = new TreeSet<>(redFlags);
        expectedSpecific.addAll(inflammatory);
        expectedSpecific.addAll(List.of("RTN-06", "RTN-06b", "RTN-07", "RTN-07b", "RTN-10", "RTN-12", "DQ-02"));
        assertThat(specific).containsExactlyInAnyOrderElementsOf(expectedSpecific);
        // §9.7.3: the findings whose work-up includes spinal imaging supersede "no imaging at first"
        Set<String> expectedImaging = new TreeSet<>(redFlags);
        expectedImaging.removeAll(List.of("EMR-07", "EMR-08", "URG-06"));
        assertThat(idsInGroup("SPINAL_IMAGING")).containsExactlyInAnyOrderElementsOf(expectedImaging);
    }

    /** Clinical-knowledge §6.11. */
    @Test
    void referrals_areConsistent() {
        for (RuleMetadata rule : decisions()) {
            if (rule.urgency() == org.nightpain.cds.Urgency.EMERGENCY) {
                assertThat(rule.referrals()).as(rule.id()).contains(Referral.EMERGENCY_DEPARTMENT);
            }
        }
        decisions().stream().filter(r -> r.id().equals("RTN-02") || r.id().equals("RTN-03"))
                .forEach(r -> assertThat(r.referrals()).as(r.id()).contains(Referral.RHEUMATOLOGY));
        decisions().stream().filter(r -> Set.of("EMR-01", "EMR-02", "EMR-03", "EMR-05").contains(r.id()))
                .forEach(r -> assertThat(r.referrals()).as(r.id())
                        .containsAnyOf(Referral.NEUROSURGERY, Referral.ORTHOPEDICS_SPINE, Referral.ONCOLOGY));
    }

    @Test
    void everyRuleFile_isPartOfTheKnowledgeBase() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.list(RULES_FOLDER)) {
            onDisk = files.map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals("knowledge-base.properties")).sorted().toList();
        }

        assertThat(TestKnowledge.files()).containsExactlyInAnyOrderElementsOf(onDisk);
    }

    /** Each derived fact is inferred by some rule and matched by some other rule. */
    @Test
    void everyDerivedFact_isInferredAndUsed() throws IOException {
        String drl = allDrl();
        for (DerivedKind derived : DerivedKind.values()) {
            assertThat(drl).as(derived + " inferred")
                    .containsPattern("DerivedFact\\.(of|ofValue|from)\\(\\s*DerivedKind\\." + derived + "\\b");
            assertThat(drl).as(derived + " matched").contains("kindName == \"" + derived + "\"");
        }
    }

    @Test
    void docsRulesMd_isTheCatalogueOfTheRuleBase() throws IOException {
        GeneratedDocs.check(RULES_MD, "catalogue", catalogue(), "RuleCatalogueTest");
    }

    /** The catalogue tables of docs/rules.md, rendered from the loaded rule base and the DRL files. */
    static String catalogue() throws IOException {
        Map<String, String> fileOfRule = ruleFiles();
        StringBuilder out = new StringBuilder();
        out.append("\n### Decision rules\n\n");
        out.append("| Rule | Name | Finding | Urgency | Referrals | Evidence | Sources | File |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (RuleMetadata rule : decisions()) {
            out.append("| ").append(rule.id())
                    .append(" | ").append(rule.name().substring(rule.id().length() + 1))
                    .append(" | `").append(rule.code()).append('`')
                    .append(" | ").append(urgencies(rule))
                    .append(" | ").append(referrals(rule))
                    .append(" | ").append(rule.evidence())
                    .append(" | ").append(sourceIds(rule))
                    .append(" | ").append(fileOfRule.get(rule.name()))
                    .append(" |\n");
        }
        for (RuleMetadata.Role role : List.of(RuleMetadata.Role.INFERENCE, RuleMetadata.Role.AGGREGATION)) {
            out.append(role == RuleMetadata.Role.INFERENCE ? "\n### Inference rules (derived facts)\n\n"
                    : "\n### Aggregation rules\n\n");
            out.append("| Rule | Name | Evidence | Sources | File |\n|---|---|---|---|---|\n");
            for (RuleMetadata rule : RULES) {
                if (rule.role() == role) {
                    String name = rule.name().startsWith(rule.id() + " ") ? rule.name().substring(rule.id().length() + 1)
                            : rule.name();
                    out.append("| ").append(rule.id()).append(" | ").append(name)
                            .append(" | ").append(rule.evidence()).append(" | ").append(sourceIds(rule))
                            .append(" | ").append(fileOfRule.get(rule.name())).append(" |\n");
                }
            }
        }
        return out.toString();
    }

    /** The urgency of the rule's findings; a variant that changes it adds "or" and its own, with its name. */
    private static String urgencies(RuleMetadata rule) {
        String base = rule.defaultUrgency() == null ? "none (informational)" : rule.defaultUrgency().name();
        StringBuilder text = new StringBuilder(base);
        rule.variants().forEach((name, variant) -> {
            if (variant.urgency() != null && !variant.urgency().name().equals(base)) {
                text.append(", or ").append(variant.urgency()).append(" (").append(name).append(')');
            }
        });
        return text.toString();
    }

    /** Every referral the rule's findings can make, a variant's marked with its name. */
    private static String referrals(RuleMetadata rule) {
        List<String> all = new ArrayList<>(rule.referrals().stream().map(Enum::name).toList());
        rule.variants().forEach((name, variant) -> variant.referrals().stream()
                .filter(referral -> !rule.referrals().contains(referral))
                .forEach(referral -> all.add(referral + " (" + name + ")")));
        return all.isEmpty() ? "none" : String.join(", ", all);
    }

    private static String sourceIds(RuleMetadata rule) {
        return rule.sources().stream().map(s -> s.id()).collect(Collectors.joining(", "));
    }

    private static Map<String, String> ruleFiles() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        Pattern ruleName = Pattern.compile("^rule \"([^\"]+)\"", Pattern.MULTILINE);
        for (String file : TestKnowledge.files()) {
            if (file.endsWith(".drl")) {
                Matcher m = ruleName.matcher(Files.readString(RULES_FOLDER.resolve(file), StandardCharsets.UTF_8));
                while (m.find()) {
                    files.put(m.group(1), file);
                }
            }
        }
        return files;
    }

    private static String allDrl() throws IOException {
        StringBuilder drl = new StringBuilder();
        for (String file : TestKnowledge.files()) {
            if (file.endsWith(".drl")) {
                drl.append(Files.readString(RULES_FOLDER.resolve(file), StandardCharsets.UTF_8));
            }
        }
        return drl.toString();
    }

    private static List<RuleMetadata> decisions() {
        List<RuleMetadata> decisions = new ArrayList<>();
        for (String id : SPEC_RULE_IDS) {
            RULES.stream().filter(r -> r.role() == RuleMetadata.Role.DECISION && r.id().equals(id))
                    .forEach(decisions::add);
        }
        RULES.stream().filter(r -> r.role() == RuleMetadata.Role.DECISION && !SPEC_RULE_IDS.contains(r.id()))
                .forEach(decisions::add);
        return decisions;
    }

    /** The specification's ids of the rules of this role (EXT-01 for the three STarT Back bands). */
    private static Set<String> specIds(RuleMetadata.Role role) {
        return ids(role).stream().map(Fixtures::specRuleId).collect(Collectors.toSet());
    }

    private static Set<String> ids(RuleMetadata.Role role) {
        return RULES.stream().filter(r -> r.role() == role).map(RuleMetadata::id).collect(Collectors.toSet());
    }

    private static Set<String> idsInGroup(String group) {
        return RULES.stream().filter(r -> r.groups().contains(group)).map(RuleMetadata::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
