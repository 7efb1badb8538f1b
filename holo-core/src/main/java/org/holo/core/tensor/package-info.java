/**
 * Tensor forms: each component's forward pass over a whole mini-batch of every ensemble member, written once in a
 * small array algebra ({@link org.holo.core.tensor.Tensors}) that a tensor backend implements (holo-train's djl
 * backend over DJL NDArrays) and differentiates. A component opts in by implementing its kind's form next to its
 * exact adjoint; this package has no dependency on DJL or any other tensor library.
 */
package org.holo.core.tensor;
