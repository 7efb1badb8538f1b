package org.holo.core.tensor;

/** The tensor form of a data loss ({@link org.holo.core.loss.DataLoss}): one loss per member, (E × 1). */
public interface LossTensorForm {

    /**
     * @param t     the network outputs t(F), (E × B)
     * @param y     the labels, (E × B)
     * @param batch B, the number of samples per member
     */
    <T> T loss(Tensors<T> ops, T t, T y, int batch);
}
