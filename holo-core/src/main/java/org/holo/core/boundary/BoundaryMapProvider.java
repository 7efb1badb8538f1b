package org.holo.core.boundary;

import org.holo.core.component.ComponentProvider;
import org.holo.core.component.Kind;
import org.holo.core.component.ModelContext;
import org.holo.core.component.Settings;

/** A boundary map (config {@code model.boundary}): boundary data to the bulk initial values. */
public interface BoundaryMapProvider extends ComponentProvider {

    Kind<BoundaryMapProvider> KIND = new Kind<>("boundary map", BoundaryMapProvider.class, "model.boundary.type");

    BoundaryMap create(ModelContext context, Settings settings);
}
