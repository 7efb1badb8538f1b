package org.holo.train.posterior;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.holo.train.config.ConfigLoader;
import org.holo.train.io.AtomicFiles;
import org.holo.train.io.JsonNumbers;
import org.holo.train.report.PosteriorPlots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The full simulation-based calibration (opt in: {@code mvn -B -Psbc -pl holo-core,holo-train test}, or
 * {@code -Dholo.sbc=true}; docs/testing.md): 200 truths from the prior of experiments/calibration/sbc-qcd-small.json,
 * 2 chains of 150 draws after 150 warm-up iterations each, 99 thinned draws ranked, 10 bins; the ranks of h at
 * every layer, of L and of λ must be uniform (χ² p > 0.01). Writes target/sbc/sbc.json, sbc-ranks.csv and the
 * rank histograms sbc-ranks.png/.svg (the figure of docs/results/posterior.md).
 */
@EnabledIfSystemProperty(named = "holo.sbc", matches = "true")
class CalibrationBenchmarkTest {

    @Test
    void ranksAreUniformOverTwoHundredTruths() throws Exception {
        long start = System.nanoTime();
        SimulationBasedCalibration.Settings s = new SimulationBasedCalibration.Settings(200, 200, 2, 150, 150, 99, 10, 200,
                SimulationBasedCalibration.PRIOR, 1, Runtime.getRuntime().availableProcessors());
        SimulationBasedCalibration.Result r = SimulationBasedCalibration.run(CalibrationTest.config(), s, p -> p);
        double seconds = (System.nanoTime() - start) / 1e9;
        Path dir = Path.of("target", "sbc");
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("replicate," + String.join(",", r.quantities()) + "\n");
        for (int i = 0; i < r.ranks().length; i++) {
            csv.append(i);
            for (int v : r.ranks()[i]) {
                csv.append(',').append(v);
            }
            csv.append('\n');
        }
        AtomicFiles.write(dir.resolve("sbc-ranks.csv"), csv.toString());
        ObjectNode j = ConfigLoader.mapper().createObjectNode();
        j.put("config", "experiments/calibration/sbc-qcd-small.json");
        j.put("replicates", s.replicates());
        j.put("data_per_replicate", s.data());
        j.put("chains", s.chains());
        j.put("warmup", s.warmup());
        j.put("samples_per_chain", s.samples());
        j.put("ranked_draws", s.ranked());
        j.put("bins", s.bins());
        JsonNumbers.put(j, "mean_acceptance", r.meanAcceptance());
        JsonNumbers.put(j, "fraction_of_labels_1", r.fractionLabelOne());
        ObjectNode p = j.putObject("chi2_p_values");
        for (int q = 0; q < r.quantities().size(); q++) {
            JsonNumbers.put(p, r.quantities().get(q), r.pValues().get(q));
        }
        ArrayNode h = j.putArray("histograms");
        for (int[] counts : r.histograms()) {
            ArrayNode a = h.addArray();
            for (int c : counts) {
                a.add(c);
            }
        }
        JsonNumbers.put(j, "seconds", seconds);
        AtomicFiles.write(dir.resolve("sbc.json"), ConfigLoader.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(j) + "\n");
        PosteriorPlots.ranks(dir, "sbc-ranks", "sbc-qcd-small, " + s.replicates() + " truths", r.quantities(), r.histograms(),
                r.pValues());
        System.out.printf("SBC (%d truths, %.0f s): acceptance %.2f, p-values %s%n", s.replicates(), seconds, r.meanAcceptance(),
                r.pValues());
        assertTrue(r.minPValue() > 0.01, "ranks not uniform: " + r.quantities() + " " + r.pValues());
    }
}
