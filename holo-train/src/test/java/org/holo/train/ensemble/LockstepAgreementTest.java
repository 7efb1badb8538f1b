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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 1000 optimiser steps of the same ensemble (same seeds: data, init, shuffles) on the cpu and the djl backend:
 * the parameters still agree to 1e−8 relative, entry by entry.
 */
class LockstepAgreementTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        // 20000 points / batch 100 = 200 steps per epoch, 5 epochs
        "hstt2018-qcd.json, euler, 5, 10000", "hstt2018-qcd.json, rk4, 5, 10000",
        // 1000 points / batch 10 = 100 steps per epoch, 10 epochs
        "hstt2018-ads-schwarzschild.json, euler, 10, 500", "hstt2018-ads-schwarzschild.json, rk4, 10, 500"})
    void thousandStepsAgree(String config, String scheme, int epochs, int each) throws IOException {
        Path file = TestSupport.projectRoot().resolve("experiments").resolve(config);
        List<Experiment> experiments = new ArrayList<>();
        for (long s = 1; s <= 3; s++) {
            experiments.add(TestSupport.build(file, "training.seed=" + s, "model.scheme=" + scheme,
                    "training.epochs=" + epochs, "data.positives=" + each, "data.negatives=" + each));
        }
        Experiment first = experiments.get(0);
        List<EnsembleTrainer.Member> cpu = EnsembleTrainer.members(experiments);
        List<EnsembleTrainer.Member> djl = EnsembleTrainer.members(experiments);
        try (EnsembleBackend b = EnsembleBackends.open("cpu", null, first.config(), first.network(), first.objective())) {
            EnsembleTrainer.of(first.config().training).fit(cpu, b, null);
        }
        try (EnsembleBackend b = EnsembleBackends.open("djl", "cpu", first.config(), first.network(), first.objective())) {
            EnsembleTrainer.of(first.config().training).fit(djl, b, null);
        }
        double worst = 0.0;
        for (int s = 0; s < cpu.size(); s++) {
            EnsembleTrainer.Member a = cpu.get(s);
            EnsembleTrainer.Member b = djl.get(s);
            assertEquals(1000, a.steps(), "steps of seed " + a.seed());
            assertEquals(a.steps(), b.steps());
            assertEquals(a.stopReason(), b.stopReason());
            for (int i = 0; i < a.params().length; i++) {
                double rel = Math.abs(b.params()[i] - a.params()[i]) / Math.abs(a.params()[i]);
                assertTrue(rel <= 1e-8, String.format(Locale.ROOT, "%s %s seed %d parameter %d: cpu %.17g, djl %.17g",
                        config, scheme, a.seed(), i, a.params()[i], b.params()[i]));
                worst = Math.max(worst, rel);
            }
            double lossRel = Math.abs(b.epochLoss() - a.epochLoss()) / Math.abs(a.epochLoss());
            assertTrue(lossRel <= 1e-8, "final epoch loss " + a.epochLoss() + " vs " + b.epochLoss());
        }
        System.out.printf(Locale.ROOT, "1000 steps cpu vs djl, %s %s: worst relative parameter difference %.3g%n",
                config, scheme, worst);
    }
}
