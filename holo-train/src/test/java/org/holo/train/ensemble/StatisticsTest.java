package org.holo.train.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Summary statistics against values computed by hand (and by R's quantile(type = 7) / numpy). */
class StatisticsTest {

    @Test
    void fiveValues() {
        // sorted: 1 2 3 4 10; mean 4; deviations -3 -2 -1 0 6 -> ss 50, std sqrt(50/4) = 3.5355339059327378
        // q16: h = 4 * 0.16 = 0.64 -> 1 + 0.64 (2 - 1) = 1.64; median 3; q84: h = 3.36 -> 4 + 0.36 (10 - 4) = 6.16
        Statistics s = Statistics.of(new double[] {10, 3, 1, 4, 2});
        assertEquals(5, s.n());
        assertEquals(4.0, s.mean(), 0.0);
        assertEquals(Math.sqrt(12.5), s.std(), 1e-15);
        assertEquals(3.0, s.median(), 0.0);
        assertEquals(1.64, s.q16(), 1e-15);
        assertEquals(6.16, s.q84(), 1e-14);
    }

    @Test
    void evenCountMedianInterpolates() {
        // sorted 1 2 3 4: median h = 1.5 -> 2.5; q16 h = 0.48 -> 1.48; q84 h = 2.52 -> 3.52; std sqrt(5/3)
        Statistics s = Statistics.of(new double[] {4, 1, 3, 2});
        assertEquals(2.5, s.median(), 0.0);
        assertEquals(1.48, s.q16(), 1e-15);
        assertEquals(3.52, s.q84(), 1e-15);
        assertEquals(Math.sqrt(5.0 / 3.0), s.std(), 1e-15);
    }

    @Test
    void oneAndNoValues() {
        Statistics one = Statistics.of(new double[] {237.0});
        assertEquals(237.0, one.mean(), 0.0);
        assertTrue(Double.isNaN(one.std()), "no sample std for one value");
        assertEquals(237.0, one.q16(), 0.0);
        assertEquals(237.0, one.q84(), 0.0);
        assertTrue(one.toJson().get("std").isNull());
        Statistics none = Statistics.of(new double[0]);
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.mean()) && none.toJson().get("mean").isNull());
    }

    @Test
    void quantileEnds() {
        double[] x = {1, 2, 3};
        assertEquals(1.0, Statistics.quantile(x, 0.0), 0.0);
        assertEquals(3.0, Statistics.quantile(x, 1.0), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Statistics.quantile(x, 1.5));
    }

    @Test
    void plusMinusKeepsTwoDigitsOfTheStd() {
        assertEquals("237.4 ± 3.2", EnsembleRun.plusMinus(new Statistics(5, 237.44, 3.21, 0, 0, 0)));
        assertEquals("260 ± 12", EnsembleRun.plusMinus(new Statistics(5, 260.2, 12.4, 0, 0, 0)));
        assertEquals("0.0055 ± 0.0012", EnsembleRun.plusMinus(new Statistics(5, 0.00551, 0.00123, 0, 0, 0)));
    }

    @Test
    void seedLists() {
        assertEquals(List.of(1L, 2L, 3L), SeedList.parse("1..3"));
        assertEquals(List.of(3L, 5L, 8L), SeedList.parse("3,5,8"));
        assertEquals(List.of(1L, 2L, 9L), SeedList.parse(" 1..2 , 9"));
        assertEquals(List.of(7L), SeedList.parse("7"));
        assertThrows(IllegalArgumentException.class, () -> SeedList.parse("3..1"));
        assertThrows(IllegalArgumentException.class, () -> SeedList.parse("1..3,2"));
        assertThrows(IllegalArgumentException.class, () -> SeedList.parse("1,,2"));
        assertThrows(IllegalArgumentException.class, () -> SeedList.parse("a..b"));
        assertThrows(IllegalArgumentException.class, () -> SeedList.parse(""));
        assertThrows(IllegalArgumentException.class, () -> SeedList.parse("1..1000000"));
    }
}
