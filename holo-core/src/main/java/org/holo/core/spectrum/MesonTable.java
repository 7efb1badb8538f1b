package org.holo.core.spectrum;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.holo.core.data.DataFormatException;

/**
 * A meson mass table (datasets/pdg-light-mesons.csv): columns
 * {@code state,spin,n,mass_MeV,mass_uncertainty_MeV,width_MeV,status}, masses in MeV in the file and GeV in Java.
 * Every problem is a {@link DataFormatException} naming the file, the line and the column: a state without an
 * uncertainty, a spin other than 1 or 2, a tower whose masses do not increase with n, a repeated (S, n).
 */
public final class MesonTable {

    public static final List<String> COLUMNS = List.of("state", "spin", "n", "mass_MeV", "mass_uncertainty_MeV", "width_MeV", "status");
    /** The spins of the towers the model is trained on: 1 (ρ, vector) and 2 (a₂, tensor). */
    public static final List<Integer> SPINS = List.of(1, 2);

    private MesonTable() {
    }

    public static List<MesonState> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    static List<MesonState> parse(List<String> lines, String source) {
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new DataFormatException(source, 1, "empty file: expected the header " + String.join(",", COLUMNS));
        }
        String header = lines.get(0).strip();
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (!List.of(header.split(",", -1)).equals(COLUMNS)) {
            throw new DataFormatException(source, 1, "header must be " + String.join(",", COLUMNS) + ", found " + header);
        }
        List<MesonState> states = new ArrayList<>();
        Map<String, MesonState> byLevel = new HashMap<>();
        for (int l = 1; l < lines.size(); l++) {
            String text = lines.get(l);
            if (text.isBlank()) {
                continue;
            }
            int line = l + 1;
            String[] cells = text.split(",", -1);
            if (cells.length != COLUMNS.size()) {
                throw new DataFormatException(source, line, "expected " + COLUMNS.size() + " columns (" + String.join(",", COLUMNS)
                        + "), found " + cells.length);
            }
            String name = cells[0].strip();
            if (name.isEmpty()) {
                throw new DataFormatException(source, line, "state: missing name");
            }
            int spin = integer(cells[1], "spin", source, line);
            if (!SPINS.contains(spin)) {
                throw new DataFormatException(source, line, "spin: must be 1 (rho tower) or 2 (a2 tower), found " + spin);
            }
            int n = integer(cells[2], "n", source, line);
            if (n < 0) {
                throw new DataFormatException(source, line, "n: the radial number must be 0 or more, found " + n);
            }
            double mass = number(cells[3], "mass_MeV", source, line, true);
            if (!(mass > 0)) {
                throw new DataFormatException(source, line, "mass_MeV: must be positive, found " + cells[3].strip());
            }
            double sigma = number(cells[4], "mass_uncertainty_MeV", source, line, true);
            if (!(sigma > 0)) {
                throw new DataFormatException(source, line, "mass_uncertainty_MeV: must be positive (the loss divides by it), found "
                        + cells[4].strip());
            }
            double width = cells[5].isBlank() ? 0.0 : number(cells[5], "width_MeV", source, line, false);
            if (!(width >= 0)) {
                throw new DataFormatException(source, line, "width_MeV: must be 0 or more, found " + cells[5].strip());
            }
            MesonState s = new MesonState(name, spin, n, mass / 1000.0, sigma / 1000.0, width / 1000.0, cells[6].strip(), line);
            MesonState same = byLevel.put(spin + ":" + n, s);
            if (same != null) {
                throw new DataFormatException(source, line, "n: spin " + spin + ", n = " + n + " is already " + same.name() + " on line " + same.line());
            }
            states.add(s);
        }
        if (states.isEmpty()) {
            throw new DataFormatException(source, 0, "no states after the header");
        }
        checkOrder(states, source);
        return List.copyOf(states);
    }

    /** Within a tower, m must increase with n: a state lighter than a lower level of its tower is mislabelled. */
    private static void checkOrder(List<MesonState> states, String source) {
        for (MesonState a : states) {
            for (MesonState b : states) {
                if (a.spin() == b.spin() && a.n() < b.n() && !(a.mass() < b.mass())) {
                    MesonState later = a.line() > b.line() ? a : b;
                    MesonState other = later == a ? b : a;
                    throw new DataFormatException(source, later.line(), String.format(Locale.ROOT,
                            "mass_MeV: masses must increase with n within a tower: %s (S=%d, n=%d, %.1f MeV) against %s (n=%d, %.1f MeV) on line %d",
                            later.name(), later.spin(), later.n(), later.mass() * 1000, other.name(), other.n(), other.mass() * 1000, other.line()));
                }
            }
        }
    }

    private static int integer(String cell, String column, String source, int line) {
        String c = cell.strip();
        try {
            return Integer.parseInt(c);
        } catch (NumberFormatException e) {
            throw new DataFormatException(source, line, column + ": expected an integer, found '" + c + "'");
        }
    }

    private static double number(String cell, String column, String source, int line, boolean required) {
        String c = cell.strip();
        if (c.isEmpty()) {
            throw new DataFormatException(source, line, column + ": missing" + (required ? " (every state needs one)" : ""));
        }
        try {
            double v = Double.parseDouble(c);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new DataFormatException(source, line, column + ": expected a number, found '" + c + "'");
        }
    }
}
