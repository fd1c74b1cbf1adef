package org.nightpain.cds.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.InvalidPatientFactsException;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.RadicularLegPain;
import org.nightpain.cds.TriState;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.FactField;

/**
 * Clinical-knowledge §6.1, monotonicity, tested by pairs: a patient, and the same patient with one more
 * answer that is a red flag in itself (§8.3.7), never gets a less urgent result; nor does answering an
 * unknown core screening question with a red-flag answer. Random pairs over valid patients, and every
 * pair on the baseline with one other answer changed. Knowledge base 2.0 (§9.6) adds leg numbness, a
 * collapse, a pulsatile mass and the serious-pathology features, each with properties of their own, and an
 * unknown cauda equina answer in a patient with leg neurology made YES.
 */
class MonotonicityTest {

    @Provide
    Arbitrary<RedFlagAnswer.Pair> oneMoreRedFlag() {
        return RedFlagAnswer.pairs(RedFlagAnswer.all());
    }

    @Provide
    Arbitrary<RedFlagAnswer.Pair> unknownCoreAnsweredWithRedFlag() {
        return RedFlagAnswer.pairs(RedFlagAnswer.coreFromUnknown());
    }

    @Provide
    Arbitrary<RedFlagAnswer.Pair> oneMoreRedFlagOfKnowledgeBase2() {
        return RedFlagAnswer.pairs(RedFlagAnswer.ofKnowledgeBase2());
    }

    @Provide
    Arbitrary<RedFlagAnswer.Pair> unknownCesAnswerMadeYes() {
        return RedFlagAnswer.pairs(RedFlagAnswer.cesFromUnknownWithLegNeurology());
    }

    // 42 kinds of red-flag answer: 10,000 tries give each about 240 pairs of patients.
    @Property(tries = 10_000)
    void oneMoreRedFlag_neverLowersTheUrgency(@ForAll("oneMoreRedFlag") RedFlagAnswer.Pair pair) {
        assertNotLessUrgent(pair);
    }

    // 13 ways to answer a core question: 3,000 tries give each about 230 pairs.
    @Property(tries = 3000)
    void unknownCoreQuestionAnsweredWithRedFlag_neverLowersTheUrgency(
            @ForAll("unknownCoreAnsweredWithRedFlag") RedFlagAnswer.Pair pair) {
        assertNotLessUrgent(pair);
    }

    /**
     * §9.6: the answers knowledge base 2.0 added (numbness or tingling in one leg, then both; a collapse; a
     * pulsatile mass; each serious-pathology feature and a raised CRP), 10 kinds: 3,000 tries give each
     * about 300 pairs, more than the 240 they get among all 42 kinds above.
     */
    @Property(tries = 3000)
    void oneMoreRedFlagOfKnowledgeBase2_neverLowersTheUrgency(@ForAll("oneMoreRedFlagOfKnowledgeBase2") RedFlagAnswer.Pair pair) {
        assertNotLessUrgent(pair);
    }

    /**
     * §9.6: with leg neurology, an unknown cauda equina answer keeps the result URGENT (DQ-04); answered YES
     * it never lowers the urgency (it makes an emergency). 7 questions: 1,400 tries give each about 200 pairs.
     */
    @Property(tries = 1400)
    void unknownCesAnswerMadeYes_neverLowersTheUrgency(@ForAll("unknownCesAnswerMadeYes") RedFlagAnswer.Pair pair) {
        assertNotLessUrgent(pair);
    }

    /**
     * The other direction is allowed, and happens: an unknown cauda equina answer made NO removes DQ-04, so
     * sciatica goes from URGENT to ROUTINE, while made YES it is an emergency. (Were both directions forbidden,
     * the property above could not tell a correct rule base from one that ignores the answer.)
     */
    @Example
    void unknownCesAnswerMadeNo_mayLowerTheUrgency() {
        PatientFacts.Builder sciatica = Fixtures.baseline().radicularLegPain(RadicularLegPain.UNILATERAL);

        assertThat(Fixtures.assess(sciatica.urinaryRetention(TriState.UNKNOWN)).highestUrgency()).isEqualTo(Urgency.URGENT);
        assertThat(Fixtures.assess(sciatica.urinaryRetention(TriState.NO)).highestUrgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(Fixtures.assess(sciatica.urinaryRetention(TriState.YES)).highestUrgency()).isEqualTo(Urgency.EMERGENCY);
    }

    /**
     * Exhaustive where random patients are thin: on the §5 baseline with any one other field set to any
     * of its values (every enum value, absent, and the boundary values of numbers), every red-flag answer
     * from every value it may replace. Most interactions between one red flag and one other answer are
     * here.
     */
    @Example
    void everyRedFlagAnswer_onTheBaselineWithAnyOneOtherAnswer() {
        PatientFacts baseline = Fixtures.baseline().build();
        List<RedFlagAnswer> answers = new ArrayList<>(RedFlagAnswer.all());
        answers.addAll(RedFlagAnswer.coreFromUnknown());
        List<String> lowered = new ArrayList<>();
        int pairs = 0;
        for (RedFlagAnswer answer : answers) {
            for (FactField other : FactField.ALL) {
                for (Object value : valuesToTry(other)) {
                    if (other == answer.field()) {
                        continue;
                    }
                    Map<FactField, Object> change = new HashMap<>();
                    change.put(other, value);
                    for (int i = 0; i < answer.before().size(); i++) {
                        for (int j = 0; j < answer.after().size(); j++) {
                            RedFlagAnswer.Pair pair;
                            try {
                                pair = answer.pair(Patients.with(baseline, change), i, j);
                            } catch (InvalidPatientFactsException impossible) {
                                continue;
                            }
                            pairs++;
                            Urgency before = Fixtures.assess(pair.before()).highestUrgency();
                            Urgency after = Fixtures.assess(pair.after()).highestUrgency();
                            if (after.compareTo(before) > 0) {
                                lowered.add(pair.change() + " with " + other.fieldName() + "=" + value
                                        + ": " + before + " -> " + after);
                            }
                        }
                    }
                }
            }
        }

        assertThat(pairs).as("pairs tried").isGreaterThan(20_000);
        assertThat(lowered).as("red-flag answers that lowered the urgency").isEmpty();
    }

    private static List<Object> valuesToTry(FactField field) {
        List<Object> values = new ArrayList<>();
        values.add(null);
        if (field.enumType() != null) {
            values.addAll(List.of(field.enumType().getEnumConstants()));
        } else {
            values.addAll(Patients.boundaries(field));
        }
        return values;
    }

    private static void assertNotLessUrgent(RedFlagAnswer.Pair pair) {
        Assessment before = Fixtures.assess(pair.before());
        Assessment after = Fixtures.assess(pair.after());

        assertThat(after.highestUrgency())
                .as("%s: %s before, %s after (findings before %s, after %s)", pair.change(),
                        before.highestUrgency(), after.highestUrgency(),
                        Fixtures.presentedRules(before), Fixtures.presentedRules(after))
                .isLessThanOrEqualTo(before.highestUrgency());
    }
}
