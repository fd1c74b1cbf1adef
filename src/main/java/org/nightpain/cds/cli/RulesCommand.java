package org.nightpain.cds.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.json.AssessmentJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rules}: the rule catalogue, as a table or as JSON. */
@Command(name = "rules", description = "List every rule that can raise a finding: id, code, urgency, referrals, sources.")
final class RulesCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    private AssessCommand.Format format = AssessCommand.Format.TEXT;

    private final Main.Context context;

    RulesCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        NightPainAssessor assessor = context.assessor();
        String catalogue = format == AssessCommand.Format.JSON
                ? AssessmentJson.create(assessor).withPrettyPrinting().rules(assessor) + "\n"
                : TextReport.rules(assessor.knowledgeBase(), assessor.rules());
        context.out().write(catalogue.getBytes(StandardCharsets.UTF_8));
        return Main.OK;
    }
}
