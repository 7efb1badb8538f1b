package org.holo.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.holo.core.modes.MetricModes;
import org.holo.train.modes.RunModes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "modes", mixinStandardHelpOptions = true,
        description = {"The metric modes of a finished run: the eigenvalues and eigenvectors of the Gauss-Newton matrix",
            "of its data term over its training data at its final parameters, in the coordinates h at the layers (then",
            "L and lambda where trained), and how many directions the data determine against the regularisers'",
            "curvature (docs/physics.md section 8). Every run written since writes them itself; this command gives",
            "them to older run directories. Writes modes.json and modes.csv into --out DIR (default: RUN_DIR)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written", "2:not a run directory, bad config, changed inputs or a diverged run", "4:I/O failure"})
final class ModesCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A finished run directory (holo train --out).")
    Path runDir;

    @Option(names = "--check", description = "Also count independently, from the SVD of the finite-difference Jacobian"
            + " of every output (five-point, --step), and print both counts.")
    boolean check;

    @Option(names = "--metric-only", description = "Coordinates h at the layers alone, L and lambda held at their"
            + " learned values (default: L and lambda too, where the run trains them). Needs --out: the run's own modes"
            + " files keep the full coordinates.")
    boolean metricOnly;

    @Option(names = "--step", paramLabel = "S", description = "Finite-difference step of --check (default: ${DEFAULT-VALUE}).")
    double step = 1e-5;

    @Mixin
    CommonOptions.Out out;

    @Override
    public Integer call() throws Exception {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("--step: must be positive, got " + step);
        }
        if (metricOnly && out.path == null) {
            throw new IllegalArgumentException("--metric-only: give --out DIR; the run's own modes.json keeps L and lambda");
        }
        RunModes.OfRun run = RunModes.ofRun(runDir, !metricOnly);
        Path dir = out.path != null ? out.path : runDir;
        Files.createDirectories(dir);
        List<Path> files = RunModes.write(dir, run.modes());
        MetricModes m = run.modes().modes();
        double[] ev = m.eigenvalues();
        StringBuilder spectrum = new StringBuilder();
        for (int k = 0; k < Math.min(ev.length, 6); k++) {
            spectrum.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3g", ev[k]));
        }
        System.out.printf(Locale.ROOT, "%d of %d directions determined by the data (generalised eigenvalue > 1),"
                        + " effective parameters %.3f, data rank %d; Gauss-Newton eigenvalues %s%s%n",
                m.determined(), m.coordinates().size(), m.effectiveParameters(), run.modes().dataRank(), spectrum,
                ev.length > 6 ? ", ..." : "");
        if (check) {
            RunModes.Check c = run.check(step);
            boolean agree = c.determined() == m.determined() && c.dataRank() == run.modes().dataRank();
            System.out.printf(Locale.ROOT, "check (finite-difference Jacobian, step %g): %d determined, effective parameters"
                            + " %.3f, data rank %d: %s%n", step, c.determined(), c.effectiveParameters(), c.dataRank(),
                    agree ? "the counts agree" : "THE COUNTS DIFFER");
        }
        System.err.println(CommonOptions.Out.wrote(files));
        return ExitCodes.OK;
    }
}
