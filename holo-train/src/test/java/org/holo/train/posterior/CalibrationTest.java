package org.holo.train.posterior;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.holo.core.posterior.GaussianPrior;
import org.holo.core.posterior.LogDensity;
import org.holo.core.posterior.NetworkPosterior;
import org.holo.train.Experiment;
import org.holo.train.config.ConfigLoader;
import org.holo.train.config.ExperimentConfig;
import org.junit.jupiter.api.Test;

/**
 * The small, fast simulation-based calibration (docs/testing.md): 100 truths from the prior of
 * experiments/calibration/sbc-qcd-small.json, a posterior for each, the ranks of h at every layer, of L and of λ
 * uniform (χ² p > 0.01 for every quantity). Two wrong posteriors, injected through the calibration's fault hook
 * (never a production option), must fail it: the prior scale off by a factor of 2, and the gradient's sign
 * flipped at one layer.
 */
class CalibrationTest {

    static final SimulationBasedCalibration.Settings FAST = new SimulationBasedCalibration.Settings(60, 200, 2, 150, 150, 59, 6,
            64, SimulationBasedCalibration.PRIOR, 1, 2);

    static ExperimentConfig config() throws Exception {
        return ConfigLoader.load(Path.of(System.getProperty("sbc.root", ".."), "experiments", "calibration", "sbc-qcd-small.json"), List.of()).config();
    }

    static SimulationBasedCalibration.Result run(Function<NetworkPosterior, LogDensity> fault) throws Exception {
        SimulationBasedCalibration.Result r = SimulationBasedCalibration.run(config(), FAST, fault);
        System.out.printf("SBC: acceptance %.2f, labels 1: %.2f, p-values %s%n", r.meanAcceptance(), r.fractionLabelOne(), r.pValues());
        return r;
    }

    @Test
    void ranksOfTheRightPosteriorAreUniform() throws Exception {
        SimulationBasedCalibration.Result r = run(p -> p);
        assertTrue(r.minPValue() > 0.01, "a quantity's ranks are not uniform: " + r.quantities() + " " + r.pValues());
    }

    /** Every prior standard deviation half what the truths were drawn with: the whole precision times 4. */
    static Function<NetworkPosterior, LogDensity> priorFault(ExperimentConfig c) {
        return p -> {
            GaussianPrior.Scales sc = p.prior().scales();
            GaussianPrior.Scales half = new GaussianPrior.Scales(4 * sc.scale(), sc.metricSd() / 2, sc.logRadiusSd() / 2,
                    sc.lambdaSd() / 2, sc.otherSd() / 2);
            return new NetworkPosterior(p.coordinates(), p.likelihood(), GaussianPrior.of(p.coordinates(),
                    Experiment.regularisers(c, p.coordinates().network()), half,
                    p.coordinates().network().radius(p.coordinates().base())), p.data());
        };
    }

    /** ∂ log π/∂h_2 with its sign flipped (the value itself right). */
    static Function<NetworkPosterior, LogDensity> flipFault() {
        return p -> new LogDensity() {
            @Override
            public int dimension() {
                return p.dimension();
            }

            @Override
            public double value(double[] x, double[] grad) {
                double v = p.value(x, grad);
                if (grad != null) {
                    grad[2] = -grad[2];
                }
                return v;
            }
        };
    }

    @Test
    void aPriorWithHalfItsScaleFails() throws Exception {
        SimulationBasedCalibration.Result r = run(priorFault(config()));
        assertTrue(r.minPValue() < 1e-4, "the calibration did not see prior standard deviations off by 2: " + r.pValues());
    }

    @Test
    void aGradientSignFlippedAtOneLayerFails() throws Exception {
        SimulationBasedCalibration.Result r = run(flipFault());
        assertTrue(r.minPValue() < 1e-4, "the calibration did not see a gradient sign flipped at layer 2: " + r.pValues());
    }
}
