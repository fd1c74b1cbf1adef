package org.nightpain.cds.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.HlaB27;
import org.nightpain.cds.LegNumbness;
import org.nightpain.cds.NsaidResponse;
import org.nightpain.cds.OnsetType;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.Progression;
import org.nightpain.cds.RadicularLegPain;
import org.nightpain.cds.Referral;
import org.nightpain.cds.SleepPosition;
import org.nightpain.cds.MattressFirmness;
import org.nightpain.cds.TriState;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.FactField;

/**
 * Clinical-knowledge §6.2 and §9.6.15: any one of the seven cauda equina answers YES, radicular pain in
 * both legs, or numbness or tingling in both legs, gives EMERGENCY with the emergency department and the
 * on-call spinal team, whatever else is true. Every combination of the seven answers with and without
 * bilateral pain and bilateral numbness (2^9) is tried on ten backgrounds chosen to tempt a rule base into
 * something milder; the combination with none of them must not give the cauda equina finding at all.
 * Properties then do the same over random patients.
 */
class CaudaEquinaCompletenessTest {

    /** A patient the CES answers are laid over: a name and the facts apart from the CES answers. */
    record Background(String name, UnaryOperator<PatientFacts.Builder> facts, TriState notYes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Background> backgrounds() {
        return List.of(
                new Background("baseline adult", b -> b, TriState.NO),
                new Background("child of 12, outside the guideline's scope",
                        b -> b.ageYears(12).symptomDurationWeeks(1.0), TriState.NO),
                new Background("spinal stenosis: claudication easing on sitting, both legs",
                        b -> b.ageYears(72).symptomDurationWeeks(30.0).neurogenicClaudication(TriState.YES)
                                .reliefSittingOrFlexion(TriState.YES).buttockPain(TriState.YES), TriState.NO),
                new Background("inflammatory back pain meeting ASAS and NG65",
                        b -> b.ageYears(29).symptomDurationWeeks(60.0).onsetType(OnsetType.GRADUAL_INSIDIOUS)
                                .improvesWithExercise(TriState.YES).restRelievesPain(TriState.NO)
                                .nightPain(TriState.YES).nightPainImprovesOnGettingUp(TriState.YES)
                                .wakesSecondHalfOfNight(TriState.YES).alternatingButtockPain(TriState.YES)
                                .nsaidResponse(NsaidResponse.GOOD).psoriasis(TriState.YES).hlaB27(HlaB27.POSITIVE),
                        TriState.NO),
                new Background("everything else unknown", b -> PatientFacts.builder(), TriState.UNKNOWN),
                new Background("cancer history", b -> b.ageYears(64).historyOfCancer(TriState.YES), TriState.NO),
                new Background("fever with a risk factor", b -> b.temperatureC(38.9).ivDrugUse(TriState.YES), TriState.NO),
                new Background("mechanical pain improving, with sleep advice and a low STarT score",
                        b -> b.progression(Progression.IMPROVING).triggerOveruseOrLifting(TriState.YES)
                                .sleepPosition(SleepPosition.STOMACH).mattressFirmness(MattressFirmness.SOFT)
                                .painLyingInBedOrOnRising(TriState.YES).startBackTotal(1).startBackPsychosocial(0),
                        TriState.NO),
                new Background("pregnant at 30 weeks, sleeping on the side",
                        b -> b.ageYears(31).pregnant(TriState.YES).gestationWeeks(30).sleepPosition(SleepPosition.SIDE),
                        TriState.NO),
                new Background("collapse at 72, an aortic emergency that does not supersede",
                        b -> b.ageYears(72).collapseOrSyncope(TriState.YES), TriState.NO));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backgrounds")
    void everyCombinationOfCesAnswersAndBilateralPain(Background background) {
        for (int mask = 0; mask < 1 << 9; mask++) {
            PatientFacts.Builder builder = background.facts().apply(Fixtures.baseline());
            List<String> present = new ArrayList<>();
            for (int i = 0; i < ClinicalTerms.CES_FIELDS.size(); i++) {
                boolean yes = (mask & 1 << i) != 0;
                ClinicalTerms.CES_FIELDS.get(i).write(builder, yes ? TriState.YES : background.notYes());
                if (yes) {
                    present.add(ClinicalTerms.CES_FIELDS.get(i).fieldName());
                }
            }
            if ((mask & 1 << 7) != 0) {
                builder.radicularLegPain(RadicularLegPain.BILATERAL);
                present.add("bilateral radicular pain");
            }
            if ((mask & 1 << 8) != 0) {
                builder.legNumbnessTingling(LegNumbness.BILATERAL);
                present.add("bilateral numbness or tingling");
            }
            Assessment result = Fixtures.assess(builder);

            if (present.isEmpty()) {
                assertThat(Fixtures.codes(result)).as("no CES feature").doesNotContain("CAUDA_EQUINA_SUSPECTED");
            } else {
                assertCesEmergency(result, present.toString());
            }
        }
    }

    @Provide
    Arbitrary<PatientFacts> patientsWithACesFeature() {
        List<FactField> features = new ArrayList<>(ClinicalTerms.CES_FIELDS);
        features.add(FactField.RADICULAR_LEG_PAIN);
        features.add(FactField.LEG_NUMBNESS_TINGLING);
        return Combinators.combine(Patients.valid(), Arbitraries.of(features)).as((patient, feature) ->
                Patients.with(patient, Map.of(feature, switch (feature) {
                    case RADICULAR_LEG_PAIN -> RadicularLegPain.BILATERAL;
                    case LEG_NUMBNESS_TINGLING -> LegNumbness.BILATERAL;
                    default -> TriState.YES;
                })));
    }

    @Provide
    Arbitrary<PatientFacts> patientsWithBilateralNumbness() {
        return Patients.validWith(Arbitraries.just(Map.of(FactField.LEG_NUMBNESS_TINGLING, LegNumbness.BILATERAL)));
    }

    /** §9.6.15: numbness or tingling in both legs is cauda equina until shown otherwise, on any patient. */
    @Property(tries = 1000)
    void bilateralLegNumbness_onAnyPatient_isAnEmergency(@ForAll("patientsWithBilateralNumbness") PatientFacts patient) {
        assertCesEmergency(Fixtures.assess(patient), Patients.describe(patient).toString());
    }

    @Property(tries = 1000)
    void anyCesFeature_onAnyPatient_isAnEmergency(@ForAll("patientsWithACesFeature") PatientFacts patient) {
        assertCesEmergency(Fixtures.assess(patient), Patients.describe(patient).toString());
    }

    private static void assertCesEmergency(Assessment result, String features) {
        assertThat(result.highestUrgency()).as(features).isEqualTo(Urgency.EMERGENCY);
        assertThat(Fixtures.codes(result)).as(features).contains("CAUDA_EQUINA_SUSPECTED");
        assertThat(result.referrals()).as(features).contains(Referral.EMERGENCY_DEPARTMENT, Referral.NEUROSURGERY);
        assertThat(result.findings()).as(features).filteredOn(f -> f.code().equals("CAUDA_EQUINA_SUSPECTED"))
                .allSatisfy(f -> assertThat(f.referrals()).contains(Referral.EMERGENCY_DEPARTMENT));
    }
}
