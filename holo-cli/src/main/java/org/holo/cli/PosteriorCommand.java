package org.holo.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.holo.train.posterior.PosteriorCommandSupport;
import org.holo.train.posterior.PosteriorFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "posterior", mixinStandardHelpOptions = true,
        description = {"Sample the posterior of a trained run's h, L and lambda (docs/physics.md",
            "section 9): the Bernoulli likelihood of the run's training data, its",
            "regularisers as a Gaussian prior (scale n, the number of data, unless",
            "--prior-scale), HMC chains whitened by the Laplace approximation at the",
            "posterior mode nearest the trained point. On an ensemble directory the",
            "chains start at its converged members (the data are the first member's).",
            "Writes into --out DIR (default: RUN_DIR):",
            "  " + PosteriorFiles.CSV + "          eta,mean,q2.5,q16,median,q84,q97.5 of h",
            "  " + PosteriorFiles.SCALARS + "  the same for L (GeV^-1) and lambda",
            "  " + PosteriorFiles.LAPLACE + "            the Laplace approximation",
            "  " + PosteriorFiles.DRAWS + "    every draw of every chain",
            "  " + PosteriorFiles.JSON + "         settings, acceptance, ESS, split R-hat",
            "  " + PosteriorFiles.PLOT + ".png/.svg     h with its 68 %% and 95 %% bands"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written", "2:bad usage, bad run directory, or the run's data cannot be rebuilt", "4:I/O failure"})
final class PosteriorCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A finished run directory, or an ensemble directory.")
    Path run;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "1000", description = "Draws per chain after the warm-up (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "500", description = "Warm-up iterations per chain, step size tuned (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--chains", paramLabel = "K", defaultValue = "4", description = "Number of chains (default ${DEFAULT-VALUE}).")
    int chains;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the chains' streams posterior-chain-k (default: the run's training.seed).")
    Long seed;

    @Option(names = "--prior-scale", paramLabel = "S",
            description = "The prior is exp(-S * regularisers); default: the number of training data, so that the posterior mode is the"
                    + " minimum of the training objective with the bernoulli loss.")
    Double priorScale;

    @Option(names = "--threads", paramLabel = "T", description = "Threads for the chains (default: the cores); the draws do not depend on it.")
    Integer threads;

    @Mixin
    CommonOptions.Out out;

    @Override
    public Integer call() throws Exception {
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (t < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + t);
        }
        PosteriorCommandSupport.Outcome o = PosteriorCommandSupport.run(run, out.path, samples, warmup, chains, seed, priorScale, t);
        System.err.println(o.summary());
        System.err.println(CommonOptions.Out.wrote(o.written()));
        return ExitCodes.OK;
    }
}
