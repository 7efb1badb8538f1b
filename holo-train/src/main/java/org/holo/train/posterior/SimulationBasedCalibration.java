package org.holo.train.posterior;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.holo.core.loss.BernoulliLoss;
import org.holo.core.loss.DataLoss;
import org.holo.core.model.Batch;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.posterior.Calibration;
import org.holo.core.posterior.Coordinates;
import org.holo.core.posterior.GaussianPrior;
import org.holo.core.posterior.Hmc;
import org.holo.core.posterior.LabelSimulator;
import org.holo.core.posterior.LogDensity;
import org.holo.core.posterior.NetworkPosterior;
import org.holo.core.posterior.Sampling;
import org.holo.train.Experiment;
import org.holo.train.config.DataConfig;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.config.ModelAssembly;
import org.holo.train.random.SeedStreams;

/**
 * Simulation-based calibration of {@code holo posterior} (Talts et al. 2018, arXiv:1804.06788) on a config's model:
 * for each replicate r a truth θ* drawn from the prior (stream {@code sbc-truth-r}), n data with inputs uniform in
 * the config's box (the band's m_q and condensate ranges, or the metric source's φ and π ranges) and labels from
 * the Bernoulli model at θ* (stream {@code sbc-data-r}), the posterior sampled as {@code holo posterior} does
 * (Laplace from the prior mean, then HMC; streams {@code sbc-chain-r-k}), and the rank of θ* among L thinned draws,
 * for h at every layer, L and λ. Ranks of a correct posterior are uniform on 0 … L.
 */
public final class SimulationBasedCalibration {

    /**
     * Replicates, data points per replicate, chains, warm-up and draws per chain, the number L of thinned draws
     * ranked (L + 1 a multiple of {@code bins}), the cap on leapfrog steps per iteration, the prior's scales
     * (scale ≤ 0: n, the number of data), the seed and the threads (replicates run in parallel; the result does not
     * depend on it).
     */
    public record Settings(int replicates, int data, int chains, int warmup, int samples, int ranked, int bins, int maxSteps,
                           GaussianPrior.Scales prior, long seed, int threads) {
    }

    /** Ranks per replicate and quantity, the rank histograms, and the χ² p-value of each quantity. */
    public record Result(List<String> quantities, int[][] ranks, List<int[]> histograms, List<Double> pValues, double meanAcceptance,
                         double fractionLabelOne) {

        public double minPValue() {
            return pValues.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }
    }

    /**
     * The calibration's prior: the regularisers at scale n, metric sd 10, log L sd 0.25 (a factor 1.28 either way: a
     * wider L reaches where the QCD input layer overflows), λ sd 1.
     */
    public static final GaussianPrior.Scales PRIOR = new GaussianPrior.Scales(0, 10, 0.25, 1, 10);

    private SimulationBasedCalibration() {
    }

