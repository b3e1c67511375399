package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.parley.engine.ErrorCode;
import org.parley.engine.ForecastResult;
import org.parley.engine.ParleyException;
import org.parley.engine.RunResult;
import org.parley.engine.RunSpec;
import org.parley.io.Scenarios;
import org.parley.model.Scenario;
import org.parley.models.Models;

class RunServiceTest {

    private final Scenario seed = Scenarios.seed().scenario();

    @Test
    void aJobSteppingThroughWorldsAndModelsGivesTheSimulationsResultAndEndsOnce() throws InterruptedException {
        InMemoryRunRepository repo = new InMemoryRunRepository(10);
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        try (RunService service = new RunService(Models.simulation(), repo, InstantSource.system(), 2, 4)) {
            service.addListener(j -> {
                events.add(j.status() + " " + j.done() + "/" + j.total());
                if (j.status().finished()) {
                    ended.countDown();
                }
            });
            RunSpec spec = RunSpec.defaults().withModels(List.of("nash", "compromise")).withOptions(Map.of());
            RunJob job = service.submit(seed.id(), 1, seed, spec, List.of());
            assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(job.status()).isEqualTo(RunJob.Status.DONE);
            assertThat(events.stream().filter(e -> e.startsWith("DONE"))).hasSize(1);
            assertThat(events).contains("RUNNING 10/10"); // 5 worlds x 2 models
            ForecastResult whole = Models.simulation().run(seed, spec.withThreads(1));
            assertThat(job.result().runs()).hasSameSizeAs(whole.runs());
            for (int i = 0; i < whole.runs().size(); i++) {
                RunResult a = job.result().runs().get(i);
                RunResult b = whole.runs().get(i);
                assertThat(a.world() + a.model() + a.seed()).isEqualTo(b.world() + b.model() + b.seed());
                assertThat(a.trajectory().forecast()).containsExactly(b.trajectory().forecast());
            }
            assertThat(repo.get(job.id())).containsSame(job);
        }
    }

    @Test
    void aWrongSpecFailsBeforeAnythingIsQueued() {
        InMemoryRunRepository repo = new InMemoryRunRepository(10);
        try (RunService service = new RunService(Models.simulation(), repo, InstantSource.system(), 1, 1)) {
            assertThatThrownBy(() -> service.submit(seed.id(), 1, seed, RunSpec.defaults().withModels(List.of("nope")), List.of()))
                    .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_ID));
            assertThatThrownBy(() -> service.submit(seed.id(), 1, seed, RunSpec.defaults().withRounds(RunService.MAX_ROUNDS + 1), List.of()))
                    .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_OPTION));
            assertThatThrownBy(() -> service.submit(seed.id(), 1, seed, RunSpec.defaults().withOptions(Map.of("no-such-option", "1")), List.of()))
                    .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_OPTION));
            assertThat(repo.list()).isEmpty();
        }
    }

    @Test
    void theRepositoryDropsTheOldestFinishedRunWhenFull() {
        InMemoryRunRepository repo = new InMemoryRunRepository(2);
        RunJob a = new RunJob("a", "s", 1, RunSpec.defaults(), 1, java.time.Instant.EPOCH);
        RunJob b = new RunJob("b", "s", 1, RunSpec.defaults(), 1, java.time.Instant.EPOCH);
        RunJob c = new RunJob("c", "s", 1, RunSpec.defaults(), 1, java.time.Instant.EPOCH);
        repo.add(a);
        repo.add(b);
        b.cancel(java.time.Instant.EPOCH);
        repo.add(c);
        assertThat(repo.list()).extracting(RunJob::id).containsExactly("c", "a");
    }
}
