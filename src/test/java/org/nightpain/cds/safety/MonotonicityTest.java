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
import org.nightpain.cds.Urgency;
import org.nightpain.cds.FactField;

/**
 * Clinical-knowledge §6.1, monotonicity, tested by pairs: a patient, and the same patient with one more
 * answer that is a red flag in itself (§8.3.7), never gets a less urgent result; nor does answering an
 * unknown core screening question with a red-flag answer. Random pairs over valid patients, and every
 * pair on the baseline with one other answer changed.
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

    // 39 kinds of red-flag answer: 10,000 tries give each about 250 pairs of patients.
    @Property(tries = 10_000)
    void oneMoreRedFlag_neverLowersTheUrgency(@ForAll("oneMoreRedFlag") RedFlagAnswer.Pair pair) {
        assertNotLessUrgent(pair);
    }

    // 12 ways to answer a core question: 3,000 tries give each about 250 pairs.
    @Property(tries = 3000)
    void unknownCoreQuestionAnsweredWithRedFlag_neverLowersTheUrgency(
            @ForAll("unknownCoreAnsweredWithRedFlag") RedFlagAnswer.Pair pair) {
        assertNotLessUrgent(pair);
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
