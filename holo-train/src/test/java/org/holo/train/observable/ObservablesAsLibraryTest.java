package org.holo.train.observable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.holo.core.component.Kinds;
import org.holo.core.component.Registry;
import org.holo.core.observable.CondensateCurve;
import org.holo.core.observable.LearnedGeometry;
import org.holo.train.TestSupport;
import org.holo.train.config.ConfigLoader;
import org.holo.train.run.FinishedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The observables from Java, without the CLI: through the registry and through their typed calls. */
class ObservablesAsLibraryTest {

    static final Path FIXTURES = TestSupport.projectRoot().resolve("holo-train/src/test/resources/fixtures/v1");

    @Test
    void bothObservablesAreRegisteredAndTheirKindIsListed() {
        Registry<Observable> observables = Registry.of(Observable.KIND);
        assertTrue(observables.names().containsAll(List.of(ChiralCondensate.NAME, QuarkAntiquarkPotential.NAME)), observables.names().toString());
        assertTrue(Kinds.all().contains(Observable.KIND));
        for (Observable o : observables.all()) {
            assertTrue(!o.description().isBlank() && !o.description().contains("\n"), o.name());
            assertTrue(o.files().get(o.files().size() - 1).endsWith(".json"), "the JSON summary is written last: " + o.files());
        }
    }

    @Test
    void theCondensateCurveOfAFinishedRun(@TempDir Path tmp) throws IOException {
        FinishedRun run = FinishedRun.read(relocated("paper-qcd-seed1", tmp));
        ObservableResult r = Registry.of(Observable.KIND).get(ChiralCondensate.NAME).compute(run, Map.of("mq", "0:0.02:4"));
        CondensatePrediction p = (CondensatePrediction) r;
        assertEquals(List.of(ChiralCondensate.CURVE, ChiralCondensate.LATTICE, ChiralCondensate.SUMMARY), List.copyOf(r.files().keySet()));

        CondensateCurve curve = new CondensateCurve(run.network(), run.params());
        assertTrue(p.curve().size() >= 5, "a root for each of the 5 masses");
        for (CondensateCurve.Point pt : p.curve()) {
            assertNotEquals(Math.signum(curve.horizonValue(pt.mq(), pt.sigma() - 1e-9)), Math.signum(curve.horizonValue(pt.mq(), pt.sigma() + 1e-9)),
                    "F changes sign at a predicted point " + pt);
        }
        JsonNode json = p.json();
        assertEquals(run.radius(), json.get("L_GeV_inv").asDouble(), 0.0);
        assertEquals(6, json.get("lattice").get("points").asInt(), "the six lattice points of the run's dataset");
        assertEquals(p.lattice().rmsResidual(), json.get("lattice").get("rms_residual_GeV3").asDouble(), 0.0);
        double sumSq = 0;
        for (CondensateCurve.Residual res : p.lattice().residuals()) {
            sumSq += res.residual() * res.residual();
        }
        assertEquals(Math.sqrt(sumSq / 6), p.lattice().rmsResidual(), 1e-15);
        for (String unit : List.of("m_q_GeV", "condensate_GeV3", "residual_GeV3", "L_GeV_inv")) {
            assertTrue(json.get("units").has(unit), unit);
        }

        List<Path> written = r.write(tmp.resolve("out"));
        assertEquals(3, written.size());
        for (Path f : written) {
            assertEquals(r.files().get(f.getFileName().toString()), Files.readString(f));
        }
        assertEquals(json, ConfigLoader.mapper().readTree(tmp.resolve("out").resolve(ChiralCondensate.SUMMARY).toFile()));
    }

    @Test
    void aRunWithoutBandDataIsRefusedAndUnknownOptionsToo(@TempDir Path tmp) throws IOException {
        FinishedRun raw = FinishedRun.read(relocated("robust-ads-s-seed1", tmp));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChiralCondensate.compute(raw, ChiralCondensate.Options.defaults()));
        assertTrue(e.getMessage().contains("model.boundary.type = qcd"), e.getMessage());
        Observable potential = Registry.of(Observable.KIND).get(QuarkAntiquarkPotential.NAME);
        e = assertThrows(IllegalArgumentException.class, () -> potential.compute(raw, Map.of("splitt", "f=g")));
        assertTrue(e.getMessage().contains("unknown option 'splitt'") && e.getMessage().contains("split"), e.getMessage());
    }

    @Test
    void thePotentialOfAnExactMetricHasThePublishedScreeningLength() {
        PotentialCurve p = QuarkAntiquarkPotential.compute("ads-schwarzschild:d=4");
        JsonNode j = p.json();
        assertEquals("metric", j.get("source").asText());
        assertEquals(1.0 / Math.PI, j.get("T").asDouble(), 1e-12);
        // Bak, Karch, Yaffe arXiv:0705.0994: r_screen T = 0.240
        assertEquals(0.240, j.get("r_screen_times_T").asDouble(), 0.01 * 0.240);
        assertTrue(j.get("r_max_fm").isNull(), "no L, no length in fm");
        assertNull(p.origin());
        assertEquals(List.of(QuarkAntiquarkPotential.CSV, QuarkAntiquarkPotential.SUMMARY), List.copyOf(p.files().keySet()));
    }

    @Test
    void theLearnedPotentialConvertsLengthsWithTheLearnedRadius(@TempDir Path tmp) throws IOException {
        FinishedRun run = FinishedRun.read(relocated("paper-qcd-seed1", tmp));
        PotentialCurve p = QuarkAntiquarkPotential.compute(run, LearnedGeometry.Split.F_EQUALS_G);
        JsonNode j = p.json();
        double rScreen = j.get("r_screen").asDouble();
        assertEquals(rScreen * run.radius(), j.get("r_screen_GeV_inv").asDouble(), 0.0);
        assertEquals(rScreen * run.radius() * 0.1973269804, j.get("r_screen_fm").asDouble(), 1e-15);
        assertEquals(run.dir().toAbsolutePath().normalize().toString(), j.get("run").asText());
        assertEquals(run.converged(), j.get("converged").asBoolean());
    }

    private static Path relocated(String fixture, Path tmp) throws IOException {
        Path to = tmp.resolve(fixture);
        Files.createDirectories(to);
        Path datasets = TestSupport.projectRoot().resolve("datasets");
        try (var files = Files.list(FIXTURES.resolve(fixture))) {
            for (Path f : files.toList()) {
                Files.writeString(to.resolve(f.getFileName()),
                        Files.readString(f).replaceAll("\"/[^\"]*/datasets/", "\"" + datasets.toAbsolutePath() + "/"));
            }
        }
        return to;
    }
}
