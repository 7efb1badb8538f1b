package org.holo.core.tensor;

/**
 * The bulk state (φ, π) of every sample of every member at one η: two (E × B) arrays.
 *
 * @param phi the field φ
 * @param pi  its radial momentum π = ∂_η φ
 */
public record Phase<T>(T phi, T pi) {
}
