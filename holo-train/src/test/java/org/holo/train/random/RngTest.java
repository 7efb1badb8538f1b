package org.holo.train.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rng and SeedStreams: determinism, independence of named streams, and the statistics of nextInt, gaussian
 * and shuffle. Statistical bounds are several standard errors wide, so a correct generator passes for any seed
 * with overwhelming probability while the classic implementation mistakes (modulo bias, off-by-one
 * Fisher–Yates, wrong Box–Muller scale) fail by many standard errors.
 */
class RngTest {

    @Test
    void splitMix64KnownAnswers() {
        // reference outputs of Vigna's splitmix64.c (seed 1234567) and of seed 0: the documented algorithm
        Rng r = new Rng(1234567L);
        long[] expected = {6457827717110365317L, 3203168211198807973L, Long.parseUnsignedLong("9817491932198370423"),
            4593380528125082431L, Long.parseUnsignedLong("16408922859458223821")};
        for (long e : expected) {
            assertEquals(e, r.nextLong());
        }
        Rng zero = new Rng(0L);
        assertEquals(0xe220a8397b1dcdafL, zero.nextLong());
        assertEquals(0x6e789e6aa1b965f4L, zero.nextLong());
        assertEquals(0x06c45d188009454fL, zero.nextLong());
    }

    @Test
    void sameSeedSameSequence() {
        Rng a = new Rng(42);
        Rng b = new Rng(42);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.nextLong(), b.nextLong());
            assertEquals(Double.doubleToRawLongBits(a.gaussian()), Double.doubleToRawLongBits(b.gaussian()));
            assertEquals(a.nextInt(97), b.nextInt(97));
        }
        SeedStreams s1 = new SeedStreams(7);
        SeedStreams s2 = new SeedStreams(7);
        for (String name : new String[] {SeedStreams.DATA, SeedStreams.INIT, SeedStreams.SHUFFLE}) {
            assertEquals(s1.streamSeed(name), s2.streamSeed(name));
            Rng x = s1.stream(name);
            Rng y = s2.stream(name);
            for (int i = 0; i < 100; i++) {
                assertEquals(x.nextLong(), y.nextLong());
            }
        }
        assertEquals(s1.derived(), s2.derived());
        assertEquals(3, s1.derived().size());
    }

    @Test
    void differentSeedsAndStreamNamesGiveDifferentSequences() {
        SeedStreams s = new SeedStreams(1);
        Set<Long> seeds = new HashSet<>();
        for (String name : new String[] {"data", "init", "shuffle", "dat", "datA", "a", "b"}) {
            assertTrue(seeds.add(s.streamSeed(name)), "stream seed of '" + name + "' collides");
        }
        // the same name under different run seeds
        Set<Long> perRun = new HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            assertTrue(perRun.add(new SeedStreams(seed).streamSeed("data")));
        }
        assertNotEquals(new Rng(1).nextLong(), new Rng(2).nextLong());
    }

    @Test
    void namedStreamsLookUncorrelated() {
        SeedStreams s = new SeedStreams(1);
        String[][] pairs = {{"data", "init"}, {"data", "shuffle"}, {"init", "shuffle"}};
        int n = 100_000;
        double se = 1.0 / Math.sqrt(n);
        for (String[] p : pairs) {
            Rng a = s.stream(p[0]);
            Rng b = s.stream(p[1]);
            double[] x = new double[n];
            double[] y = new double[n];
            int equal = 0;
            for (int i = 0; i < n; i++) {
                x[i] = a.nextDouble();
                y[i] = b.nextDouble();
                if (x[i] == y[i]) {
                    equal++;
                }
            }
            assertEquals(0, equal, p[0] + "/" + p[1] + " share values");
            double r = pearson(x, y);
            assertTrue(Math.abs(r) < 5 * se, p[0] + "/" + p[1] + ": correlation " + r + " (SE " + se + ")");
            // lagged correlation too: one stream must not be a shifted copy of the other
            double[] yLag = Arrays.copyOfRange(y, 1, n);
            double[] xCut = Arrays.copyOfRange(x, 0, n - 1);
            assertTrue(Math.abs(pearson(xCut, yLag)) < 5 * se);
        }
        // consecutive run seeds (1 and 2) must not give correlated data streams either
        Rng a = new SeedStreams(1).stream("data");
        Rng b = new SeedStreams(2).stream("data");
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a.nextDouble();
            y[i] = b.nextDouble();
        }
        assertTrue(Math.abs(pearson(x, y)) < 5 * se);
    }

    @Test
    void nextDoubleAndUniformStayInRange() {
        Rng r = new Rng(3);
        double sum = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            double d = r.nextDouble();
            assertTrue(d >= 0.0 && d < 1.0);
            sum += d;
            double u = r.uniform(-2.0, 5.0);
            assertTrue(u >= -2.0 && u < 5.0);
        }
        // mean of U(0,1): 1/2, SE = sqrt(1/12/n)
        assertEquals(0.5, sum / n, 5 * Math.sqrt(1.0 / 12 / n));
    }

    @Test
    void nextIntStaysInRangeAndIsUniform() {
        Rng r = new Rng(11);
        int bound = 10;
        int n = 200_000;
        long[] counts = new long[bound];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(bound);
            assertTrue(k >= 0 && k < bound, "nextInt(" + bound + ") gave " + k);
            counts[k]++;
        }
        // chi-square with 9 degrees of freedom: mean 9, sd 4.2; 40 is p ≈ 5e-6
        double chi2 = chiSquare(counts, (double) n / bound);
        assertTrue(chi2 < 40, "chi-square " + chi2 + " for " + Arrays.toString(counts));

        for (int bnd : new int[] {1, 2, 3, 7, 1000, Integer.MAX_VALUE}) {
            for (int i = 0; i < 2000; i++) {
                int k = r.nextInt(bnd);
                assertTrue(k >= 0 && k < bnd);
            }
        }
        assertEquals(0, r.nextInt(1));
        assertThrows(IllegalArgumentException.class, () -> r.nextInt(0));
        assertThrows(IllegalArgumentException.class, () -> r.nextInt(-5));
    }

    @Test
    void nextIntHasNoModuloBiasForLargeBounds() {
        // bound = 3·2^29: a plain (32 random bits) mod bound puts 3/4 of the draws below 2^30 instead of 2/3
        Rng r = new Rng(5);
        int bound = 3 << 29;
        int n = 60_000;
        int below = 0;
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(bound);
            assertTrue(k >= 0 && k < bound);
            if (k < (1 << 30)) {
                below++;
            }
        }
        double p = 2.0 / 3.0;
        assertEquals(p, (double) below / n, 5 * Math.sqrt(p * (1 - p) / n));
    }

    @Test
    void gaussianIsStandardNormal() {
        Rng r = new Rng(2024);
        int n = 200_000;
        double s1 = 0;
        double s2 = 0;
        double s4 = 0;
        int within1 = 0;
        for (int i = 0; i < n; i++) {
            double g = r.gaussian();
            assertTrue(Double.isFinite(g));
            s1 += g;
            s2 += g * g;
            s4 += g * g * g * g;
            if (Math.abs(g) < 1) {
                within1++;
            }
        }
        double mean = s1 / n;
        double var = s2 / n - mean * mean;
        // SE of the mean 1/sqrt(n) = 0.0022, of the variance sqrt(2/n) = 0.0032, of E[g^4] sqrt(96/n) = 0.022
        assertEquals(0.0, mean, 5 / Math.sqrt(n));
        assertEquals(1.0, var, 5 * Math.sqrt(2.0 / n));
        assertEquals(3.0, s4 / n, 5 * Math.sqrt(96.0 / n));
        double p1 = 0.6826894921370859; // P(|Z| < 1)
        assertEquals(p1, (double) within1 / n, 5 * Math.sqrt(p1 * (1 - p1) / n));

        Rng s = new Rng(9);
        double sum = 0;
        double sq = 0;
        int m = 100_000;
        for (int i = 0; i < m; i++) {
            double g = s.gaussian(4.0, 3.0);
            sum += g;
            sq += (g - 4.0) * (g - 4.0);
        }
        assertEquals(4.0, sum / m, 5 * 3.0 / Math.sqrt(m));
        assertEquals(9.0, sq / m, 5 * 9.0 * Math.sqrt(2.0 / m));
    }

    @Test
    void gaussianPairsAreUncorrelated() {
        // the polar method returns values in pairs: consecutive draws must still be independent
        Rng r = new Rng(77);
        int n = 100_000;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.gaussian();
            b[i] = r.gaussian();
        }
        assertTrue(Math.abs(pearson(a, b)) < 5 / Math.sqrt(n));
        double[] a2 = new double[n];
        double[] b2 = new double[n];
        for (int i = 0; i < n; i++) {
            a2[i] = a[i] * a[i];
            b2[i] = b[i] * b[i];
        }
        assertTrue(Math.abs(pearson(a2, b2)) < 5 / Math.sqrt(n), "squares of a pair are correlated");
    }

    @Test
    void shuffleIsAPermutation() {
        Rng r = new Rng(13);
        int[] a = new int[1000];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        r.shuffle(a);
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < a.length; i++) {
            assertEquals(i, sorted[i]);
        }
        int fixed = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == i) {
                fixed++;
            }
        }
        // fixed points of a uniform permutation are ~ Poisson(1)
        assertTrue(fixed < 10, fixed + " fixed points");

        int[] empty = {};
        r.shuffle(empty);
        int[] one = {5};
        r.shuffle(one);
        assertArrayEquals(new int[] {5}, one);

        int[] x = {1, 2, 3, 4, 5};
        int[] y = {1, 2, 3, 4, 5};
        new Rng(8).shuffle(x);
        new Rng(8).shuffle(y);
        assertArrayEquals(x, y, "same seed, same shuffle");
    }

    @Test
    void shuffleIsUniformOverPermutations() {
        // all 6 orders of 3 elements equally likely: catches Sattolo (cycles only) and the naive swap-with-any
        Rng r = new Rng(21);
        int n = 60_000;
        long[] counts = new long[6];
        for (int t = 0; t < n; t++) {
            int[] a = {0, 1, 2};
            r.shuffle(a);
            counts[permIndex(a)]++;
        }
        for (long c : counts) {
            assertTrue(c > 0, Arrays.toString(counts));
        }
        double chi2 = chiSquare(counts, n / 6.0);
        assertTrue(chi2 < 30, "chi-square " + chi2 + " (5 dof) for " + Arrays.toString(counts));
    }

    @Test
    void shuffleChangesFromCallToCall() {
        Rng r = new Rng(4);
        int[] a = new int[50];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        r.shuffle(a);
        int[] first = a.clone();
        r.shuffle(a);
        assertFalse(Arrays.equals(first, a));
    }

    private static int permIndex(int[] a) {
        return a[0] * 2 + (a[1] < a[2] ? 0 : 1);
    }

    private static double chiSquare(long[] counts, double expected) {
        double chi2 = 0;
        for (long c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        return chi2;
    }

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
