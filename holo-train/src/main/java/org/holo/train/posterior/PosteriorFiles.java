package org.holo.train.posterior;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.holo.core.posterior.Coordinates;
import org.holo.core.posterior.GaussianPrior;
import org.holo.core.posterior.Hmc;
import org.holo.core.posterior.Laplace;
import org.holo.core.posterior.Sampling;
import org.holo.train.config.ConfigLoader;
import org.holo.train.io.AtomicFiles;
import org.holo.train.io.JsonNumbers;
import org.holo.train.report.PosteriorPlots;

/**
 * The files of {@code holo posterior}, all computed before the first is written:
 * <pre>
 *   posterior.csv          eta,mean,q2.5,q16,median,q84,q97.5 of h, one row per layer (boundary first)
 *   posterior-scalars.csv  name,mean,q2.5,q16,median,q84,q97.5 of L (GeV⁻¹) and λ, where they are sampled
 *   laplace.csv            quantity,eta,mode,sd,q2.5,q16,q84,q97.5: the Laplace approximation (of the first start)
 *   posterior-draws.csv    chain,draw and every sampled coordinate (log_L for L)
 *   posterior.json         settings, likelihood, prior, per-chain acceptance, ESS and split R-hat of every quantity
 *   posterior.png/.svg     h with its 68 % and 95 % bands beside the trained h
 * </pre>
 */
public final class PosteriorFiles {

    public static final String CSV = "posterior.csv";
    public static final String SCALARS = "posterior-scalars.csv";
    public static final String LAPLACE = "laplace.csv";
    public static final String DRAWS = "posterior-draws.csv";
    public static final String JSON = "posterior.json";
    public static final String PLOT = "posterior";
    static final String QUANTILES = "q2.5,q16,median,q84,q97.5";

    private PosteriorFiles() {
    }

    public static List<Path> write(Path dir, PosteriorRun.Model model, PosteriorRun.Options options, Sampling.Result result,
                                   PosteriorSummary summary, double[] trainedH, double seconds) throws IOException {
        String csv = hCsv(summary);
        String scalars = scalarsCsv(summary);
        String laplace = laplaceCsv(summary);
        String draws = drawsCsv(model.posterior().coordinates(), result);
        String json = ConfigLoader.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(json(model, options, result, summary, seconds)) + "\n";
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (String[] f : new String[][] {{CSV, csv}, {SCALARS, scalars}, {LAPLACE, laplace}, {DRAWS, draws}, {JSON, json}}) {
            Path p = dir.resolve(f[0]);
            AtomicFiles.write(p, f[1]);
            written.add(p);
        }
        written.addAll(PosteriorPlots.metric(dir, PLOT, model.config().name, model.network().theory().dimension(), summary,
                trainedH));
        return written;
    }

