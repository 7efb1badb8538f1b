package org.holo.train.posterior;

import org.holo.core.posterior.Draws;
import org.holo.train.random.Rng;

/** A chain's numbers from one of the run seed's named streams (SplitMix64, polar Gaussians: the same on every JVM). */
public final class StreamDraws implements Draws {

    private final Rng rng;

    public StreamDraws(Rng rng) {
        this.rng = rng;
    }

    @Override
    public double gaussian() {
        return rng.gaussian();
    }

    @Override
    public double uniform() {
        return rng.nextDouble();
    }
}
