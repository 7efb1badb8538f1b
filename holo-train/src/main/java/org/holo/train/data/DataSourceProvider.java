package org.holo.train.data;

import java.util.List;
import org.holo.core.component.ComponentProvider;
import org.holo.core.component.Kind;
import org.holo.core.component.Settings;

/**
 * A kind of labelled training data, chosen by {@code data.source} (band, metric, csv, or a researcher's own, e.g. points
 * labelled by their simulation). A jar adds one by listing its provider in
 * {@code META-INF/services/org.holo.train.data.DataSourceProvider}; no edit to Holo.
 */
public interface DataSourceProvider extends ComponentProvider {

    Kind<DataSourceProvider> KIND = new Kind<>("data source", DataSourceProvider.class, "data.source");

    /**
     * Reads this source's config section (every field of {@code data} but {@code source}) and checks its values; a
     * field no read asked for is then rejected with its path. Called when the config is read, so a bad section
     * fails before anything is written.
     */
    DataSource create(Settings settings);

    /**
     * The fields of this source's section that name files, relative to the config file unless absolute: they are made
     * absolute when the config is read, so the run directory's resolved config finds them too.
     */
    default List<String> fileFields() {
        return List.of();
    }
}
