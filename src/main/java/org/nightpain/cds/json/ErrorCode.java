package org.nightpain.cds.json;

/** Why a request produced an error object instead of a result. */
public enum ErrorCode {
    /** Valid JSON, but not valid facts: an unknown key, a wrong type, a value out of range. */
    INVALID_INPUT,
    /** Not JSON, or JSON beyond the parser's limits; the problem carries a line and a column. */
    MALFORMED_JSON,
    /** A bug in this library. Nothing was assessed; the request may well be valid. */
    INTERNAL_ERROR
}
