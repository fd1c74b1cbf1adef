package org.nightpain.cds.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.nightpain.cds.KnowledgeBaseInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code version}: the library version and the identity of the knowledge base. */
@Command(name = "version", description = "Show the library version and the knowledge base's id, version and SHA-256.")
final class VersionCommand implements Callable<Integer> {
    private static final String POM_PROPERTIES = "META-INF/maven/org.nightpain/nightpain-cds/pom.properties";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private final Main.Context context;

    VersionCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        KnowledgeBaseInfo kb = context.assessor().knowledgeBase();
        String text = "nightpain-cds " + libraryVersion() + "\n"
                + "knowledge base " + kb.id() + " " + kb.version() + "\n"
                + "sha256 " + kb.sha256() + "\n";
        context.out().write(text.getBytes(StandardCharsets.UTF_8));
        return Main.OK;
    }

    /** The version from the jar's Maven metadata; "unknown" when run from unpackaged classes. */
    static String libraryVersion() throws IOException {
        try (InputStream in = VersionCommand.class.getClassLoader().getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "unknown (not run from a packaged jar)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        }
    }
}
