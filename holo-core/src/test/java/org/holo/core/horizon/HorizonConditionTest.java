package org.holo.core.horizon;

import org.holo.core.TestComponents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.holo.core.GradientCheck;
import org.junit.jupiter.api.Test;

/** The two horizon conditions of physics.md §4 and their gradients. */
class HorizonConditionTest {

    static final double[][] STATES = {{0.3, -0.2, 0.2}, {1.4, 0.17, 1.0}, {-0.8, 2.5, 0.5}, {0.0, 0.0, 0.0}};

    @Test
    void piConditionIsPi() {
        HorizonCondition c = TestComponents.horizon("pi", 1.0 / 15.0, -3.0);
        assertEquals("pi", c.name());
        double[] g = new double[3];
        for (double[] s : STATES) {
            assertEquals(s[1], c.value(s[0], s[1], s[2]), 0.0);
            c.gradient(s[0], s[1], s[2], g);
            assertEquals(0.0, g[0]);
            assertEquals(1.0, g[1]);
            assertEquals(0.0, g[2]);
        }
    }

    @Test
    void regularConditionFollowsPhysicsMd() {
        double etaFin = 0.1;
        double m2 = -1.0;
        HorizonCondition c = TestComponents.horizon("regular", etaFin, m2);
        assertEquals("regular", c.name());
        for (double[] s : STATES) {
            double expected = (2.0 / etaFin) * s[1] - m2 * s[0] - s[2] * s[0] * s[0] * s[0];
            assertEquals(expected, c.value(s[0], s[1], s[2]), 1e-14 * (1 + Math.abs(expected)));
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        for (HorizonCondition c : new HorizonCondition[] {
            TestComponents.horizon("pi", 0.1, -1.0), TestComponents.horizon("regular", 0.1, -1.0),
            TestComponents.horizon("regular", 1.0 / 15.0, -3.0)}) {
            for (double[] s : STATES) {
                double[] fd = GradientCheck.gradient(x -> c.value(x[0], x[1], x[2]), s, GradientCheck.steps(s, 1e-3, 1.0));
                double[] g = new double[3];
                c.gradient(s[0], s[1], s[2], g);
                // F is a cubic polynomial: the five-point stencil is exact up to rounding
                GradientCheck.Comparison cmp = GradientCheck.compare(g, fd, 1e-12);
                assertTrue(cmp.within(1e-10), c.name() + " at " + java.util.Arrays.toString(s) + ": " + cmp.maxRelativeError());
            }
        }
    }
}
