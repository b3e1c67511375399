package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.backtest.BacktestSet;
import org.parley.backtest.CapabilityRule;
import org.parley.backtest.ProtocolBacktest;
import org.parley.engine.Peers;
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.io.Scenarios;
import org.parley.io.backtest.Backtests;
import org.parley.io.backtest.ProtocolWriter;
import org.parley.model.Scenario;
import org.parley.models.Models;
import org.parley.montecarlo.MonteCarlo;
import org.parley.montecarlo.Sensitivity;
import org.parley.sweep.LocalSweepEngine;

/**
 * The sweep-engine paths of backtest and sensitivity (what {@code --engine spark} runs) give the
 * numbers of the usual local path, here on the local sweep engine (the Spark ITs run them on Spark).
 */
class EngineRunnersTest {

    @Test
    void aBacktestOnASweepEngineScoresExactlyAsTheLocalOne() {
        BacktestSet deu = Backtests.read(Peers.require("peers/bdm/inputs/blksv_deu3.tsv"));
        // the first 20 cases (the Spark IT runs them all): stances listed by issue, as the table has them
        BacktestSet set = new BacktestSet(deu.name(), deu.cases().subList(0, 20), deu.proposer(),
                deu.writtenCapability(), deu.notes());
        CapabilityRule rule = CapabilityRule.forSet(null, set);
        Simulation sim = Models.simulation();
        RunSpec spec = RunSpec.defaults().withModels(List.of("compromise", "median")).withThreads(2);
        ProtocolBacktest.Settings settings = new ProtocolBacktest.Settings(ProtocolBacktest.Protocol.LOPO, 10, 20, 1000,
                0.9, RunSpec.DEFAULT_SEED);
        StringWriter local = new StringWriter();
        ProtocolWriter.csv(new ProtocolBacktest(sim).run(set, rule, spec, settings), new PrintWriter(local, true));
        StringWriter engine = new StringWriter();
        StringWriter err = new StringWriter();
        ProtocolWriter.csv(new ProtocolBacktest(sim, new EngineCases(new LocalSweepEngine(2), new PrintWriter(err)))
                .run(set, rule, spec, settings), new PrintWriter(engine, true));
        assertThat(engine.toString()).isEqualTo(local.toString()).contains("compromise,false,ok,lopo,");
        assertThat(err.toString()).contains("backtest on local: ").contains(" cases done");
    }

    @Test
    void firstOrderIndicesFromASweepEqualThoseOfTheMonteCarlo() {
        Scenario seed = Scenarios.seed().scenario();
        RunSpec spec = RunSpec.defaults().withModels(List.of("compromise", "median")).withWorlds(List.of("base"))
                .withRuns(150).withThreads(2);
        Simulation sim = Models.simulation();
        Simulation.Plan plan = sim.plan(seed, spec);
        List<Sensitivity.FirstOrder> mc = Sensitivity.firstOrder(new MonteCarlo(sim).run(seed, spec, true), "base");
        EngineFlags local = new EngineFlags();
        List<Sensitivity.FirstOrder> swept = EngineSensitivity.firstOrder(plan, seed, Scenarios.SEED, "base", local, 2,
                new PrintWriter(new StringWriter()));
        assertThat(swept).hasSameSizeAs(mc).isNotEmpty();
        assertThat(swept).isEqualTo(mc);
        assertThat(mc).anyMatch(f -> f.index() > 0.05);
    }

    @Test
    void engineFlagsAreCheckedBeforeAnythingRuns() {
        CliRun r = CliRun.of("sensitivity", "--engine", "hadoop");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown engine 'hadoop'");
        CliRun m = CliRun.of("backtest", Peers.require("peers/bdm/inputs/blksv_deu3.tsv").toString(), "--master",
                "local[2]");
        assertThat(m.exit()).isEqualTo(2);
        assertThat(m.err()).contains("--master needs --engine spark");
        CliRun b = CliRun.of("backtest", Peers.require("peers/bdm/inputs/blksv_deu3.tsv").toString(), "--engine", "spark");
        assertThat(b.exit()).isEqualTo(2);
        assertThat(b.err()).contains("not on the classpath");
    }
}
