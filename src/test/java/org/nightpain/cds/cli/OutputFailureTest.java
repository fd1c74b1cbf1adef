package org.nightpain.cds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Standard output that fails part way (a full disk, a closed pipe): the run must not end as if its
 * results had been written. It exits 2 and says once, on standard error, that the output could not be
 * written, so that a script never takes a cut-off file for a complete one.
 */
class OutputFailureTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("examples.dir", "examples"));

    /** Takes {@code room} bytes, then fails every write. */
    private static final class FullDisk extends OutputStream {
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();
        private final int room;

        FullDisk(int room) {
            this.room = room;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (written.size() + length > room) {
                throw new IOException("No space left on device");
            }
            written.write(bytes, offset, length);
        }
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run run(byte[] input, int room, String... args) {
        FullDisk out = new FullDisk(room);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(input);
        int exitCode = Main.run(args, in, out, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.written.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void batchCutOffByAFullDisk_exitsTwoAndSaysSoOnce() throws IOException {
        byte[] batch = Files.readAllBytes(EXAMPLES.resolve("batch.ndjson"));

        Run run = run(batch, 3000, "assess", "--ndjson", "-");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
        assertThat(run.stderr()).containsOnlyOnce("cannot write the output");
    }

    @Test
    void singleResultThatCannotBeWritten_exitsTwo() throws IOException {
        byte[] request = Files.readAllBytes(EXAMPLES.resolve("red-flag.json"));

        Run run = run(request, 100, "assess", "-");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
        assertThat(run.stderr()).containsOnlyOnce("cannot write the output");
    }
}
