package org.holo.train.observable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.holo.train.run.FinishedRun;

/** Which run an observable was computed from, as its JSON summary records it. */
public record RunOrigin(String directory, String experiment, boolean converged) {

    public static RunOrigin of(FinishedRun run) {
        return new RunOrigin(run.dir().toAbsolutePath().normalize().toString(), run.config().name, run.converged());
    }

    /** run (absolute directory), experiment, converged. */
    void putInto(ObjectNode o) {
        o.put("run", directory);
        o.put("experiment", experiment);
        o.put("converged", converged);
    }
}
