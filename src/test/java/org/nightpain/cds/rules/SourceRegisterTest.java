package org.nightpain.cds.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.GeneratedDocs;
import org.nightpain.cds.Source;
import org.nightpain.cds.internal.KnowledgeFiles;
import org.nightpain.cds.internal.RuleDescriptor;
import org.nightpain.cds.internal.RuleEngine;
import org.nightpain.cds.internal.Thresholds;

/**
 * The source register (clinical-knowledge §1) and the threshold register (§3.10): complete, cited, and
 * shown in {@code docs/sources.md} exactly as the rules use them.
 */
class SourceRegisterTest {

    private static final List<RuleDescriptor> RULES = RuleEngine.load().rules();
    private static final Map<String, Source> SOURCES = KnowledgeFiles.sources();

    @Test
    void register_holdsEverySourceOfTheSpecification() {
        assertThat(SOURCES).hasSize(48);
        assertThat(SOURCES.values()).allSatisfy(s -> {
            assertThat(s.citation()).as(s.id()).isNotBlank();
            assertThat(s.url()).as(s.id()).matches("|https://\\S+");
        });
    }

    @Test
    void everyThreshold_citesRegisteredSources() {
        for (Thresholds.Entry entry : Thresholds.entries()) {
            assertThat(entry.sources()).as(entry.name()).isNotEmpty();
            assertThat(SOURCES.keySet()).as(entry.name()).containsAll(entry.sources());
            assertThat(entry.evidence()).as(entry.name()).isIn("G", "A", "C", "DP", "LE");
        }
    }

    @Test
    void docsSourcesMd_showsBothRegisters() throws IOException {
        GeneratedDocs.check(Path.of("docs/sources.md"), "sources", sourceTable(), "SourceRegisterTest");
        GeneratedDocs.check(Path.of("docs/sources.md"), "thresholds", thresholdTable(), "SourceRegisterTest");
    }

    private static String sourceTable() {
        Map<String, Set<String>> citedBy = new LinkedHashMap<>();
        for (RuleDescriptor rule : RULES) {
            for (Source source : rule.sources()) {
                citedBy.computeIfAbsent(source.id(), id -> new TreeSet<>()).add(rule.id());
            }
        }
        StringBuilder out = new StringBuilder("\n| Id | Citation | Where to read it | Cited by |\n|---|---|---|---|\n");
        for (Source source : SOURCES.values()) {
            out.append("| ").append(source.id()).append(" | ").append(source.citation().replace("|", "\\|"))
                    .append(" | ").append(source.url().isEmpty() ? "not given" : "<" + source.url() + ">")
                    .append(" | ").append(String.join(", ", citedBy.getOrDefault(source.id(), Set.of())))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String thresholdTable() {
        StringBuilder out = new StringBuilder("\nRegister version " + Thresholds.VERSION + ".\n\n"
                + "| Name | Value | Unit | How the rules use it | Sources | Evidence |\n|---|---|---|---|---|---|\n");
        for (Thresholds.Entry entry : Thresholds.entries()) {
            out.append("| `").append(entry.name()).append("` | ").append(entry.value()).append(" | ")
                    .append(entry.unit()).append(" | ").append(entry.meaning()).append(" | ")
                    .append(entry.sources().stream().collect(Collectors.joining(", "))).append(" | ")
                    .append(entry.evidence()).append(" |\n");
        }
        return out.toString();
    }
}
