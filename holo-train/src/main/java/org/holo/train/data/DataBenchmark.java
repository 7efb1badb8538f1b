package org.holo.train.data;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.holo.core.data.LabelledData;
import org.holo.core.data.NumericTable;
import org.holo.train.random.Rng;

/**
 * How fast and how compactly training data are read: files of random labelled points (QCD columns m_q_GeV,
 * condensate_GeV3, label and raw columns phi, pi, label) written as CSV (shortest round-trip decimals, as
 * {@code holo generate} writes them) and as .npy, each read several times with every check. Reports rows per
 * second of the reading thread's CPU time (and of the wall clock), and per row: the file's bytes, the bytes the
 * reading allocated, and the bytes the data occupy afterwards.
 */
public final class DataBenchmark {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private DataBenchmark() {
    }

    /** One measured read. */
    public record Result(String format, String boundary, int rows, long fileBytes, double cpuSeconds, double wallSeconds,
                         long allocatedBytes, long retainedBytes) {

        public double rowsPerSecond() {
            return rows / cpuSeconds;
        }

        public String line() {
            return String.format(Locale.ROOT, "%-6s %-4s %10d %8.1f %9.3f %9.3f %12.0f %12.0f %10.1f %10.1f", format, boundary,
                    rows, (double) fileBytes / rows, cpuSeconds, wallSeconds, rows / cpuSeconds, rows / wallSeconds,
                    (double) allocatedBytes / rows, (double) retainedBytes / rows);
        }
    }

    public static String header() {
        return "format bnd        rows file_B/r     cpu_s    wall_s    rows/cpu_s   rows/wall_s  alloc_B/r  retain_B/r";
    }

    /** Writes the files of {@code rows} rows into a temporary directory, times {@code repeats} reads of each, prints. */
    public static List<Result> run(int rows, int repeats, PrintStream out) throws IOException {
        if (rows < 2) {
            throw new IllegalArgumentException("--data: at least 2 rows, got " + rows);
        }
        Path dir = Files.createTempDirectory("holo-data-bench");
        List<Result> results = new ArrayList<>();
        try {
            out.println("# data reading: " + rows + " rows of random points per file, one thread, every check; best of "
                    + repeats + " reads (the first includes JIT warm-up); per row (r): file bytes, bytes allocated while"
                    + " reading, bytes held by the data after it");
            out.println("# " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                    + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
            out.println(header());
            for (String boundary : List.of("qcd", "raw")) {
                List<String> inputs = boundary.equals("qcd") ? DataSources.QCD_POINT_COLUMNS : List.of("phi", "pi");
                LabelledData data = random(inputs, rows, boundary.equals("qcd"));
                Path csv = dir.resolve(boundary + ".csv");
                Path npy = dir.resolve(boundary + ".npy");
                try (OutputStream o = Files.newOutputStream(csv)) {
                    data.writeCsv(o);
                }
                try (OutputStream o = Files.newOutputStream(npy)) {
                    data.writeNpy(o);
                }
                data = null;
                for (Path file : List.of(csv, npy)) {
                    Result best = null;
                    for (int k = 0; k < repeats; k++) {
                        Result r = read(file, inputs, boundary);
                        if (best == null || r.cpuSeconds() < best.cpuSeconds()) {
                            best = r;
                        }
                    }
                    results.add(best);
                    out.println(best.line());
                    out.flush();
                }
                Files.delete(csv);
                Files.delete(npy);
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return results;
    }

    private static LabelledData random(List<String> inputs, int n, boolean nonNegative) {
        Rng rng = new Rng(20_181_106L);
        double[] x0 = new double[n];
        double[] x1 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x0[i] = nonNegative ? rng.uniform(0.0, 0.022) : rng.uniform(-1.5, 1.5);
            x1[i] = nonNegative ? rng.uniform(0.0, 0.11) : rng.uniform(-0.5, 0.5);
            y[i] = i % 2;
        }
        return new LabelledData(inputs, x0, x1, y);
    }

    private static Result read(Path file, List<String> inputs, String boundary) throws IOException {
        List<String> columns = new ArrayList<>(inputs);
        columns.add(LabelledData.LABEL);
        long heapBefore = usedHeap();
        long alloc0 = THREADS.getCurrentThreadAllocatedBytes();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        NumericTable table = DataSources.readTable(file, columns);
        LabelledData data = LabelledData.fromTable(table, inputs);
        long wall1 = System.nanoTime();
        long cpu1 = THREADS.getCurrentThreadCpuTime();
        long alloc1 = THREADS.getCurrentThreadAllocatedBytes();
        table = null;
        long retained = usedHeap() - heapBefore;
        java.lang.ref.Reference.reachabilityFence(data); // what the data hold is measured with them alive
        return new Result(DataSources.isNpy(file) ? "npy" : "csv", boundary, data.size(), Files.size(file),
                (cpu1 - cpu0) * 1e-9, (wall1 - wall0) * 1e-9, alloc1 - alloc0, Math.max(0, retained));
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** {@code java -cp holo-cli.jar org.holo.train.data.DataBenchmark [ROWS [REPEATS]]} */
    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        run(rows, repeats, System.out);
    }
}
