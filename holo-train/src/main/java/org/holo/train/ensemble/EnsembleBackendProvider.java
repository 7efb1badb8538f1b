package org.holo.train.ensemble;

import java.util.Locale;
import org.holo.core.component.ComponentProvider;
import org.holo.core.component.Kind;
import org.holo.core.component.Registry;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;
import org.holo.train.Experiment;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.loop.Backend;

/**
 * A backend that trains ensemble members, found through {@link java.util.ServiceLoader} (a jar adds one with a
 * services entry). Either each member trains alone with a backend of its own, the members spread over threads
 * (cheap per-member steps, such as the plain-Java adjoint), or the members step together through one backend
 * call per step (a tensor program with an ensemble axis).
 */
public interface EnsembleBackendProvider extends ComponentProvider {

    Kind<EnsembleBackendProvider> KIND = new Kind<>("ensemble backend", EnsembleBackendProvider.class, "--backend");

    /** The backend used when none is named. */
    String DEFAULT = "cpu";

    /**
     * Opens a backend for a model: {@code network} and {@code objective} as {@link Experiment} builds them from
     * {@code config} (every member shares them).
     *
     * @param device where to compute: cpu, gpu, gpu:N, or null for the backend's default
     */
    Backend open(ExperimentConfig config, HolographicNetwork network, Objective objective, String device);

    /** Opens a backend for the model of {@code experiment}. */
    default Backend open(Experiment experiment, String device) {
        return open(experiment.config(), experiment.network(), experiment.objective(), device);
    }

    /** True when members must step together through one backend (one call for all of them per step). */
    boolean lockstep();

    /** The provider named {@code name} (case and surrounding blanks ignored), or the default for null. */
    static EnsembleBackendProvider named(String name) {
        return Registry.of(KIND).get(name == null ? DEFAULT : name.strip().toLowerCase(Locale.ROOT));
    }
}
