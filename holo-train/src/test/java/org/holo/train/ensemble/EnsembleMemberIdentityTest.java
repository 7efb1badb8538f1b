package org.holo.train.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.holo.train.TestSupport;
import org.holo.train.config.ConfigLoader;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.run.RunDirectory;
import org.holo.train.run.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the cpu backend, ensemble member s is bit-identical to a single run with seed s ({@code holo train CONFIG
 * --seed s}): the same metric.csv and metrics.jsonl, and the same result.json apart from timing.
 */
class EnsembleMemberIdentityTest {

    @TempDir
    Path tmp;

    @Test
    void qcdMembersEqualSingleRuns() throws IOException {
        check(TestSupport.qcdConfig(), List.of(3L, 1L, 2L), "training.epochs=3");
    }

    @Test
    void adsRk4MembersEqualSingleRuns() throws IOException {
        check(TestSupport.adsConfig(), List.of(1L, 2L), "training.epochs=2", "model.scheme=rk4",
                "data.positives=1000", "data.negatives=1000");
    }

    /**
     * Restarts and the learning-rate decay keep the identity. dataLossAbove is set between these seeds' epoch-1
     * data losses, so some members restart and run a longer schedule while the others finish (asserted: a mix).
     */
    @Test
    void membersThatRestartStillEqualSingleRuns() throws IOException {
        EnsembleRun.Outcome out = check(TestSupport.qcdConfig(), List.of(1L, 3L, 4L, 7L), "training.epochs=3",
                "training.restart.maxRestarts=2", "training.restart.afterEpochs=1", "training.restart.dataLossAbove=0.27",
                "training.decayEpochs=2");
        long restarted = out.runs().stream().filter(r -> r.restarts() > 0).count();
        assertTrue(restarted >= 1 && restarted < out.runs().size(), restarted + " of " + out.runs().size() + " restarted");
    }

    /**
     * A regularisation warm-up is per member: each member holds its regularisers off for its own first epochs,
     * a restarted member again in its new attempt, as its single run does.
     */
    @Test
    void membersWithAWarmUpEqualSingleRuns() throws IOException {
        EnsembleRun.Outcome out = check(TestSupport.qcdConfig(), List.of(1L, 3L, 4L, 7L), "training.epochs=3",
                "training.regularisationWarmup=1", "training.restart.maxRestarts=1", "training.restart.afterEpochs=1",
                "training.restart.dataLossAbove=0.27");
        long restarted = out.runs().stream().filter(r -> r.restarts() > 0).count();
        assertTrue(restarted >= 1 && restarted < out.runs().size(), restarted + " of " + out.runs().size() + " restarted");
        for (Long s : List.of(1L, 3L, 4L, 7L)) {
            List<String> lines = Files.readAllLines(EnsembleRun.memberDir(tmp.resolve("ensemble"), s).resolve(RunDirectory.METRICS));
            assertTrue(lines.get(0).contains("\"regularisation\":0.0"), "warm-up epoch of seed " + s + ": " + lines.get(0));
        }
    }

    /** A member that diverges is frozen with the single run's message; the others go on unchanged. */
    @Test
    void aDivergingMemberIsFrozenAndTheOthersGoOn() throws IOException {
        EnsembleRun.Outcome out = check(TestSupport.qcdConfig(), List.of(1L, 2L, 3L, 4L, 5L, 6L), "training.epochs=2",
                "training.learningRate=0.5");
        long diverged = out.runs().stream().filter(r -> r.diverged()).count();
        assertTrue(diverged >= 1 && diverged < out.runs().size(), diverged + " of " + out.runs().size() + " diverged");
    }

    private EnsembleRun.Outcome check(Path config, List<Long> seeds, String... overrides) throws IOException {
        List<ExperimentConfig> configs = new ArrayList<>();
        Path base = null;
        for (long s : seeds) {
            List<String> o = new ArrayList<>(List.of(overrides));
            o.add("training.seed=" + s);
            ConfigLoader.Loaded l = ConfigLoader.load(config, o);
            configs.add(l.config());
            base = l.baseDir();
        }
        Path ens = tmp.resolve("ensemble");
        EnsembleRun.Outcome out = EnsembleRun.execute(configs, base, ens, "cpu", null, null, null);
        assertEquals(seeds.size(), out.runs().size());
        for (int i = 0; i < seeds.size(); i++) {
            long s = seeds.get(i);
            Path single = tmp.resolve("single-" + s);
            TrainingRun.execute(configs.get(i), base, single, null);
            Path member = EnsembleRun.memberDir(ens, s);
            for (String f : List.of(RunDirectory.METRIC, RunDirectory.METRICS, RunDirectory.CONFIG)) {
                assertEquals(Files.readString(single.resolve(f)), Files.readString(member.resolve(f)),
                        f + " of seed " + s);
            }
            assertEquals(withoutTiming(single), withoutTiming(member), "result.json of seed " + s);
        }
        assertTrue(Files.isRegularFile(ens.resolve(EnsembleRun.SUMMARY)) && Files.isRegularFile(ens.resolve(EnsembleRun.CSV)));
        return out;
    }

    static JsonNode withoutTiming(Path dir) throws IOException {
        ObjectNode r = (ObjectNode) ConfigLoader.mapper().readTree(Files.readString(dir.resolve(RunDirectory.RESULT)));
        r.remove(List.of("seconds", "microseconds_per_step"));
        return r;
    }
}
