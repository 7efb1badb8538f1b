package org.holo.train.observable;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.holo.core.component.ComponentProvider;
import org.holo.core.component.Kind;
import org.holo.train.run.FinishedRun;

/**
 * A quantity computed from a finished run's learned model (the chiral condensate curve, the quark–antiquark
 * potential, …), found through {@link org.holo.core.component.Registry#of(Kind)}: a new observable is a class plus a
 * line in {@code META-INF/services/org.holo.train.observable.Observable}. Each built-in also has a typed Java call
 * (e.g. {@link ChiralCondensate#compute(FinishedRun, ChiralCondensate.Options)}); this interface is the generic one.
 */
public interface Observable extends ComponentProvider {

    /** Observables are not chosen in a config: they are computed from a finished run (holo predict, holo potential). */
    Kind<Observable> KIND = new Kind<>("observable", Observable.class, null);

    /** The files it writes, in the order written, its JSON summary last: the one place their names are defined. */
    List<String> files();

    /** The option names {@link #compute(FinishedRun, Map)} accepts, each with a one-line meaning. */
    Map<String, String> options();

    /**
     * Computes the observable of {@code run}; {@code options} maps names of {@link #options()} to values (absent:
     * the observable's default), an unknown name is an {@link IllegalArgumentException}.
     */
    ObservableResult compute(FinishedRun run, Map<String, String> options) throws IOException;

    /** Rejects option names this observable does not know, naming the known ones. */
    default void checkOptions(Map<String, String> given) {
        for (String k : given.keySet()) {
            if (!options().containsKey(k)) {
                throw new IllegalArgumentException("observable " + name() + ": unknown option '" + k + "' (known: "
                        + String.join(", ", options().keySet()) + ")");
            }
        }
    }
}
