package org.nightpain.cds.json;

/**
 * Checks that request bytes are UTF-8, as the contract requires. Jackson's byte parser would otherwise
 * guess UTF-16 or UTF-32 from the first bytes (a byte-order mark, or NUL bytes), and it decodes some
 * byte sequences that are not UTF-8 (overlong forms such as {@code C0 AF} for {@code /}, and values
 * above U+10FFFF) instead of refusing them. Stateless.
 *
 * <p>Public because the CDS Hooks service checks its request bodies with it too; not part of the API.
 */
public final class Utf8 {

    /**
     * Where and why bytes are not UTF-8.
     *
     * @param index  the index of the first offending byte
     * @param line   its line, from 1
     * @param column its column, from 1 (in bytes)
     * @param reason why, in plain words
     */
    public record Fault(int index, long line, long column, String reason) {
    }

    private Utf8() {
    }

    /**
     * Checks that bytes are UTF-8 JSON text.
     *
     * @param bytes  the bytes
     * @param offset where the text starts in {@code bytes}
     * @param length how many bytes the text has
     * @return the first reason why they are not, or null when they are UTF-8
     */
    public static Fault check(byte[] bytes, int offset, int length) {
        int end = offset + length;
        if (length > 0 && ((bytes[offset] & 0xFF) == 0xFE || (bytes[offset] & 0xFF) == 0xFF)) {
            String mark = "0x" + hex(bytes[offset]) + (length > 1 ? " 0x" + hex(bytes[offset + 1]) : "");
            return fault(bytes, offset, offset, "the text starts with " + mark + ", a UTF-16 or UTF-32 byte-order mark;"
                    + " send it as UTF-8");
        }
        for (int i = offset; i < Math.min(end, offset + 4); i++) {
            if (bytes[i] == 0) {
                // UTF-8 JSON never has a NUL byte: not between tokens and not, unescaped, in a string.
                return fault(bytes, offset, i, "a NUL byte near the start, as in UTF-16 or UTF-32 text; send it as UTF-8");
            }
        }
        int bad = firstInvalid(bytes, offset, end);
        return bad < 0 ? null : fault(bytes, offset, bad, "bytes that are not UTF-8 (a malformed sequence starting with 0x"
                + hex(bytes[bad]) + ")");
    }

    /**
     * The index of the first byte that does not start a well-formed UTF-8 sequence (Unicode's table of
     * well-formed byte sequences: no overlong forms, no surrogates, nothing above U+10FFFF), or -1.
     */
    static int firstInvalid(byte[] bytes, int from, int end) {
        int i = from;
        while (i < end) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            int lead = b & 0xFF;
            int length;
            int low = 0x80;
            int high = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                length = 2;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                length = 3;
                low = lead == 0xE0 ? 0xA0 : 0x80;
                high = lead == 0xED ? 0x9F : 0xBF;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                length = 4;
                low = lead == 0xF0 ? 0x90 : 0x80;
                high = lead == 0xF4 ? 0x8F : 0xBF;
            } else {
                return i;
            }
            if (i + length > end) {
                return i;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < low || second > high) {
                return i;
            }
            for (int k = 2; k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }

    private static Fault fault(byte[] bytes, int offset, int index, String reason) {
        long line = 1;
        long column = 1;
        for (int i = offset; i < index; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Fault(index, line, column, reason);
    }

    private static String hex(byte b) {
        return String.format("%02X", b & 0xFF);
    }
}
