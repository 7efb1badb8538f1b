package org.holo.core;

import java.util.List;
import org.holo.core.component.MapSettings;
import org.holo.core.component.ModelContext;
import org.holo.core.component.Registry;
import org.holo.core.horizon.HorizonCondition;
import org.holo.core.horizon.HorizonConditionProvider;
import org.holo.core.layer.LayerMap;
import org.holo.core.layer.LayerSchemeProvider;
import org.holo.core.loss.DataLoss;
import org.holo.core.loss.DataLossProvider;

/**
 * Registered components by name, as tests build them. Layer schemes and horizon conditions read only the grid and
 * m² of the theory, so the dimension here (4) is a placeholder.
 */
public final class TestComponents {

    private TestComponents() {
    }

    public static ModelContext context(RadialGrid grid, double massSquared) {
        return new ModelContext(grid, new ScalarTheory(4, massSquared));
    }

    public static LayerMap scheme(String name, RadialGrid grid, double massSquared) {
        return Registry.of(LayerSchemeProvider.KIND).get(name).create(context(grid, massSquared), MapSettings.empty("model.scheme"));
    }

    public static HorizonCondition horizon(String name, double etaFin, double massSquared) {
        RadialGrid grid = new RadialGrid(Math.max(1.0, etaFin + 1.0), etaFin, 1);
        return Registry.of(HorizonConditionProvider.KIND).get(name).create(context(grid, massSquared), MapSettings.empty("model.horizon"));
    }

    public static DataLoss loss(String name) {
        return Registry.of(DataLossProvider.KIND).get(name).create(MapSettings.empty("training.loss"));
    }

    public static List<String> schemes() {
        return Registry.of(LayerSchemeProvider.KIND).names();
    }

    public static List<String> horizons() {
        return Registry.of(HorizonConditionProvider.KIND).names();
    }

    public static List<String> losses() {
        return Registry.of(DataLossProvider.KIND).names();
    }
}
