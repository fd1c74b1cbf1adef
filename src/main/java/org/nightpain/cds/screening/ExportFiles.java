package org.nightpain.cds.screening;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The NDJSON files of an export on this machine: the files a manifest names (given, or a folder's
 * {@code manifest.json}), or else every {@code *.ndjson} file of the folder, in name order. A manifest's {@code url} may be a {@code file:} URL or a path, taken
 * relative to the manifest's folder; anything else (an {@code https:} URL of the server) must be
 * downloaded first.
 *
 * @param files           the files to read, in order
 * @param folder          the folder that file names are given relative to
 * @param transactionTime the manifest's transaction time; null without a manifest
 */
record ExportFiles(List<Path> files, Path folder, Instant transactionTime) {

    /** The name of the manifest that a folder of an export may hold beside its files. */
    static final String MANIFEST = "manifest.json";

    static ExportFiles locate(Path export) throws BulkExportException {
        if (Files.isDirectory(export) && Files.isRegularFile(export.resolve(MANIFEST))) {
            return locate(export.resolve(MANIFEST));
        }
        if (Files.isDirectory(export)) {
            try (Stream<Path> files = Files.list(export)) {
                return new ExportFiles(files.filter(f -> f.getFileName().toString().endsWith(".ndjson")
                        && Files.isRegularFile(f)).sorted().toList(), export, null);
            } catch (IOException e) {
                throw new BulkExportException("cannot list " + export + ": " + e.getMessage());
            }
        }
        if (!Files.isRegularFile(export)) {
            throw new BulkExportException(export + ": no such folder or manifest");
        }
        byte[] manifest;
        try {
            manifest = Files.readAllBytes(export);
        } catch (IOException e) {
            throw new BulkExportException("cannot read " + export + ": " + e.getMessage());
        }
        Path folder = export.toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>();
        BulkManifest parsed = BulkManifest.parse(manifest, export.toString());
        for (BulkManifest.Output output : parsed.outputs()) {
            Path file = resolve(folder, output.url(), export);
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new BulkExportException(export + " names " + output.url() + " (" + output.type()
                        + "), but there is no such readable file: " + file);
            }
            files.add(file);
        }
        return new ExportFiles(files, folder, parsed.transactionTime());
    }

    /** A file's name in messages: relative to the export's folder when it is inside it. */
    String name(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = folder.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }

    private static Path resolve(Path folder, String url, Path manifest) throws BulkExportException {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null) {
                return folder.resolve(uri.getPath());
            }
            if (uri.getScheme().equals("file")) {
                return Path.of(uri);
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return folder.resolve(url);
        }
        throw new BulkExportException(manifest + " names " + url + ", which is not a file on this machine:"
                + " download the export's files first, or screen it with Spark");
    }
}
