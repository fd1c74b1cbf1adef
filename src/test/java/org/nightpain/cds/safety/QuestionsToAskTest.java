package org.nightpain.cds.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.Question;
import org.nightpain.cds.RuleInfo;
import org.nightpain.cds.Sex;
import org.nightpain.cds.TriState;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.FactField;
import org.nightpain.cds.knowledge.RuleMetadata;

/**
 * The questions still to ask (contract §1, clinical-knowledge §3.9 via issue 2): each names a fact whose
 * answer is unknown, at most once, and the decision rules its answer could change, which exist and are
 * exactly the rules that weigh that fact; and the list comes most consequential first, that is ordered by
 * the most urgent of those rules, as the public rule catalogue gives their urgencies, never rising down
 * the list. An informational rule (DQ-03) ranks with the least urgent. Knowledge base 2.0 adds
 * {@code couldRaiseTo}, the trimming of an emergency or urgent result's questions and the pregnancy
 * question that is never trimmed.
 */
class QuestionsToAskTest {

    /** The most urgent urgency of each decision rule id in the public catalogue . */
    private static final Map<String, Urgency> CATALOGUE = new LinkedHashMap<>();
    /** The most urgent urgency each decision rule can give, its variants' included (the children rule can be SOON). */
    private static final Map<String, Urgency> OUTCOMES = new LinkedHashMap<>();
    /** The decision rules that weigh each fact, by their {@code @inputs}. */
    private static final Map<String, Set<String>> WEIGHED_BY = new LinkedHashMap<>();

    static {
        for (RuleInfo rule : Fixtures.ASSESSOR.rules()) {
            Urgency urgency = rule.urgency() == null ? Urgency.SELF_CARE : rule.urgency();
            CATALOGUE.merge(rule.id(), urgency, (a, b) -> a.isMoreUrgentThan(b) ? a : b);
        }
        for (RuleMetadata rule : RuleMetadata.all()) {
            if (rule.role() == RuleMetadata.Role.DECISION && rule.urgency() != null) {
                OUTCOMES.put(rule.id(), rule.urgency());
            }
            if (rule.role() == RuleMetadata.Role.DECISION) {
                rule.inputs().forEach(input -> WEIGHED_BY.computeIfAbsent(input.fieldName(), f -> new TreeSet<>())
                        .add(rule.id()));
            }
        }
    }

    @Provide
    Arbitrary<PatientFacts> patients() {
        return Patients.valid();
    }

    @Property(tries = 2000)
    void questions_comeMostConsequentialFirst_andNameRealRules(@ForAll("patients") PatientFacts patient) {
        assertThat(problems(patient, Fixtures.assess(patient))).isEmpty();
    }

    @Example
    void corpusCases_askTheirQuestionsMostConsequentialFirst() {
        List<String> problems = new ArrayList<>();
        int asked = 0;
        for (CorpusCase corpusCase : CorpusCase.all()) {
            Assessment assessment = Fixtures.assess(corpusCase.facts());
            asked += assessment.questionsToAsk().size();
            problems(corpusCase.facts(), assessment).forEach(p -> problems.add(corpusCase.id() + ": " + p));
        }
        assertThat(problems).isEmpty();
        assertThat(asked).as("the corpus asks questions at all").isGreaterThan(100);
    }

    @Provide
    Arbitrary<PatientFacts> patientsOftenNotAskedAboutPregnancy() {
        return Patients.validWith(Arbitraries.frequency(Tuple.of(1, Map.<FactField, Object>of()),
                Tuple.of(1, Map.<FactField, Object>of(FactField.PREGNANT, TriState.UNKNOWN))));
    }

    /**
     * Knowledge base 2.0 (clinical-knowledge §9.5.3, §9.7.6, §9.7.13, §9.7.14): each question's
     * {@code couldRaiseTo} is the most urgent urgency its rules can give; an emergency or urgent result asks
     * only questions that could make it SOON or more, except the pregnancy question, which is asked whatever
     * the urgency when pregnancy is unknown in someone not male aged 16 to 50 (or of unknown age), and only
     * then.
     */
    @Property(tries = 1000)
    void urgentResults_askOnlyWhatCouldMatter_andAlwaysAboutPregnancy(
            @ForAll("patientsOftenNotAskedAboutPregnancy") PatientFacts patient) {
        Assessment assessment = Fixtures.assess(patient);
        boolean urgent = assessment.highestUrgency() == Urgency.EMERGENCY || assessment.highestUrgency() == Urgency.URGENT;

        for (Question question : assessment.questionsToAsk()) {
            assertThat(question.couldRaiseTo()).as(question.field()).isEqualTo(mostUrgentOutcome(question));
            if (urgent && !question.field().equals("pregnant")) {
                assertThat(question.couldRaiseTo()).as("%s asked in a %s result", question.field(),
                        assessment.highestUrgency()).isIn(Urgency.EMERGENCY, Urgency.URGENT, Urgency.SOON);
            }
        }
        boolean askPregnancy = patient.pregnant() == TriState.UNKNOWN && patient.sex() != Sex.MALE
                && (patient.ageYears() == null || patient.ageYears() >= 16 && patient.ageYears() <= 50);
        assertThat(assessment.questionsToAsk().stream().anyMatch(q -> q.field().equals("pregnant")))
                .as("pregnancy asked").isEqualTo(askPregnancy);
    }

