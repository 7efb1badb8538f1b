package org.holo.core.posterior;

/**
 * The random numbers a chain consumes, from one seeded stream (holo-train's named streams, or a test's own):
 * the sampler's numbers depend on nothing else, so the same stream gives bit-identical draws on any thread.
 */
public interface Draws {

    /** A standard normal draw. */
    double gaussian();

    /** Uniform in [0, 1). */
    double uniform();
}
