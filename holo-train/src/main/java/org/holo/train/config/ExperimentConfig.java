package org.holo.train.config;

/**
 * One experiment, as written in a config file that goes into a paper. Every field has a default; units are
 * in the field names where they are not 1/L (AdS units). See docs/config.md.
 */
public final class ExperimentConfig {

    /** The config format (see {@link ConfigFormat}); a config without it is read as format 1. */
    public int format = ConfigFormat.CURRENT;
    /** Short name of the experiment, used for run directory names. */
    public String name = "experiment";
    /** Free text: what the experiment reproduces, with references. */
    public String description = "";
    public ModelConfig model = new ModelConfig();
    public DataConfig data = new DataConfig.Band();
    public TrainingConfig training = new TrainingConfig();
}
