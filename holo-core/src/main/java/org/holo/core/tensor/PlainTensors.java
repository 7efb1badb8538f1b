package org.holo.core.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The tensor algebra in plain Java doubles, row-major, with NumPy broadcasting: a reference that evaluates a tensor
 * form without any tensor library (no gradients). Sums run left to right and exp is {@link StrictMath#exp}, as in
 * holo-core's scalar code, so a form written in the scalar forward's order of operations gives its numbers bit for
 * bit: the way to test a form against its component without DJL.
 */
public final class PlainTensors implements Tensors<PlainTensors.Matrix> {

    /** A (rows × cols) array of doubles, row-major. */
    public record Matrix(int rows, int cols, double[] values) {

        public Matrix {
            if (values.length != rows * cols) {
                throw new IllegalArgumentException(rows + " x " + cols + " needs " + rows * cols + " values, got " + values.length);
            }
        }

        /** An (E × B) matrix from its rows. */
        public static Matrix of(double[]... rows) {
            int cols = rows.length == 0 ? 0 : rows[0].length;
            double[] v = new double[rows.length * cols];
            for (int r = 0; r < rows.length; r++) {
                if (rows[r].length != cols) {
                    throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, row 0 has " + cols);
                }
                System.arraycopy(rows[r], 0, v, r * cols, cols);
            }
            return new Matrix(rows.length, cols, v);
        }

        public double get(int r, int c) {
            return values[r * cols + c];
        }
    }

    @Override
    public Matrix constant(double value) {
        return new Matrix(1, 1, new double[] {value});
    }

    @Override
    public Matrix row(double[] values) {
        return new Matrix(1, values.length, values.clone());
    }

    @Override
    public Matrix add(Matrix a, Matrix b) {
        return apply(a, b, (x, y) -> x + y);
    }

    @Override
    public Matrix sub(Matrix a, Matrix b) {
        return apply(a, b, (x, y) -> x - y);
    }

    @Override
    public Matrix mul(Matrix a, Matrix b) {
        return apply(a, b, (x, y) -> x * y);
    }

    @Override
    public Matrix div(Matrix a, Matrix b) {
        return apply(a, b, (x, y) -> x / y);
    }

    @Override
    public Matrix neg(Matrix a) {
        return apply(a, x -> -x);
    }

    @Override
    public Matrix abs(Matrix a) {
        return apply(a, Math::abs);
    }

    @Override
    public Matrix sign(Matrix a) {
        return apply(a, Math::signum);
    }

    @Override
    public Matrix exp(Matrix a) {
        return apply(a, StrictMath::exp);
    }

    @Override
    public Matrix log(Matrix a) {
        return apply(a, StrictMath::log);
    }

    @Override
    public Matrix columns(Matrix a, int from, int to) {
        if (from < 0 || to > a.cols || from > to) {
            throw new IndexOutOfBoundsException("columns " + from + ":" + to + " of " + a.cols);
        }
        int w = to - from;
        double[] v = new double[a.rows * w];
        for (int r = 0; r < a.rows; r++) {
            System.arraycopy(a.values, r * a.cols + from, v, r * w, w);
        }
        return new Matrix(a.rows, w, v);
    }

    @Override
    public List<Matrix> splitColumns(Matrix a) {
        List<Matrix> out = new ArrayList<>(a.cols);
        for (int c = 0; c < a.cols; c++) {
            out.add(columns(a, c, c + 1));
        }
        return out;
    }

    /** out[e][r] = Σ_k rows[r][k] a[e][k], summed over k from 0 up. */
    @Override
    public Matrix linear(Matrix a, double[][] coefficients) {
        double[] v = new double[a.rows * coefficients.length];
        for (int e = 0; e < a.rows; e++) {
            for (int r = 0; r < coefficients.length; r++) {
                double[] row = coefficients[r];
                if (row.length != a.cols) {
                    throw new IllegalArgumentException("linear map: row " + r + " has " + row.length + " coefficients for " + a.cols + " columns");
                }
                double s = 0.0;
                for (int k = 0; k < row.length; k++) {
                    s += row[k] * a.values[e * a.cols + k];
                }
                v[e * coefficients.length + r] = s;
            }
        }
        return new Matrix(a.rows, coefficients.length, v);
    }

    /** Summed over the columns from the first. */
    @Override
    public Matrix sumColumns(Matrix a) {
        double[] v = new double[a.rows];
        for (int r = 0; r < a.rows; r++) {
            double s = 0.0;
            for (int c = 0; c < a.cols; c++) {
                s += a.values[r * a.cols + c];
            }
            v[r] = s;
        }
        return new Matrix(a.rows, 1, v);
    }

    private static Matrix apply(Matrix a, DoubleUnaryOperator f) {
        double[] v = new double[a.values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(a.values[i]);
        }
        return new Matrix(a.rows, a.cols, v);
    }

    private static Matrix apply(Matrix a, Matrix b, DoubleBinaryOperator f) {
        int rows = broadcast(a.rows, b.rows, "rows", a, b);
        int cols = broadcast(a.cols, b.cols, "columns", a, b);
        double[] v = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double x = a.values[(a.rows == 1 ? 0 : r) * a.cols + (a.cols == 1 ? 0 : c)];
                double y = b.values[(b.rows == 1 ? 0 : r) * b.cols + (b.cols == 1 ? 0 : c)];
                v[r * cols + c] = f.applyAsDouble(x, y);
            }
        }
        return new Matrix(rows, cols, v);
    }

    private static int broadcast(int m, int n, String what, Matrix a, Matrix b) {
        if (m == n || n == 1) {
            return m;
        }
        if (m == 1) {
            return n;
        }
        throw new IllegalArgumentException("cannot broadcast " + a.rows + " x " + a.cols + " with " + b.rows + " x " + b.cols + " (" + what + ")");
    }
}
