package org.holo.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The decimal parser gives the bits Double.parseDouble gives, on every path (fast, Eisel–Lemire, fallback). */
class DecimalParserTest {

    private static void same(String s) {
        double want = Double.parseDouble(s);
        if (!Double.isFinite(want)) {
            return;
        }
        char[] c = s.toCharArray();
        double got = DecimalParser.parse(c, 0, c.length, "x", "t", 1);
        if (Double.doubleToRawLongBits(want) != Double.doubleToRawLongBits(got)) {
            fail("'" + s + "': parseDouble " + want + ", parsed " + got);
        }
    }

    @Test
    void shortestRepresentationsOfRandomDoubles() {
        Random r = new Random(11);
        for (int k = 0; k < 80_000; k++) {
            double d = Double.longBitsToDouble(r.nextLong() & 0x7fffffffffffffffL);
            if (Double.isFinite(d)) {
                same(Double.toString(d));
                same(new BigDecimal(d).round(new MathContext(18, RoundingMode.HALF_EVEN)).toString());
            }
            double u = r.nextDouble() * Math.pow(10, r.nextInt(20) - 10);
            same(Double.toString(u));
            same(Double.toString(-u));
        }
    }

    @Test
    void randomSignificandsOfSixteenToEighteenDigitsOverTheWholeExponentRange() {
        Random r = new Random(12);
        for (int k = 0; k < 80_000; k++) {
            int digits = 16 + r.nextInt(3);
            StringBuilder s = new StringBuilder();
            s.append((char) ('1' + r.nextInt(9)));
            for (int i = 1; i < digits; i++) {
                s.append((char) ('0' + r.nextInt(10)));
            }
            int exp = r.nextInt(700) - 360;
            same(s + "e" + exp);
            same("0." + s + "e" + exp);
            same(s.substring(0, 5) + "." + s.substring(5));
        }
    }

    /** Decimals next to the midpoint of two neighbouring doubles, where the rounding is decided by the last digits. */
    @Test
    void nearHalfwayCases() {
        Random r = new Random(13);
        for (int k = 0; k < 20_000; k++) {
            double d = r.nextBoolean() ? Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL)
                    : r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
            if (!Double.isFinite(d) || d == 0.0) {
                continue;
            }
            BigDecimal mid = new BigDecimal(d).add(new BigDecimal(Math.nextUp(d))).divide(BigDecimal.valueOf(2));
            for (RoundingMode m : new RoundingMode[] {RoundingMode.DOWN, RoundingMode.UP, RoundingMode.HALF_EVEN}) {
                for (int p : new int[] {16, 17, 18}) {
                    same(mid.round(new MathContext(p, m)).toString());
                }
            }
            same(mid.toString()); // exact: through the fallback
        }
        // small integers are exact and halfway around 2^53
        for (long v = (1L << 53) - 5; v < (1L << 53) + 10; v++) {
            same(Long.toString(v));
        }
    }

    @Test
    void edgesOfTheRange() {
        for (String s : new String[] {"4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "2.2250738585072014e-308",
            "2.2250738585072011e-308", "1.7976931348623157e308", "1.7976931348623158e308", "0.0", "-0.0", "0e999", "-0e-999",
            "000000000000000000000000000001.5", "1.00000000000000000000000000000001", "123456789012345678", "9999999999999999.5",
            "1e22", "1e23", "9007199254740993", "0.1", "0.30000000000000004", ".5", "5.", "+7", "1E+2", "1e-2"}) {
            same(s);
        }
        assertEquals(-0.0, DecimalParser.parse("-0".toCharArray(), 0, 2, "x", "t", 1));
    }
}
