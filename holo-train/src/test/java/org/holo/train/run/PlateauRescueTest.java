package org.holo.train.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.holo.train.Experiment;
import org.holo.train.TestSupport;
import org.holo.train.config.ConfigLoader;
import org.junit.jupiter.api.Test;

/**
 * experiments/robust-qcd.json on seed 3, shortened to 600 epochs per attempt (~4 s): the paper's recipe puts this
 * seed on the flat-output plateau, where L collapses; the restart at epoch 300 detects it and the fresh attempt
 * takes the escape route every converging run takes (λ driven negative while the data loss falls below 0.25).
 */
class PlateauRescueTest {

    @Test
    void aCollapsedAttemptIsDetectedAndItsRestartLeavesThePlateau() throws Exception {
        ConfigLoader.Loaded l = TestSupport.load(TestSupport.projectRoot().resolve("experiments/robust-qcd.json"),
                "training.seed=3", "training.epochs=600");
        TrainingRun.Outcome out = TrainingRun.train(Experiment.build(l.config(), l.baseDir()), null);
        List<JsonNode> epochs = new ArrayList<>();
        for (String line : out.metricsLog().split("\n")) {
            epochs.add(ConfigLoader.mapper().readTree(line));
        }
        assertEquals(1, out.result().restarts());
        assertEquals(900, epochs.size(), "300 epochs judged, then a full attempt of 600");

        // attempt 0 at its judgement: no better than answering alike for everything, L collapsed (0.8 → 0.045)
        JsonNode judged = epochs.get(299);
        assertTrue(judged.get("data_loss").asDouble() > 0.25, judged.toString());
        assertTrue(judged.get("L").asDouble() < 0.1, judged.toString());
        assertTrue(!judged.has("attempt"), judged.toString());

        // attempt 1 at its own judgement (epoch 600): off the plateau, λ well below 0 (measured 0.2461, −14.6)
        JsonNode kept = epochs.get(599);
        assertEquals(1, kept.get("attempt").asInt());
        assertTrue(kept.get("data_loss").asDouble() < 0.248, kept.toString());
        assertTrue(kept.get("lambda").asDouble() < -5, kept.toString());
        // and still learning at the end (measured 0.2186 at epoch 900)
        assertTrue(epochs.get(899).get("data_loss").asDouble() < 0.23, epochs.get(899).toString());
    }
}
