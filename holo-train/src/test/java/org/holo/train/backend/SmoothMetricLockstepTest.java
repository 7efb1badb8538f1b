package org.holo.train.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.holo.train.Experiment;
import org.holo.train.TestSupport;
import org.holo.train.ensemble.EnsembleBackendProvider;
import org.holo.train.ensemble.EnsembleTrainer;
import org.holo.train.loop.Backend;
import org.holo.train.run.RunResult;
import org.holo.train.run.TrainingRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The smooth metrics, which the djl backend runs only through their tensor forms: 200 Adam steps of a 2-seed
 * ensemble of the Neural-ODE QCD experiment (rk4, 10 layers here, to be quick) on djl in lockstep end at the cpu
 * ensemble's parameters to 1e−8 relative, entry by entry, as {@code LockstepAgreementTest} asks of the per-layer metric.
 */
class SmoothMetricLockstepTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"polynomial", "spline"})
    void twoHundredStepsAgree(String metric) throws IOException {
        Path file = TestSupport.projectRoot().resolve("experiments/hhy2021-neural-ode-qcd.json");
        List<Experiment> experiments = new ArrayList<>();
        for (long s = 1; s <= 2; s++) {
            // 2000 points / batch 100 = 20 steps per epoch, 10 epochs
            experiments.add(TestSupport.build(file, "training.seed=" + s, "model.grid.layers=10",
                    "model.metric={\"type\":\"" + metric + "\"}", "training.epochs=10", "data.positives=1000",
                    "data.negatives=1000", "training.restart.maxRestarts=0", "training.decayEpochs=0"));
        }
        List<RunResult> cpu = train("cpu", experiments);
        List<RunResult> djl = train("djl", experiments);
        double worst = 0.0;
        for (int s = 0; s < cpu.size(); s++) {
            RunResult a = cpu.get(s);
            RunResult b = djl.get(s);
            assertEquals(200, a.steps(), "steps of seed " + a.seed());
            assertEquals(a.steps(), b.steps());
            for (int i = 0; i < a.params().length; i++) {
                double rel = a.params()[i] == b.params()[i] ? 0.0 : Math.abs(b.params()[i] - a.params()[i]) / Math.abs(a.params()[i]);
                assertTrue(rel <= 1e-8, String.format(Locale.ROOT, "%s seed %d parameter %d: cpu %.17g, djl %.17g",
                        metric, a.seed(), i, a.params()[i], b.params()[i]));
                worst = Math.max(worst, rel);
            }
        }
        System.out.printf(Locale.ROOT, "200 steps cpu vs djl, %s metric: worst relative parameter difference %.3g%n", metric, worst);
    }

    private static List<RunResult> train(String backend, List<Experiment> experiments) {
        EnsembleBackendProvider provider = EnsembleBackendProvider.named(backend);
        String device = "djl".equals(backend) ? "cpu" : null;
        List<RunResult> results = new ArrayList<>();
        try (Backend b = provider.open(experiments.get(0), device)) {
            for (TrainingRun.Outcome o : new EnsembleTrainer(provider, device, 2).train(experiments, b, null)) {
                results.add(o.result());
            }
        }
        return results;
    }
}
