package org.nightpain.cds.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The library's rule base, loaded from the executable model its build precompiled, as the library's
 * engine loads it: the benchmarks open sessions on it in ways the engine does not, to compare them.
 */
final class PrecompiledRules {
    /** Written by the library's build (kie-maven-plugin): names the generated model class. */
    private static final String MODEL_INDEX = "META-INF/kie/org.nightpain/nightpain-cds/drools-model";

    private PrecompiledRules() {
    }

    static KieBase kieBase() {
        try (InputStream in = PrecompiledRules.class.getClassLoader().getResourceAsStream(MODEL_INDEX)) {
            if (in == null) {
                throw new IllegalStateException(MODEL_INDEX + " is not on the class path");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\\R");
            Model model = (Model) Class.forName(lines[lines.length - 1].strip(), true,
                    PrecompiledRules.class.getClassLoader()).getDeclaredConstructor().newInstance();
            return KieBaseBuilder.createKieBaseFromModel(model);
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the precompiled rule model", e);
        }
    }

    /** Every rule of the rule base. */
    static List<Rule> rules(KieBase kieBase) {
        List<Rule> rules = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            rules.addAll(kiePackage.getRules());
        }
        return rules;
    }
}
