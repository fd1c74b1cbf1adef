package org.nightpain.cds.fhir;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The canonical URLs of the FHIR artefacts the library defines: the triage Questionnaire, the code
 * systems of its answers (one per enumeration, such as {@code .../CodeSystem/MotorWeakness}), and the
 * code systems of the rule ids and the knowledge base that cards and the RiskAssessment name. They all
 * sit under one base.
 *
 * <p>The project publishes these artefacts nowhere, so it cannot offer a base that resolves. The default
 * is a placeholder under {@code example.org}, a domain reserved for examples (RFC 2606): it works, and it
 * says plainly that nobody owns it. A deployment sets a base of its own (an address its organisation
 * controls) with {@code serve --canonical-base}; the EHR's stored QuestionnaireResponses must then name
 * the Questionnaire by that base. Immutable.
 */
public final class Canonicals {
    /** The placeholder base: a documented example address, to be replaced by a deployment's own. */
    public static final String PLACEHOLDER_BASE = "http://example.org/fhir/nightpain-cds";
    /** The canonicals under the placeholder base. */
    public static final Canonicals PLACEHOLDER = new Canonicals(PLACEHOLDER_BASE);

    private final String base;

    private Canonicals(String base) {
        this.base = base;
    }

    /**
     * Makes the canonicals under a base.
     *
     * @param base an absolute {@code http} or {@code https} URL with a host and no query or fragment; a
     *             trailing '/' is dropped
     * @return the canonicals under that base
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static Canonicals of(String base) {
        String trimmed = base == null ? "" : base.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the canonical base '" + base + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the canonical base '" + base + "' must be an http or https URL with a"
                    + " host and no query or fragment, such as https://fhir.example-hospital.org/nightpain");
        }
        return new Canonicals(trimmed);
    }

    /** {@return the base, without a trailing '/'} */
    public String base() {
        return base;
    }

    /** {@return true for the placeholder, which a deployment should replace} */
    public boolean isPlaceholder() {
        return base.equals(PLACEHOLDER_BASE);
    }

    /** {@return the canonical URL of the triage Questionnaire} */
    public String questionnaire() {
        return base + "/Questionnaire/nightpain-triage";
    }

    /**
     * Names the code system of an enumeration's answer codes.
     *
     * @param enumType the enumeration, such as {@code MotorWeakness}
     * @return the code system's URL, for example {@code .../CodeSystem/MotorWeakness}
     */
    public String codeSystem(Class<?> enumType) {
        return base + "/CodeSystem/" + enumType.getSimpleName();
    }

    /** {@return the code system of rule ids (card topics, RiskAssessment outcomes)} */
    public String ruleSystem() {
        return base + "/CodeSystem/rule";
    }

    /** {@return the code system that names a knowledge base and its version (the RiskAssessment's method)} */
    public String knowledgeBaseSystem() {
        return base + "/CodeSystem/knowledge-base";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Canonicals that && base.equals(that.base);
    }

    @Override
    public int hashCode() {
        return base.hashCode();
    }

    @Override
    public String toString() {
        return base;
    }
}
