/**
 * The round-trip test of a revision graph ({@code verify}): on a scratch database every revision,
 * in upgrade order from base across branches and merges, is upgraded, downgraded and upgraded again,
 * and the schema after each downgrade is compared, catalog against catalog, with the schema before
 * its upgrade. Seed data may be loaded after one revision so that later ones meet rows.
 *
 * <p>{@link dev.migrate.engine.verify.Verifier} does the walk and returns a
 * {@link dev.migrate.engine.verify.VerifyReport}; it never prints.
 */
package dev.migrate.engine.verify;
