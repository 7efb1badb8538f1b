package org.holo.core.horizon;

import java.util.List;

/** Horizon conditions by their config names. */
public final class HorizonConditions {

    public static final List<String> NAMES = List.of(PiHorizonCondition.NAME, RegularHorizonCondition.NAME);

    private HorizonConditions() {
    }

    public static HorizonCondition create(String name, double etaFin, double massSquared) {
        switch (name) {
            case PiHorizonCondition.NAME:
                return new PiHorizonCondition();
            case RegularHorizonCondition.NAME:
                return new RegularHorizonCondition(etaFin, massSquared);
            default:
                throw new IllegalArgumentException("unknown horizon condition '" + name + "' (expected one of " + NAMES + ")");
        }
    }
}
