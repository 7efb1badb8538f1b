package org.holo.core.horizon;

import org.holo.core.component.ComponentProvider;
import org.holo.core.component.Kind;
import org.holo.core.component.ModelContext;
import org.holo.core.component.Settings;

/** A horizon condition (config {@code model.horizon}): the F that positive boundary data make vanish at η_fin. */
public interface HorizonConditionProvider extends ComponentProvider {

    Kind<HorizonConditionProvider> KIND = new Kind<>("horizon condition", HorizonConditionProvider.class, "model.horizon");

    HorizonCondition create(ModelContext context, Settings settings);
}
