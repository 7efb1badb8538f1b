package org.holo.train.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.holo.core.component.Settings;
import org.holo.core.data.LabelledData;
import org.holo.core.data.NumericTable;

/**
 * A test-only data source, registered through src/test/resources/META-INF/services as a researcher's jar would:
 * (φ, π) points from a "simulation" output file, labelled positive (0) inside the disc φ² + π² &lt; radius².
 */
public final class DiscSimulationSource implements DataSource {

    private final String points;
    private final double radius;

    private DiscSimulationSource(String points, double radius) {
        this.points = points;
        this.radius = radius;
    }

    @Override
    public DataSources.Loaded load(Request request) throws IOException {
        Path file = request.resolve(points);
        NumericTable t = DataSources.readTable(file, List.of("phi", "pi"));
        double[] phi = t.column("phi");
        double[] pi = t.column("pi");
        double[] y = new double[phi.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = phi[i] * phi[i] + pi[i] * pi[i] < radius * radius ? 0.0 : 1.0;
        }
        return new DataSources.Loaded(new LabelledData(request.network().boundary().inputColumns(), phi, pi, y), List.of(file));
    }

    public static final class Provider implements DataSourceProvider {

        @Override
        public String name() {
            return "test-disc";
        }

        @Override
        public String description() {
            return "test only: simulated (phi, pi) points labelled by a disc";
        }

        @Override
        public DataSource create(Settings s) {
            String file = s.text("points", null);
            if (file == null || file.isBlank()) {
                throw s.invalid("points", "must name the simulation's CSV file (columns phi,pi)");
            }
            double r = s.number("radius", 0.5);
            if (!(r > 0)) {
                throw s.invalid("radius", "must be > 0, got " + r);
            }
            return new DiscSimulationSource(file, r);
        }

        @Override
        public List<String> fileFields() {
            return List.of("points");
        }
    }
}
