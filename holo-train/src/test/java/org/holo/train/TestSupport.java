package org.holo.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import org.holo.core.data.LabelledData;
import org.holo.train.config.ConfigLoader;

/** Locations of the shipped experiments and small helpers shared by the holo-train tests. */
public final class TestSupport {

    private TestSupport() {
    }

    /** The project root: the directory holding experiments/ and datasets/ (tests run in a module directory). */
    public static Path projectRoot() {
        Path p = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        while (p != null) {
            if (Files.isRegularFile(p.resolve("experiments").resolve("hstt2018-qcd.json"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("cannot find experiments/hstt2018-qcd.json above " + System.getProperty("user.dir"));
    }

    public static Path qcdConfig() {
        return projectRoot().resolve("experiments/hstt2018-qcd.json");
    }

    public static Path adsConfig() {
        return projectRoot().resolve("experiments/hstt2018-ads-schwarzschild.json");
    }

    public static Path latticeCsv() {
        return projectRoot().resolve("datasets/lattice-chiral-condensate.csv");
    }

    public static ConfigLoader.Loaded load(Path config, String... overrides) {
        return ConfigLoader.load(config, List.of(overrides));
    }

    public static Experiment build(Path config, String... overrides) throws IOException {
        ConfigLoader.Loaded l = load(config, overrides);
        return Experiment.build(l.config(), l.baseDir());
    }

    public static double[] column(LabelledData d, int which) {
        double[] v = new double[d.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = which == 0 ? d.x0(i) : which == 1 ? d.x1(i) : d.label(i);
        }
        return v;
    }

    /** Bit-for-bit equality of all columns (and the column names). */
    public static boolean sameData(LabelledData a, LabelledData b) {
        return a.inputColumns().equals(b.inputColumns()) && a.size() == b.size()
                && Arrays.equals(column(a, 0), column(b, 0))
                && Arrays.equals(column(a, 1), column(b, 1))
                && Arrays.equals(column(a, 2), column(b, 2));
    }

    public static void assertContainsAll(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message != null && message.contains(p), "expected the message to contain '" + p + "', got: " + message);
        }
    }
}
