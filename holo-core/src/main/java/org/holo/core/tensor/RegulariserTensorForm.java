package org.holo.core.tensor;

/** The tensor form of a regulariser ({@link org.holo.core.loss.Regulariser}): its penalty per member. */
public interface RegulariserTensorForm {

    /**
     * The penalty, (E × 1), or null when it has no terms (e.g. smoothness on a single layer).
     *
     * @param metricBlock the metric parametrisation's parameter block, (E × size), the block the regulariser's
     *                    {@code evaluate} reads from its offset
     */
    <T> T penalty(Tensors<T> ops, T metricBlock);
}
