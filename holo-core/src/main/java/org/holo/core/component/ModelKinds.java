package org.holo.core.component;

import java.util.List;
import org.holo.core.boundary.BoundaryMapProvider;
import org.holo.core.horizon.HorizonConditionProvider;
import org.holo.core.layer.LayerSchemeProvider;
import org.holo.core.loss.DataLossProvider;
import org.holo.core.loss.RegulariserProvider;
import org.holo.core.metric.MetricProvider;

/** The kinds of model component holo-core defines. */
public final class ModelKinds implements KindCatalog {

    @Override
    public List<Kind<?>> kinds() {
        return List.of(LayerSchemeProvider.KIND, MetricProvider.KIND, BoundaryMapProvider.KIND, HorizonConditionProvider.KIND,
                DataLossProvider.KIND, RegulariserProvider.KIND);
    }
}
