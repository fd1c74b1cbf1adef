package org.nightpain.cds;

import java.util.List;

/**
 * A question still to ask: its answer is unknown and could change the result.
 *
 * @param field       the §4.1 field the answer goes into
 * @param question    the question in plain words
 * @param couldChange  the rule ids whose outcome the answer could change
 * @param couldRaiseTo the highest urgency any of those rules can give; null when none of them gives one
 */
public record Question(String field, String question, List<String> couldChange, Urgency couldRaiseTo) {
    /**
     * Copies the list of rule ids, so that the question is immutable.
     *
     * @param field the §4.1 field the answer goes into
     * @param question the question in plain words
     * @param couldChange the rule ids whose outcome the answer could change
     * @param couldRaiseTo the highest urgency any of those rules can give; null when none of them gives one
     */
    public Question {
        couldChange = List.copyOf(couldChange);
    }
}
