package org.holo.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.holo.core.observable.ExactGeometries;
import org.holo.core.observable.LearnedGeometry;
import org.holo.core.observable.QuarkPotential;
import org.holo.core.observable.StringGeometry;
import org.holo.train.config.ConfigLoader;
import org.holo.train.io.AtomicFiles;
import org.holo.train.run.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "potential", mixinStandardHelpOptions = true,
        description = {"The quark-antiquark potential V(r) of a learned or exact metric.",
            "Nambu-Goto strings in the metric of RUN_DIR or --metric: the connected",
            "branches, the screened branch (two straight strings) and their minimum.",
            "V = connected energy - two straight strings to the horizon / IR end, so the",
            "screened branch is V = 0. r in units of L (and GeV^-1, fm when L is known),",
            "V in units of L/(2 pi alpha') (= 1/(2 pi alpha') with L = 1). Writes into --out:",
            "  potential.csv   curve,branch,eta_star,r_L,r_GeV_inv,r_fm,V",
            "                  (curve: connected, screened or minimum; branch -1 =",
            "                  screened; NaN where not applicable)",
            "  potential.json  r_max, r_screen, string_tension, coulomb_coefficient, T,",
            "                  the split f/g, the units of every field"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written", "2:bad usage, bad run directory or metric", "4:I/O failure"})
final class PotentialCommand implements Callable<Integer> {

    static final String CSV = "potential.csv";
    static final String SUMMARY = "potential.json";
    static final double HBAR_C_GEV_FM = 0.1973269804;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR", description = "A finished run directory (its learned h).")
    Path run;

    @Option(names = "--metric", paramLabel = "NAME[:d=N]",
            description = "An exact metric instead of a run: ads or ads-schwarzschild, e.g. ads-schwarzschild:d=4 (f, g known: split 'exact').")
    String metric;

    @Option(names = "--split", paramLabel = "SPLIT",
            description = "How the learned W = sqrt(f g^(d-1)) is shared between f and g: f=g (default; G = W^(4/d), an IR wall of W"
                    + " confines) or g=ads (g = e^(2 eta), all of W in f). Recorded in the output.")
    String split;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the files (default: RUN_DIR; required with --metric).")
    Path out;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if ((run == null) == (metric == null)) {
            throw new IllegalArgumentException("potential: give either RUN_DIR or --metric NAME[:d=N], not " + (run == null ? "neither" : "both"));
        }
        StringGeometry geometry;
        double radius = Double.NaN;
        RunRecord record = null;
        Path dir;
        if (metric != null) {
            if (split != null) {
                throw new IllegalArgumentException("--split applies to a learned metric (RUN_DIR); --metric " + metric + " knows f and g exactly");
            }
            if (out == null) {
                throw new IllegalArgumentException("--out DIR is required with --metric");
            }
            geometry = ExactGeometries.parse(metric);
            dir = out;
        } else {
            LearnedGeometry.Split sp = LearnedGeometry.Split.parse(split == null ? "f=g" : split);
            record = RunRecord.read(run);
            double[] h = record.network().metricAtLayers(record.params());
            geometry = new LearnedGeometry(record.config().model.dimension, record.network().grid(), h, sp);
            radius = record.radius();
            dir = out != null ? out : record.dir();
        }

        QuarkPotential.Result r = QuarkPotential.compute(geometry);
        AtomicFiles.write(dir.resolve(CSV), csv(r, radius));
        ObjectNode json = json(r, radius, record);
        AtomicFiles.write(dir.resolve(SUMMARY), ConfigLoader.mapper().writeValueAsString(json) + "\n");

        if (record != null && !record.converged()) {
            System.err.println("holo: warning: " + run + " did not converge; this is the potential of an unconverged metric");
        }
        System.err.println(summary(r, radius));
        System.err.println("wrote " + dir.resolve(CSV) + ", " + SUMMARY);
        return ExitCodes.OK;
    }

    private static String csv(QuarkPotential.Result r, double radius) {
        StringBuilder sb = new StringBuilder("curve,branch,eta_star,r_L,r_GeV_inv,r_fm,V\n");
        for (QuarkPotential.Branch b : r.branches()) {
            for (QuarkPotential.Point p : b.points()) {
                row(sb, "connected", b.index(), p.tip(), p.r(), p.v(), radius);
            }
        }
        double rEnd = r.minimum().isEmpty() ? 0.0 : r.minimum().get(r.minimum().size() - 1).r();
        row(sb, "screened", -1, Double.NaN, 0.0, 0.0, radius);
        row(sb, "screened", -1, Double.NaN, rEnd, 0.0, radius);
        for (QuarkPotential.MinimumPoint p : r.minimum()) {
            row(sb, "minimum", p.branch(), Double.NaN, p.r(), p.v(), radius);
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String curve, int branch, double tip, double rL, double v, double radius) {
        sb.append(curve).append(',').append(branch).append(',').append(tip).append(',').append(rL).append(',')
                .append(rL * radius).append(',').append(rL * radius * HBAR_C_GEV_FM).append(',').append(v).append('\n');
    }

    private static ObjectNode json(QuarkPotential.Result r, double radius, RunRecord record) {
        StringGeometry g = r.geometry();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("source", record != null ? "run" : "metric");
        if (record != null) {
            o.put("run", record.dir().toAbsolutePath().normalize().toString());
            o.put("experiment", record.config().name);
            o.put("converged", record.converged());
        }
        o.put("metric", g.name());
        o.put("d", g.dimension());
        o.put("split", g.split());
        o.put("geometry", g.description());
        PredictCommand.putNumber(o, "L_GeV_inv", radius);
        o.put("conventions", "Nambu-Goto string in ds^2 = -f dt^2 + d eta^2 + g dx^2 (eta in units of L, boundary at eta -> infinity,"
                + " f/g -> 1 there); V = E(connected) - E(two straight strings from the boundary to the horizon / IR end),"
                + " so the screened branch is V = 0 and V(r) = min(connected, 0)");
        PredictCommand.putNumber(o, "r_max", r.rMax());
        o.put("r_max_kind", r.rMaxKind());
        putLength(o, "r_max", r.rMax(), radius);
        PredictCommand.putNumber(o, "r_screen", r.rScreen());
        putLength(o, "r_screen", r.rScreen(), radius);
        PredictCommand.putNumber(o, "screen_eta_star", r.screenTip());
        o.put("screened", !Double.isNaN(r.rScreen()));
        o.put("confining", r.confining());
        PredictCommand.putNumber(o, "string_tension", r.stringTension());
        PredictCommand.putNumber(o, "string_tension_GeV2", r.stringTension() / (radius * radius));
        PredictCommand.putNumber(o, "wall_eta", r.wallEta());
        PredictCommand.putNumber(o, "coulomb_coefficient", r.coulomb());
        PredictCommand.putNumber(o, "uv_constant", r.uvConstant());
        if (g.name().equals("learned")) {
            o.put("coulomb_note", "strings this short lie above eta_ini, in the pure-AdS continuation: c is Maldacena's by construction");
        }
        double t = r.temperature();
        PredictCommand.putNumber(o, "T", t);
        PredictCommand.putNumber(o, "T_MeV", 1000.0 * t / radius);
        PredictCommand.putNumber(o, "r_max_times_T", r.rMax() * t);
        PredictCommand.putNumber(o, "r_screen_times_T", r.rScreen() * t);
        if (g.name().equals("learned") && !Double.isNaN(t)) {
            o.put("T_note", "from the horizon continuation h = 1/eta + k below the last layer, not from a learned weight");
        } else if (Double.isNaN(t)) {
            o.put("T_note", g.name().equals("learned") ? "no regular horizon under the split " + g.split()
                    + " (f and g vanish together at eta = 0)" : "no horizon");
        }
        ArrayNode walls = o.putArray("walls_eta");
        for (double w : r.walls()) {
            walls.add(w);
        }
        ArrayNode branches = o.putArray("branches");
        for (QuarkPotential.Branch b : r.branches()) {
            ObjectNode bo = branches.addObject();
            bo.put("index", b.index());
            PredictCommand.putNumber(bo, "eta_star_top", b.top());
            bo.put("top_end", b.topEnd().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            PredictCommand.putNumber(bo, "eta_star_bottom", b.bottom());
            bo.put("bottom_end", b.bottomEnd().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            bo.put("strings", b.points().size());
            PredictCommand.putNumber(bo, "r_min", b.points().stream().mapToDouble(QuarkPotential.Point::r).min().orElse(Double.NaN));
            PredictCommand.putNumber(bo, "r_max_sampled", b.points().stream().mapToDouble(QuarkPotential.Point::r).max().orElse(Double.NaN));
        }
        o.put("failed_tips", r.failedTips());
        ObjectNode u = o.putObject("units");
        u.put("r_max", "L (AdS radius); r_max = null when the connected string length is unbounded (a wall, or pure AdS)");
        u.put("r_max_kind", "turning-point (a maximum of r over the tips), unbounded (a wall or pure AdS: r_max = null) or"
                + " data-end (r still growing at the last learned layer: r_max is a lower bound)");
        u.put("r_screen", "L; null when the connected string never becomes dearer than the screened pair");
        u.put("r_max_GeV_inv", "GeV^-1 (r_max times L)");
        u.put("r_max_fm", "fm");
        u.put("r_screen_GeV_inv", "GeV^-1");
        u.put("r_screen_fm", "fm");
        u.put("screen_eta_star", "eta (units of L): tip of the string at r_screen");
        u.put("V", "L/(2 pi alpha') (= 1/(2 pi alpha') with L = 1; L^2/alpha' = sqrt(lambda) in N = 4 SYM)");
        u.put("string_tension", "1/(2 pi alpha'): sqrt(G) = sqrt(f g) at the wall; null where the geometry does not confine");
        u.put("string_tension_GeV2", "GeV^2 in units of L^2/(2 pi alpha'): string_tension / L^2");
        u.put("wall_eta", "eta (units of L) of the wall (local minimum of G = f g) ending the connected branch");
        u.put("coulomb_coefficient", "c in V = -c/r + uv_constant at short distance; V r in units of L^2/(2 pi alpha')"
                + " (= 1/(2 pi alpha') with L = 1); pure AdS5: 8 pi^3/Gamma(1/4)^4 = 1.4355 (Maldacena 1998)");
        u.put("uv_constant", "L/(2 pi alpha')");
        u.put("T", "1/L; null without a regular horizon (f ~ kappa^2 eta^2, g finite), T = kappa/(2 pi)");
        u.put("T_MeV", "MeV (T/L)");
        u.put("r_max_times_T", "dimensionless");
        u.put("r_screen_times_T", "dimensionless");
        u.put("eta_star", "eta (units of L): tip of the string");
        u.put("walls_eta", "eta of every local minimum of G = f g above the deepest admissible tip");
        ArrayNode files = o.putArray("files");
        files.add(CSV);
        files.add(SUMMARY);
        return o;
    }

    private static void putLength(ObjectNode o, String key, double rL, double radius) {
        PredictCommand.putNumber(o, key + "_GeV_inv", rL * radius);
        PredictCommand.putNumber(o, key + "_fm", rL * radius * HBAR_C_GEV_FM);
    }

    private static String summary(QuarkPotential.Result r, double radius) {
        StringGeometry g = r.geometry();
        StringBuilder sb = new StringBuilder();
        sb.append(g.name()).append(" metric, d = ").append(g.dimension()).append(", split ").append(g.split());
        if (!Double.isNaN(radius)) {
            sb.append(String.format(Locale.ROOT, ", L = %.4g GeV^-1", radius));
        }
        sb.append(String.format(Locale.ROOT, ": Coulomb c = %.5g", r.coulomb()));
        if (r.confining()) {
            sb.append(String.format(Locale.ROOT, "; confining wall at eta = %.4g, string tension %.4g /(2 pi alpha')", r.wallEta(),
                    r.stringTension()));
        } else {
            sb.append("; no confining wall");
        }
        sb.append("; r_max ").append(Double.isNaN(r.rMax()) ? r.rMaxKind() : length(r.rMax(), radius));
        sb.append("; r_screen ").append(Double.isNaN(r.rScreen()) ? "none" : length(r.rScreen(), radius));
        if (!Double.isNaN(r.temperature())) {
            sb.append(String.format(Locale.ROOT, "; T = %.4g/L", r.temperature()));
            if (!Double.isNaN(r.rMax())) {
                sb.append(String.format(Locale.ROOT, ", r_max T = %.4g", r.rMax() * r.temperature()));
            }
            if (!Double.isNaN(r.rScreen())) {
                sb.append(String.format(Locale.ROOT, ", r_screen T = %.4g", r.rScreen() * r.temperature()));
            }
        }
        return sb.toString();
    }

    private static String length(double rL, double radius) {
        if (Double.isNaN(radius)) {
            return String.format(Locale.ROOT, "%.4g L", rL);
        }
        return String.format(Locale.ROOT, "%.4g L = %.4g GeV^-1 = %.4g fm", rL, rL * radius, rL * radius * HBAR_C_GEV_FM);
    }
}
