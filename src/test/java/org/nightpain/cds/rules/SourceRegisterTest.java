package org.nightpain.cds.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.Evidence;
import org.nightpain.cds.GeneratedDocs;
import org.nightpain.cds.Source;
import org.nightpain.cds.knowledge.TestKnowledge;
import org.nightpain.cds.knowledge.RuleMetadata;
import org.nightpain.cds.knowledge.Thresholds;

/**
 * The source register (clinical-knowledge §1) and the threshold register (§3.10): complete, cited, and
 * shown in {@code docs/sources.md} exactly as the rules use them.
 */
class SourceRegisterTest {

    private static final List<RuleMetadata> RULES = RuleMetadata.all();
    private static final Map<String, Source> SOURCES = TestKnowledge.sources();
    private static final Map<String, Evidence> LABELS = TestKnowledge.sourceEvidence();

    @Test
    void register_holdsEverySourceOfTheSpecification() {
        assertThat(SOURCES).hasSize(55);
        assertThat(SOURCES.values()).allSatisfy(s -> {
            assertThat(s.citation()).as(s.id()).isNotBlank();
            assertThat(s.url()).as(s.id()).matches("|https://\\S+");
        });
    }

    /**
     * The labels clinical-knowledge gives a source: in a rule row of §3 ("DOWNIE-2013 (A)"), in §0.5
     * (which names the guideline bodies and the consensus frameworks) or in §1 (FEVER-DEF is a design
     * parameter). Typed here from the specification, not read from the register.
     */
    static final Map<String, Evidence> SPECIFIED_LABELS = Map.ofEntries(
            Map.entry("NICE-NG59", Evidence.G), Map.entry("NICE-NG59-BMJ", Evidence.G),
            Map.entry("NICE-QS155", Evidence.G), Map.entry("ACP-2007", Evidence.G), Map.entry("ACP-2011", Evidence.G),
            Map.entry("ACP-2017", Evidence.G), Map.entry("ACR-2021", Evidence.G), Map.entry("DOWNIE-2013", Evidence.A),
            Map.entry("HENSCHKE-2009", Evidence.A), Map.entry("HENSCHKE-2013", Evidence.A),
            Map.entry("DEYO-1988", Evidence.A), Map.entry("HARDING-2005", Evidence.A),
            Map.entry("FINUCANE-2020", Evidence.C), Map.entry("GIRFT-CES-2023", Evidence.G),
            Map.entry("BASS-2018", Evidence.C), Map.entry("LOTHIAN-REDFLAGS", Evidence.C),
            Map.entry("IDSA-NVO-2015", Evidence.G), Map.entry("NICE-CG75", Evidence.G),
            Map.entry("NICE-NG234", Evidence.G), Map.entry("NICE-NG12", Evidence.G), Map.entry("NICE-NG65", Evidence.G),
            Map.entry("ASAS-IBP-2009", Evidence.A), Map.entry("SURI-2010", Evidence.A),
            Map.entry("DEVILLE-2000", Evidence.A), Map.entry("AOMRC-DISC", Evidence.G),
            Map.entry("MAYO-SLEEP", Evidence.LE), Map.entry("FEVER-DEF", Evidence.DP),
            Map.entry("NHS-REGIONAL", Evidence.C), Map.entry("KOVACS-2003", Evidence.A),
            Map.entry("CAGGIARI-2021", Evidence.A), Map.entry("RADWAN-2015", Evidence.A),
            // knowledge base 2.0 (§9.3, §9.4)
            Map.entry("NICE-NG41", Evidence.G), Map.entry("NICE-NG156", Evidence.G), Map.entry("CKS-AAA", Evidence.G),
            Map.entry("NICE-NG201", Evidence.G), Map.entry("MHRA-NSAID-PREG", Evidence.G),
            Map.entry("SLEEP-SIDE-28W", Evidence.A), Map.entry("DAVIS-2008", Evidence.C),
            Map.entry("SEA-REVIEW", Evidence.A));

    /**
     * The labels this project chose where the specification gives none, or gives two (GARDNER-2011 is
     * "A/C"): each the label of its kind of publication under §0.5, the weaker where two fit.
     * docs/sources.md gives the reason for each.
     */
    static final Map<String, Evidence> CHOSEN_LABELS = Map.ofEntries(
            Map.entry("CKS-LBP-REDFLAGS", Evidence.C), Map.entry("CKS-SCIATICA", Evidence.C),
            Map.entry("VERHAGEN-2016", Evidence.C), Map.entry("RCR-CES-2023", Evidence.C),
            Map.entry("GARDNER-2011", Evidence.C), Map.entry("HSIB-2021", Evidence.C),
            Map.entry("ASAS-AXSPA-2009", Evidence.A),
            Map.entry("CALIN-1977", Evidence.A), Map.entry("BERLIN-2006", Evidence.A),
            Map.entry("KONNO-2007", Evidence.A), Map.entry("AOMRC-IMG", Evidence.G),
            Map.entry("STARTBACK-2008", Evidence.A), Map.entry("WEIGHTLOSS-DEF", Evidence.C),
            Map.entry("FRAX-GC-2011", Evidence.C), Map.entry("INFERMEDICA-TRIAGE", Evidence.LE),
            Map.entry("SEMIGRAN-2015", Evidence.A));

