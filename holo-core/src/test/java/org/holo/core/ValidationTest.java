package org.holo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.holo.core.boundary.QcdBoundaryMap;
import org.holo.core.horizon.PiHorizonCondition;
import org.holo.core.horizon.RegularHorizonCondition;
import org.holo.core.layer.EulerLayerMap;
import org.holo.core.layer.Rk4LayerMap;
import org.holo.core.loss.DataLoss;
import org.holo.core.loss.L1SquaredLoss;
import org.holo.core.loss.MseLoss;
import org.holo.core.metric.AnalyticMetrics;
import org.holo.core.model.Batch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** RadialGrid and the by-name factories: valid input works, invalid input fails loudly and says why. */
class ValidationTest {

    static IllegalArgumentException rejects(Executable e, String... mustMention) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        for (String s : mustMention) {
            assertTrue(ex.getMessage() != null && ex.getMessage().contains(s),
                    "message '" + ex.getMessage() + "' should mention '" + s + "'");
        }
        return ex;
    }

    @Test
    void gridGeometry() {
        RadialGrid g = new RadialGrid(1.0, 1.0 / 15.0, 15);
        assertEquals(-14.0 / 225.0, g.step(), 1e-16);
        assertEquals(1.0, g.eta(0), 0.0);
        assertEquals(1.0 / 15.0, g.eta(15), 0.0); // η_N is η_fin exactly, not η_ini + NΔη
        assertEquals(1.0 + 7 * (-14.0 / 225.0), g.eta(7), 1e-15);
        double[] etas = g.layerEtas();
        assertEquals(15, etas.length);
        assertEquals(g.eta(14), etas[14], 0.0);
        assertThrows(IndexOutOfBoundsException.class, () -> g.eta(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> g.eta(16));
    }

    @Test
    void gridRejectsBadInput() {
        rejects(() -> new RadialGrid(1.0, 1.0, 10), "eta_fin", "eta_ini");      // etaFin == etaIni
        rejects(() -> new RadialGrid(1.0, 2.0, 10), "eta_fin", "smaller");      // etaFin > etaIni
        rejects(() -> new RadialGrid(1.0, 0.1, 0), "layer", "0");
        rejects(() -> new RadialGrid(1.0, 0.1, -3), "layer", "-3");
        rejects(() -> new RadialGrid(Double.NaN, 0.1, 10), "finite");
        rejects(() -> new RadialGrid(1.0, Double.NEGATIVE_INFINITY, 10), "finite");
        new RadialGrid(1.0, -0.5, 1); // one layer, and η_fin < 0, are allowed for the grid itself
    }

    @Test
    void factoriesCreateTheNamedObjects() {
        RadialGrid g = new RadialGrid(1.0, 0.1, 10);
        assertInstanceOf(EulerLayerMap.class, TestComponents.scheme("euler", g, -1.0));
        assertInstanceOf(Rk4LayerMap.class, TestComponents.scheme("rk4", g, -1.0));
        assertEquals(List.of("euler", "rk4"), TestComponents.schemes());
        for (String n : TestComponents.schemes()) {
            assertEquals(n, TestComponents.scheme(n, g, -1.0).name());
        }
        assertInstanceOf(PiHorizonCondition.class, TestComponents.horizon("pi", 0.1, -1.0));
        assertInstanceOf(RegularHorizonCondition.class, TestComponents.horizon("regular", 0.1, -1.0));
        assertInstanceOf(L1SquaredLoss.class, TestComponents.loss("l1-squared"));
        assertInstanceOf(MseLoss.class, TestComponents.loss("mse"));
        assertEquals(3.0 / Math.tanh(1.5), AnalyticMetrics.byName("ads-schwarzschild", 3).h(0.5), 1e-15);
        assertEquals(4.0, AnalyticMetrics.byName("ads", 4).h(0.7), 0.0);
        assertEquals(10, TestComponents.scheme("euler", g, 0).nodes().length);
        assertEquals(21, TestComponents.scheme("rk4", g, 0).nodes().length);
    }

    @Test
    void unknownNamesAreRejectedWithTheName() {
        RadialGrid g = new RadialGrid(1.0, 0.1, 10);
        rejects(() -> TestComponents.scheme("rk5", g, -1.0), "rk5", "layer scheme", "euler");
        rejects(() -> TestComponents.scheme("Euler", g, -1.0), "Euler"); // names are case-sensitive
        rejects(() -> TestComponents.horizon("dirichlet", 0.1, -1.0), "dirichlet", "horizon", "regular");
        rejects(() -> TestComponents.loss("l2"), "l2", "loss", "mse");
        rejects(() -> AnalyticMetrics.byName("schwarzschild", 3), "schwarzschild", "metric");
    }

    @Test
    void otherConstructorsValidate() {
        rejects(() -> TestComponents.horizon("regular", 0.0, -1.0), "eta_fin");
        rejects(() -> TestComponents.horizon("regular", -0.1, -1.0), "eta_fin");
        rejects(() -> new ScalarTheory(0, -1.0), "dimension");
        rejects(() -> new ScalarTheory(4, Double.NaN), "mass");
        rejects(() -> new QcdBoundaryMap(1.0, 0), "colours");
        rejects(() -> AnalyticMetrics.adsSchwarzschild(0), "dimension");
        rejects(() -> new Batch(0), "capacity");
        rejects(() -> Batch.of(new double[2], new double[3], new double[2]), "length");
        Batch b = new Batch(4);
        rejects(() -> b.setSize(5), "5");
    }
}
