package dev.migrate.engine.verify;

import dev.migrate.engine.schema.DesiredSchema;

import java.util.Objects;
import java.util.Optional;

/**
 * How {@link Verifier} walks the graph.
 *
 * @param allowIrreversible irreversible revisions are verified upgrade only (and said so) instead
 *                          of being reported ({@code migrate.allowIrreversible})
 * @param seed              rows to load once, after {@code seedAfter}
 * @param seedAfter         the revision (id or unique prefix) after which the seed is loaded;
 *                          empty: the first revision in upgrade order ({@code migrate.seedAfter})
 * @param desired           the schema the head must equal, when the project has one
 */
public record VerifyOptions(boolean allowIrreversible, Optional<Seed> seed, Optional<String> seedAfter,
                            Optional<DesiredSchema> desired) {
    public VerifyOptions {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(desired, "desired");
        seedAfter = Objects.requireNonNull(seedAfter, "seedAfter").filter(s -> !s.isBlank()).map(String::trim);
    }

    /** Without a desired schema. */
    public VerifyOptions(boolean allowIrreversible, Optional<Seed> seed, Optional<String> seedAfter) {
        this(allowIrreversible, seed, seedAfter, Optional.empty());
    }

    public static VerifyOptions defaults() {
        return new VerifyOptions(false, Optional.empty(), Optional.empty());
    }

    public VerifyOptions withAllowIrreversible(boolean allow) {
        return new VerifyOptions(allow, seed, seedAfter, desired);
    }

    public VerifyOptions withSeed(Seed value) {
        return new VerifyOptions(allowIrreversible, Optional.of(value), seedAfter, desired);
    }

    public VerifyOptions withSeedAfter(String revision) {
        return new VerifyOptions(allowIrreversible, seed, Optional.ofNullable(revision), desired);
    }

    public VerifyOptions withDesired(DesiredSchema schema) {
        return new VerifyOptions(allowIrreversible, seed, seedAfter, Optional.of(schema));
    }
}
