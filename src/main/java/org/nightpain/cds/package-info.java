/**
 * The API of nightpain-cds: {@link org.nightpain.cds.NightPainAssessor} assesses one patient's
 * {@link org.nightpain.cds.PatientFacts} and returns an {@link org.nightpain.cds.Assessment} of explained
 * {@link org.nightpain.cds.Finding}s. Everything here is an immutable value, an enum of the clinical
 * vocabulary, or the facade; {@link org.nightpain.cds.FactField} describes every fact (its type, range
 * and question) for adapters that read facts from other formats.
 */
package org.nightpain.cds;