    /**
     * Runs the calibration. {@code fault} is applied to each chain's posterior density: identity in use; the tests
     * pass a wrong prior scale or a flipped gradient component to show that the calibration fails them.
     */
    public static Result run(ExperimentConfig config, Settings s, Function<NetworkPosterior, LogDensity> fault) {
        HolographicNetwork network = Experiment.network(config.model);
        SeedStreams seeds = new SeedStreams(s.seed());
        double[] init = network.initialParameters(seeds.stream("sbc-base")::gaussian);
        Coordinates coords = new Coordinates(network, init);
        DataLoss loss = ModelAssembly.loss(config.training);
        BernoulliLoss model = loss instanceof BernoulliLoss b ? b : new BernoulliLoss(BernoulliLoss.DEFAULT_CLIP);
        GaussianPrior.Scales scales = s.prior().scale() > 0 ? s.prior()
                : new GaussianPrior.Scales(s.data(), s.prior().metricSd(), s.prior().logRadiusSd(), s.prior().lambdaSd(), s.prior().otherSd());
        double reference = coords.radiusCoordinate() >= 0 ? network.radius(init) : Double.NaN;
        GaussianPrior prior = GaussianPrior.of(coords, Experiment.regularisers(config, network), scales, reference);
        double[][] box = box(config.data);
        List<String> names = new ArrayList<>();
        int layers = network.grid().layers();
        for (int i = 0; i < layers; i++) {
            names.add("h_" + i);
        }
        if (coords.radiusCoordinate() >= 0) {
            names.add("L");
        }
        if (coords.lambdaCoordinate() >= 0) {
            names.add("lambda");
        }
        int[][] ranks = new int[s.replicates()][];
        double[] acceptance = new double[s.replicates()];
        double[] ones = new double[s.replicates()];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, s.threads()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int r = 0; r < s.replicates(); r++) {
                int rep = r;
                futures.add(pool.submit(() -> {
                    StreamDraws truthDraws = new StreamDraws(seeds.stream("sbc-truth-" + rep));
                    StreamDraws dataDraws = new StreamDraws(seeds.stream("sbc-data-" + rep));
                    double[] truth;
                    Batch data;
                    int attempts = 0;
                    do {
                        if (attempts++ == 1000) {
                            throw new IllegalStateException("1000 truths from the prior overflow the network on their data");
                        }
                        truth = prior.draw(truthDraws);
                        data = LabelSimulator.simulate(network, coords.params(truth), model, s.data(), box[0], box[1], dataDraws);
                    } while (data == null);
                    double y = 0.0;
                    for (int b = 0; b < data.size(); b++) {
                        y += data.y[b] / data.size();
                    }
                    ones[rep] = y;
                    NetworkPosterior posterior = new NetworkPosterior(coords, model, prior, data);
                    Sampling.Result res = Sampling.sample(() -> fault.apply(posterior.copy()), List.of(prior.mean()), s.chains(),
                            new Hmc.Settings(s.warmup(), s.samples(), 2.0, 0.8, s.maxSteps(), 0.5),
                            k -> new StreamDraws(seeds.stream("sbc-chain-" + rep + "-" + k)), 1);
                    double acc = 0.0;
                    for (Hmc.Chain c : res.chains()) {
                        acc += c.acceptance() / res.chains().size();
                    }
                    acceptance[rep] = acc;
                    ranks[rep] = ranks(network, coords, truth, res, s.ranked());
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<int[]> histograms = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        for (int q = 0; q < names.size(); q++) {
            int[] col = new int[s.replicates()];
            for (int r = 0; r < s.replicates(); r++) {
                col[r] = ranks[r][q];
            }
            int[] h = Calibration.histogram(col, s.ranked(), s.bins());
            histograms.add(h);
            p.add(Calibration.chiSquarePValue(h));
        }
        double acc = 0.0;
        double y = 0.0;
        for (int r = 0; r < s.replicates(); r++) {
            acc += acceptance[r] / s.replicates();
            y += ones[r] / s.replicates();
        }
        return new Result(List.copyOf(names), ranks, List.copyOf(histograms), List.copyOf(p), acc, y);
    }

    /** Ranks of the truth's h at every layer, L and λ among {@code ranked} draws thinned evenly from all chains. */
    static int[] ranks(HolographicNetwork network, Coordinates coords, double[] truth, Sampling.Result res, int ranked) {
        List<double[]> all = new ArrayList<>();
        for (Hmc.Chain c : res.chains()) {
            all.addAll(List.of(c.draws()));
        }
        if (all.size() < ranked) {
            throw new IllegalArgumentException(all.size() + " draws cannot be thinned to " + ranked);
        }
        double[] hTrue = network.metricAtLayers(coords.params(truth));
        int layers = hTrue.length;
        int extra = (coords.radiusCoordinate() >= 0 ? 1 : 0) + (coords.lambdaCoordinate() >= 0 ? 1 : 0);
        double[][] values = new double[layers + extra][ranked];
        for (int j = 0; j < ranked; j++) {
            double[] x = all.get((int) ((long) j * all.size() / ranked));
            double[] h = network.metricAtLayers(coords.params(x));
            for (int i = 0; i < layers; i++) {
                values[i][j] = h[i];
            }
            int k = layers;
            if (coords.radiusCoordinate() >= 0) {
                values[k++][j] = x[coords.radiusCoordinate()];
            }
            if (coords.lambdaCoordinate() >= 0) {
                values[k][j] = x[coords.lambdaCoordinate()];
            }
        }
        int[] r = new int[layers + extra];
        for (int i = 0; i < layers; i++) {
            r[i] = Calibration.rank(hTrue[i], values[i]);
        }
        int k = layers;
        if (coords.radiusCoordinate() >= 0) {
            r[k] = Calibration.rank(truth[coords.radiusCoordinate()], values[k]); // log L: ranks are the same as of L
            k++;
        }
        if (coords.lambdaCoordinate() >= 0) {
            r[k] = Calibration.rank(truth[coords.lambdaCoordinate()], values[k]);
        }
        return r;
    }

    /** The input box of the config's data source: (m_q, condensate) for band data, (φ, π) for metric data. */
    static double[][] box(DataConfig data) {
        if (data instanceof DataConfig.Band b) {
            return new double[][] {b.mqRange_GeV.clone(), b.condensateRange_GeV3.clone()};
        }
        if (data instanceof DataConfig.FromMetric m) {
            return new double[][] {m.phiRange.clone(), m.piRange.clone()};
        }
        throw new IllegalArgumentException("calibration needs data.source band or metric (an input box), not csv");
    }
}
