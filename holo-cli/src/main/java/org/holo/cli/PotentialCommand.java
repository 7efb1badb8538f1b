package org.holo.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.holo.core.observable.LearnedGeometry;
import org.holo.train.observable.PotentialCurve;
import org.holo.train.observable.QuarkAntiquarkPotential;
import org.holo.train.run.FinishedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "potential", mixinStandardHelpOptions = true,
        description = {"The quark-antiquark potential V(r) of a learned or exact metric.",
            "Nambu-Goto strings in the metric of RUN_DIR or --metric: the connected",
            "branches, the screened branch (two straight strings) and their minimum.",
            "V = connected energy - two straight strings to the horizon / IR end, so the",
            "screened branch is V = 0. r in units of L (and GeV^-1, fm when L is known),",
            "V in units of L/(2 pi alpha') (= 1/(2 pi alpha') with L = 1).",
            "Writes into --out DIR (default: RUN_DIR; required with --metric):",
            "  " + QuarkAntiquarkPotential.CSV + "   curve,branch,eta_star,r_L,r_GeV_inv,r_fm,V",
            "                  (curve: connected, screened or minimum; branch -1 =",
            "                  screened; NaN where not applicable)",
            "  " + QuarkAntiquarkPotential.SUMMARY + "  r_max, r_screen, string_tension, coulomb_coefficient, T,",
            "                  the split f/g, the units of every field"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written", "2:bad usage, bad run directory or metric", "4:I/O failure"})
final class PotentialCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR", description = "A finished run directory (its learned h).")
    Path run;

    @Option(names = "--metric", paramLabel = "NAME[:d=N]",
            description = "An exact metric instead of a run: ads or ads-schwarzschild, e.g. ads-schwarzschild:d=4 (f, g known: split 'exact').")
    String metric;

    @Option(names = "--split", paramLabel = "SPLIT",
            description = "How the learned W = sqrt(f g^(d-1)) is shared between f and g: f=g (default; G = W^(4/d), an IR wall of W"
                    + " confines) or g=ads (g = e^(2 eta), all of W in f). Recorded in the output.")
    String split;

    @Mixin
    CommonOptions.Out out;

    @Override
    public Integer call() throws Exception {
        if ((run == null) == (metric == null)) {
            throw new IllegalArgumentException("potential: give either RUN_DIR or --metric NAME[:d=N], not " + (run == null ? "neither" : "both"));
        }
        PotentialCurve curve;
        FinishedRun record = null;
        Path dir;
        if (metric != null) {
            if (split != null) {
                throw new IllegalArgumentException("--split applies to a learned metric (RUN_DIR); --metric " + metric + " knows f and g exactly");
            }
            if (out.path == null) {
                throw new IllegalArgumentException("--out DIR is required with --metric");
            }
            curve = QuarkAntiquarkPotential.compute(metric);
            dir = out.path;
        } else {
            LearnedGeometry.Split sp = split == null ? QuarkAntiquarkPotential.DEFAULT_SPLIT : LearnedGeometry.Split.parse(split);
            record = FinishedRun.read(run);
            curve = QuarkAntiquarkPotential.compute(record, sp);
            dir = out.path != null ? out.path : record.dir();
        }
        List<Path> written = curve.write(dir);
        if (record != null && !record.converged()) {
            System.err.println("holo: warning: " + run + " did not converge; this is the potential of an unconverged metric");
        }
        System.err.println(curve.summary());
        System.err.println(CommonOptions.Out.wrote(written));
        return ExitCodes.OK;
    }
}
