package org.holo.train.observable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.holo.core.observable.QuarkPotential;
import org.holo.core.observable.StringGeometry;
import org.holo.train.io.JsonNumbers;

/**
 * The quark–antiquark potential of one geometry ({@link QuarkAntiquarkPotential}) with the AdS radius L in GeV⁻¹
 * (NaN when unknown: lengths then only in units of L) and the run it came from (null for an exact metric).
 */
public record PotentialCurve(QuarkPotential.Result potential, double radius, RunOrigin origin) implements ObservableResult {

    static final String CONVENTIONS = "Nambu-Goto string in ds^2 = -f dt^2 + d eta^2 + g dx^2 (eta in units of L, boundary at"
            + " eta -> infinity, f/g -> 1 there); V = E(connected) - E(two straight strings from the boundary to the horizon"
            + " / IR end), so the screened branch is V = 0 and V(r) = min(connected, 0)";

    /** The columns of {@link QuarkAntiquarkPotential#CSV}. */
    public static final List<String> CSV_COLUMNS = List.of("curve", "branch", "eta_star", "r_L", "r_GeV_inv", "r_fm", "V");

    /** r in GeV⁻¹: r in units of L times L. */
    public static double inverseGeV(double rL, double radius) {
        return rL * radius;
    }

    /** r in fm. */
    public static double fermi(double rL, double radius) {
        return rL * radius * Units.HBAR_C_GEV_FM;
    }

    @Override
    public Map<String, String> files() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(QuarkAntiquarkPotential.CSV, csv());
        f.put(QuarkAntiquarkPotential.SUMMARY, ObservableResult.jsonText(json()));
        return f;
    }

    /** {@link #CSV_COLUMNS}: the connected strings, the screened level, and the minimum of both. */
    public String csv() {
        QuarkPotential.Result r = potential;
        StringBuilder sb = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        for (QuarkPotential.Branch b : r.branches()) {
            for (QuarkPotential.Point p : b.points()) {
                row(sb, "connected", b.index(), p.tip(), p.r(), p.v());
            }
        }
        double rEnd = r.minimum().isEmpty() ? 0.0 : r.minimum().get(r.minimum().size() - 1).r();
        row(sb, "screened", -1, Double.NaN, 0.0, 0.0);
        row(sb, "screened", -1, Double.NaN, rEnd, 0.0);
        for (QuarkPotential.MinimumPoint p : r.minimum()) {
            row(sb, "minimum", p.branch(), Double.NaN, p.r(), p.v());
        }
        return sb.toString();
    }

    private void row(StringBuilder sb, String curve, int branch, double tip, double rL, double v) {
        sb.append(curve).append(',').append(branch).append(',').append(tip).append(',').append(rL).append(',')
                .append(inverseGeV(rL, radius)).append(',').append(fermi(rL, radius)).append(',').append(v).append('\n');
    }

    @Override
    public ObjectNode json() {
        QuarkPotential.Result r = potential;
        StringGeometry g = r.geometry();
        boolean learned = g.name().equals("learned");
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("source", origin != null ? "run" : "metric");
        if (origin != null) {
            origin.putInto(o);
        }
        o.put("metric", g.name());
        o.put("d", g.dimension());
        o.put("split", g.split());
        o.put("geometry", g.description());
        JsonNumbers.put(o, "L_GeV_inv", radius);
        o.put("conventions", CONVENTIONS);
        JsonNumbers.put(o, "r_max", r.rMax());
        o.put("r_max_kind", r.rMaxKind());
        putLength(o, "r_max", r.rMax());
        JsonNumbers.put(o, "r_screen", r.rScreen());
        putLength(o, "r_screen", r.rScreen());
        JsonNumbers.put(o, "screen_eta_star", r.screenTip());
        o.put("screened", !Double.isNaN(r.rScreen()));
        o.put("confining", r.confining());
        JsonNumbers.put(o, "string_tension", r.stringTension());
        JsonNumbers.put(o, "string_tension_GeV2", r.stringTension() / (radius * radius));
        JsonNumbers.put(o, "wall_eta", r.wallEta());
        JsonNumbers.put(o, "coulomb_coefficient", r.coulomb());
        JsonNumbers.put(o, "uv_constant", r.uvConstant());
        if (learned) {
            o.put("coulomb_note", "strings this short lie above eta_ini, in the pure-AdS continuation: c is Maldacena's by construction");
        }
        double t = r.temperature();
        JsonNumbers.put(o, "T", t);
        JsonNumbers.put(o, "T_MeV", Units.MEV_PER_GEV * t / radius);
        JsonNumbers.put(o, "r_max_times_T", r.rMax() * t);
        JsonNumbers.put(o, "r_screen_times_T", r.rScreen() * t);
        if (learned && !Double.isNaN(t)) {
            o.put("T_note", "from the horizon continuation h = 1/eta + k below the last layer, not from a learned weight");
        } else if (Double.isNaN(t)) {
            o.put("T_note", learned ? "no regular horizon under the split " + g.split()
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
            JsonNumbers.put(bo, "eta_star_top", b.top());
            bo.put("top_end", b.topEnd().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            JsonNumbers.put(bo, "eta_star_bottom", b.bottom());
            bo.put("bottom_end", b.bottomEnd().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            bo.put("strings", b.points().size());
            JsonNumbers.put(bo, "r_min", b.points().stream().mapToDouble(QuarkPotential.Point::r).min().orElse(Double.NaN));
            JsonNumbers.put(bo, "r_max_sampled", b.points().stream().mapToDouble(QuarkPotential.Point::r).max().orElse(Double.NaN));
        }
        o.put("failed_tips", r.failedTips());
        o.set("units", units());
        ArrayNode files = o.putArray("files");
        files.add(QuarkAntiquarkPotential.CSV);
        files.add(QuarkAntiquarkPotential.SUMMARY);
        return o;
    }

    private static ObjectNode units() {
        ObjectNode u = JsonNodeFactory.instance.objectNode();
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
        return u;
    }

    private void putLength(ObjectNode o, String key, double rL) {
        JsonNumbers.put(o, key + "_GeV_inv", inverseGeV(rL, radius));
        JsonNumbers.put(o, key + "_fm", fermi(rL, radius));
    }

    @Override
    public String summary() {
        QuarkPotential.Result r = potential;
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
        sb.append("; r_max ").append(Double.isNaN(r.rMax()) ? r.rMaxKind() : length(r.rMax()));
        sb.append("; r_screen ").append(Double.isNaN(r.rScreen()) ? "none" : length(r.rScreen()));
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

    private String length(double rL) {
        if (Double.isNaN(radius)) {
            return String.format(Locale.ROOT, "%.4g L", rL);
        }
        return String.format(Locale.ROOT, "%.4g L = %.4g GeV^-1 = %.4g fm", rL, inverseGeV(rL, radius), fermi(rL, radius));
    }
}
