package org.nightpain.cds.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.nightpain.cds.Evidence;
import org.nightpain.cds.KnowledgeBaseInfo;
import org.nightpain.cds.Source;

/**
 * Reads the knowledge files that sit beside the DRL: the knowledge-base manifest, the source register,
 * the threshold register and the question register.
 */
final class KnowledgeFiles {
    /** Class-path folder of the rule sources and registers. */
    static final String FOLDER = "org/nightpain/cds/rules/";

    private KnowledgeFiles() {
    }

    /** The manifest's id and version with the SHA-256 of every file it lists, read in the listed order. */
    static KnowledgeBaseInfo knowledgeBaseInfo() {
        Properties manifest = manifest();
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
        for (String file : files(manifest)) {
            digest.update((file + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(bytes(file));
        }
        return new KnowledgeBaseInfo(manifest.getProperty("id"), manifest.getProperty("version"),
                HexFormat.of().formatHex(digest.digest()));
    }

    /** Every file of the knowledge base, as the manifest lists them. */
    static List<String> files() {
        return files(manifest());
    }

    /** The source register, by id, in register order. */
    static Map<String, Source> sources() {
        Map<String, Source> sources = new LinkedHashMap<>();
        for (String[] row : table("sources.tsv", 3)) {
            sources.put(row[0], new Source(row[0], row[1], row[2]));
        }
        return sources;
    }

    /**
     * The evidence label of each source in the register (its fourth column), by id, in register order.
     * A decision rule's {@code @evidence} is the strongest of the labels of its {@code @source} ids
     * (clinical-knowledge §8.3.5).
     *
     * @throws IllegalStateException when a source has no label or one that is not an {@link Evidence}
     */
    static Map<String, Evidence> sourceEvidence() {
        Map<String, Evidence> labels = new LinkedHashMap<>();
        for (String[] row : table("sources.tsv", 4)) {
            try {
                labels.put(row[0], Evidence.valueOf(row[3]));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("sources.tsv: source " + row[0] + " has no evidence label"
                        + " (G, A, C, DP or LE) in its fourth column, but '" + row[3] + "'", e);
            }
        }
        return labels;
    }

    /** The rows of a tab-separated register: comment lines (#) and blank lines skipped, short rows padded. */
    static List<String[]> table(String file, int columns) {
        List<String[]> rows = new ArrayList<>();
        for (String line : text(file).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            String[] row = new String[columns];
            for (int i = 0; i < columns; i++) {
                row[i] = i < cells.length ? cells[i].strip() : "";
            }
            rows.add(row);
        }
        return rows;
    }

    /** A knowledge file as UTF-8 text. */
    static String text(String file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    private static Properties manifest() {
        Properties manifest = new Properties();
        try {
            manifest.load(new StringReader(text("knowledge-base.properties")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the knowledge-base manifest", e);
        }
        return manifest;
    }

    private static List<String> files(Properties manifest) {
        return List.of(manifest.getProperty("files").trim().split("\\s+"));
    }

    private static byte[] bytes(String file) {
        String path = FOLDER + file;
        try (InputStream in = KnowledgeFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("knowledge file missing from the class path: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read knowledge file " + path, e);
        }
    }
}
