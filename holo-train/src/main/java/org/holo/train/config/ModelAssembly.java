package org.holo.train.config;

import org.holo.core.RadialGrid;
import org.holo.core.ScalarTheory;
import org.holo.core.boundary.BoundaryMap;
import org.holo.core.boundary.BoundaryMapProvider;
import org.holo.core.component.ComponentProvider;
import org.holo.core.component.Kind;
import org.holo.core.component.MapSettings;
import org.holo.core.component.ModelContext;
import org.holo.core.component.Registry;
import org.holo.core.horizon.BumpOutput;
import org.holo.core.horizon.HorizonCondition;
import org.holo.core.horizon.HorizonConditionProvider;
import org.holo.core.layer.LayerMap;
import org.holo.core.layer.LayerSchemeProvider;
import org.holo.core.loss.BoundaryRegulariser;
import org.holo.core.loss.DataLoss;
import org.holo.core.loss.DataLossProvider;
import org.holo.core.loss.Regulariser;
import org.holo.core.loss.RegulariserProvider;
import org.holo.core.loss.SmoothnessRegulariser;
import org.holo.core.metric.MetricParametrisation;
import org.holo.core.metric.MetricProvider;
import org.holo.core.metric.MetricStart;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.ParameterSpec;
import org.holo.train.data.MetricTables;

/**
 * Turns the component sections of a config into components: each is looked up by name in its kind's registry and
 * reads its own section; a field no component read is an unknown field, named with its path. Each section is then
 * replaced by what its component read, defaults included, so that the written config.json is complete.
 */
public final class ModelAssembly {

    private ModelAssembly() {
    }

    /** The network of a model section: layer scheme, metric parametrisation, boundary map, horizon condition. */
    public static HolographicNetwork network(ModelConfig m) {
        try {
            return network(m, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // nothing is read without a base directory
        }
    }

    /**
     * The network, with a {@code table} or {@code run} start of the metric read relative to {@code baseDir} (the
     * config file's directory); with {@code baseDir} null such a start is not read, and the network cannot draw its
     * initial parameters (readers of finished runs, which set them from the record, need none).
     */
    public static HolographicNetwork network(ModelConfig m, java.nio.file.Path baseDir) throws java.io.IOException {
        RadialGrid grid = new RadialGrid(m.grid.etaIni, m.grid.etaFin, m.grid.layers);
        ModelContext context = new ModelContext(grid, new ScalarTheory(m.dimension, m.massSquared));
        LayerMap layers = create(LayerSchemeProvider.KIND, m.scheme, "model.scheme", (p, s) -> p.create(context, s));
        org.holo.core.metric.Metric given = null;
        if (baseDir != null && MetricStart.readsFile(m.metricInit.type)) {
            java.nio.file.Path file = baseDir.resolve(m.metricInit.file).normalize();
            given = "table".equals(m.metricInit.type) ? MetricTables.read(file, grid, layers.nodes())
                    : MetricTables.fromRun(file, grid, layers.nodes());
        }
        MetricStart start = new MetricStart(m.metricInit.type, m.metricInit.mean, m.metricInit.std, m.dimension, given);
        MetricParametrisation metric = create(MetricProvider.KIND, m.metric, "model.metric",
                (p, s) -> p.create(context, layers.nodes(), start, s));
        BoundaryMap boundary = create(BoundaryMapProvider.KIND, m.boundary, "model.boundary",
                (p, s) -> p.create(context, s));
        HorizonCondition horizon = create(HorizonConditionProvider.KIND, m.horizon, "model.horizon",
                (p, s) -> p.create(context, s));
        return new HolographicNetwork(grid, context.theory(), layers, boundary, horizon,
                new BumpOutput(m.output.epsilon, m.output.delta), metric,
                ParameterSpec.scalar(HolographicNetwork.LAMBDA, m.lambda.trainable, m.lambda.initial));
    }

    /** The data loss of a training section. */
    public static DataLoss loss(TrainingConfig t) {
        return create(DataLossProvider.KIND, t.loss, "training.loss", (p, s) -> p.create(s));
    }

    /**
     * The regularisers of a training section, in the order the objective sums them: the built-in {@code boundary}
     * and {@code smoothness} configured by their fields of the training section, then those of
     * {@code training.regularisers} in the order listed, each reading its own section.
     *
     * @param metric the parametrisation whose block they act on
     */
    public static java.util.List<Regulariser> regularisers(TrainingConfig t, ModelContext context, MetricParametrisation metric) {
        Registry<RegulariserProvider> registry = Registry.of(RegulariserProvider.KIND);
        java.util.List<Regulariser> regs = new java.util.ArrayList<>();
        regs.add(registry.get(BoundaryRegulariser.NAME).create(context, metric, new MapSettings("training.boundaryRegularisation",
                java.util.Map.of("coefficient", t.boundaryRegularisation))));
        java.util.Map<String, Object> smoothness = new java.util.LinkedHashMap<>();
        smoothness.put("coefficient", t.smoothnessRegularisation);
        if (t.smoothnessProfile != null) {
            smoothness.put("profile", t.smoothnessProfile); // absent: the default, eta4, as before
        }
        regs.add(registry.get(SmoothnessRegulariser.NAME).create(context, metric, new MapSettings("training.smoothnessRegularisation", smoothness)));
        if (t.regularisers != null) {
            for (int i = 0; i < t.regularisers.size(); i++) {
                regs.add(create(RegulariserProvider.KIND, t.regularisers.get(i), "training.regularisers[" + i + "]",
                        (p, s) -> p.create(context, metric, s)));
            }
        }
        return regs;
    }

    private interface Factory<P, T> {
        T create(P provider, MapSettings settings);
    }

    private static <P extends ComponentProvider, T> T create(Kind<P> kind, ComponentSection section, String path, Factory<P, T> factory) {
        if (section == null || section.type == null) {
            throw new IllegalArgumentException(path + ": is missing (null)");
        }
        Registry<P> registry = Registry.of(kind);
        if (!registry.has(section.type)) {
            String field = section.isBare() ? path : path + "." + ComponentSection.TYPE;
            throw new IllegalArgumentException(field + ": " + registry.unknown(section.type));
        }
        MapSettings settings = section.settings(path);
        T component = factory.create(registry.get(section.type), settings);
        settings.requireAllRead();
        section.resolve(settings.resolved());
        return component;
    }
}
