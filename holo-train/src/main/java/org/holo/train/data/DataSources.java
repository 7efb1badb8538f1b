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
import org.holo.core.data.DataFormatException;
import org.holo.core.data.LabelledData;
import org.holo.core.data.NpyTable;
import org.holo.core.data.NumericTable;
import org.holo.core.metric.AnalyticMetrics;
import org.holo.core.metric.FixedMetric;
import org.holo.core.metric.Metric;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.ParameterLayout;
import org.holo.train.config.DataConfig;
import org.holo.train.random.Rng;

/** Turns a data section into labelled training data: sampled from a dataset or a metric, or read from CSV. */
public final class DataSources {

    public static final List<String> QCD_POINT_COLUMNS = List.of("m_q_GeV", "condensate_GeV3");

    private DataSources() {
    }

    /** What was loaded, and which input files it read (for provenance). */
    public record Loaded(LabelledData data, List<Path> inputFiles) {
    }

    /** {@link #load(DataConfig, Path, HolographicNetwork, double, double, Rng, Rng)} without a label stream (threshold labels). */
    public static Loaded load(DataConfig config, Path baseDir, HolographicNetwork network, double lambda, double radius, Rng rng)
            throws IOException {
        return load(config, baseDir, network, lambda, radius, rng, null);
    }

    /**
     * @param rng    the data stream: sampled points (and band noise)
     * @param labels the stream of the Bernoulli label model's uniforms (unused by the other sources)
     */
    public static Loaded load(DataConfig config, Path baseDir, HolographicNetwork network, double lambda, double radius, Rng rng,
                              Rng labels) throws IOException {
        if (config instanceof DataConfig.Band) {
            DataConfig.Band b = (DataConfig.Band) config;
            Path file = baseDir.resolve(b.dataset).normalize();
            NumericTable points = readTable(file, QCD_POINT_COLUMNS);
            requireNonNegative(points, QCD_POINT_COLUMNS);
            PolynomialFit fit = fitBand(points, b.fitDegree);
            requireBandMeetsBox(fit, file, b);
            BandSampler sampler = new BandSampler(fit, b.mqRange_GeV, b.condensateRange_GeV3, b.noiseStd_GeV3);
            return new Loaded(sampler.sample(network.boundary().inputColumns(), b.positives, b.negatives, rng), List.of(file));
        }
        if (config instanceof DataConfig.FromMetric) {
            DataConfig.FromMetric f = (DataConfig.FromMetric) config;
            Metric exact;
            List<Path> inputs;
            double[] nodes = network.layerMap().nodes();
            if (DataConfig.FromMetric.TABLE.equals(f.metric)) {
                Path file = baseDir.resolve(f.table).normalize();
                exact = MetricTables.read(file, network.grid(), nodes);
                inputs = List.of(file);
            } else {
                exact = AnalyticMetrics.byName(f.metric, network.theory().dimension());
                inputs = List.of();
            }
            HolographicNetwork truth = new HolographicNetwork(network.grid(), network.theory(), network.layerMap(),
                    network.boundary(), network.horizon(), network.output(), new FixedMetric(exact, network.grid(), nodes),
                    false, false);
            double[] params = new double[truth.layout().size()];
            if (truth.layout().has(ParameterLayout.RADIUS)) {
                params[truth.layout().offsetOf(ParameterLayout.RADIUS)] = radius;
            }
            params[truth.layout().offsetOf(ParameterLayout.LAMBDA)] = lambda;
            MetricLabelSampler sampler = new MetricLabelSampler(truth, params, f.phiRange, f.piRange, f.threshold);
            if (DataConfig.FromMetric.BERNOULLI.equals(f.labels)) {
                if (labels == null) {
                    throw new IllegalArgumentException("data.labels bernoulli needs the seed's label stream");
                }
                return new Loaded(sampler.sampleBernoulli(f.positives, f.negatives, rng, labels), inputs);
            }
            return new Loaded(sampler.sample(f.positives, f.negatives, rng), inputs);
        }
        DataConfig.Csv c = (DataConfig.Csv) config;
        Path file = baseDir.resolve(c.file).normalize();
        return new Loaded(readCsvData(file, network), List.of(file));
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

    /**
     * Fails fast, instead of after millions of draws, when the band around the fit stays far (more than 8 noise
     * standard deviations, where a positive is rarer than 1e-15 per draw) from the sampling box.
     */
    private static void requireBandMeetsBox(PolynomialFit fit, Path file, DataConfig.Band b) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int n = 1000;
        for (int i = 0; i <= n; i++) {
            double v = fit.value(b.mqRange_GeV[0] + (b.mqRange_GeV[1] - b.mqRange_GeV[0]) * i / n);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double reach = 8 * b.noiseStd_GeV3;
        if (!(hi + reach >= b.condensateRange_GeV3[0] && lo - reach <= b.condensateRange_GeV3[1])) {
            throw new DataFormatException(file.toString(), 0, String.format(Locale.ROOT,
                    "the band around the degree-%d fit (condensate %.4g to %.4g GeV^3 over data.mqRange_GeV [%s, %s]) does not reach "
                            + "data.condensateRange_GeV3 [%s, %s]: no positive points can be sampled",
                    b.fitDegree, lo, hi, b.mqRange_GeV[0], b.mqRange_GeV[1], b.condensateRange_GeV3[0], b.condensateRange_GeV3[1]));
        }
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

    private static void requireNonNegative(NumericTable table, List<String> columns) {
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
