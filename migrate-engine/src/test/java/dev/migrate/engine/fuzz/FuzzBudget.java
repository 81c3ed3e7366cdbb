package dev.migrate.engine.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The number of tries of every fuzz property: the fixed CI budget given on the property, or
 * {@code -Dmigrate.fuzz.tries=N} for a longer run by hand ({@code -Dmigrate.fuzz.seed=S} to change
 * the seed, which is otherwise fixed so that CI runs the same inputs every time).
 */
public final class FuzzBudget implements AroundPropertyHook {
    static final String TRIES = "migrate.fuzz.tries";
    static final String SEED = "migrate.fuzz.seed";

    /** Added on a test class, it applies to every property in it. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String tries = System.getProperty(TRIES);
        boolean example = context.attributes().tries().orElse(0) <= 1;
        if (tries != null && !tries.isBlank() && !example) {
            context.attributes().setTries(Integer.parseInt(tries.strip()));
        }
        String seed = System.getProperty(SEED);
        if (seed != null && !seed.isBlank()) {
            context.attributes().setSeed(seed.strip());
        }
        return property.execute();
    }
}
