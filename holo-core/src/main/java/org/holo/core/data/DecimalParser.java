package org.holo.core.data;

/**
 * Plain decimal numbers ({@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?}) to doubles, giving exactly what
 * {@link Double#parseDouble} gives. Numbers of at most 15 significant digits and a small decimal exponent are
 * converted directly (the significand and the power of ten are exact doubles, so one IEEE multiplication or
 * division rounds correctly); longer ones go through {@link Double#parseDouble}.
 */
final class DecimalParser {

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    };
    private static final long MAX_EXACT = 1L << 53;

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
        double v;
        if (exact && significand <= MAX_EXACT && scale >= -22 && scale <= 22) {
            v = scale >= 0 ? (double) significand * POWERS_OF_TEN[scale] : (double) significand / POWERS_OF_TEN[-scale];
            if (negative) {
                v = -v;
            }
        } else {
            v = Double.parseDouble(new String(b, from, to - from));
        }
        if (!Double.isFinite(v)) {
            throw new DataFormatException(source, line, "column '" + column + "': '" + NumericTable.shorten(new String(b, from, to - from))
                    + "' is not a finite decimal number");
        }
        return v;
    }

    /** Whether the significand can take one more digit {@code c} and stay within 15 significant digits. */
    private static boolean accumulate(char c, boolean exact, int digits, long significand) {
        if (!exact) {
            return false;
        }
        return significand == 0 && c == '0' || digits < 15;
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
