package dev.migrate.engine.lint;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every corpus case yields exactly the findings its {@code -- Expect:} header lists; the safe rewrites none. */
class LintCorpusTest {
    private static LintCorpus corpus;

    @BeforeAll
    static void open() throws Exception {
        corpus = LintCorpus.open();
    }

    @AfterAll
    static void close() {
        corpus.close();
    }

    @Test
    void corpusHasARiskyAndASafeCaseForEveryRule() {
        List<LintCorpus.Case> cases = LintCorpus.cases();
        assertTrue(cases.size() >= 60, "at least 60 cases, found " + cases.size());
        assertTrue(cases.stream().filter(c -> c.expected().isEmpty()).count() >= 25, "safe rewrites");
    }

    @TestFactory
    Stream<DynamicTest> eachCaseFindsExactlyWhatItExpects() {
        return LintCorpus.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            LintResult result = corpus.lint(c);
            assertEquals(c.expected(), LintCorpus.found(result), () -> String.join("\n", result.lines()) + "\n"
                    + String.join("\n", result.findings().stream().map(Finding::text).toList()));
        }));
    }
}
