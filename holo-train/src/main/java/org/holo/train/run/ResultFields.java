package org.holo.train.run;

import java.util.Set;

/** The field names of result.json, written by {@link RunResult} and read by {@link FinishedRun} and {@link Reproduction}. */
public final class ResultFields {

    public static final String EXPERIMENT = "experiment";
    public static final String SEED = "seed";
    public static final String BACKEND = "backend";
    public static final String LOSS = "loss";
    public static final String DATA_LOSS = "data_loss";
    public static final String REGULARISATION = "regularisation";
    public static final String CONVERGED = "converged";
    public static final String RESTARTS = "restarts";
    /** Why the run did not converge; absent when it did. */
    public static final String REASON = "reason";
    /** The AdS radius L in GeV⁻¹; absent when the boundary map has none. */
    public static final String RADIUS = "L_GeV_inv";
    public static final String INVERSE_RADIUS = "inverse_L_MeV";
    public static final String LAMBDA = "lambda";
    public static final String ETA = "eta";
    /** h at each layer, boundary first. */
    public static final String H = "h";
    /** c of the horizon-aware metric h = c/η + r. */
    public static final String HORIZON_COEFFICIENT = "horizon_coefficient";
    /** r per layer of the horizon-aware metric h = c/η + r. */
    public static final String REMAINDER = "remainder";
    public static final String SENSITIVITY = "sensitivity";
    /**
     * δh_i conditional on all other layers: the change of h at layer i alone, every other layer held, that moves the
     * outputs by 0.1 rms. Joint uncertainty is what the metric modes (modes.json) describe.
     */
    public static final String H_CONDITIONAL_RESOLUTION = "h_conditional_resolution";
    /** The name {@link #H_CONDITIONAL_RESOLUTION} had before it said that it is conditional: read, never written. */
    public static final String H_RESOLUTION = "h_resolution";
    /** Fields renamed since they were first written: old name → new name (an old run reproduces under the new one). */
    public static final java.util.Map<String, String> RENAMED = java.util.Map.of(H_RESOLUTION, H_CONDITIONAL_RESOLUTION);
    /** Prose written next to the numbers: its presence is compared, its wording is not. */
    public static final Set<String> DESCRIPTIVE = Set.of("sensitivity_definition");
    public static final String SENSITIVITY_DEFINITION = "sensitivity_definition";
    /** The metric modes' counts (modes.json has the rest): directions the data determine, N_eff, the data rank. */
    public static final String MODES_DETERMINED = "metric_modes_determined";
    public static final String MODES_EFFECTIVE = "metric_modes_effective_parameters";
    public static final String MODES_DATA_RANK = "metric_modes_data_rank";
    public static final String ACCURACY = "accuracy";
    public static final String POSITIVE_FRACTION = "positive_fraction";
    public static final String STEPS = "steps";
    public static final String EPOCHS = "epochs";
    public static final String SECONDS = "seconds";
    public static final String MICROSECONDS_PER_STEP = "microseconds_per_step";

    /** Fields that measure the machine, not the physics. */
    /**
     * Every parameter block under the name its component declares (a number for a block of one, else an array):
     * what a run is read back from, whatever its components.
     */
    public static final String PARAMETERS = "parameters";
    public static final Set<String> TIMING = Set.of(SECONDS, MICROSECONDS_PER_STEP);
    /** Fields added after v1: a run written before them lacks them and still reads and reproduces. */
    public static final Set<String> ADDED_LATER = Set.of(SENSITIVITY, H_RESOLUTION, H_CONDITIONAL_RESOLUTION,
            SENSITIVITY_DEFINITION, PARAMETERS, MODES_DETERMINED, MODES_EFFECTIVE, MODES_DATA_RANK);

    private ResultFields() {
    }
}
