package org.holo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void generateWritesTheLabelledData() throws Exception {
        Path csv = tmp.resolve("out/data.csv");
        Cli.Result r = Cli.run("generate", Cli.qcd(), "--set", "data.positives=300", "--set", "data.negatives=250",
                "--out", csv.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("wrote 550 points (300 positive)"), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("m_q_GeV,condensate_GeV3,label", lines.get(0));
        assertEquals(551, lines.size());
        int positives = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertEquals(3, f.length);
            double mq = Double.parseDouble(f[0]);
            double sigma = Double.parseDouble(f[1]);
            assertTrue(mq >= 0 && mq < 0.022 && sigma >= 0 && sigma < 0.11, line);
            assertTrue(f[2].equals("0") || f[2].equals("1"), line);
            if (f[2].equals("0")) {
                positives++;
            }
        }
        assertEquals(300, positives);

        Path ads = tmp.resolve("ads.csv");
        Cli.Result a = Cli.run("generate", Cli.ads(), "--set", "data.positives=50", "--set", "data.negatives=50",
                "--out", ads.toString());
        assertEquals(0, a.exitCode(), a.err());
        assertTrue(Files.readString(ads).startsWith("phi,pi,label\n"));
    }

    @Test
    void trainingOnGeneratedCsvEqualsTrainingOnTheSampler() throws Exception {
        // generate writes the sampler's points in the sampler's order; data, init and shuffle streams are separate,
        // so a csv-sourced run with the same seed sees the same data, the same initial weights and the same batches
        String[] size = {"--set", "data.positives=400", "--set", "data.negatives=300"};
        String[] schedule = {"--set", "training.epochs=2", "--seed", "5", "--quiet"};
        Path csv = tmp.resolve("data.csv");
        assertEquals(0, Cli.run(TrainCommandTest.concat(new String[] {"generate", Cli.qcd(), "--seed", "5", "--out", csv.toString()},
                size)).exitCode());

        ObjectNode tree = (ObjectNode) JSON.readTree(Path.of(Cli.qcd()).toFile());
        ObjectNode data = JSON.createObjectNode();
        data.put("source", "csv");
        data.put("file", "data.csv"); // relative to the config file
        tree.set("data", data);
        tree.put("name", "qcd-from-csv");
        Path config = tmp.resolve("from-csv.json");
        Files.writeString(config, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree));

        Path fromSampler = tmp.resolve("sampler");
        Path fromCsv = tmp.resolve("csv");
        Cli.Result s = Cli.run(TrainCommandTest.concat(TrainCommandTest.concat(
                new String[] {"train", Cli.qcd(), "--out", fromSampler.toString()}, size), schedule));
        assertEquals(0, s.exitCode(), s.err());
        Cli.Result c = Cli.run(TrainCommandTest.concat(new String[] {"train", config.toString(), "--out", fromCsv.toString()}, schedule));
        assertEquals(0, c.exitCode(), c.err());
        assertArrayEquals(Files.readAllBytes(fromSampler.resolve("metric.csv")), Files.readAllBytes(fromCsv.resolve("metric.csv")));
        assertArrayEquals(Files.readAllBytes(fromSampler.resolve("metrics.jsonl")), Files.readAllBytes(fromCsv.resolve("metrics.jsonl")));
        assertEquals(JSON.readTree(fromSampler.resolve("result.json").toFile()).get("loss"),
                JSON.readTree(fromCsv.resolve("result.json").toFile()).get("loss"));
        assertEquals(tmp.resolve("data.csv").toString(),
                JSON.readTree(fromCsv.resolve("config.json").toFile()).get("data").get("file").textValue());
    }
}
