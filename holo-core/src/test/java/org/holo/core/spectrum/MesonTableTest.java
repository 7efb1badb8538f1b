package org.holo.core.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.holo.core.data.DataFormatException;
import org.junit.jupiter.api.Test;

class MesonTableTest {

    private static final String HEADER = String.join(",", MesonTable.COLUMNS);

    private static List<String> lines(String... rows) {
        List<String> l = new ArrayList<>();
        l.add(HEADER);
        l.addAll(List.of(rows));
        return l;
    }

    @Test
    void readsStatesInGeV() {
        List<MesonState> s = MesonTable.parse(lines("rho(770),1,0,775.26,0.25,147.8,established",
                "a2(1320),2,0,1318.2,0.6,107,established"), "t.csv");
        assertEquals(2, s.size());
        assertEquals(0.77526, s.get(0).mass(), 1e-15);
        assertEquals(0.00025, s.get(0).sigma(), 1e-15);
        assertEquals(0.1478, s.get(0).width(), 1e-15);
        assertEquals(3, s.get(1).line());
        // the floor: 10 % of the width beats 0.25 MeV
        assertEquals(0.01478, s.get(0).effectiveSigma(0.1), 1e-15);
        assertEquals(0.00025, s.get(0).effectiveSigma(0.0), 1e-15);
    }

    private static String error(String... rows) {
        return assertThrows(DataFormatException.class, () -> MesonTable.parse(lines(rows), "m.csv")).getMessage();
    }

    @Test
    void badStatesAreNamedByFileLineAndField() {
        assertEquals("m.csv:3: mass_uncertainty_MeV: missing (every state needs one)",
                error("rho(770),1,0,775.26,0.25,147.8,established", "rho(1450),1,1,1465,,400,established"));
        assertEquals("m.csv:2: spin: must be 1 (rho tower) or 2 (a2 tower), found 3",
                error("rho3(1690),3,0,1688.8,2.1,161,established"));
        assertEquals("m.csv:3: mass_MeV: masses must increase with n within a tower: rho(1450) (S=1, n=0, 1465.0 MeV)"
                        + " against rho(770) (n=1, 775.3 MeV) on line 2",
                error("rho(770),1,1,775.26,0.25,147.8,established", "rho(1450),1,0,1465,25,400,established"));
        assertEquals("m.csv:2: mass_uncertainty_MeV: must be positive (the loss divides by it), found 0",
                error("rho(770),1,0,775.26,0,147.8,established"));
        assertEquals("m.csv:3: n: spin 1, n = 0 is already rho(770) on line 2",
                error("rho(770),1,0,775.26,0.25,147.8,established", "rho(1450),1,0,1465,25,400,established"));
        assertEquals("m.csv:2: expected 7 columns (" + HEADER + "), found 6", error("rho(770),1,0,775.26,0.25,147.8"));
    }
}
