package org.holo.core.data;

/**
 * Plain decimal numbers ({@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?}) to doubles, giving exactly what
 * {@link Double#parseDouble} gives (the correctly rounded double), without allocating:
 * <ul>
 *   <li>a significand below 2^53 with a decimal exponent within ±22 is converted by one IEEE multiplication or
 *       division of two exact doubles, which rounds correctly (Clinger's fast path);</li>
 *   <li>other significands of up to 18 digits by the Eisel–Lemire algorithm (D. Lemire, "Number parsing at a
 *       gigabyte per second", Software: Practice and Experience 51, 2021): a 64×128-bit product with a
 *       truncated power of five, which either proves its rounding or gives up;</li>
 *   <li>what it gives up on, longer significands and extreme exponents through {@link Double#parseDouble}.</li>
 * </ul>
 */
final class DecimalParser {

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    };
    private static final long MAX_EXACT = 1L << 53;
    /** Significant digits the significand holds: 10^18 &lt; 2^63. */
    private static final int MAX_DIGITS = 18;
    private static final int SMALLEST_POWER = -325;
    private static final int LARGEST_POWER = 308;
    /** 5^q for q in [SMALLEST_POWER, LARGEST_POWER] to 128 bits, normalised (bit 127 set): high and low words. */
    private static final long[] POW5_HIGH = new long[LARGEST_POWER - SMALLEST_POWER + 1];
    private static final long[] POW5_LOW = new long[LARGEST_POWER - SMALLEST_POWER + 1];

    static {
        for (int q = SMALLEST_POWER; q <= LARGEST_POWER; q++) {
            java.math.BigInteger c;
            if (q >= 0) {
                // the leading 128 bits of 5^q, truncated
                c = java.math.BigInteger.valueOf(5).pow(q);
                int shift = c.bitLength() - 128;
                c = shift >= 0 ? c.shiftRight(shift) : c.shiftLeft(-shift);
            } else {
                // 2^b / 5^-q rounded up, then its leading 128 bits (truncated)
                java.math.BigInteger p5 = java.math.BigInteger.valueOf(5).pow(-q);
                int z = p5.bitLength();
                int b = 2 * z + 2 * 64;
                c = java.math.BigInteger.ONE.shiftLeft(b).divide(p5).add(java.math.BigInteger.ONE);
                c = c.shiftRight(Math.max(0, c.bitLength() - 128));
            }
            POW5_HIGH[q - SMALLEST_POWER] = c.shiftRight(64).longValue();
            POW5_LOW[q - SMALLEST_POWER] = c.longValue();
        }
    }

    private DecimalParser() {
    }

    /** The value of the field {@code b[from, to)} (already stripped), or an error naming the column and line. */
    static double parse(char[] b, int from, int to, String column, String source, int line) {
        if (from == to) {
            throw new DataFormatException(source, line, "empty value in column '" + column + "'");
        }
        int i = from;
        boolean negative = false;
        if (b[i] == '+' || b[i] == '-') {
            negative = b[i] == '-';
            i++;
        }
        long significand = 0;
        int digits = 0;         // significant digits taken into the significand
        boolean exact = true;   // the significand holds every digit
        int scale = 0;          // decimal exponent from the position of the point
        int intDigits = 0;
        while (i < to && isDigit(b[i])) {
            exact = accumulate(b[i], exact, digits, significand) && exact;
            if (exact && (significand != 0 || b[i] != '0')) {
                significand = significand * 10 + (b[i] - '0');
                digits++;
            }
            intDigits++;
            i++;
        }
        int fracDigits = 0;
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && isDigit(b[i])) {
                exact = accumulate(b[i], exact, digits, significand) && exact;
                if (exact && (significand != 0 || b[i] != '0')) {
                    significand = significand * 10 + (b[i] - '0');
                    digits++;
                }
                if (exact) {
                    scale--;
                }
                fracDigits++;
                i++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return rejected(b, from, to, column, source, line);
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < to && (b[i] == '+' || b[i] == '-')) {
                expNegative = b[i] == '-';
                i++;
            }
            int expStart = i;
            int exp = 0;
            while (i < to && isDigit(b[i])) {
                if (exp < 100_000) {
                    exp = exp * 10 + (b[i] - '0');
                }
                i++;
            }
            if (i == expStart) {
                return rejected(b, from, to, column, source, line);
            }
            scale += expNegative ? -exp : exp;
        }
        if (i != to) {
            return rejected(b, from, to, column, source, line);
        }
        double v = Double.NaN;
        if (exact && significand <= MAX_EXACT && scale >= -22 && scale <= 22) {
            v = scale >= 0 ? (double) significand * POWERS_OF_TEN[scale] : (double) significand / POWERS_OF_TEN[-scale];
            if (negative) {
                v = -v;
            }
        } else if (exact && significand != 0) {
            v = eiselLemire(significand, scale, negative);
        } else if (exact) {
            v = negative ? -0.0 : 0.0;
        }
        if (Double.isNaN(v)) {
            v = Double.parseDouble(new String(b, from, to - from));
        }
        if (!Double.isFinite(v)) {
            throw new DataFormatException(source, line, "column '" + column + "': '" + NumericTable.shorten(new String(b, from, to - from))
                    + "' is not a finite decimal number");
        }
        return v;
    }

    /** Whether the significand can take one more digit {@code c} and stay within {@link #MAX_DIGITS} digits. */
    private static boolean accumulate(char c, boolean exact, int digits, long significand) {
        if (!exact) {
            return false;
        }
        return significand == 0 && c == '0' || digits < MAX_DIGITS;
    }

    /** w·10^q correctly rounded (w &gt; 0, below 10^18), or NaN where the product cannot prove its rounding. */
    static double eiselLemire(long w, int q, boolean negative) {
        if (q < SMALLEST_POWER || q > LARGEST_POWER) {
            return Double.NaN;
        }
        long factorHigh = POW5_HIGH[q - SMALLEST_POWER];
        long exponent = ((217706L * q) >> 16) + 1024 + 63;
        int lz = Long.numberOfLeadingZeros(w);
        long i = w << lz;
        long lower = i * factorHigh;
        long upper = unsignedMultiplyHigh(i, factorHigh);
        if ((upper & 0x1FF) == 0x1FF && Long.compareUnsigned(lower + i, lower) < 0) {
            long factorLow = POW5_LOW[q - SMALLEST_POWER];
            long productLow = i * factorLow;
            long productMiddle2 = unsignedMultiplyHigh(i, factorLow);
            long productMiddle = lower + productMiddle2;
            long productHigh = upper;
            if (Long.compareUnsigned(productMiddle, lower) < 0) {
                productHigh++;
            }
            if ((productMiddle & 0x1FF) == 0x1FF && Long.compareUnsigned(productLow + i, productLow) < 0) {
                return Double.NaN;
            }
            upper = productHigh;
            lower = productMiddle;
        }
        long upperBit = upper >>> 63;
        long mantissa = upper >>> (upperBit + 9);
        lz += (int) (1 ^ upperBit);
        if (lower == 0 && (upper & 0x1FF) == 0 && (mantissa & 3) == 1) {
            return Double.NaN; // exactly halfway between two doubles: needs the exact digits
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if (mantissa >= (1L << 53)) {
            mantissa = 1L << 52;
            lz--;
        }
        mantissa &= ~(1L << 52);
        long realExponent = exponent - lz;
        if (realExponent < 1 || realExponent > 2046) {
            return Double.NaN; // subnormal or overflow
        }
        long bits = mantissa | (realExponent << 52) | (negative ? 1L << 63 : 0);
        return Double.longBitsToDouble(bits);
    }

    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Not a plain decimal: say whether it is not a number at all or a number in a form data may not use. */
    private static double rejected(char[] b, int from, int to, String column, String source, int line) {
        String f = new String(b, from, to - from);
        try {
            Double.parseDouble(f);
        } catch (NumberFormatException e) {
            throw new DataFormatException(source, line, "column '" + column + "': '" + NumericTable.shorten(f) + "' is not a number");
        }
        // Double.parseDouble accepts "NaN", "Infinity", hexadecimal and a trailing d/f: only plain finite decimals are data
        throw new DataFormatException(source, line, "column '" + column + "': '" + NumericTable.shorten(f)
                + "' is not a finite decimal number");
    }
}
