package org.nightpain.cds.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the built command-line jar as a real process, as a user would. */
final class CliProcess {
    /** What one run gave: its exit code, standard output as bytes and standard error as text. */
    record Run(int exitCode, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out() + "\n--- stderr\n" + stderr;
        }
    }

    static final Path JAR = Path.of(required("cli.jar"));
    static final Path EXAMPLES = Path.of(required("examples.dir"));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private CliProcess() {
    }

    /** {@code java -jar nightpain-cds-cli.jar args...} with this standard input. */
    static Run run(byte[] stdin, String... args) {
        return run(List.of(), stdin, args);
    }

    /** {@code java jvmOptions... -jar nightpain-cds-cli.jar args...} with this standard input. */
    static Run run(List<String> jvmOptions, byte[] stdin, String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return start(command, stdin);
    }

    /** {@code java -cp classpath org.nightpain.cds.cli.Main args...}. */
    static Run runWithClassPath(String classPath, byte[] stdin, String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-cp", classPath, Main.class.getName()));
        command.addAll(List.of(args));
        return start(command, stdin);
    }

    static Path example(String name) {
        Path file = EXAMPLES.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing example " + file);
        }
        return file;
    }

    private static Run start(List<String> command, byte[] stdin) {
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<byte[]> stdout = drain(process.getInputStream());
            CompletableFuture<byte[]> stderr = drain(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // the process may exit before reading its input (a usage error): not a failure here
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the command line did not finish in 120 s: " + command);
            }
            return new Run(process.exitValue(), stdout.join(), new String(stderr.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream in = stream) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> {
            Thread thread = new Thread(task, "cli-output");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run the integration tests"
                    + " with Maven (mvn verify), which builds the jar first");
        }
        return value;
    }

    static final byte[] NO_INPUT = new byte[0];
}
