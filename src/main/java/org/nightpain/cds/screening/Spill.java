package org.nightpain.cds.screening;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Groups records by patient with bounded memory: records are written to one of {@code buckets} files
 * chosen by a hash of the patient's key, so that each patient's records, from whatever file they came,
 * end up in one bucket, and a bucket is small enough to be grouped in memory. Each reading thread writes
 * its own set of bucket files, so that no writer is shared.
 */
final class Spill implements Closeable {
    private final Path folder;
    private final int buckets;
    private final List<Writer> writers = new ArrayList<>();

    Spill(Path folder, int buckets) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.buckets = buckets;
    }

    int buckets() {
        return buckets;
    }

    /** A writer for one reading thread. */
    synchronized Writer writer() {
        Writer writer = new Writer(writers.size());
        writers.add(writer);
        return writer;
    }

    int bucket(String patient) {
        return Math.floorMod(patient.hashCode() * 0x9E3779B9, buckets);
    }

    /**
     * One thread's bucket files. Records are gathered per bucket in a small buffer that is appended to
     * the bucket's file when full, so that no file stays open: an export may need more buckets than a
     * process may hold files open.
     */
    final class Writer implements Closeable {
        private static final int FLUSH_BYTES = 16 << 10;

        private final int number;
        private final ByteArrayOutputStream[] buffers = new ByteArrayOutputStream[buckets];
        private final DataOutputStream[] outs = new DataOutputStream[buckets];

        private Writer(int number) {
            this.number = number;
        }

        void write(String patient, String resourceType, String id, int file, long line, byte[] json, int offset,
                   int length) throws IOException {
            int bucket = bucket(patient);
            DataOutputStream out = outs[bucket];
            if (out == null) {
                buffers[bucket] = new ByteArrayOutputStream(FLUSH_BYTES + 1024);
                out = new DataOutputStream(buffers[bucket]);
                outs[bucket] = out;
            }
            writeString(out, patient);
            out.writeByte(RecordClassifier.SCREENED_TYPES.indexOf(resourceType));
            writeString(out, id);
            out.writeInt(file);
            out.writeLong(line);
            out.writeInt(length);
            out.write(json, offset, length);
            if (buffers[bucket].size() >= FLUSH_BYTES) {
                flush(bucket);
            }
        }

        private void flush(int bucket) throws IOException {
            try (OutputStream file = Files.newOutputStream(path(number, bucket), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                buffers[bucket].writeTo(file);
            }
            buffers[bucket].reset();
        }

        @Override
        public void close() throws IOException {
            for (int bucket = 0; bucket < buckets; bucket++) {
                if (buffers[bucket] != null && buffers[bucket].size() > 0) {
                    flush(bucket);
                }
            }
        }
    }

    /**
     * One spilled record.
     *
     * @param patient the patient's key
     * @param type    the index of its type in {@link RecordClassifier#SCREENED_TYPES}
     * @param file    the index of its file
     */
    record Spilled(String patient, int type, String id, int file, long line, byte[] json) {
    }

    /** Every record of one bucket, from every thread's file. */
    List<Spilled> read(int bucket) throws IOException {
        List<Spilled> records = new ArrayList<>();
        for (Writer writer : writers) {
            Path path = path(writer.number, bucket);
            if (!Files.exists(path)) {
                continue;
            }
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16))) {
                while (true) {
                    String patient;
                    try {
                        patient = readString(in);
                    } catch (EOFException end) {
                        break;
                    }
                    int type = in.readByte();
                    String id = readString(in);
                    int file = in.readInt();
                    long line = in.readLong();
                    byte[] json = new byte[in.readInt()];
                    in.readFully(json);
                    records.add(new Spilled(patient, type, id, file, line, json));
                }
            }
            Files.delete(path);
        }
        return records;
    }

    private Path path(int writer, int bucket) {
        return folder.resolve("t" + writer + "-b" + bucket + ".bin");
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Deletes whatever is left of the spill, and its folder. */
    @Override
    public void close() throws IOException {
        for (Writer writer : writers) {
            writer.close();
        }
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
