package org.holo.core.loss;

import java.util.List;

/** The data term of the loss: network outputs t_b against labels y_b over one mini-batch. */
public interface DataLoss {

    List<String> NAMES = List.of(L1SquaredLoss.NAME, MseLoss.NAME);

    String name();

    /** Returns the loss and writes ∂loss/∂t_b into {@code dt[b]} (when dt is not null). */
    double evaluate(double[] t, double[] y, int n, double[] dt);

    static DataLoss byName(String name) {
        switch (name) {
            case L1SquaredLoss.NAME:
                return new L1SquaredLoss();
            case MseLoss.NAME:
                return new MseLoss();
            default:
                throw new IllegalArgumentException("unknown loss '" + name + "' (expected one of " + NAMES + ")");
        }
    }
}
