package org.holo.train.spectrum;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.holo.train.config.ConfigLoader;
import org.holo.train.io.AtomicFiles;
import org.holo.train.loop.TrainingListener;

/**
 * A meson-spectrum config trained from many seeds (holo ensemble): one run directory per seed, seed-S, each the
 * single run of its seed (so {@code holo reproduce} works on a member), then the spread of every state's predicted
 * mass over the converged members in spectrum-ensemble.csv and spectrum-ensemble.json.
 */
public final class SpectralEnsemble {

    public static final String CSV = "spectrum-ensemble.csv";
    public static final String SUMMARY = "spectrum-ensemble.json";

    private SpectralEnsemble() {
    }

    /** The members' summaries in seed order, and how many converged. */
    public record Outcome(List<SpectralOutputs.Summary> members, int converged) {
    }

    /**
     * Trains every config (one per seed, same but for training.seed) into its own directory under {@code dir}.
     * {@code progress} gets each member's label before it starts, may be null.
     */
    public static Outcome execute(List<SpectralConfig> configs, Path dir, java.util.function.Function<String, TrainingListener> progress)
            throws IOException {
        Files.createDirectories(dir);
        List<SpectralOutputs.Summary> members = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        for (SpectralConfig c : configs) {
            Path member = dir.resolve("seed-" + c.training.seed); // as holo ensemble names the members of every experiment
            dirs.add(member);
            members.add(SpectralRun.execute(c, member, progress == null ? null : progress.apply(c.name + " seed " + c.training.seed)));
        }
        List<SpectralOutputs.Summary> ok = members.stream().filter(SpectralOutputs.Summary::converged).toList();
        StringBuilder csv = new StringBuilder("state,S,n,role,m_data_GeV,sigma_GeV,m_model_mean_GeV,m_model_std_GeV,m_model_min_GeV,m_model_max_GeV,members\n");
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.put("experiment", configs.get(0).name);
        summary.put(SpectralOutputs.KIND, SpectralConfig.KIND);
        ArrayNode runs = summary.putArray("runs");
        for (int i = 0; i < members.size(); i++) {
            SpectralOutputs.Summary m = members.get(i);
            ObjectNode r = runs.addObject();
            r.put("seed", m.seed());
            r.put("dir", dir.relativize(dirs.get(i)).toString());
            r.put("loss", Double.isFinite(m.loss()) ? m.loss() : null);
            r.put("converged", m.converged());
        }
        summary.put("converged", ok.size());
        ArrayNode states = summary.putArray(SpectralOutputs.STATES);
        int count = members.get(0).rows().size();
        for (int k = 0; k < count; k++) {
            SpectralOutputs.Row first = members.get(0).rows().get(k);
            double sum = 0.0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (SpectralOutputs.Summary m : ok) {
                double v = m.rows().get(k).model();
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double mean = ok.isEmpty() ? Double.NaN : sum / ok.size();
            double var = 0.0;
            for (SpectralOutputs.Summary m : ok) {
                double d = m.rows().get(k).model() - mean;
                var += d * d;
            }
            double std = ok.size() > 1 ? Math.sqrt(var / (ok.size() - 1)) : Double.NaN;
            csv.append(first.state().name()).append(',').append(first.state().spin()).append(',').append(first.state().n()).append(',')
                    .append(first.role()).append(',').append(first.state().mass()).append(',').append(first.sigma()).append(',')
                    .append(mean).append(',').append(std).append(',').append(ok.isEmpty() ? Double.NaN : min).append(',')
                    .append(ok.isEmpty() ? Double.NaN : max).append(',').append(ok.size()).append('\n');
            ObjectNode s = states.addObject();
            s.put("state", first.state().name());
            s.put("S", first.state().spin());
            s.put("n", first.state().n());
            s.put("role", first.role());
            s.put("m_data_GeV", first.state().mass());
            s.put("sigma_GeV", first.sigma());
            if (!ok.isEmpty()) {
                s.put("m_model_mean_GeV", mean);
                s.put("m_model_min_GeV", min);
                s.put("m_model_max_GeV", max);
            }
            if (ok.size() > 1) {
                s.put("m_model_std_GeV", std);
            }
        }
        AtomicFiles.write(dir.resolve(CSV), csv.toString());
        AtomicFiles.write(dir.resolve(SUMMARY), ConfigLoader.mapper().writeValueAsString(summary) + "\n");
        return new Outcome(members, ok.size());
    }
}
