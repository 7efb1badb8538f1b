package org.holo.train.loop;

/** Stops training at the first non-finite loss or gradient, before it can poison the parameters. */
public final class DivergenceGuard implements TrainingListener {

    private boolean diverged;

    @Override
    public void onStep(TrainingState s) {
        if (!Double.isFinite(s.loss)) {
            stop(s, "non-finite loss (" + s.loss + ")");
            return;
        }
        for (int i = 0; i < s.grad.length; i++) {
            if (!Double.isFinite(s.grad[i])) {
                stop(s, "non-finite gradient of " + s.layout.nameOf(i) + " (" + s.grad[i] + ")");
                return;
            }
        }
    }

    @Override
    public void onStepEnd(TrainingState s) {
        for (int i = 0; i < s.params.length; i++) {
            if (!Double.isFinite(s.params[i])) {
                diverged = true;
                s.stop("diverged at step " + s.step + " (epoch " + s.epoch + "): parameter " + s.layout.nameOf(i)
                        + " became " + s.params[i] + "; a single run's checkpoint.json holds the last good parameters"
                        + " (ensembles keep no checkpoints)");
                return;
            }
        }
    }

    private void stop(TrainingState s, String what) {
        diverged = true;
        s.stop("diverged at step " + (s.step + 1) + " (epoch " + s.epoch + "): " + what
                + "; the parameters are those of that step, not updated by it");
    }

    public boolean diverged() {
        return diverged;
    }
}
