package org.nightpain.cds.hooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Questionnaire;
import org.nightpain.cds.FactField;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.KnowledgeBaseInfo;
import org.nightpain.cds.RuleInfo;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.fhir.Canonicals;

/**
 * For tests: HAPI FHIR's instance validator against the FHIR R4 core profiles, offline (the core
 * definitions come from {@code hapi-fhir-validation-resources-r4}; no terminology server). It also knows
 * the service's own artefacts under the placeholder base: the triage Questionnaire, so that a
 * QuestionnaireResponse is checked against it (items, order, types, answer options, required items,
 * enableWhen), and the code systems of the answer codes, the urgencies, the rule ids and the knowledge
 * base, so that their codes and displays are checked too. They are built here from the same registers
 * the service reads; the project publishes them nowhere (docs/cds-hooks.md, Canonical URLs).
 * Loading the core definitions takes seconds, so one validator serves every test of the run.
 */
final class FhirValidation {
    static final FhirContext FHIR = FhirContext.forR4Cached();
    private static FhirValidator validator;

    private FhirValidation() {
    }

    /**
     * The warnings accepted, and why. dom-6 asks every resource for a narrative: the service writes none
     * (the card beside its RiskAssessment is the text a clinician reads, and an EHR renders a Questionnaire
     * from its items), and the EHR records of the examples have none either. Offline, the validator has no
     * content for LOINC, SNOMED CT and ICD-10, so it says it cannot check their codes: the code lists'
     * codes are checked against their sources by hand (docs/cds-hooks.md).
     */
    static final List<String> ACCEPTED_WARNINGS = List.of(
            "dom-6: 'A resource should have narrative for robust management'",
            "CodeSystem is unknown and can't be validated: http://loinc.org for",
            "CodeSystem is unknown and can't be validated: http://snomed.info/sct for",
            "CodeSystem is unknown and can't be validated: http://hl7.org/fhir/sid/icd-10 for");

    /** Every error and warning of the validation of this FHIR JSON (against the profile, when one is given). */
    static List<SingleValidationMessage> validate(String json, String... profile) {
        ValidationOptions options = new ValidationOptions();
        for (String url : profile) {
            options.addProfile(url);
        }
        return validator().validateWithResult(json, options).getMessages().stream()
                .filter(m -> m.getSeverity() != ResultSeverityEnum.INFORMATION).toList();
    }

    /** The errors, and the warnings that are not accepted, as "SEVERITY location: message" lines. */
    static List<String> problems(String json, String... profile) {
        return validate(json, profile).stream()
                .filter(m -> m.getSeverity() != ResultSeverityEnum.WARNING
                        || ACCEPTED_WARNINGS.stream().noneMatch(m.getMessage()::contains))
                .map(FhirValidation::line).toList();
    }

    /** The errors (and fatal errors) of the validation, as "SEVERITY location: message" lines. */
    static List<String> errors(String json) {
        return validate(json).stream().filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(FhirValidation::line).toList();
    }

    static String line(SingleValidationMessage message) {
        return message.getSeverity() + " " + message.getLocationString() + ": " + message.getMessage();
    }

    private static synchronized FhirValidator validator() {
        if (validator == null) {
            PrePopulatedValidationSupport own = new PrePopulatedValidationSupport(FHIR);
            for (FactField field : FactField.ALL) {
                if (field.enumType() != null) {
                    own.addCodeSystem(codeSystem(field.enumType()));
                }
            }
            own.addCodeSystem(codeSystem(Urgency.class));
            own.addCodeSystem(ruleSystem());
            own.addCodeSystem(knowledgeBaseSystem());
            Questionnaire questionnaire = (Questionnaire) FHIR.newJsonParser()
                    .parseResource(TriageQuestionnaire.json(Canonicals.PLACEHOLDER).toString());
            IValidationSupport questionnaires = new IValidationSupport() {
                @Override
                public FhirContext getFhirContext() {
                    return FHIR;
                }

                @Override
                public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
                    boolean ours = url != null && url.split("\\|")[0].equals(questionnaire.getUrl());
                    return ours && type != null && type.isInstance(questionnaire) ? type.cast(questionnaire) : null;
                }
            };
            ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR), own,
                    questionnaires, new CommonCodeSystemsTerminologyService(FHIR),
                    new InMemoryTerminologyServerValidationSupport(FHIR), new SnapshotGeneratingValidationSupport(FHIR));
            validator = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
        }
        return validator;
    }

    /** The rule ids, each shown as the title of its finding, as the cards' topics and the RiskAssessment name them. */
    private static CodeSystem ruleSystem() {
        CodeSystem system = codeSystem(Canonicals.PLACEHOLDER.ruleSystem(), "Rule");
        for (RuleInfo rule : Fixtures.ASSESSOR.rules()) {
            system.addConcept().setCode(rule.id()).setDisplay(DisplayTexts.finding(rule.code()));
        }
        return system;
    }

    /** The knowledge base in use, as the RiskAssessment's method names it. */
    private static CodeSystem knowledgeBaseSystem() {
        KnowledgeBaseInfo info = Fixtures.ASSESSOR.knowledgeBase();
        CodeSystem system = codeSystem(Canonicals.PLACEHOLDER.knowledgeBaseSystem(), "KnowledgeBase");
        system.addConcept().setCode(info.id() + "|" + info.version())
                .setDisplay(info.id() + " " + info.version() + " (sha256 " + info.sha256() + ")");
        return system;
    }

    private static CodeSystem codeSystem(String url, String name) {
        CodeSystem system = new CodeSystem();
        system.setUrl(url);
        system.setName(name);
        system.setStatus(PublicationStatus.DRAFT);
        system.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        system.setCaseSensitive(true);
        return system;
    }

    /** The code system of an enumeration, with each value's display text, as the Questionnaire names it. */
    private static CodeSystem codeSystem(Class<? extends Enum<?>> type) {
        CodeSystem system = codeSystem(Canonicals.PLACEHOLDER.codeSystem(type), type.getSimpleName());
        for (Enum<?> value : type.getEnumConstants()) {
            system.addConcept().setCode(value.name()).setDisplay(DisplayTexts.of(value));
        }
        return system;
    }
}
