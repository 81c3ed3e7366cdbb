package dev.migrate.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.engine.graph.InvalidTargetException;
import dev.migrate.engine.graph.Range;
import dev.migrate.engine.graph.Target;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The target parser on random strings: {@link Target#parse}, {@link Range#parse} and
 * {@link Range#parseOffline} return a value or throw one of the graph package's errors, whose
 * message is one short paragraph; and generated valid targets and ranges read back into their
 * parts.
 *
 * <p>CI runs {@value #CI_TRIES} tries per property with a fixed seed; {@code -Dmigrate.fuzz.tries=N}
 * runs more.
 */
@AddLifecycleHook(FuzzBudget.class)
class TargetParserFuzzTest {
    static final int CI_TRIES = 1000;
    private static final String GRAPH = "dev.migrate.engine.graph";

    @Property(tries = CI_TRIES, seed = "20261208", shrinking = ShrinkingMode.BOUNDED)
    void randomTextIsATargetOrATypedError(@ForAll("targetish") String text) {
        check(text, Fuzz.run(text, () -> Target.parse(text), GRAPH));
        check(text, Fuzz.run(text, () -> Range.parse(text), GRAPH));
        check(text, Fuzz.run(text, () -> Range.parseOffline(text), GRAPH));
    }

    @Property(tries = CI_TRIES, seed = "20261209", shrinking = ShrinkingMode.BOUNDED)
    void anyCharactersAreATargetOrATypedError(@ForAll("anyChars") String text) {
        check(text, Fuzz.run(text, () -> Target.parse(text), GRAPH));
        check(text, Fuzz.run(text, () -> Range.parseOffline(text), GRAPH));
    }

    @Property(tries = CI_TRIES, seed = "20261210", shrinking = ShrinkingMode.BOUNDED)
    void validTargetsReadBack(@ForAll("branches") Optional<String> branch, @ForAll("symbols") Optional<String> symbol,
                              @ForAll("steps") OptionalInt steps) {
        if (symbol.isEmpty() && steps.isEmpty()) {
            return;
        }
        String text = branch.map(b -> b + "@").orElse("") + symbol.orElse("")
                + (steps.isPresent() ? (steps.getAsInt() >= 0 ? "+" : "") + steps.getAsInt() : "");
        Fuzz.Outcome<Target> outcome = Fuzz.run(text, () -> Target.parse(text), GRAPH);
        assertTrue(!outcome.refused(), () -> "refused '" + text + "': " + outcome.error().getMessage());
        Target target = outcome.value();
        assertEquals(text, target.text());
        assertEquals(branch, target.branch(), text);
        assertEquals(symbol, target.symbol(), text);
        assertEquals(steps, target.steps(), text);
        assertEquals(target, Target.parse(target.text()), "parsing its own text again");
    }

    @Property(tries = CI_TRIES, seed = "20261211", shrinking = ShrinkingMode.BOUNDED)
    void validRangesReadBack(@ForAll("symbols") Optional<String> from, @ForAll("symbols") Optional<String> to) {
        String text = from.orElse("") + ":" + to.orElse("");
        Fuzz.Outcome<Range> outcome = Fuzz.run(text, () -> Range.parse(text), GRAPH);
        assertTrue(!outcome.refused(), () -> "refused '" + text + "': " + outcome.error().getMessage());
        assertEquals(from, outcome.value().from().flatMap(Target::symbol), text);
        assertEquals(to, outcome.value().to().flatMap(Target::symbol), text);
        assertEquals(text, outcome.value().text());
    }

    /** Only ASCII digits count steps: '+\u0663' (an Arabic-Indic three) is not +3. */
    @Example
    void nonAsciiDigitsAreNoSteps() {
        assertThrows(InvalidTargetException.class, () -> Target.parse("+\u0663"));
        assertThrows(InvalidTargetException.class, () -> Target.parse("head-\uFF12"));
    }

    /** A long or multi-line target is quoted cut and on one line. */
    @Example
    void aLongTargetIsQuotedShort() {
        InvalidTargetException e = assertThrows(InvalidTargetException.class, () -> Target.parse("x@".repeat(3000)));
        assertTrue(e.getMessage().length() < 600, e.getMessage());
        assertTrue(e.getMessage().contains("(6000 characters)"), e.getMessage());
        InvalidTargetException twoLines = assertThrows(InvalidTargetException.class, () -> Target.parse("a\n\nb"));
        assertTrue(!twoLines.getMessage().contains("\n"), twoLines.getMessage());
    }

    private static void check(String text, Fuzz.Outcome<?> outcome) {
        if (!outcome.refused()) {
            return;
        }
        String message = outcome.error().getMessage();
        assertTrue(message.indexOf('\n') < 0 && message.indexOf('\r') < 0, () -> "a message of several lines: " + Fuzz.show(message));
        assertTrue(message.length() <= 1000, () -> "a message of " + message.length() + " characters for " + Fuzz.show(text));
    }

    @Provide
    Arbitrary<String> targetish() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("heads", "head", "base", "current", "@", "+", "-", ":", "::", "1", "99", "2147483648", "-2147483648",
                        "abc", "ABC_1", " ", "\t", "\n", "é", "\u0663", "\uFF12", "\0", "@head", "@base", "label@", "+-", "-+"),
                Arbitraries.strings().withCharRange('a', 'f').withCharRange('0', '9').ofMaxLength(6));
        return piece.list().ofMaxSize(12).map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<String> anyChars() {
        return Arbitraries.strings().all().ofMaxLength(200);
    }

    private Arbitrary<String> id() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9').withChars('_')
                .ofMinLength(1).ofMaxLength(20);
    }

    @Provide
    Arbitrary<Optional<String>> branches() {
        return id().optional(0.5);
    }

    @Provide
    Arbitrary<Optional<String>> symbols() {
        return Arbitraries.oneOf(Arbitraries.of("heads", "head", "base"), id()).optional(0.8);
    }

    @Provide
    Arbitrary<OptionalInt> steps() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-50, 50), Arbitraries.integers())
                .optional(0.4).map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty()));
    }
}
