/**
 * The JSON contract: {@link org.nightpain.cds.json.AssessmentJson} is the one entry, from a request body
 * to a result or error body, one at a time or as newline-delimited batches. Needs the optional
 * dependency {@code com.fasterxml.jackson.core:jackson-core}.
 */
package org.nightpain.cds.json;
