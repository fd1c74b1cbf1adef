package org.nightpain.cds.spark;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.nightpain.cds.screening.BulkExportException;
import org.nightpain.cds.screening.BulkManifest;

/**
 * The NDJSON files of an export on any file system Spark reads (local, HDFS, S3): the files a manifest
 * names (given, or a folder's {@code manifest.json}), relative to the manifest's folder unless absolute,
 * or else every {@code *.ndjson} file of the folder, in name order. The same rules as the command line's {@code screen}, through Hadoop's file systems.
 *
 * @param files           the files, as Hadoop paths
 * @param transactionTime the manifest's transaction time; null without a manifest
 */
record ExportPaths(List<String> files, java.time.Instant transactionTime) {

    static ExportPaths locate(String export, Configuration conf) throws IOException {
        Path path = new Path(export);
        FileSystem fs = path.getFileSystem(conf);
        if (!fs.exists(path)) {
            throw new BulkExportException(export + ": no such folder or manifest");
        }
        if (fs.getFileStatus(path).isDirectory() && fs.isFile(new Path(path, "manifest.json"))) {
            return locate(new Path(path, "manifest.json").toString(), conf);
        }
        if (fs.getFileStatus(path).isDirectory()) {
            FileStatus[] statuses = fs.listStatus(path, p -> p.getName().endsWith(".ndjson"));
            List<String> files = new ArrayList<>();
            Arrays.stream(statuses).filter(FileStatus::isFile).map(s -> s.getPath().toString()).sorted().forEach(files::add);
            return new ExportPaths(files, null);
        }
        byte[] bytes;
        try (InputStream in = fs.open(path)) {
            bytes = in.readAllBytes();
        }
        BulkManifest manifest = BulkManifest.parse(bytes, export);
        List<String> files = new ArrayList<>();
        for (BulkManifest.Output output : manifest.outputs()) {
            Path file = new Path(path.getParent(), output.url());
            FileSystem fileSystem = file.getFileSystem(conf);
            if (!fileSystem.exists(file) || !fileSystem.getFileStatus(file).isFile()) {
                throw new BulkExportException(export + " names " + output.url() + " (" + output.type()
                        + "), but there is no such file: " + file);
            }
            files.add(file.toString());
        }
        return new ExportPaths(files, manifest.transactionTime());
    }
}
