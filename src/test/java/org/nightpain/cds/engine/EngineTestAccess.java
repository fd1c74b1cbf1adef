package org.nightpain.cds.engine;

import java.time.Instant;
import org.kie.api.KieBase;
import org.kie.api.runtime.rule.AgendaFilter;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.PatientFacts;

/** Lets tests in other packages reach what the engine keeps package-private. Test code only. */
public final class EngineTestAccess {
    /** Where the build writes the name of the generated rule model. */
    public static final String MODEL_INDEX = RuleEngine.MODEL_INDEX;

    private EngineTestAccess() {
    }

    /** The precompiled rule base, loaded as the engine loads it. */
    public static KieBase kieBase() {
        return RuleEngine.loadKieBase();
    }

    /** Assesses with only the rules the filter accepts (null: all). */
    public static Assessment assess(RuleEngine engine, PatientFacts facts, Instant asOf, AgendaFilter filter) {
        return engine.assess(facts, asOf, filter);
    }
}
