package org.holo.core.component;

import org.holo.core.RadialGrid;
import org.holo.core.ScalarTheory;

/** What every model component may depend on: the radial grid and the bulk theory (d, m²). */
public record ModelContext(RadialGrid grid, ScalarTheory theory) {
}
