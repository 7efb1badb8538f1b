package org.holo.core.loss;

/** The data term of the loss: network outputs t_b against labels y_b over one mini-batch. */
public interface DataLoss {

    String name();

    /** Returns the loss and writes ∂loss/∂t_b into {@code dt[b]} (when dt is not null). */
    double evaluate(double[] t, double[] y, int n, double[] dt);
}
