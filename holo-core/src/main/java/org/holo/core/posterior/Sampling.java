package org.holo.core.posterior;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Several HMC chains of one posterior: a Laplace approximation from each start (a run's trained point, or each
 * member of an ensemble), then chain k from start k mod S, at mode + S z with z ~ N(0, I) the first numbers of
 * chain k's own stream. Chains run on up to {@code threads} threads; each has its own density instance and
 * stream, so its draws do not depend on the threads or on the other chains.
 */
public final class Sampling {

    /** The Laplace approximation of each start and the chains, in chain order. */
    public record Result(List<Laplace.Result> laplace, List<Hmc.Chain> chains) {

        /** The draws of coordinate k, one array per chain. */
        public double[][] coordinate(int k) {
            double[][] c = new double[chains.size()][];
            for (int i = 0; i < c.length; i++) {
                double[][] d = chains.get(i).draws();
                c[i] = new double[d.length];
                for (int j = 0; j < d.length; j++) {
                    c[i][j] = d[j][k];
                }
            }
            return c;
        }
    }

    private Sampling() {
    }

    public static Result sample(Supplier<? extends LogDensity> densities, List<double[]> starts, int chains,
                                Hmc.Settings settings, IntFunction<Draws> chainDraws, int threads) {
        if (chains < 1 || starts.isEmpty()) {
            throw new IllegalArgumentException("need at least one chain and one start");
        }
        List<Laplace.Result> laplace = new ArrayList<>();
        for (double[] s : starts) {
            laplace.add(Laplace.at(densities.get(), s, 100));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, chains)), r -> {
            Thread t = new Thread(r, "posterior-chain");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Hmc.Chain>> futures = new ArrayList<>();
            for (int k = 0; k < chains; k++) {
                Laplace.Result l = laplace.get(k % laplace.size());
                int chain = k;
                futures.add(pool.submit(() -> {
                    Draws draws = chainDraws.apply(chain);
                    double[] z0 = new double[l.mode().length];
                    for (int i = 0; i < z0.length; i++) {
                        z0[i] = draws.gaussian();
                    }
                    Hmc hmc = new Hmc(densities.get(), l.mode(), l.scale());
                    return hmc.run(z0, settings, draws);
                }));
            }
            List<Hmc.Chain> out = new ArrayList<>();
            for (Future<Hmc.Chain> f : futures) {
                out.add(f.get());
            }
            return new Result(List.copyOf(laplace), List.copyOf(out));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sampling", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }
}
