package org.nightpain.cds.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.knowledge.KnowledgeBase;
import org.nightpain.cds.knowledge.TestKnowledge;

/**
 * The SHA-256 that every assessment reports is the hash of the knowledge files as they are in the source
 * tree, computed here without the library's code, by the rule documented in docs/architecture.md: one
 * SHA-256 over, for each file that {@code knowledge-base.properties} lists and in that order, the file's
 * name and a line feed (UTF-8), then the file's bytes. And the hash moves when any one byte of any of
 * those files does, so a locally changed rule or register can never pass for the released one.
 */
class KnowledgeBaseHashTest {
    /** The knowledge files in the source tree (the build copies them unchanged). */
    private static final Path RULES = Path.of("src/main/resources/org/nightpain/cds/rules");
    private static final String MANIFEST = "knowledge-base.properties";

    @Test
    void reportedHash_isTheSha256OfTheListedFiles_computedIndependently() throws Exception {
        List<String> files = listedFiles(RULES);
        String expected = sha256(RULES, files);

        Assessment assessment = Fixtures.assess(Fixtures.baseline());
        assertThat(assessment.knowledgeBase().sha256()).isEqualTo(expected);
        assertThat(Fixtures.ASSESSOR.knowledgeBase().sha256()).isEqualTo(expected);
        assertThat(NightPainAssessor.create().assess(Fixtures.baseline().build()).knowledgeBase().sha256())
                .isEqualTo(expected);
    }

    @Test
    void manifest_listsEveryKnowledgeFileOnce_andTheRuleFilesAndRegisters() throws IOException {
        List<String> files = listedFiles(RULES);
        Set<String> onDisk = new HashSet<>();
        try (var list = Files.list(RULES)) {
            list.map(p -> p.getFileName().toString()).filter(name -> !name.equals(MANIFEST)).forEach(onDisk::add);
        }

        assertThat(files).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(onDisk);
        assertThat(files).contains("facts.tsv", "thresholds.tsv", "sources.tsv")
                .anyMatch(name -> name.endsWith(".drl"));
    }

    /**
     * Changes one byte (its first, one in the middle, its last) of each knowledge file in a copy of the
     * rules folder, and lets the library's own code hash the copy: every change gives a hash of its own,
     * none of them the released one. The unchanged copy gives the released hash, which shows that the
     * copy, not the original, was read.
     */
    @Test
    void changingAnyOneByteOfAnyKnowledgeFile_changesTheHash(@TempDir Path copy) throws Exception {
        List<String> files = listedFiles(RULES);
        Path folder = copy.resolve(TestKnowledge.FOLDER);
        Files.createDirectories(folder);
        Files.copy(RULES.resolve(MANIFEST), folder.resolve(MANIFEST));
        for (String file : files) {
            Files.copy(RULES.resolve(file), folder.resolve(file));
        }
        String released = Fixtures.ASSESSOR.knowledgeBase().sha256();
        assertThat(hashByTheLibrary(copy)).as("the unchanged copy").isEqualTo(released);

        Set<String> hashes = new HashSet<>();
        hashes.add(released);
        List<String> changes = new ArrayList<>();
        for (String file : files) {
            byte[] original = Files.readAllBytes(folder.resolve(file));
            for (int position : new int[] {0, original.length / 2, original.length - 1}) {
                byte[] changed = original.clone();
                changed[position] ^= 0x01;
                Files.write(folder.resolve(file), changed);
                String hash = hashByTheLibrary(copy);
                assertThat(hash).as("%s with byte %d changed, hashed independently", file, position)
                        .isEqualTo(sha256(folder, files));
                assertThat(hashes.add(hash)).as("%s with byte %d changed gives a new hash", file, position).isTrue();
                changes.add(file + "@" + position);
            }
            Files.write(folder.resolve(file), original);
        }
        assertThat(changes).hasSize(3 * files.size());
        assertThat(hashByTheLibrary(copy)).as("the copy restored").isEqualTo(released);
    }

    /** The files that {@code knowledge-base.properties} in this folder lists, in its order. */
    private static List<String> listedFiles(Path folder) throws IOException {
        Properties manifest = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            manifest.load(in);
        }
        String files = manifest.getProperty("files");
        assertThat(files).as("the manifest's files").isNotBlank();
        return List.of(files.strip().split("\\s+"));
    }

    /** The documented rule: for each file in order, its name, a line feed, then its bytes; one SHA-256 over all. */
    private static String sha256(Path folder, List<String> files) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String file : files) {
            digest.update((file + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(folder.resolve(file)));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The hash the library's own code computes when the knowledge files are the ones under {@code root}:
     * {@code KnowledgeBase} is loaded afresh by a class loader that looks in {@code root} first and then
     * in the library's classes, and nowhere else.
     */
    private static String hashByTheLibrary(Path root) throws Exception {
        URL classes = libraryClasses();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL(), classes},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> knowledgeBase = loader.loadClass(KnowledgeBase.class.getName());
            assertThat(knowledgeBase).isNotSameAs(KnowledgeBase.class);
            Object info = knowledgeBase.getMethod("info").invoke(null);
            Method sha256 = info.getClass().getMethod("sha256");
            return (String) sha256.invoke(info);
        }
    }

    private static URL libraryClasses() throws URISyntaxException, IOException {
        URL location = KnowledgeBase.class.getProtectionDomain().getCodeSource().getLocation();
        assertThat(Path.of(location.toURI())).as("the library's classes").exists();
        return location;
    }
}