    static String hCsv(PosteriorSummary s) {
        StringBuilder sb = new StringBuilder("eta,mean,").append(QUANTILES).append('\n');
        for (int i = 0; i < s.eta().length; i++) {
            PosteriorSummary.Row r = s.h().get(i);
            sb.append(s.eta()[i]).append(',').append(r.mean());
            for (double q : r.quantiles()) {
                sb.append(',').append(q);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String scalarsCsv(PosteriorSummary s) {
        StringBuilder sb = new StringBuilder("name,mean,").append(QUANTILES).append('\n');
        for (PosteriorSummary.Row r : s.scalars()) {
            sb.append(r.name()).append(',').append(r.mean());
            for (double q : r.quantiles()) {
                sb.append(',').append(q);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String laplaceCsv(PosteriorSummary s) {
        StringBuilder sb = new StringBuilder("quantity,eta,mode,sd,q2.5,q16,q84,q97.5\n");
        List<PosteriorSummary.Row> rows = new ArrayList<>(s.laplaceH());
        rows.addAll(s.laplaceScalars());
        for (int i = 0; i < rows.size(); i++) {
            PosteriorSummary.Row r = rows.get(i);
            sb.append(r.name()).append(',').append(i < s.eta().length ? Double.toString(s.eta()[i]) : "")
                    .append(',').append(r.mean()).append(',').append(r.sd());
            for (int k : new int[] {0, 1, 3, 4}) {
                sb.append(',').append(r.q(k));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String drawsCsv(Coordinates c, Sampling.Result r) {
        StringBuilder sb = new StringBuilder("chain,draw");
        for (int k = 0; k < c.dimension(); k++) {
            sb.append(',').append(c.name(k));
        }
        sb.append('\n');
        for (int chain = 0; chain < r.chains().size(); chain++) {
            double[][] d = r.chains().get(chain).draws();
            for (int j = 0; j < d.length; j++) {
                sb.append(chain).append(',').append(j);
                for (double v : d[j]) {
                    sb.append(',').append(v);
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    static ObjectNode json(PosteriorRun.Model model, PosteriorRun.Options o, Sampling.Result r, PosteriorSummary s,
                           double seconds) {
        ObjectNode j = ConfigLoader.mapper().createObjectNode();
        j.put("runs", model.runs().size());
        ArrayNode dirs = j.putArray("started_at");
        model.runs().forEach(p -> dirs.add(p.toString()));
        j.put("data_points", model.posterior().data().size());
        ObjectNode lik = j.putObject("likelihood");
        lik.put("model", "bernoulli: y ~ Bernoulli(clip + (1 - 2 clip) t(F)), summed over all data");
        JsonNumbers.put(lik, "clip", model.posterior().likelihood().clip());
        lik.put("trained_with", model.trainedWith());
        GaussianPrior.Scales sc = model.posterior().prior().scales();
        ObjectNode prior = j.putObject("prior");
        prior.put("regularisers", "exp(-scale * (boundary + smoothness penalties of the training section))");
        JsonNumbers.put(prior, "scale", sc.scale());
        JsonNumbers.put(prior, "metric_sd", sc.metricSd());
        JsonNumbers.put(prior, "log_L_sd", sc.logRadiusSd());
        JsonNumbers.put(prior, "lambda_sd", sc.lambdaSd());
        ObjectNode sampler = j.putObject("sampler");
        sampler.put("method", "HMC, Laplace-whitened (mass matrix = Laplace Hessian), dual-averaging step size in warm-up");
        sampler.put("chains", o.chains());
        sampler.put("warmup", o.warmup());
        sampler.put("samples_per_chain", o.samples());
        sampler.put("seed", o.seed());
        sampler.put("streams", PosteriorRun.CHAIN_STREAM + "0.." + (o.chains() - 1));
        ArrayNode chains = j.putArray("chains");
        for (int k = 0; k < r.chains().size(); k++) {
            Hmc.Chain c = r.chains().get(k);
            ObjectNode n = chains.addObject();
            n.put("chain", k);
            n.put("start", k % model.starts().size());
            JsonNumbers.put(n, "acceptance", c.acceptance());
            JsonNumbers.put(n, "step_size", c.stepSize());
            JsonNumbers.put(n, "mean_leapfrog_steps", c.meanSteps());
            n.put("divergences", c.divergences());
            n.put("gradient_evaluations", c.gradientEvaluations());
        }
        ArrayNode laplace = j.putArray("laplace");
        for (Laplace.Result l : r.laplace()) {
            ObjectNode n = laplace.addObject();
            n.put("converged", l.converged());
            n.put("newton_iterations", l.iterations());
            n.put("repaired_eigenvalues", l.repaired());
            JsonNumbers.put(n, "log_posterior_at_mode", l.logDensity());
            JsonNumbers.addAll(n.putArray("hessian_eigenvalues"), l.eigen().values());
        }
        ObjectNode diag = j.putObject("diagnostics");
        JsonNumbers.put(diag, "max_split_rhat", s.maxRhat());
        JsonNumbers.put(diag, "min_ess", s.minEss());
        ArrayNode q = diag.putArray("quantities");
        List<PosteriorSummary.Row> rows = new ArrayList<>(s.h());
        rows.addAll(s.scalars());
        for (PosteriorSummary.Row row : rows) {
            ObjectNode n = q.addObject();
            n.put("name", row.name());
            JsonNumbers.put(n, "mean", row.mean());
            JsonNumbers.put(n, "sd", row.sd());
            JsonNumbers.put(n, "ess", row.ess());
            JsonNumbers.put(n, "split_rhat", row.rhat());
        }
        JsonNumbers.put(j, "seconds", seconds);
        return j;
    }
}
