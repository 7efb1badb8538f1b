package org.holo.train.posterior;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.holo.core.posterior.Sampling;
import org.holo.train.config.ConfigLoader;
import org.holo.train.ensemble.EnsembleRun;
import org.holo.train.report.Reports;
import org.holo.train.run.FinishedRun;

/** {@code holo posterior} as a library call: a run or an ensemble directory in, the posterior's files out. */
public final class PosteriorCommandSupport {

    /** What was written and the one-line summary for stderr. */
    public record Outcome(List<Path> written, String summary) {
    }

    private PosteriorCommandSupport() {
    }

    /** The runs a directory stands for: itself, or the converged members of an ensemble (in seed order). */
    public static List<FinishedRun> runs(Path dir) throws IOException {
        if (!Reports.isEnsemble(dir)) {
            return List.of(FinishedRun.read(dir));
        }
        Path summaryFile = dir.resolve(EnsembleRun.SUMMARY);
        JsonNode summary = ConfigLoader.mapper().readTree(Files.readString(summaryFile));
        List<FinishedRun> runs = new ArrayList<>();
        JsonNode members = summary.get("runs");
        if (members != null && members.isArray()) {
            for (JsonNode m : members) {
                if (m.path("converged").asBoolean(false) && m.hasNonNull("directory")) {
                    runs.add(FinishedRun.read(dir.resolve(m.get("directory").asText())));
                }
            }
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException(summaryFile + ": no converged member to start the posterior from");
        }
        return runs;
    }

    public static Outcome run(Path dir, Path out, int samples, int warmup, int chains, Long seed, Double priorScale, int threads)
            throws IOException {
        long start = System.nanoTime();
        List<FinishedRun> runs = runs(dir);
        PosteriorRun.Options o = new PosteriorRun.Options(samples, warmup, chains,
                seed != null ? seed : runs.get(0).config().training.seed, priorScale, threads);
        PosteriorRun.Model model = PosteriorRun.model(runs, priorScale);
        Sampling.Result result = PosteriorRun.sample(model, o);
        PosteriorSummary s = PosteriorSummary.of(model.posterior().coordinates(), result);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Path> written = PosteriorFiles.write(out != null ? out : dir, model, o, result, s, runs.get(0).h(), seconds);
        double acc = 0.0;
        for (double a : PosteriorSummary.acceptance(result)) {
            acc += a / chains;
        }
        String summary = String.format(java.util.Locale.ROOT,
                "posterior of %d data, %d chains x %d draws: acceptance %.2f, min ESS %.0f, max split R-hat %.3f%s (%.1f s)",
                model.posterior().data().size(), chains, samples, acc, s.minEss(), s.maxRhat(),
                s.maxRhat() > 1.01 ? ": the chains disagree, do not trust the bands (more --samples, or look at posterior.json)" : "",
                seconds);
        return new Outcome(written, summary);
    }
}
