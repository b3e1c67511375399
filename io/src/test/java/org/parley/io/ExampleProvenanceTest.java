package org.parley.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.model.Branch;
import org.parley.model.Estimates;
import org.parley.model.Issue;
import org.parley.model.Scenario;
import org.parley.model.Sentences;
import org.parley.model.Source;
import org.parley.model.Threshold;

/**
 * The news-based examples are honest about where every number comes from: no value without
 * provenance (positions and their {@code otherwise}, saliences, outside options, capabilities,
 * status quos, talks and branch probabilities), every quote is in its source and every cited
 * sentence holds it, no source is dated after the scenario, and every question has a horizon.
 */
class ExampleProvenanceTest {

    private static Scenarios.Loaded load(String example) {
        return Scenarios.read(Paths.get("../examples", example, "scenario.yaml"), ImportSettings.detect());
    }

    @ParameterizedTest
    @ValueSource(strings = {"01-dprk-us-talks-2024", "04-us-china-trade-talks-2025"})
    void noValueLacksProvenance(String example) {
        Scenario s = load(example).scenario();
        List<String> missing = new ArrayList<>();
        Estimates.each(s, (path, e) -> {
            if (!e.provenance().isPresent()) {
                missing.add(path);
            }
        });
        for (int b = 0; b < s.branches().size(); b++) {
            Branch br = s.branches().get(b);
            if (br.probability() != null && !br.probabilitySource().isPresent()) {
                missing.add("branches[" + b + "].probability");
            }
        }
        assertThat(missing).isEmpty();
        assertThat(s.talks()).as("the scenario's talks probability").isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"01-dprk-us-talks-2024", "04-us-china-trade-talks-2025"})
    void everyQuoteIsInItsSourceAndEveryCitedSentenceHoldsIt(String example) {
        Scenarios.Loaded l = load(example);
        assertThat(l.warnings()).as("warnings").isEmpty();
        Scenario s = l.scenario();
        Map<String, String> texts = l.sources();
        for (Source src : s.sources()) {
            assertThat(texts).as("the text of source %s (%s)", src.id(), src.file()).containsKey(src.id());
        }
        List<String> bad = new ArrayList<>();
        int[] quotes = {0};
        Estimates.each(s, (path, e) -> {
            String src = e.provenance().source();
            if (src == null) {
                return;
            }
            List<String> sentences = Sentences.split(texts.get(src));
            String q = e.provenance().quote();
            int n = e.provenance().sentence();
            if (q != null) {
                quotes[0]++;
                if (Sentences.find(sentences, q) == 0) {
                    bad.add(path + ": quote not in " + src + ": " + q);
                }
                if (n > 0 && (n > sentences.size()
                        || !Sentences.normalise(sentences.get(n - 1)).contains(Sentences.normalise(q)))) {
                    bad.add(path + ": sentence " + n + " of " + src + " does not hold the quote: " + q);
                }
            } else if (n == 0) {
                bad.add(path + ": cites " + src + " without a quote or a sentence");
            }
        });
        assertThat(bad).isEmpty();
        assertThat(quotes[0]).as("quotes checked").isGreaterThan(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01-dprk-us-talks-2024", "04-us-china-trade-talks-2025"})
    void nothingIsDatedAfterTheScenarioAndEveryQuestionHasAHorizon(String example) {
        Scenario s = load(example).scenario();
        assertThat(s.date()).isNotNull();
        for (Source src : s.sources()) {
            assertThat(src.date()).as("date of source %s", src.id()).isNotNull();
            assertThat(src.date()).as("source %s", src.id()).isBeforeOrEqualTo(s.date());
        }
        for (Issue i : s.issues()) {
            assertThat(i.thresholds()).as("questions on %s", i.id()).isNotEmpty();
            for (Threshold t : i.thresholds()) {
                assertThat(t.by()).as("horizon of %s/%s", i.id(), t.id()).isNotNull().isAfter(s.date());
            }
        }
    }

    /**
     * A judgement uses no hindsight either: every month it names ("23 July 2024", "December 2023") is
     * no later than the scenario's; and what it attributes to a dated report is in that report (the
     * seed once credited Trump, citing Yonhap of 23 July 2024, with the offer of talks "without
     * preconditions" that the State Department made in July 2023).
     */
    @ParameterizedTest
    @ValueSource(strings = {"01-dprk-us-talks-2024", "04-us-china-trade-talks-2025"})
    void judgementsNameNoLaterDateAndCiteWhatTheSourceSays(String example) {
        Scenario s = load(example).scenario();
        java.util.regex.Pattern month = java.util.regex.Pattern.compile(
                "\\b(January|February|March|April|May|June|July|August|September|Sept|October|November|December)"
                        + " (\\d{4})\\b");
        List<String> judgements = new ArrayList<>();
        Estimates.each(s, (path, e) -> {
            if (e.provenance().judgement() != null) {
                judgements.add(path + ": " + e.provenance().judgement());
            }
        });
        for (Branch b : s.branches()) {
            if (b.probabilitySource() != null && b.probabilitySource().judgement() != null) {
                judgements.add("branches." + b.id() + ".probability: " + b.probabilitySource().judgement());
            }
        }
        assertThat(judgements).hasSizeGreaterThan(5);
        List<String> bad = new ArrayList<>();
        for (String j : judgements) {
            java.util.regex.Matcher m = month.matcher(j);
            while (m.find()) {
                String name = m.group(1).equals("Sept") ? "September" : m.group(1);
                java.time.YearMonth named = java.time.YearMonth.of(Integer.parseInt(m.group(2)),
                        java.time.Month.valueOf(name.toUpperCase(java.util.Locale.ROOT)));
                if (named.isAfter(java.time.YearMonth.from(s.date()))) {
                    bad.add(j + " (names " + m.group() + ")");
                }
            }
            if (j.contains("without preconditions") && !j.contains("18 July 2023")) {
                bad.add(j + " (the offer without preconditions is the State Department's, Yonhap, 18 July 2023)");
            }
        }
        assertThat(bad).isEmpty();
    }

    /** Every source file named by an example exists beside it. */
    @ParameterizedTest
    @ValueSource(strings = {"01-dprk-us-talks-2024", "04-us-china-trade-talks-2025"})
    void sourceFilesExist(String example) {
        Scenario s = load(example).scenario();
        for (Source src : s.sources()) {
            assertThat(Paths.get("../examples", example).resolve(src.file())).as(src.id()).exists();
        }
        assertThat(Path.of("../examples", example, "PROVENANCE.md")).exists();
    }
}
