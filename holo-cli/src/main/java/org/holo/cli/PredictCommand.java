package org.holo.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.holo.train.observable.ChiralCondensate;
import org.holo.train.observable.CondensatePrediction;
import org.holo.train.observable.ScanGrid;
import org.holo.train.run.FinishedRun;
import org.holo.train.spectrum.SpectralReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict the chiral condensate curve <qbar q>(m_q) of a trained QCD run, or list the",
            "meson masses of a meson-spectrum run (--n, --spin; with --out DIR also DIR/masses.csv).",
            "For each quark mass: every condensate at which the trained network satisfies",
            "the horizon condition F = 0 (sign changes of F on a grid of <qbar q>, refined",
            "by a Brent solver). Writes into --out DIR (default: RUN_DIR):",
            "  " + ChiralCondensate.CURVE + "          m_q_GeV,condensate_GeV3,branch",
            "                          (branch = index of the root for that m_q)",
            "  " + ChiralCondensate.LATTICE + "  the data points against the prediction: F, the",
            "                          network output t(F), nearest root, residual",
            "  " + ChiralCondensate.SUMMARY + "         summary, with units"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written", "2:bad usage, not a QCD run, bad run directory or data", "4:I/O failure"})
final class PredictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A finished run directory (holo train --out).")
    Path run;

    @Option(names = "--mq", paramLabel = "FROM:TO:STEPS",
            description = "Quark masses in GeV, STEPS equal steps from FROM to TO (default: the run's data.mqRange_GeV, "
                    + ChiralCondensate.MQ_STEPS + " steps).")
    String mq;

    @Option(names = "--condensate", paramLabel = "FROM:TO:STEPS",
            description = "Grid of <qbar q> in GeV^3 scanned for roots (default: the run's data.condensateRange_GeV3 with its"
                    + " upper end raised by half the width, " + ChiralCondensate.CONDENSATE_STEPS + " steps).")
    String condensate;

    @Option(names = "--lattice", paramLabel = "FILE.csv",
            description = "Points m_q_GeV,condensate_GeV3 to compare with (default: the run's data.dataset).")
    Path lattice;

    @Option(names = "--n", paramLabel = "N",
            description = "Meson-spectrum runs: list the levels n = 0 … N of each spin (default 4).")
    Integer levels;

    @Option(names = "--spin", paramLabel = "S", split = ",",
            description = "Meson-spectrum runs: the spins to list, e.g. --spin 1,2 (default 1,2).")
    int[] spins;

    @Mixin
    CommonOptions.Out out;

    @Override
    public Integer call() throws Exception {
        if (SpectralReports.isSpectral(run)) {
            return SpectralCommands.predict(run, levels == null ? 4 : levels, spins == null ? new int[] {1, 2} : spins, out);
        }
        if (levels != null || spins != null) {
            throw new IllegalArgumentException("--n and --spin are for meson-spectrum runs; " + run + " is not one");
        }
        ChiralCondensate.Options options = new ChiralCondensate.Options(mq == null ? null : ScanGrid.parse("--mq", mq),
                condensate == null ? null : ScanGrid.parse("--condensate", condensate), lattice);
        FinishedRun record = FinishedRun.read(run);
        CondensatePrediction prediction = ChiralCondensate.compute(record, options);
        Path dir = out.path != null ? out.path : record.dir();
        List<Path> written = prediction.write(dir);
        if (!record.converged()) {
            String reason = record.reason();
            System.err.println("holo: warning: " + run + " did not converge" + (reason != null ? " (" + reason + ")" : "")
                    + "; this is the prediction of an unconverged network");
        }
        System.err.println(prediction.summary());
        System.err.println(CommonOptions.Out.wrote(written));
        return ExitCodes.OK;
    }
}
