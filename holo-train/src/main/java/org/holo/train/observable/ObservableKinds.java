package org.holo.train.observable;

import java.util.List;
import org.holo.core.component.Kind;
import org.holo.core.component.KindCatalog;
import org.holo.train.data.DataSourceProvider;
import org.holo.train.ensemble.EnsembleBackendProvider;

/** Declares the kinds holo-train defines (observables, ensemble backends, data sources) to {@link org.holo.core.component.Kinds}. */
public final class ObservableKinds implements KindCatalog {

    @Override
    public List<Kind<?>> kinds() {
        return List.of(Observable.KIND, EnsembleBackendProvider.KIND, DataSourceProvider.KIND);
    }
}
