package org.nightpain.cds.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;
import org.hl7.fhir.r4.model.Resource;

/**
 * How the FHIR parser treats what it does not expect. A value that cannot be read (a date that is not
 * a date, a string where a number belongs) fails the request, so that nothing unreadable is silently
 * dropped. Elements the mapping does not know or need (extensions of other versions, unresolved
 * references) are ignored, as a reader of someone else's records must. Nothing is logged: the values
 * are patient data. The CDS Hooks service and population screening parse with it alike.
 */
public final class FhirParseErrors implements IParserErrorHandler {

    @Override
    public void invalidValue(IParseLocation location, String value, String error) {
        throw new DataFormatException("invalid value in " + where(location) + ": " + error);
    }

    @Override
    public void incorrectJsonType(IParseLocation location, String elementName, ValueType expected,
                                  ScalarType expectedScalar, ValueType found, ScalarType foundScalar) {
        throw new DataFormatException("element '" + elementName + "' in " + where(location) + " must be a JSON "
                + (expectedScalar == null ? expected : expectedScalar) + ", not a "
                + (foundScalar == null ? found : foundScalar));
    }

    @Override
    public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
        throw new DataFormatException("element '" + elementName + "' in " + where(location) + " must not repeat");
    }

    @Override
    public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
        throw new DataFormatException("an extension in " + where(location) + " has both a value and extensions");
    }

    @Override
    public void containedResourceWithNoId(IParseLocation location) {
        // A contained resource without an id cannot be referred to; it is simply not used.
    }

    @Override
    public void missingRequiredElement(IParseLocation location, String elementName) {
        // The service reads only what it needs and checks that itself.
    }

    @Override
    public void unknownAttribute(IParseLocation location, String attributeName) {
        // Ignored: not needed.
    }

    @Override
    public void unknownElement(IParseLocation location, String elementName) {
        // Ignored: not needed.
    }

    @Override
    public void unknownReference(IParseLocation location, String reference) {
        // Ignored: not needed.
    }

    @Override
    public void invalidInternalReference(IParseLocation location, String reference) {
        // Ignored: a medicine named by an unresolvable reference is reported where it is read.
    }

    /**
     * Parses one resource with a parser that uses this handler.
     *
     * @param parser a JSON parser whose error handler is a {@code FhirParseErrors}
     * @param json   the resource as JSON text
     * @return the resource
     * @throws DataFormatException when the text is not a readable FHIR R4 resource, including when the
     *         parser fails on it with an exception of its own making (HAPI FHIR throws
     *         NullPointerException for an extension array of other than objects, and
     *         StringIndexOutOfBoundsException for an empty key): that is unreadable input, not a failure
     *         of the caller
     */
    public static Resource parse(IParser parser, String json) {
        try {
            if (parser.parseResource(json) instanceof Resource resource) {
                return resource;
            }
            throw new DataFormatException("it is not a FHIR R4 resource");
        } catch (DataFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DataFormatException("the FHIR parser failed on it (" + e.getClass().getSimpleName()
                    + "); look for an empty key or an element of the wrong JSON type");
        }
    }

    private static String where(IParseLocation location) {
        return location == null || location.getParentElementName() == null ? "the resource"
                : "'" + location.getParentElementName() + "'";
    }
}
