package org.holo.train.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.holo.core.component.MapSettings;
import org.holo.core.component.Registry;
import org.holo.core.data.DataFormatException;
import org.holo.core.data.LabelledData;
import org.holo.core.data.NpyTable;
import org.holo.core.data.NumericTable;
import org.holo.core.model.HolographicNetwork;
import org.holo.train.config.DataConfig;
import org.holo.train.random.Rng;

/**
 * Turns a data section into labelled training data through the {@link DataSourceProvider} its {@code source} names
 * (band, metric, csv, or one from a plugin jar), and the file readers the sources share.
 */
public final class DataSources {

    public static final List<String> QCD_POINT_COLUMNS = List.of("m_q_GeV", "condensate_GeV3");

    private DataSources() {
    }

    /** What was loaded, and which input files it read (for provenance). */
    public record Loaded(LabelledData data, List<Path> inputFiles) {
    }

    /** The data sources on the class path and in plugin jars. */
    public static Registry<DataSourceProvider> registry() {
        return Registry.of(DataSourceProvider.KIND);
    }

    /** The registered source names: the built-ins in their documented order (band, metric, csv), then the others sorted. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of(DataConfig.SOURCES));
        names.retainAll(registry().names());
        registry().names().stream().filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }

    /** The message for a source that is not registered: {@code unknown data source 'x' (known: band, metric, csv, …)}. */
    public static String unknown(String name) {
        return "unknown " + DataSourceProvider.KIND.name() + " '" + name + "' (known: " + String.join(", ", names()) + ")";
    }

    /**
     * The source a data section names, made by its provider from the section's fields; an unknown source or a field
     * the provider does not read is an error naming its path. Returns the settings too, for the resolved section.
     */
    public static DataSource create(DataConfig config, String path) {
        if (!registry().has(config.source())) {
            throw new IllegalArgumentException(path + ".source: " + unknown(config.source()));
        }
        DataSourceProvider provider = registry().get(config.source());
        MapSettings settings = config.settings(path);
        DataSource source = provider.create(settings);
        settings.requireAllRead();
        config.resolve(settings.resolved());
        return source;
    }

    /** {@link #load(DataConfig, Path, HolographicNetwork, double, double, Rng, Rng)} without a label stream (threshold labels). */
    public static Loaded load(DataConfig config, Path baseDir, HolographicNetwork network, double lambda, double radius, Rng rng)
            throws IOException {
        return load(config, baseDir, network, lambda, radius, rng, null);
    }

    /**
     * The training data of a data section, from the source it names (see {@link DataSource.Request} for the streams).
     * A source's points must be in the boundary map's input columns.
     */
    public static Loaded load(DataConfig config, Path baseDir, HolographicNetwork network, double lambda, double radius, Rng rng,
                              Rng labels) throws IOException {
        DataSource source = create(config, "data");
        Loaded loaded = source.load(new DataSource.Request(baseDir, network, lambda, radius, rng, labels));
        List<String> columns = network.boundary().inputColumns();
        if (!loaded.data().inputColumns().equals(columns)) {
            throw new IllegalArgumentException("data.source " + config.source() + ": the data have columns "
                    + loaded.data().inputColumns() + ", the boundary map reads " + columns);
        }
        return new Loaded(loaded.data(), List.copyOf(loaded.inputFiles()));
    }

    /**
     * Reads and checks labelled training data from CSV (columns: the boundary map's inputs and label), so that
     * callers can look at the data before training (e.g. to compare their size with the batch size).
     */
    public static LabelledData readCsvData(Path file, HolographicNetwork network) throws IOException {
        List<String> columns = new ArrayList<>(network.boundary().inputColumns());
        columns.add(LabelledData.LABEL);
        NumericTable table = readTable(file, columns);
        if (table.rows() == 0) {
            throw new DataFormatException(file.toString(), 0, "no data rows after the header");
        }
        if (network.boundary().usesRadius()) {
            requireNonNegative(table, network.boundary().inputColumns());
        }
        LabelledData data = LabelledData.fromTable(table, network.boundary().inputColumns());
        if (data.positives() == 0 || data.positives() == data.size()) {
            throw new DataFormatException(file.toString(), 0, "the data need both labels, found only label "
                    + (data.positives() == 0 ? "1 (negative)" : "0 (positive)") + " in " + data.size() + " rows");
        }
        return data;
    }

