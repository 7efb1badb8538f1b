package org.holo.core.layer;

import org.holo.core.component.ComponentProvider;
import org.holo.core.component.Kind;
import org.holo.core.component.ModelContext;
import org.holo.core.component.Settings;

/** A layer scheme (config {@code model.scheme}): one discretisation of the equation of motion. */
public interface LayerSchemeProvider extends ComponentProvider {

    Kind<LayerSchemeProvider> KIND = new Kind<>("layer scheme", LayerSchemeProvider.class, "model.scheme");

    LayerMap create(ModelContext context, Settings settings);
}
