package org.nightpain.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.Diagnostic;
import org.nightpain.cds.FactField;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.MotorWeakness;
import org.nightpain.cds.Referral;
import org.nightpain.cds.RuleInfo;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.knowledge.TestKnowledge;

/**
 * Every code a clinician could meet on a card, in the Questionnaire or in the RiskAssessment has a text
 * written for people in the knowledge base's register, and the register holds nothing else.
 */
class DisplayTextsTest {

    /** The enumerations whose values the service shows: the Questionnaire's answers, urgencies, referrals, tests. */
    private static List<Class<? extends Enum<?>>> shownEnumerations() {
        Set<Class<? extends Enum<?>>> shown = new LinkedHashSet<>();
        for (FactField field : FactField.ALL) {
            if (field.kind() == FactField.Kind.ENUMERATED || field.kind() == FactField.Kind.TRI_STATE) {
                shown.add(field.enumType());
            }
        }
        shown.addAll(List.of(Urgency.class, Referral.class, Diagnostic.class));
        return List.copyOf(shown);
    }

    private static Set<String> findingCodes() {
        Set<String> codes = new LinkedHashSet<>();
        for (RuleInfo rule : Fixtures.ASSESSOR.rules()) {
            codes.add(rule.code());
        }
        return codes;
    }

    /** The acronyms of the finding codes; a title spells them out or writes them in capitals, never in lower case. */
    private static final List<String> ACRONYMS = List.of("AAA", "CES", "HLA", "LBP", "MSCC", "SPA", "STARTBACK");

    @Test
    void everyFindingCode_hasATitle_withNoAcronymInLowerCase() {
        assertThat(findingCodes()).hasSizeGreaterThan(40);
        for (String code : findingCodes()) {
            String title = DisplayTexts.find(DisplayTexts.FINDING, code);
            assertThat(title).as(code).isNotBlank();
            assertThat(Character.isUpperCase(title.charAt(0))).as(title).isTrue();
            for (String acronym : ACRONYMS) {
                assertThat(title).as(code).doesNotContainPattern("\\b" + acronym.toLowerCase(Locale.ROOT) + "\\b");
            }
        }
        // The titles a reviewer found on the cards: codes in lower case.
        assertThat(DisplayTexts.finding("MSCC_SUSPECTED")).isNotEqualTo("mscc suspected").contains("MSCC");
        assertThat(DisplayTexts.finding("AXIAL_SPA_SUSPECTED")).isEqualTo("Suspected axial spondyloarthritis");
        assertThat(DisplayTexts.finding("NONSPECIFIC_MECHANICAL_LBP")).isEqualTo("Non-specific mechanical low back pain");
        assertThat(DisplayTexts.finding("STARTBACK_HIGH")).isEqualTo("STarT Back: high risk");
    }

    @Test
    void everyValueTheServiceShows_hasAText() {
        for (Class<? extends Enum<?>> type : shownEnumerations()) {
            for (Enum<?> value : type.getEnumConstants()) {
                assertThat(DisplayTexts.find(type.getSimpleName(), value.name())).as(type.getSimpleName() + " " + value)
                        .isNotBlank();
                assertThat(DisplayTexts.of(value)).isEqualTo(DisplayTexts.find(type.getSimpleName(), value.name()));
            }
        }
        // The label a reviewer found: the code with its underscores turned into spaces.
        assertThat(DisplayTexts.of(MotorWeakness.MULTI_LEVEL_OR_BILATERAL))
                .isNotEqualToIgnoringCase("Multi level or bilateral");
    }

    @Test
    void theRegister_namesNoCodeThatDoesNotExist() {
        List<String> unknown = new ArrayList<>();
        Set<String> findings = findingCodes();
        for (String[] row : TestKnowledge.table(DisplayTexts.FILE, 3)) {
            boolean known = row[0].equals(DisplayTexts.FINDING) ? findings.contains(row[1])
                    : shownEnumerations().stream().anyMatch(type -> type.getSimpleName().equals(row[0])
                            && List.of(type.getEnumConstants()).stream().anyMatch(v -> v.name().equals(row[1])));
            if (!known) {
                unknown.add(row[0] + " " + row[1]);
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void aCodeWithoutAText_isAPackagingError_neverTheCodeShownAsIs() {
        assertThat(DisplayTexts.find(DisplayTexts.FINDING, "NO_SUCH_FINDING")).isNull();
        assertThatThrownBy(() -> DisplayTexts.finding("NO_SUCH_FINDING"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NO_SUCH_FINDING");
    }
}
