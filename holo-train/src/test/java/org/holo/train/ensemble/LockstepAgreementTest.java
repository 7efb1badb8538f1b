package org.holo.train.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.holo.train.Experiment;
import org.holo.train.TestSupport;
import org.holo.train.loop.Backend;
import org.holo.train.run.RunResult;
import org.holo.train.run.TrainingRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 1000 optimiser steps of the same ensemble (same seeds: data, init, shuffles) on the cpu backend (members
 * alone on threads) and the djl backend (members in lockstep): the parameters still agree to 1e−8 relative,
 * entry by entry.
 */
class LockstepAgreementTest {

    @ParameterizedTest(name = "{0} {1} warm-up {4}")
    @CsvSource({
        // 20000 points / batch 100 = 200 steps per epoch, 5 epochs
        "hstt2018-qcd.json, euler, 5, 10000, 0", "hstt2018-qcd.json, rk4, 5, 10000, 0",
        "hstt2018-qcd.json, euler, 5, 10000, 2",
        // 1000 points / batch 10 = 100 steps per epoch, 10 epochs
        "hstt2018-ads-schwarzschild.json, euler, 10, 500, 0", "hstt2018-ads-schwarzschild.json, rk4, 10, 500, 0"})
    void thousandStepsAgree(String config, String scheme, int epochs, int each, int warmup) throws IOException {
        Path file = TestSupport.projectRoot().resolve("experiments").resolve(config);
        List<Experiment> experiments = new ArrayList<>();
        for (long s = 1; s <= 3; s++) {
            experiments.add(TestSupport.build(file, "training.seed=" + s, "model.scheme=" + scheme,
                    "training.epochs=" + epochs, "data.positives=" + each, "data.negatives=" + each,
                    "training.regularisationWarmup=" + warmup));
        }
        List<RunResult> cpu = train("cpu", null, experiments);
        List<RunResult> djl = train("djl", "cpu", experiments);
        double worst = 0.0;
        for (int s = 0; s < cpu.size(); s++) {
            RunResult a = cpu.get(s);
            RunResult b = djl.get(s);
            assertEquals(1000, a.steps(), "steps of seed " + a.seed());
            assertEquals(a.steps(), b.steps());
            assertEquals(a.diverged(), b.diverged());
            for (int i = 0; i < a.params().length; i++) {
                double rel = Math.abs(b.params()[i] - a.params()[i]) / Math.abs(a.params()[i]);
                assertTrue(rel <= 1e-8, String.format(Locale.ROOT, "%s %s seed %d parameter %d: cpu %.17g, djl %.17g",
                        config, scheme, a.seed(), i, a.params()[i], b.params()[i]));
                worst = Math.max(worst, rel);
            }
            double lossRel = Math.abs(b.loss() - a.loss()) / Math.abs(a.loss());
            assertTrue(lossRel <= 1e-8, "final epoch loss " + a.loss() + " vs " + b.loss());
        }
        System.out.printf(Locale.ROOT, "1000 steps cpu vs djl, %s %s: worst relative parameter difference %.3g%n",
                config, scheme, worst);
    }

    static List<RunResult> train(String backend, String device, List<Experiment> experiments) {
        EnsembleBackendProvider provider = EnsembleBackendProvider.named(backend);
        List<RunResult> results = new ArrayList<>();
        try (Backend b = provider.open(experiments.get(0), device)) {
            for (TrainingRun.Outcome o : new EnsembleTrainer(provider, device, 2).train(experiments, b, null)) {
                results.add(o.result());
            }
        }
        return results;
    }
}
