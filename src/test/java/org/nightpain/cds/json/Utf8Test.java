package org.nightpain.cds.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The codec's UTF-8 check agrees with the JDK's UTF-8 decoder on every one- and two-byte sequence and on
 * three- and four-byte sequences built from every lead byte and the boundary values of the bytes after it.
 */
class Utf8Test {
    private static final int[] EDGES = {0x00, 0x0A, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xF4, 0xFF};

    private static boolean jdkDecodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void agree(byte[] bytes) {
        assertThat(Utf8.firstInvalid(bytes, 0, bytes.length) < 0).as("%s", hex(bytes)).isEqualTo(jdkDecodes(bytes));
    }

    @Test
    void everySequenceOfOneOrTwoBytes() {
        for (int a = 0; a < 256; a++) {
            agree(new byte[] {(byte) a});
            for (int b = 0; b < 256; b++) {
                agree(new byte[] {(byte) a, (byte) b});
            }
        }
    }

    @Test
    void sequencesOfThreeAndFourBytes_fromEveryLeadByte() {
        for (int lead = 0x80; lead < 256; lead++) {
            for (int b : EDGES) {
                for (int c : EDGES) {
                    agree(new byte[] {(byte) lead, (byte) b, (byte) c});
                    for (int d : EDGES) {
                        agree(new byte[] {(byte) lead, (byte) b, (byte) c, (byte) d});
                    }
                }
            }
        }
    }

    @Test
    void firstInvalid_isTheStartOfTheBadSequence() {
        byte[] bytes = {'{', '"', (byte) 0xC3, (byte) 0xA9, (byte) 0xE0, (byte) 0x80, (byte) 0xAF, '"'};

        assertThat(Utf8.firstInvalid(bytes, 0, bytes.length)).isEqualTo(4);
        assertThat(Utf8.firstInvalid(bytes, 0, 4)).isEqualTo(-1);
        assertThat(Utf8.firstInvalid(bytes, 0, 3)).as("a sequence cut off by the end").isEqualTo(2);
    }

    @Test
    void check_namesUtf16AndUtf32ByTheirFirstBytes() {
        assertThat(Utf8.check(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0}, 0, 4).reason()).contains("byte-order mark");
        assertThat(Utf8.check(new byte[] {'{', 0, '}', 0}, 0, 4)).satisfies(p -> {
            assertThat(p.index()).isEqualTo(1);
            assertThat(p.reason()).contains("NUL", "UTF-16");
        });
        assertThat(Utf8.check(new byte[] {0, 0, 0, '{'}, 0, 4).index()).isZero();
        assertThat(Utf8.check(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}, 0, 5)).as("UTF-8 BOM").isNull();
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02X ", b & 0xFF));
        }
        return text.toString().trim();
    }
}