    @Test
    void everySource_hasTheLabelTheSpecificationGivesIt_orTheDocumentedChoice() {
        Map<String, Evidence> expected = new LinkedHashMap<>(SPECIFIED_LABELS);
        expected.putAll(CHOSEN_LABELS);
        assertThat(SPECIFIED_LABELS.keySet()).doesNotContainAnyElementsOf(CHOSEN_LABELS.keySet());

        assertThat(LABELS.keySet()).containsExactlyElementsOf(SOURCES.keySet());
        assertThat(LABELS).containsExactlyInAnyOrderEntriesOf(expected);
    }

    /**
     * Clinical-knowledge §8.3.5: a finding's evidence label is the strongest label among its row's
     * sources, G > A > C > DP > LE (the order in which {@link Evidence} declares them). The aggregation
     * rule is held to the same. Inference rules are not: each labels the definition it applies, which is
     * a design parameter (DP) where the specification chose the number (for example the 12 weeks of
     * INF-29) even when a guideline is among its sources.
     */
    @Test
    void everyDecisionRule_isLabelledWithTheStrongestLabelOfItsSources() {
        List<String> wrong = new ArrayList<>();
        for (RuleMetadata rule : RULES) {
            if (rule.role() == RuleMetadata.Role.INFERENCE) {
                continue;
            }
            Evidence strongest = rule.sources().stream().map(source -> LABELS.get(source.id()))
                    .min(Comparator.naturalOrder()).orElseThrow();
            if (rule.evidence() != strongest) {
                wrong.add(rule.name() + ": @evidence " + rule.evidence() + ", but its sources "
                        + rule.sources().stream().map(s -> s.id() + " (" + LABELS.get(s.id()) + ")")
                                .collect(Collectors.joining(", ")) + " give " + strongest);
            }
        }
        assertThat(RULES).filteredOn(rule -> rule.role() == RuleMetadata.Role.DECISION)
                .hasSizeGreaterThanOrEqualTo(RuleCatalogueTest.SPEC_RULE_IDS.size());
        assertThat(wrong).as("rules whose evidence label is not the strongest of their sources' labels").isEmpty();
    }

    @Test
    void evidenceOrder_isStrongestFirst() {
        assertThat(Evidence.values()).containsExactly(Evidence.G, Evidence.A, Evidence.C, Evidence.DP, Evidence.LE);
    }

    @Test
    void everyThreshold_citesRegisteredSources() {
        for (Thresholds.Entry entry : Thresholds.entries()) {
            assertThat(entry.sources()).as(entry.name()).isNotEmpty();
            assertThat(SOURCES.keySet()).as(entry.name()).containsAll(entry.sources());
            assertThat(entry.evidence()).as(entry.name()).isIn("G", "A", "C", "DP", "LE");
        }
    }

    @Test
    void docsSourcesMd_showsBothRegisters() throws IOException {
        GeneratedDocs.check(Path.of("docs/sources.md"), "sources", sourceTable(), "SourceRegisterTest");
        GeneratedDocs.check(Path.of("docs/sources.md"), "thresholds", thresholdTable(), "SourceRegisterTest");
    }

    private static String sourceTable() {
        Map<String, Set<String>> citedBy = new LinkedHashMap<>();
        for (RuleMetadata rule : RULES) {
            for (Source source : rule.sources()) {
                citedBy.computeIfAbsent(source.id(), id -> new TreeSet<>()).add(rule.id());
            }
        }
        StringBuilder out = new StringBuilder("\n| Id | Evidence | Citation | Where to read it | Cited by |\n"
                + "|---|---|---|---|---|\n");
        for (Source source : SOURCES.values()) {
            out.append("| ").append(source.id()).append(" | ").append(LABELS.get(source.id()))
                    .append(" | ").append(source.citation().replace("|", "\\|"))
                    .append(" | ").append(source.url().isEmpty() ? "not given" : "<" + source.url() + ">")
                    .append(" | ").append(String.join(", ", citedBy.getOrDefault(source.id(), Set.of())))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String thresholdTable() {
        StringBuilder out = new StringBuilder("\nRegister version " + Thresholds.VERSION + ".\n\n"
                + "| Name | Value | Unit | How the rules use it | Sources | Evidence |\n|---|---|---|---|---|---|\n");
        for (Thresholds.Entry entry : Thresholds.entries()) {
            out.append("| `").append(entry.name()).append("` | ").append(entry.value()).append(" | ")
                    .append(entry.unit()).append(" | ").append(entry.meaning()).append(" | ")
                    .append(entry.sources().stream().collect(Collectors.joining(", "))).append(" | ")
                    .append(entry.evidence()).append(" |\n");
        }
        return out.toString();
    }
}