    /**
     * The number of rows of a training data file when it is below {@code limit} (the file then read and checked
     * in full, as {@link #readCsvData} does), else {@code limit}: what a check against a size needs, without
     * reading a large file whole (CSV rows are counted up to the limit, .npy rows come from the header).
     */
    public static long rowsUpTo(Path file, HolographicNetwork network, long limit) throws IOException {
        long rows;
        if (isNpy(file)) {
            requireRegularFile(file, "a .npy file");
            List<String> columns = new ArrayList<>(network.boundary().inputColumns());
            columns.add(LabelledData.LABEL);
            rows = NpyTable.rows(file, columns);
        } else {
            requireRegularFile(file, "a CSV file");
            rows = -1; // the header row is not data
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                char[] buf = new char[1 << 16];
                boolean classified = false; // the current line's first character other than a space was seen
                int n;
                while (rows < limit && (n = r.read(buf)) >= 0) {
                    for (int i = 0; i < n && rows < limit; i++) {
                        char c = buf[i];
                        if (c == '\n' || c == '\r') {
                            classified = false;
                        } else if (!classified && !Character.isWhitespace(c) && c != '\uFEFF') {
                            if (c != '#') {
                                rows++;
                            }
                            classified = true;
                        }
                    }
                }
            } catch (NoSuchFileException e) {
                throw new DataFormatException(file.toString(), 0, "no such file");
            }
        }
        return rows < limit ? readCsvData(file, network).size() : limit;
    }

    /** The polynomial fit of the band's dataset, with errors that name the file and data.fitDegree. */
    static PolynomialFit fitBand(NumericTable points, int degree) {
        String file = points.source();
        if (points.rows() == 0) {
            throw new DataFormatException(file, 0, "no data points after the header (columns "
                    + String.join(",", QCD_POINT_COLUMNS) + ")");
        }
        if (points.rows() < degree + 1) {
            throw new DataFormatException(file, 0, "a degree-" + degree + " fit (data.fitDegree) needs at least " + (degree + 1)
                    + " points, found " + points.rows());
        }
        double[] x = points.column("m_q_GeV");
        long distinct = distinct(x);
        if (distinct < degree + 1) {
            throw new DataFormatException(file, 0, "a degree-" + degree + " fit (data.fitDegree) needs at least " + (degree + 1)
                    + " distinct m_q_GeV values, found " + distinct);
        }
        return PolynomialFit.fit(x, points.column("condensate_GeV3"), degree, file);
    }

    /** Whether a data file is read as NumPy .npy (by its name) rather than CSV. */
    public static boolean isNpy(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy");
    }

    /** How many different values (-0.0 and 0.0 alike), without boxing them. */
    private static long distinct(double[] x) {
        double[] sorted = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            sorted[i] = x[i] + 0.0;
        }
        Arrays.sort(sorted);
        long n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                n++;
            }
        }
        return n;
    }

    /**
     * Reads a table from CSV, or from a NumPy {@code .npy} file (float64, shape (rows, columns), the columns in the
     * order of {@code columns}) when the name ends in {@code .npy}.
     */
    public static NumericTable readTable(Path file, List<String> columns) throws IOException {
        if (isNpy(file)) {
            requireRegularFile(file, "a .npy file");
            try {
                return NpyTable.read(file, columns);
            } catch (NoSuchFileException e) {
                throw new DataFormatException(file.toString(), 0, "no such file");
            }
        }
        requireRegularFile(file, "a CSV file");
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return NumericTable.read(r, file.toString(), columns);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file.toString(), 0, "no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DataFormatException(file.toString(), 0, "not UTF-8 text");
        }
    }

    /**
     * A data file must be a regular file: opening a FIFO would wait for a writer, a directory or device is not
     * data.
     */
    public static void requireRegularFile(Path file, String expected) {
        if (Files.isDirectory(file)) {
            throw new DataFormatException(file.toString(), 0, "is a directory, expected " + expected);
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new DataFormatException(file.toString(), 0, "is not a regular file (a FIFO, socket or device?), expected "
                    + expected);
        }
    }

    static void requireNonNegative(NumericTable table, List<String> columns) {
        for (String col : columns) {
            int c = table.columnIndex(col);
            for (int r = 0; r < table.rows(); r++) {
                double v = table.value(c, r);
                if (v < 0) {
                    throw new DataFormatException(table.source(), table.line(r), "column '" + col
                            + "' must not be negative (quark masses and condensates are >= 0), found " + v);
                }
            }
        }
    }
}
