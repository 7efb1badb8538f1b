package org.holo.train.observable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.holo.core.observable.ExactGeometries;
import org.holo.core.observable.LearnedGeometry;
import org.holo.core.observable.QuarkPotential;
import org.holo.core.observable.StringGeometry;
import org.holo.train.run.FinishedRun;

/**
 * The quark–antiquark potential V(r) from Nambu–Goto strings ({@link QuarkPotential}) in the learned metric of a
 * finished run, or in an exact metric: the connected branches, the screened branch and their minimum, with r in
 * units of L (and GeV⁻¹, fm when the run learned L).
 */
public final class QuarkAntiquarkPotential implements Observable {

    public static final String NAME = "potential";
    /** curve,branch,eta_star,r_L,r_GeV_inv,r_fm,V. */
    public static final String CSV = "potential.csv";
    /** The summary, with units. */
    public static final String SUMMARY = "potential.json";
    /** How the learned W is shared between f and g unless told otherwise. */
    public static final LearnedGeometry.Split DEFAULT_SPLIT = LearnedGeometry.Split.F_EQUALS_G;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "quark-antiquark potential V(r) of Nambu-Goto strings in the learned metric: string tension, screening length, T";
    }

    @Override
    public List<String> files() {
        return List.of(CSV, SUMMARY);
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("split", "how the learned W = sqrt(f g^(d-1)) is shared between f and g: f=g (default) or g=ads");
        return o;
    }

    @Override
    public PotentialCurve compute(FinishedRun run, Map<String, String> options) {
        checkOptions(options);
        String split = options.get("split");
        return compute(run, split == null ? DEFAULT_SPLIT : LearnedGeometry.Split.parse(split));
    }

    /** V(r) in the learned metric of {@code run}, W shared between f and g by {@code split}. */
    public static PotentialCurve compute(FinishedRun run, LearnedGeometry.Split split) {
        double[] h = run.network().metricAtLayers(run.params());
        StringGeometry geometry = new LearnedGeometry(run.config().model.dimension, run.network().grid(), h, split);
        return new PotentialCurve(QuarkPotential.compute(geometry), run.radius(), RunOrigin.of(run));
    }

    /** V(r) in an exact metric, e.g. {@code ads-schwarzschild:d=4} ({@link ExactGeometries#parse}); r in units of L only. */
    public static PotentialCurve compute(String exactMetric) {
        return compute(ExactGeometries.parse(exactMetric));
    }

    /** V(r) in any string geometry; r in units of L only. */
    public static PotentialCurve compute(StringGeometry geometry) {
        return new PotentialCurve(QuarkPotential.compute(geometry), Double.NaN, null);
    }
}
