package org.holo.train.data;

import java.io.IOException;
import java.nio.file.Path;
import org.holo.core.model.HolographicNetwork;
import org.holo.train.random.Rng;

/** A configured source of labelled training data, made by a {@link DataSourceProvider}. */
public interface DataSource {

    /**
     * The labelled points, in the boundary map's input columns ({@code request.network().boundary().inputColumns()}),
     * and the files read (their hashes go into provenance). Must be a pure function of the config, the files and the
     * request's seeded streams, so that a run reproduces bit for bit.
     */
    DataSources.Loaded load(Request request) throws IOException;

    /**
     * What a source may use: the directory relative paths are relative to, the network (its boundary map's input
     * columns; a sampled source may label points with it), the initial λ and radius, and two seeded streams.
     *
     * @param rng    the data stream: sampled points (and band noise)
     * @param labels the label stream (the metric source's Bernoulli uniforms); may be null where no labels are drawn
     */
    record Request(Path baseDir, HolographicNetwork network, double lambda, double radius, Rng rng, Rng labels) {

        /** A path of the config, relative to the config file's directory unless absolute. */
        public Path resolve(String path) {
            return baseDir.resolve(path).normalize();
        }
    }
}
