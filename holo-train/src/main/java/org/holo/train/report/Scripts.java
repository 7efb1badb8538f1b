package org.holo.train.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.holo.train.io.AtomicFiles;
import org.holo.train.run.SensitivityProfile;

/**
 * Two small scripts written into the run directory that redraw h(η) (with its resolution band), W(η), the loss
 * and the L/λ traces from export/*.csv without Java: {@code plot.gp} (gnuplot 5, pngcairo or png terminal) writes plots/gp-*.png and
 * {@code plot.py} (matplotlib, Agg backend) writes plots/mpl-*.png. Both find the CSVs relative to their own
 * location, so they run from any working directory ({@code gnuplot RUN_DIR/plot.gp}, {@code python3 RUN_DIR/plot.py}).
 */
public final class Scripts {

    public static final String GNUPLOT = "plot.gp";
    public static final String PYTHON = "plot.py";

    private Scripts() {
    }

    public static List<Path> write(RunReport report, Path runDir) throws IOException {
        Path gp = runDir.resolve(GNUPLOT);
        Path py = runDir.resolve(PYTHON);
        AtomicFiles.write(gp, gnuplot(report));
        AtomicFiles.write(py, python(report));
        py.toFile().setExecutable(true, false);
        return List.of(gp, py);
    }

    /** A string as a gnuplot / Python double-quoted literal body (the titles hold only plain text). */
    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static String gnuplot(RunReport r) {
        int d = r.dimension();
        boolean truth = r.trueMetric() != null;
        boolean hasL = r.history().has("L");
        boolean history = r.history().rows() > 0;
        boolean params = hasL || r.lambdaTrained();
        String title = quote(r.title());
        StringBuilder s = new StringBuilder();
        s.append("# Redraws the figures of this holo run from export/*.csv (written by holo; see docs/exports-and-plots.md).\n")
                .append("# Usage: gnuplot plot.gp   (from any directory; writes plots/gp-*.png)\n")
                .append("if (exists(\"ARG0\") && strlen(ARG0) > 0) { cd system(\"dirname '\" . ARG0 . \"'\") }\n")
                .append("system(\"mkdir -p plots\")\n")
                .append("set datafile separator ','\n")
                .append("set datafile missing 'NaN'\n")
                .append("if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {\n")
                .append("    set terminal pngcairo size 800,600 enhanced font 'Sans,10'\n")
                .append("} else {\n")
                .append("    set terminal png size 800,600\n")
                .append("}\n")
                .append("set grid\n")
                .append("set key top right box opaque\n")
                .append("d = ").append(d).append("\n\n");

        s.append("set output 'plots/gp-metric.png'\n")
                .append("set title \"Emergent metric h(η): ").append(title).append("\" noenhanced\n")
                .append("set xlabel 'η  [units of the AdS radius]'\n")
                .append("set ylabel 'h(η)'\n");
        if (hasResolution(r)) {
            // the band's edges clipped to the other curves' range (as in plots/metric.png): an unconstrained layer
            // has an infinite width
            double[] range = Plots.metricRange(r);
            s.append("ylo = ").append(Exporter.number(range[0])).append("; yhi = ").append(Exporter.number(range[1]))
                    .append("\nclip(y) = y < ylo ? ylo : (y > yhi ? yhi : y)\n");
        }
        s.append("plot ");
        if (hasResolution(r)) {
            s.append("'export/metric.csv' using 'eta':(clip(column('h') - column('h_conditional_resolution'))):"
                    + "(clip(column('h') + column('h_conditional_resolution'))) with filledcurves fs transparent solid 0.22 noborder"
                    + " lc rgb '#2ca02c' title '").append(resolutionTitle()).append("' noenhanced, \\\n     ");
        }
        if (r.band() != null) {
            s.append("'export/metric_band.csv' using 'eta':'h_q16':'h_q84' with filledcurves fs transparent solid 0.25"
                    + " noborder lc rgb '#1f77b4' title 'ensemble 16-84 %' noenhanced, \\\n     ");
        }
        s.append("'export/metric.csv' using 'eta':'h' with linespoints lw 2 pt 7 lc rgb '#1f77b4' title 'learned h(η_i)'");
        if (truth) {
            s.append(", \\\n     'export/metric_true.csv' using 'eta':'h' with lines dt 2 lw 2 lc rgb '#202020' title 'true h (")
                    .append(quote(r.trueMetricName())).append(")' noenhanced");
        }
        s.append(", \\\n     d with lines dt 3 lc rgb '#999999' title sprintf('pure AdS: h = %d', d)\n\n");

        s.append("set output 'plots/gp-volume.png'\n")
                .append("set title \"Volume factor W(η), normalised to 1 at the boundary: ").append(title).append("\" noenhanced\n")
                .append("set ylabel 'W = √(f g^{d−1})'\n")
                .append("set logscale y\n")
                .append("set key bottom right\n")
                .append("plot 'export/metric.csv' using 'eta':'W' with linespoints lw 2 pt 7 lc rgb '#1f77b4' title 'learned W'");
        if (truth) {
            s.append(", \\\n     'export/metric_true.csv' using 'eta':'W' with lines dt 2 lw 2 lc rgb '#202020' title 'true W'");
        }
        s.append("\nunset logscale y\nset key top right\n\n");

        if (history) {
            s.append("set output 'plots/gp-loss.png'\n")
                    .append("set title \"Training loss: ").append(title).append("\" noenhanced\n")
                    .append("set xlabel 'epoch'\n")
                    .append("set ylabel 'loss (log scale)'\n")
                    .append("set logscale y\n")
                    .append("plot 'export/history.csv' using 'epoch':'loss' with lines lw 2 lc rgb '#1f77b4' title 'loss', \\\n")
                    .append("     '' using 'epoch':'data_loss' with lines dt 2 lc rgb '#ff7f0e' title 'data loss', \\\n")
                    .append("     '' using 'epoch':'regularisation' with lines dt 3 lc rgb '#2ca02c' title 'regularisation'\n")
                    .append("unset logscale y\n\n");
        }
        if (history && params) {
            s.append("set output 'plots/gp-parameters.png'\n")
                    .append("set title \"").append(hasL ? "L and λ" : "λ").append(" during training: ").append(title).append("\" noenhanced\n")
                    .append("set xlabel 'epoch'\n");
            if (hasL) {
                s.append("set ylabel 'L  [GeV^{-1}]'\n")
                        .append("set y2label 'λ'\n")
                        .append("set ytics nomirror\n")
                        .append("set y2tics\n")
                        .append("plot 'export/history.csv' using 'epoch':'L' axes x1y1 with lines lw 2 lc rgb '#1f77b4' title 'L', \\\n")
                        .append("     '' using 'epoch':'lambda' axes x1y2 with lines dt 2 lw 2 lc rgb '#d62728' title 'λ (right axis)'\n");
            } else {
                s.append("set ylabel 'λ'\n")
                        .append("plot 'export/history.csv' using 'epoch':'lambda' with lines lw 2 lc rgb '#d62728' title 'λ'\n");
            }
        }
        s.append("set output\n");
        return s.toString();
    }

