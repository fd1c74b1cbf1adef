package org.nightpain.cds;

/**
 * A guideline or study that a finding rests on, from the source register.
 *
 * @param id       the register id, for example {@code NICE-NG59}
 * @param citation authors or organisation, title and year
 * @param url      where it can be read (an address, PMID or DOI), or empty
 */
public record Source(String id, String citation, String url) {
}
