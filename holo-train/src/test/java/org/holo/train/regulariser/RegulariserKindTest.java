package org.holo.train.regulariser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.holo.core.component.Registry;
import org.holo.core.loss.BoundaryRegulariser;
import org.holo.core.loss.Regulariser;
import org.holo.core.loss.RegulariserProvider;
import org.holo.core.loss.SmoothnessRegulariser;
import org.holo.core.model.Batch;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;
import org.holo.train.Experiment;
import org.holo.train.TestSupport;
import org.holo.train.backend.DjlBackend;
import org.holo.train.config.ConfigException;
import org.holo.train.config.ConfigLoader;
import org.holo.train.config.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regularisers are a kind: the training fields configure the built-in boundary and smoothness ones exactly as
 * before, {@code training.regularisers} adds registered ones (here {@link TestRidgeRegulariser}, which only this
 * module's test resources register: no edit to Holo), each checking its own section.
 */
class RegulariserKindTest {

    private static final String[] SMALL = {"data.positives=40", "data.negatives=40", "training.batchSize=10"};

    private static String[] with(String... more) {
        List<String> all = new ArrayList<>();
        for (String s : SMALL) {
            all.add(s);
        }
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static Experiment ads(String... overrides) throws Exception {
        return TestSupport.build(TestSupport.adsConfig(), with(overrides));
    }

    private static Batch batch(Experiment e) {
        int n = 20;
        double[] x0 = new double[n];
        double[] x1 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x0[i] = e.data().x0(i);
            x1[i] = e.data().x1(i);
            y[i] = e.data().label(i);
        }
        return Batch.of(x0, x1, y);
    }

    @Test
    void theTrainingFieldsConfigureTheTwoBuiltInsInTheirOrder() throws Exception {
        Experiment e = ads("training.boundaryRegularisation=0.03", "training.smoothnessProfile=uniform");
        List<Regulariser> regs = Experiment.regularisers(e.config(), e.network());
        assertEquals(List.of(BoundaryRegulariser.NAME, SmoothnessRegulariser.NAME), regs.stream().map(Regulariser::name).toList());
        // built by hand as before they were a kind: the same penalty and gradient, bit for bit
        HolographicNetwork net = e.network();
        List<Regulariser> byHand = List.of(new BoundaryRegulariser(0.03, e.config().model.dimension, net.metric()),
                new SmoothnessRegulariser(0.1, net.grid(), true, net.metric()));
        double[] p = e.initialParams();
        double[] g = new double[p.length];
        double[] gHand = new double[p.length];
        for (int k = 0; k < 2; k++) {
            assertEquals(byHand.get(k).evaluate(p, net.metricOffset(), gHand), regs.get(k).evaluate(p, net.metricOffset(), g));
        }
        assertArrayEquals(gHand, g);
        assertTrue(e.config().training.regularisers.isEmpty());
        assertTrue(!ConfigLoader.toJson(e.config()).contains("\"regularisers\""), "config.json without extra regularisers is as before");
    }

    @Test
    void theBuiltInsNamedInTheListEqualTheTrainingFields() throws Exception {
        Experiment fields = ads();
        Experiment listed = ads("training.boundaryRegularisation=0", "training.smoothnessRegularisation=0",
                "training.regularisers=[{\"type\": \"boundary\"}, {\"type\": \"smoothness\", \"coefficient\": 0.1}]");
        Batch b = batch(fields);
        double[] p = fields.initialParams();
        double[] g1 = new double[p.length];
        double[] g2 = new double[p.length];
        Objective.Value v1 = new Objective.Value();
        Objective.Value v2 = new Objective.Value();
        fields.objective().evaluate(p, b, g1, fields.objective().newWorkspace(b.capacity()), v1);
        listed.objective().evaluate(p, b, g2, listed.objective().newWorkspace(b.capacity()), v2);
        assertTrue(v1.regularisation > 0);
        // the zero-coefficient built-ins add exact zeros: the sum is the same to the last bit
        assertEquals(v1.regularisation, v2.regularisation, 0.0);
        assertEquals(v1.total, v2.total, 0.0);
        assertArrayEquals(g1, g2, 0.0);
        // the listed sections are resolved, defaults included, for config.json
        String json = ConfigLoader.toJson(listed.config());
        assertTrue(json.replaceAll("\\s", "").contains("\"regularisers\":[{\"type\":\"boundary\",\"coefficient\":0.01},"
                + "{\"type\":\"smoothness\",\"coefficient\":0.1,\"profile\":\"eta4\"}]"), json);
    }

    @Test
    void aRegulariserFromServicesIsAddedAfterTheBuiltIns() throws Exception {
        assertTrue(Registry.of(RegulariserProvider.KIND).names().contains(TestRidgeRegulariser.NAME));
        Experiment plain = ads();
        Experiment ridged = ads("training.regularisers=[{\"type\": \"test-ridge\", \"coefficient\": 0.25}]");
        List<Regulariser> regs = Experiment.regularisers(ridged.config(), ridged.network());
        assertEquals(List.of("boundary", "smoothness", "test-ridge"), regs.stream().map(Regulariser::name).toList());

        Batch b = batch(plain);
        double[] p = plain.initialParams();
        Objective.Value without = new Objective.Value();
        Objective.Value with = new Objective.Value();
        double[] g0 = new double[p.length];
        double[] g1 = new double[p.length];
        plain.objective().evaluate(p, b, g0, plain.objective().newWorkspace(b.capacity()), without);
        ridged.objective().evaluate(p, b, g1, ridged.objective().newWorkspace(b.capacity()), with);
        assertEquals(without.data, with.data, 0.0);
        // the ridge, computed here from h at the layers: 0.25 Σ (h_i − 3)², with ∂/∂h_i = 0.5 (h_i − 3) on per-layer weights
        HolographicNetwork net = plain.network();
        double[] h = net.metricAtLayers(p);
        double ridge = 0.0;
        for (double hi : h) {
            ridge += 0.25 * (hi - 3) * (hi - 3);
        }
        assertTrue(ridge > 1e-3, "the test must see the ridge: " + ridge);
        assertEquals(without.regularisation + ridge, with.regularisation, 1e-14 * with.regularisation);
        for (int i = 0; i < p.length; i++) {
            int layer = i - net.metricOffset();
            double expected = layer >= 0 && layer < h.length ? 0.5 * (h[layer] - 3) : 0.0;
            assertEquals(expected, g1[i] - g0[i], 1e-12, "gradient entry " + i);
        }
    }

    @Test
    void eachSectionIsCheckedByItsComponentWithItsPath() throws Exception {
        assertEquals("training.regularisers[0].type: unknown regulariser 'lasso' (known: boundary, smoothness, test-ridge)",
                rejected("[{\"type\": \"lasso\"}]"));
        assertEquals("training.regularisers[1]: unknown regulariser 'lasso' (known: boundary, smoothness, test-ridge)",
                rejected("[\"smoothness\", \"lasso\"]"));
        assertEquals("training.regularisers[1].colour: unknown field (known fields here: coefficient, profile)",
                rejected("[\"boundary\", {\"type\": \"smoothness\", \"colour\": 1}]"));
        assertEquals("training.regularisers[0].profile: unknown value 'flat' (expected one of eta4, uniform)",
                rejected("[{\"type\": \"smoothness\", \"profile\": \"flat\"}]"));
        assertEquals("training.regularisers[0].coefficient: must be finite and > 0, got -1.0",
                rejected("[{\"type\": \"test-ridge\", \"coefficient\": -1}]"));
        assertEquals("training.regularisers[0].coefficient: wrong type, expected a number, found \"big\"",
                rejected("[{\"type\": \"boundary\", \"coefficient\": \"big\"}]"));
        assertEquals("training.regularisers: wrong type, expected a list [ … ], found \"smoothness\"", rejected("\"smoothness\""));
        assertEquals("training.regularisers[0]: type: is missing (the name of a registered component)", rejected("[{\"coefficient\": 1}]"));
    }

    @TempDir
    Path tmp;

    /** The one-line error of the ADS config with {@code training.regularisers} set to {@code json}, without the file name. */
    private String rejected(String json) throws Exception {
        ObjectNode tree = (ObjectNode) ConfigLoader.mapper().readTree(Files.readString(TestSupport.adsConfig()));
        ((ObjectNode) tree.get("training")).set("regularisers", ConfigLoader.mapper().readTree(json));
        Path file = tmp.resolve("config.json");
        Files.writeString(file, ConfigLoader.mapper().writeValueAsString(tree));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, List.of()));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e.getMessage().substring((file + ": ").length());
    }

    @Test
    void djlRefusesARegulariserWithoutATensorFormInOneLine() throws Exception {
        Experiment e = ads("training.regularisers=[\"test-ridge\"]");
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> DjlBackend.open(e.config(), e.network(), e.objective(), "cpu"));
        assertEquals(1, x.getMessage().lines().count(), x.getMessage());
        assertTrue(x.getMessage().startsWith("the djl backend cannot run regulariser 'test-ridge': "
                + TestRidgeRegulariser.class.getName() + " has no tensor form"), x.getMessage());
    }

    @Test
    void aConfigWithoutTheFieldStillReads() {
        ExperimentConfig c = TestSupport.load(TestSupport.qcdConfig()).config();
        assertEquals(List.of(), c.training.regularisers);
    }
}
