package org.nightpain.cds.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Start-up of the CDS Hooks service as a whole process: starts {@code java [options] -jar CLI_JAR serve
 * --port N} and times, from just before the process is started, until the service first answers
 * {@code GET /cds-services} with 200 (polling every 5 ms with a plain socket, so that the poller itself
 * costs next to nothing), until it first answers a {@code patient-view} call with cards, and how long it
 * takes to exit after SIGTERM. Prints one line of {@code key=value} pairs; the timing script runs it
 * several times.
 *
 * <pre>java -cp benchmarks.jar org.nightpain.cds.bench.ServeStartTime target/nightpain-cds-cli.jar [JVM options...]</pre>
 */
public final class ServeStartTime {
    private static final long POLL_MS = 5;
    private static final long GIVE_UP_MS = 120_000;
    /** A call whose answers say urinary retention: its first card is an emergency. */
    private static final String CALL = "{\"hook\": \"patient-view\", \"hookInstance\": \"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\","
            + " \"context\": {\"userId\": \"Practitioner/1\", \"patientId\": \"1\"}, \"prefetch\": {"
            + " \"patient\": {\"resourceType\": \"Patient\", \"id\": \"1\", \"birthDate\": \"1980-01-01\"},"
            + " \"questionnaireResponse\": {\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\","
            + " \"subject\": {\"reference\": \"Patient/1\"},"
            + " \"item\": [{\"linkId\": \"urinaryRetention\", \"answer\": [{\"valueBoolean\": true}]}]}}}";

    private ServeStartTime() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ServeStartTime CLI_JAR [JVM options...]");
            System.exit(2);
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + "/bin/java");
        for (int i = 1; i < args.length; i++) {
            command.add(args[i]);
        }
        command.addAll(List.of("-jar", args[0], "serve", "--port", String.valueOf(port)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process process = builder.start();
        AtomicLong listening = new AtomicLong(-1);
        Thread stderr = new Thread(() -> watch(process.getErrorStream(), start, listening), "serve-stderr");
        stderr.setDaemon(true);
        stderr.start();
        try {
            long discovery = until(start, process, () -> status(port, "GET", "/cds-services", null) == 200);
            long call = until(start, process, () -> status(port, "POST", "/cds-services/nightpain-triage", CALL) == 200);
            long stopAsked = System.nanoTime();
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the service did not stop within 30 s of SIGTERM");
            }
            long stopped = System.nanoTime();
            System.out.printf("discovery_ms=%.0f first_call_ms=%.0f listening_line_ms=%.0f stop_ms=%.0f exit_status=%d%n",
                    discovery / 1e6, call / 1e6, listening.get() < 0 ? -1 : listening.get() / 1e6,
                    (stopped - stopAsked) / 1e6, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }

    private interface Check {
        boolean ok() throws IOException;
    }

    /** Nanoseconds from start until the check passes; connection refused means "not yet". */
    private static long until(long start, Process process, Check check) throws Exception {
        while (true) {
            try {
                if (check.ok()) {
                    return System.nanoTime() - start;
                }
            } catch (ConnectException e) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with status " + process.exitValue());
            }
            if (System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(GIVE_UP_MS)) {
                throw new IllegalStateException("the service did not answer within " + GIVE_UP_MS + " ms");
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** The status of one HTTP/1.1 request on a fresh connection. */
    private static int status(int port, String method, String path, String body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(60_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n")
                    + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            int status = statusLine == null ? -1 : Integer.parseInt(statusLine.split(" ")[1]);
            // Read the whole answer, so that a 200 means the service wrote it.
            while (in.readLine() != null) {
                // skip
            }
            return status;
        }
    }

    private static void watch(InputStream stderr, long start, AtomicLong listening) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.contains("listening on")) {
                    listening.compareAndSet(-1, System.nanoTime() - start);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
