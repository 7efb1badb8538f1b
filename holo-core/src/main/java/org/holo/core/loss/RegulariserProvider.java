package org.holo.core.loss;

import org.holo.core.component.ComponentProvider;
import org.holo.core.component.Kind;
import org.holo.core.component.ModelContext;
import org.holo.core.component.Settings;
import org.holo.core.metric.MetricParametrisation;

/**
 * A regulariser: a penalty on the metric block of the parameters, added to the data loss. The built-ins
 * {@code boundary} and {@code smoothness} are configured by {@code training.boundaryRegularisation},
 * {@code training.smoothnessRegularisation} and {@code training.smoothnessProfile}; further ones are named in
 * {@code training.regularisers}, each a section {@code {"type": NAME, …}} that its component reads.
 */
public interface RegulariserProvider extends ComponentProvider {

    Kind<RegulariserProvider> KIND = new Kind<>("regulariser", RegulariserProvider.class, "training.regularisers");

    /**
     * @param metric the parametrisation whose block the regulariser reads: {@link Regulariser#evaluate} is handed
     *               the parameters at the block's offset
     */
    Regulariser create(ModelContext context, MetricParametrisation metric, Settings settings);
}
