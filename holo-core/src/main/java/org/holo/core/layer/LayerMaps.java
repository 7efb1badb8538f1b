package org.holo.core.layer;

import java.util.List;
import org.holo.core.RadialGrid;

/** Layer maps by their config names. */
public final class LayerMaps {

    public static final List<String> NAMES = List.of(EulerLayerMap.NAME, Rk4LayerMap.NAME);

    private LayerMaps() {
    }

    public static LayerMap create(String name, RadialGrid grid, double massSquared) {
        switch (name) {
            case EulerLayerMap.NAME:
                return new EulerLayerMap(grid, massSquared);
            case Rk4LayerMap.NAME:
                return new Rk4LayerMap(grid, massSquared);
            default:
                throw new IllegalArgumentException("unknown layer scheme '" + name + "' (expected one of " + NAMES + ")");
        }
    }
}
