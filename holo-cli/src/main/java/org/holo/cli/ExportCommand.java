package org.holo.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.holo.train.report.Exporter;
import org.holo.train.report.Reports;
import org.holo.train.spectrum.SpectralReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a finished run: h(eta), the volume factor W(eta) (1 at eta_ini) per layer, the learned",
            "scalars with units (L in GeV^-1, 1/L in MeV, lambda), the training history and, when the data were",
            "labelled with a known metric, the true metric.",
            "Writes into --out DIR (default: RUN_DIR/export). Files (docs/exports-and-plots.md):",
            "  csv   metric.csv, history.csv, scalars.csv [, metric_true.csv], each with a NAME.csv.json sidecar",
            "  dat   the same tables whitespace-separated with a '#' header (NumPy, gnuplot), NAME.dat.json sidecars",
            "  npy   one NumPy .npy (<f8, rows x columns) per table, NAME.npy.json sidecars listing the columns",
            "  json  report.json: every column as an array, the scalars with units"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:exported", "2:not a run directory, bad format or config", "4:I/O failure"})
final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A finished run directory (holo train --out).")
    Path runDir;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT",
            description = "csv, json, npy or dat; several comma-separated or repeated (default: csv).")
    List<String> formats = new ArrayList<>();

    @Mixin
    CommonOptions.Out out;

    @Override
    public Integer call() throws Exception {
        Set<Exporter.Format> chosen = new LinkedHashSet<>();
        for (String f : formats.isEmpty() ? List.of("csv") : formats) {
            chosen.add(Exporter.Format.parse(f));
        }
        if (SpectralReports.isSpectral(runDir)) {
            if (!chosen.equals(Set.of(Exporter.Format.CSV))) {
                throw new IllegalArgumentException("a meson-spectrum run exports its tables as csv only");
            }
            Path dir = out.path != null ? out.path : runDir.resolve(Reports.EXPORT_DIR);
            System.err.println("exported " + SpectralReports.export(runDir, dir).size() + " files to " + dir);
            return ExitCodes.OK;
        }
        Reports.Summary s = Reports.export(runDir, out.path, chosen);
        Path dir = out.path != null ? out.path : runDir.resolve(Reports.EXPORT_DIR);
        PlotCommand.printNotes(s.notes());
        System.err.println("exported " + s.files().size() + " files to " + dir);
        return ExitCodes.OK;
    }
}
