package org.nightpain.cds.safety;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Fixtures;

/**
 * Clinical-knowledge §6.1, monotonicity, tested by pairs: a patient, and the same patient with one more
 * answer that is a red flag in itself (§8.3.7), never gets a less urgent result; nor does answering an
 * unknown core screening question with a red-flag answer.
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
