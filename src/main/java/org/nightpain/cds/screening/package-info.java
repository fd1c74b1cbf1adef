/**
 * Population screening of a FHIR Bulk Data export: {@link org.nightpain.cds.screening.BulkScreen} reads
 * the export's NDJSON files (or its manifest), groups each patient's records through spill files, maps
 * them with {@link org.nightpain.cds.fhir.FhirFactMapper} and assesses every patient, writing one result
 * per patient, a work list and a summary. {@link org.nightpain.cds.screening.SyntheticBulkExport} writes
 * exports for tests and benchmarks. Needs the optional dependencies HAPI FHIR
 * ({@code ca.uhn.hapi.fhir:hapi-fhir-structures-r4}) and Jackson ({@code jackson-databind}).
 *
 * <p>The record-level types (classifier, raw records, outcomes, summary, work list) are public because the
 * Spark job ({@code nightpain-cds-spark}) runs the same steps on its executors; they are not an API for
 * applications.
 */
package org.nightpain.cds.screening;
