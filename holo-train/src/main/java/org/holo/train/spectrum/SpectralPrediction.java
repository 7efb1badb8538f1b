package org.holo.train.spectrum;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.holo.core.spectrum.MesonModel;
import org.holo.train.config.ConfigLoader;
import org.holo.train.run.ResultFields;
import org.holo.train.run.RunDirectory;

/** The masses a finished meson-spectrum run predicts for any spin and radial number (holo predict). */
public final class SpectralPrediction {

    private SpectralPrediction() {
    }

    /** One level: spin, radial number, m² (GeV²) and m (GeV). */
    public record Level(int spin, int n, double massSquared, double mass) {
    }

    /** The model of {@code runDir} (config.json) at its trained parameters (result.json). */
    public record Trained(MesonModel model, double[] params) {
    }

    public static Trained read(Path runDir) throws IOException {
        Path result = runDir.resolve(RunDirectory.RESULT);
        if (!Files.isRegularFile(result)) {
            throw new IllegalArgumentException(runDir + ": not a finished run directory (no result.json)");
        }
        SpectralConfig config = SpectralConfigs.load(runDir.resolve(RunDirectory.CONFIG), List.of()).config();
        MesonModel model = SpectralExperiment.model(config.model);
        JsonNode p = ConfigLoader.mapper().readTree(Files.readString(result)).path(ResultFields.PARAMETERS);
        double[] params = new double[model.parameterCount()];
        read(p, SpectralExperiment.WARP, params, 0, model.warp().size(), result);
        read(p, SpectralExperiment.DILATON, params, model.dilatonOffset(), model.dilaton().size(), result);
        return new Trained(model, params);
    }

    private static void read(JsonNode parameters, String block, double[] into, int offset, int size, Path file) {
        JsonNode a = parameters.path(block);
        if (!a.isArray() || a.size() != size) {
            throw new IllegalArgumentException(file + ": parameters." + block + ": expected " + size + " numbers");
        }
        for (int i = 0; i < size; i++) {
            if (!a.get(i).isNumber()) {
                throw new IllegalArgumentException(file + ": parameters." + block + "[" + i + "]: not a number (the run diverged?)");
            }
            into[offset + i] = a.get(i).asDouble();
        }
    }

    /** Levels n = 0 … maxN of every spin in {@code spins}. */
    public static List<Level> levels(Trained t, int[] spins, int maxN) {
        List<Level> out = new ArrayList<>();
        for (int spin : spins) {
            if (spin < 1) {
                throw new IllegalArgumentException("--spin: spins are 1 or more, got " + spin);
            }
            MesonModel.Tower tower = t.model().tower(t.params(), spin, maxN + 1);
            for (int n = 0; n <= maxN; n++) {
                out.add(new Level(spin, n, tower.massSquared()[n], tower.mass(n)));
            }
        }
        return out;
    }

    public static String csv(List<Level> levels) {
        StringBuilder sb = new StringBuilder("S,n,m2_GeV2,m_GeV\n");
        for (Level l : levels) {
            sb.append(l.spin()).append(',').append(l.n()).append(',').append(l.massSquared()).append(',').append(l.mass()).append('\n');
        }
        return sb.toString();
    }

    public static String table(List<Level> levels) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%3s %3s %12s %10s%n", "S", "n", "m2 [GeV^2]", "m [GeV]"));
        for (Level l : levels) {
            sb.append(String.format(Locale.ROOT, "%3d %3d %12.5f %10.5f%n", l.spin(), l.n(), l.massSquared(), l.mass()));
        }
        return sb.toString();
    }
}