    /** The most urgent outcome of any rule the question names, variants included; null when none has one. */
    private static Urgency mostUrgentOutcome(Question question) {
        return mostUrgent(question, OUTCOMES);
    }

    /** A patient about whom nothing is known is asked everything, an emergency's questions first. */
    @Example
    void nothingKnown_asksEveryQuestion_theEmergencyOnesFirst() {
        Assessment assessment = Fixtures.assess(PatientFacts.builder().build());
        List<Question> questions = assessment.questionsToAsk();

        assertThat(problems(PatientFacts.builder().build(), assessment)).isEmpty();
        assertThat(rank(questions.get(0))).isEqualTo(Urgency.EMERGENCY);
        assertThat(rank(questions.get(questions.size() - 1))).isIn(Urgency.ROUTINE, Urgency.SELF_CARE);
        // every fact that some rule weighs and that needs no earlier answer is asked
        assertThat(questions).extracting(Question::field)
                .contains("urinaryRetention", "saddleAnaesthesia", "radicularLegPain", "motorWeakness",
                        "historyOfCancer", "feverOrRigorsReported", "temperatureC", "trauma", "ageYears",
                        "symptomDurationWeeks", "sleepPosition", "neckPainOnWaking");
    }

    /** STarT Back is an adult tool that no rule weighs below 16 (§9.3), so a child is not asked its scores. */
    @Example
    void child_isNotAskedTheStartBackScores_anAdultIs() {
        PatientFacts child = PatientFacts.builder().ageYears(12).build();
        PatientFacts adult = PatientFacts.builder().ageYears(16).build();

        assertThat(Fixtures.assess(child).questionsToAsk()).extracting(Question::field)
                .doesNotContain("startBackTotal", "startBackPsychosocial");
        assertThat(Fixtures.assess(adult).questionsToAsk()).extracting(Question::field)
                .contains("startBackTotal", "startBackPsychosocial");
    }

    /** What is wrong with the questions of one assessment; empty when nothing is. */
    static List<String> problems(PatientFacts patient, Assessment assessment) {
        List<String> problems = new ArrayList<>();
        Set<String> fields = new HashSet<>();
        Urgency previous = Urgency.EMERGENCY;
        String previousField = null;
        for (Question question : assessment.questionsToAsk()) {
            FactField field = FactField.byName(question.field());
            if (field == null) {
                problems.add(question.field() + " is not a fact");
                continue;
            }
            if (!fields.add(question.field())) {
                problems.add(question.field() + " is asked twice");
            }
            if (!field.isUnknown(patient)) {
                problems.add(question.field() + " is asked but answered (" + field.read(patient) + ")");
            }
            if (question.question() == null || question.question().isBlank()) {
                problems.add(question.field() + " has no wording");
            }
            if (question.couldChange().isEmpty()) {
                problems.add(question.field() + " could change no rule");
            }
            for (String id : question.couldChange()) {
                if (!CATALOGUE.containsKey(id)) {
                    problems.add(question.field() + " could change " + id + ", which is not a decision rule");
                }
            }
            if (!new TreeSet<>(question.couldChange()).equals(WEIGHED_BY.get(question.field()))
                    || question.couldChange().size() != new HashSet<>(question.couldChange()).size()) {
                problems.add(question.field() + " could change " + question.couldChange() + ", but the rules that weigh it are "
                        + WEIGHED_BY.get(question.field()));
            }
            Urgency rank = rank(question);
            if (rank != null && rank.isMoreUrgentThan(previous)) {
                problems.add(question.field() + " (could change " + rank + ") comes after " + previousField
                        + " (could change only " + previous + ")");
            }
            if (rank != null) {
                previous = rank;
                previousField = question.field();
            }
        }
        return problems;
    }

    /** The most urgent rule the answer could change, by the catalogue; null when it names none that exists. */
    private static Urgency rank(Question question) {
        return mostUrgent(question, CATALOGUE);
    }

    /** The most urgent urgency these rule urgencies give the rules the question names; null when none has one. */
    private static Urgency mostUrgent(Question question, Map<String, Urgency> urgencies) {
        Urgency most = null;
        for (String id : question.couldChange()) {
            Urgency urgency = urgencies.get(id);
            if (urgency != null && (most == null || urgency.isMoreUrgentThan(most))) {
                most = urgency;
            }
        }
        return most;
    }
}
