/**
 * FHIR R4 input: {@link org.nightpain.cds.fhir.FhirFactMapper} turns one patient's FHIR resources (the
 * triage QuestionnaireResponse, Patient, Condition, Observation and MedicationStatement) into
 * {@link org.nightpain.cds.PatientFacts}, with one conflict policy for every adapter that reads FHIR: the
 * CDS Hooks service and population screening. Needs the optional dependency
 * {@code ca.uhn.hapi.fhir:hapi-fhir-structures-r4}.
 */
package org.nightpain.cds.fhir;