    private static boolean hasResolution(RunReport r) {
        return r.metric().has(RunReport.H_CONDITIONAL_RESOLUTION);
    }

    private static String resolutionTitle() {
        double shift = SensitivityProfile.OUTPUT_SHIFT;
        return "h ± " + shift + "/√G_i: the change of h_i alone that moves the outputs by " + shift + " rms";
    }

    static String python(RunReport r) {
        int d = r.dimension();
        boolean hasL = r.history().has("L");
        String title = quote(r.title());
        StringBuilder s = new StringBuilder();
        s.append("#!/usr/bin/env python3\n")
                .append("\"\"\"Redraws the figures of this holo run from export/*.csv with matplotlib (written by holo; see\n")
                .append("docs/exports-and-plots.md). Usage: python3 plot.py (from any directory); writes plots/mpl-*.png.\"\"\"\n")
                .append("import csv\nimport math\nimport os\n\n")
                .append("import matplotlib\nmatplotlib.use(\"Agg\")\nimport matplotlib.pyplot as plt  # noqa: E402\n\n")
                .append("HERE = os.path.dirname(os.path.abspath(__file__))\n")
                .append("EXPORT = os.path.join(HERE, \"export\")\n")
                .append("OUT = os.path.join(HERE, \"plots\")\n")
                .append("TITLE = \"").append(title).append("\"\n")
                .append("D = ").append(d).append("\n")
                .append("TRUE_METRIC = ").append(r.trueMetricName() == null ? "None" : "\"" + quote(r.trueMetricName()) + "\"")
                .append("\n\n\n")
                .append("def read(name):\n")
                .append("    \"\"\"export/NAME.csv as {column: [float, ...]}, or None when the file is absent.\"\"\"\n")
                .append("    path = os.path.join(EXPORT, name + \".csv\")\n")
                .append("    if not os.path.exists(path):\n")
                .append("        return None\n")
                .append("    with open(path, newline=\"\") as f:\n")
                .append("        rows = list(csv.reader(f))\n")
                .append("    header, data = rows[0], rows[1:]\n")
                .append("    return {h: [float(row[i]) for row in data] for i, h in enumerate(header)}\n\n\n")
                .append("def save(fig, name):\n")
                .append("    os.makedirs(OUT, exist_ok=True)\n")
                .append("    path = os.path.join(OUT, \"mpl-\" + name + \".png\")\n")
                .append("    fig.tight_layout()\n")
                .append("    fig.savefig(path, dpi=100)\n")
                .append("    plt.close(fig)\n")
                .append("    print(path)\n\n\n")
                .append("def positive(xs, ys):\n")
                .append("    pts = [(x, y) for x, y in zip(xs, ys) if math.isfinite(y) and y > 0]\n")
                .append("    return [p[0] for p in pts], [p[1] for p in pts]\n\n\n")
                .append("metric = read(\"metric\")\n")
                .append("truth = read(\"metric_true\")\n")
                .append("band = read(\"metric_band\")\n")
                .append("history = read(\"history\")\n\n")
                .append("fig, ax = plt.subplots(figsize=(8, 6))\n");
        if (hasResolution(r)) {
            // clipped as in plots/metric.png: an unconstrained layer has an infinite width
            double[] range = Plots.metricRange(r);
            s.append("YLO, YHI = ").append(Exporter.number(range[0])).append(", ").append(Exporter.number(range[1])).append("\n")
                    .append("if \"h_conditional_resolution\" in metric:\n")
                    .append("    ax.fill_between(metric[\"eta\"],\n")
                    .append("                    [max(h - w, YLO) for h, w in zip(metric[\"h\"], metric[\"h_conditional_resolution\"])],\n")
                    .append("                    [min(h + w, YHI) for h, w in zip(metric[\"h\"], metric[\"h_conditional_resolution\"])],\n")
                    .append("                    color=\"#2ca02c\", alpha=0.22, lw=0, label=\"").append(resolutionTitle())
                    .append("\")\n");
        }
        s.append("if band is not None:\n")
                .append("    ax.fill_between(band[\"eta\"], band[\"h_q16\"], band[\"h_q84\"], color=\"#1f77b4\", alpha=0.25,"
                        + " label=\"ensemble 16-84 %\")\n")
                .append("ax.plot(metric[\"eta\"], metric[\"h\"], \"o-\", color=\"#1f77b4\", lw=2, label=\"learned h(η_i)\")\n")
                .append("if truth is not None:\n")
                .append("    ax.plot(truth[\"eta\"], truth[\"h\"], \"--\", color=\"#202020\", lw=2, label=\"true h (%s)\" % TRUE_METRIC)\n")
                .append("ax.axhline(D, ls=\":\", color=\"#999999\", label=\"pure AdS: h = %d\" % D)\n")
                .append("ax.set_xlabel(\"η  [units of the AdS radius]\")\n")
                .append("ax.set_ylabel(\"h(η)\")\n")
                .append("ax.set_title(\"Emergent metric h(η): \" + TITLE)\n")
                .append("ax.grid(alpha=0.3)\nax.legend()\nsave(fig, \"metric\")\n\n")
                .append("fig, ax = plt.subplots(figsize=(8, 6))\n")
                .append("ax.plot(*positive(metric[\"eta\"], metric[\"W\"]), \"o-\", color=\"#1f77b4\", lw=2, label=\"learned W\")\n")
                .append("if truth is not None:\n")
                .append("    ax.plot(*positive(truth[\"eta\"], truth[\"W\"]), \"--\", color=\"#202020\", lw=2, label=\"true W\")\n")
                .append("ax.set_yscale(\"log\")\n")
                .append("ax.set_xlabel(\"η  [units of the AdS radius]\")\n")
                .append("ax.set_ylabel(\"W = √(f g^(d−1)),  W(η_ini) = 1\")\n")
                .append("ax.set_title(\"Volume factor W(η): \" + TITLE)\n")
                .append("ax.grid(alpha=0.3)\nax.legend()\nsave(fig, \"volume\")\n\n")
                .append("if history is not None and history[\"epoch\"]:\n")
                .append("    fig, ax = plt.subplots(figsize=(8, 6))\n")
                .append("    for col, style, label in ((\"loss\", \"-\", \"loss\"), (\"data_loss\", \"--\", \"data loss\"),\n")
                .append("                              (\"regularisation\", \":\", \"regularisation\")):\n")
                .append("        x, y = positive(history[\"epoch\"], history[col])\n")
                .append("        if y:\n")
                .append("            ax.plot(x, y, style, label=label)\n")
                .append("    ax.set_yscale(\"log\")\n")
                .append("    ax.set_xlabel(\"epoch\")\n")
                .append("    ax.set_ylabel(\"loss (log scale)\")\n")
                .append("    ax.set_title(\"Training loss: \" + TITLE)\n")
                .append("    ax.grid(alpha=0.3)\n    ax.legend()\n    save(fig, \"loss\")\n\n")
                .append("if history is not None and history[\"epoch\"] and ").append(hasL || r.lambdaTrained() ? "True" : "False")
                .append(":  # L or lambda trained\n")
                .append("    fig, ax = plt.subplots(figsize=(8, 6))\n")
                .append("    if \"L\" in history:\n")
                .append("        ax.plot(history[\"epoch\"], history[\"L\"], color=\"#1f77b4\", lw=2, label=\"L\")\n")
                .append("        ax.set_ylabel(\"L  [GeV$^{-1}$]\")\n")
                .append("        ax2 = ax.twinx()\n")
                .append("        ax2.plot(history[\"epoch\"], history[\"lambda\"], \"--\", color=\"#d62728\", lw=2, label=\"λ (right axis)\")\n")
                .append("        ax2.set_ylabel(\"λ\")\n")
                .append("        fig.legend(loc=\"upper right\", bbox_to_anchor=(0.9, 0.88))\n")
                .append("    else:\n")
                .append("        ax.plot(history[\"epoch\"], history[\"lambda\"], color=\"#d62728\", lw=2, label=\"λ\")\n")
                .append("        ax.set_ylabel(\"λ\")\n")
                .append("        ax.legend()\n")
                .append("    ax.set_xlabel(\"epoch\")\n")
                .append("    ax.set_title(\"Training parameters: \" + TITLE)\n")
                .append("    ax.grid(alpha=0.3)\n    save(fig, \"parameters\")\n");
        return s.toString();
    }
}
