package org.nightpain.cds.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at {@code '\n'} (a {@code '\r'} before it is dropped) without
 * decoding it, so that bytes that are not UTF-8 spoil only their own line. Keeps at most
 * {@code maxKept} bytes of a line and skips the rest, so memory stays bounded however long the input
 * or its lines. Not thread-safe.
 *
 * <p>Public because population screening reads Bulk Data files with it too; not part of the API.
 */
public final class LineReader {
    /** Runs before a read that may block, so that results already written can be flushed first. */
    public interface BeforeRead {
        /**
         * Called before each read from the input.
         *
         * @throws IOException when it fails; {@link LineReader#next()} then throws it
         */
        void run() throws IOException;
    }

    private final InputStream in;
    private final int maxKept;
    private final BeforeRead beforeRead;
    private final byte[] chunk = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int length;
    private long lineNumber;

    /**
     * A reader of lines.
     *
     * @param in         the input, read in chunks of 64 KB and not closed
     * @param maxKept    the most bytes of a line kept; the rest of a longer line is skipped
     * @param beforeRead run before each read from {@code in}
     */
    public LineReader(InputStream in, int maxKept, BeforeRead beforeRead) {
        this.in = in;
        this.maxKept = maxKept;
        this.beforeRead = beforeRead;
    }

    /**
     * Moves to the next line.
     *
     * @return true when there is one; false at the end of the input
     * @throws IOException when the input cannot be read, or {@code beforeRead} fails
     */
    public boolean next() throws IOException {
        length = 0;
        boolean started = false;
        while (true) {
            if (position == limit) {
                beforeRead.run();
                int read = in.read(chunk);
                position = 0;
                limit = Math.max(read, 0);
                if (read < 0) {
                    if (!started) {
                        return false;
                    }
                    return endLine();
                }
            }
            started = true;
            int start = position;
            while (position < limit && chunk[position] != '\n') {
                position++;
            }
            keep(start, position - start);
            if (position < limit) {
                position++;
                return endLine();
            }
        }
    }

    private boolean endLine() {
        lineNumber++;
        if (length > 0 && length < maxKept && line[length - 1] == '\r') {
            length--;
        }
        return true;
    }

    private void keep(int start, int count) {
        int kept = Math.min(count, maxKept - length);
        if (kept <= 0) {
            return;
        }
        if (length + kept > line.length) {
            line = Arrays.copyOf(line, Math.min(maxKept, Math.max(line.length * 2, length + kept)));
        }
        System.arraycopy(chunk, start, line, length, kept);
        length += kept;
    }

    /**
     * The bytes of the current line, from index 0; valid until the next call of {@link #next()}.
     *
     * @return a buffer that holds the line; only its first {@link #length()} bytes are the line's
     */
    public byte[] bytes() {
        return line;
    }

    /** {@return how many bytes of the current line were kept: at most {@code maxKept}} */
    public int length() {
        return length;
    }

    /** {@return the number of the current line, from 1} */
    public long lineNumber() {
        return lineNumber;
    }

    /** {@return true when the kept bytes of the current line are only spaces, tabs and carriage returns} */
    public boolean isBlank() {
        for (int i = 0; i < length; i++) {
            if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
