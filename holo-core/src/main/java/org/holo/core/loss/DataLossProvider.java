package org.holo.core.loss;

import org.holo.core.component.ComponentProvider;
import org.holo.core.component.Kind;
import org.holo.core.component.Settings;

/** A data loss (config {@code training.loss}): network outputs against labels over a mini-batch. */
public interface DataLossProvider extends ComponentProvider {

    Kind<DataLossProvider> KIND = new Kind<>("loss", DataLossProvider.class, "training.loss");

    DataLoss create(Settings settings);
}
