package org.holo.train.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.holo.train.loop.MetricsLog;
import org.holo.train.loop.TrainingListener;
import org.holo.train.loop.TrainingState;

/** Writes checkpoint.json every {@code every} optimiser steps and once at the end (the last good state). */
public final class Checkpointer implements TrainingListener {

    private final Path dir;
    private final long every;
    private final MetricsLog log;
    private final String dataSha256;

    public Checkpointer(Path dir, long every, MetricsLog log, String dataSha256) {
        this.dir = dir;
        this.every = every;
        this.log = log;
        this.dataSha256 = dataSha256;
    }

    @Override
    public void onStepEnd(TrainingState s) {
        if (every > 0 && s.step % every == 0 && !s.stopped()) {
            write(s);
        }
    }

    @Override
    public void onTrainingEnd(TrainingState s) {
        for (double p : s.params) {
            if (!Double.isFinite(p)) {
                return; // keep the last checkpoint: it holds the last good parameters
            }
        }
        write(s);
    }

    private void write(TrainingState s) {
        try {
            new Checkpoint(s.position(), log.lines(), dataSha256).write(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint in " + dir, e);
        }
    }
}
