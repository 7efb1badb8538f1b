package org.holo.core.tensor;

/** The tensor form of a horizon condition ({@link org.holo.core.horizon.HorizonCondition}): F at η_fin, (E × B). */
public interface HorizonTensorForm {

    <T> T horizonValue(Tensors<T> ops, Phase<T> end, T lambda);
}
