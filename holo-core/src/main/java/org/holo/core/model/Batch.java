package org.holo.core.model;

/**
 * A mini-batch of labelled boundary data, column-wise: inputs (x0, x1) in the boundary map's units and
 * labels y (0 = positive, satisfies the horizon condition; 1 = negative). Arrays are sized for the largest
 * batch; {@code size} says how many entries are in use.
 */
public final class Batch {

    public final double[] x0;
    public final double[] x1;
    public final double[] y;
    private int size;

    public Batch(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("batch capacity must be positive, got " + capacity);
        }
        x0 = new double[capacity];
        x1 = new double[capacity];
        y = new double[capacity];
    }

    public static Batch of(double[] x0, double[] x1, double[] y) {
        if (x0.length != x1.length || x0.length != y.length) {
            throw new IllegalArgumentException("batch columns differ in length: " + x0.length + ", " + x1.length + ", " + y.length);
        }
        Batch b = new Batch(Math.max(1, x0.length));
        System.arraycopy(x0, 0, b.x0, 0, x0.length);
        System.arraycopy(x1, 0, b.x1, 0, x1.length);
        System.arraycopy(y, 0, b.y, 0, y.length);
        b.size = x0.length;
        return b;
    }

    public int capacity() {
        return x0.length;
    }

    public int size() {
        return size;
    }

    public void setSize(int size) {
        if (size < 0 || size > x0.length) {
            throw new IllegalArgumentException("batch size " + size + " outside 0.." + x0.length);
        }
        this.size = size;
    }
}
