package org.holo.train.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.holo.core.component.Settings;
import org.holo.core.metric.AnalyticMetrics;
import org.holo.core.metric.FixedMetric;
import org.holo.core.metric.Metric;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.ParameterLayout;
import org.holo.train.config.DataConfig;

/** physics.md §6.2: raw (φ, π) points labelled by the true network with a known metric (analytic or a table). */
public final class MetricSource implements DataSource {

    private final DataConfig.FromMetric config;

    MetricSource(DataConfig.FromMetric config) {
        this.config = config;
    }

    @Override
    public DataSources.Loaded load(Request request) throws IOException {
        DataConfig.FromMetric f = config;
        HolographicNetwork network = request.network();
        Metric exact;
        List<Path> inputs;
        double[] nodes = network.layerMap().nodes();
        if (DataConfig.FromMetric.TABLE.equals(f.metric)) {
            Path file = request.resolve(f.table);
            exact = MetricTables.read(file, network.grid(), nodes);
            inputs = List.of(file);
        } else {
            exact = AnalyticMetrics.byName(f.metric, network.theory().dimension());
            inputs = List.of();
        }
        HolographicNetwork truth = new HolographicNetwork(network.grid(), network.theory(), network.layerMap(),
                network.boundary(), network.horizon(), network.output(), new FixedMetric(exact, network.grid(), nodes),
                false, false);
        double[] params = new double[truth.layout().size()];
        if (truth.layout().has(ParameterLayout.RADIUS)) {
            params[truth.layout().offsetOf(ParameterLayout.RADIUS)] = request.radius();
        }
        params[truth.layout().offsetOf(ParameterLayout.LAMBDA)] = request.lambda();
        MetricLabelSampler sampler = new MetricLabelSampler(truth, params, f.phiRange, f.piRange, f.threshold);
        if (DataConfig.FromMetric.BERNOULLI.equals(f.labels)) {
            if (request.labels() == null) {
                throw new IllegalArgumentException("data.labels bernoulli needs the seed's label stream");
            }
            return new DataSources.Loaded(sampler.sampleBernoulli(f.positives, f.negatives, request.rng(), request.labels()), inputs);
        }
        return new DataSources.Loaded(sampler.sample(f.positives, f.negatives, request.rng()), inputs);
    }

    public static final class Provider implements DataSourceProvider {

        @Override
        public String name() {
            return "metric";
        }

        @Override
        public String description() {
            return "raw (phi, pi) points labelled by the network with a known metric: ads, ads-schwarzschild or a table (physics.md §6.2)";
        }

        @Override
        public DataSource create(Settings s) {
            DataConfig.FromMetric f = new DataConfig.FromMetric();
            f.metric = s.text("metric", f.metric);
            f.table = s.text("table", f.table);
            f.labels = s.text("labels", f.labels);
            f.phiRange = s.numbers("phiRange", f.phiRange);
            f.piRange = s.numbers("piRange", f.piRange);
            f.threshold = s.number("threshold", f.threshold);
            f.positives = s.integer("positives", f.positives);
            f.negatives = s.integer("negatives", f.negatives);
            return new MetricSource(f);
        }
    }
}
