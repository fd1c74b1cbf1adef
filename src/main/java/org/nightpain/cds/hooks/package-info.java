/**
 * The assessor as an HL7 CDS Hooks 2.0 service with FHIR R4 input: {@link org.nightpain.cds.hooks.CdsHooksServer}.
 *
 * <p>Everything here needs the optional dependencies Jetty ({@code org.eclipse.jetty:jetty-server}),
 * HAPI FHIR ({@code ca.uhn.hapi.fhir:hapi-fhir-structures-r4}, {@code hapi-fhir-client}) and Jackson
 * ({@code com.fasterxml.jackson.core:jackson-databind}), and for its deployment ({@link
 * org.nightpain.cds.hooks.ServiceConfig}) nimbus-jose-jwt, Flyway, H2, the PostgreSQL driver and HikariCP;
 * nothing outside this package, the FHIR mapping ({@code org.nightpain.cds.fhir}, which needs only HAPI
 * FHIR's structures) and the command line uses them, so an application that only calls
 * {@link org.nightpain.cds.NightPainAssessor} does not need them. It reads FHIR through
 * {@link org.nightpain.cds.fhir.FhirFactMapper}.
 * See {@code docs/cds-hooks.md}.
 */
package org.nightpain.cds.hooks;
