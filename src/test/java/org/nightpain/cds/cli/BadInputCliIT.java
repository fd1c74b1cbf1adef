package org.nightpain.cds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.BadInputs;

/** Every bad input of the corpus through the built jar: its error, its exit code, nothing else on standard output. */
class BadInputCliIT {
    @TempDir
    static Path folder;

    static List<BadInputs.Case> cases() {
        return BadInputs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInput_givesItsErrorAndExitCode(BadInputs.Case badInput) throws Exception {
        Path file = folder.resolve(badInput.file());
        Files.write(file, badInput.bytes());

        CliProcess.Run run = badInput.isBatch()
                ? CliProcess.run(CliProcess.NO_INPUT, "assess", "--ndjson", file.toString())
                : CliProcess.run(CliProcess.NO_INPUT, "assess", file.toString());

        assertThat(run.exitCode()).as("%s", run).isEqualTo(badInput.exitCode());
        badInput.assertOutput(run.stdout());
    }
}
