package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which models the default forecast's knife-edge search covers, and how to ask for the others. */
class KnifeEdgeOptionTest {

    @Test
    void theDefaultSearchesTheFastModelsAndNamesTheOthers() {
        CliRun r = CliRun.of("forecast", "--branch", "trump-wins");
        assertThat(r.exit()).as(r.err()).isZero();
        // in trump-wins the conditional trade holds only at usa's stated UN relief: median and nash are knife
        // edges; expected-utility's identical 40.0 is not searched by default, so it carries no mark
        assertThat(r.out()).containsPattern("sanctions\\s+5\\.0\\s+57\\.3\\s+!40\\.0\\s+!40\\.0\\s+40\\.0\\s");
        assertThat(r.out()).contains("! median: knife edge:").doesNotContain("! expected-utility: knife edge:")
                .contains("knife edges not searched for expected-utility, spatial, exchange")
                .contains("--knife-edges all");
    }

    @Test
    void allSearchesEveryModelAndNoneSearchesNothing() {
        CliRun all = CliRun.of("forecast", "--branch", "trump-wins", "--knife-edges", "all");
        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.out()).containsPattern("sanctions\\s+5\\.0\\s+57\\.3\\s+!40\\.0\\s+!40\\.0\\s+!40\\.0\\s")
                .contains("! expected-utility: knife edge:").doesNotContain("not searched for");
        CliRun none = CliRun.of("forecast", "--branch", "trump-wins", "--knife-edges", "none");
        assertThat(none.exit()).as(none.err()).isZero();
        assertThat(none.out()).doesNotContain("knife edge:").doesNotContain("not searched for")
                .isEqualTo(CliRun.of("forecast", "--branch", "trump-wins", "--no-knife-edges").out());
        CliRun bad = CliRun.of("forecast", "--knife-edges", "some");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--knife-edges takes fast, all or none");
    }
}
