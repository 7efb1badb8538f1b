package org.holo.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.holo.train.report.Plots;
import org.holo.train.report.Reports;
import org.holo.train.spectrum.SpectralReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Draw the figures of a finished run as PNG and SVG into RUN_DIR/plots/: metric (h(eta), with the",
            "true metric when the data were labelled with one), volume (W(eta)), loss, parameters (L and lambda",
            "traces) and, for sampled data, data-plane (QCD: m_q vs <qbar q> with the lattice points, positive and",
            "negative samples and the region the trained net accepts). Also writes the CSV export (RUN_DIR/export/)",
            "and RUN_DIR/plot.gp and RUN_DIR/plot.py, which redraw the curves from the CSVs with gnuplot or",
            "matplotlib. Values that cannot be drawn are listed on stderr and in RUN_DIR/plots/notes.txt."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:plotted (notes say what was left out)", "2:not a run directory or bad config", "4:I/O failure"})
final class PlotCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR",
            description = "A finished run directory (holo train --out) or ensemble directory (holo ensemble --out: the h band of the converged members).")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        if (SpectralReports.isSpectral(runDir)) {
            printNotes(SpectralReports.writeAll(runDir));
            System.err.println("plots: figures (PNG and SVG) in " + runDir.resolve(Reports.PLOTS_DIR));
            return ExitCodes.OK;
        }
        Plots.ensureHeadless();
        Reports.Summary s = Reports.isEnsemble(runDir) ? Reports.writeEnsemble(runDir) : Reports.writeAll(runDir);
        printNotes(s.notes());
        long figures = s.files().stream().filter(p -> p.toString().endsWith(".png")).count();
        System.err.println("plots: " + figures + " figures (PNG and SVG) in " + runDir.resolve(Reports.PLOTS_DIR)
                + "; CSV in " + runDir.resolve(Reports.EXPORT_DIR) + "; scripts " + runDir.resolve("plot.gp") + ", "
                + runDir.resolve("plot.py"));
        return ExitCodes.OK;
    }

    static void printNotes(List<String> notes) {
        for (String n : notes) {
            System.err.println("note: " + n);
        }
    }
}
