package org.holo.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.holo.train.run.Reproduction;
import org.holo.train.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Re-run a run from its record (config.json, provenance.json) and compare the two.",
            "The re-run goes into --out DIR (default: RUN_DIR-reproduced, -2, -3, ...). Prints \"identical\" (exit 0)",
            "or a field-level diff of result.json, metric.csv and metrics.jsonl (exit " + ExitCodes.RESULTS_DIFFER + ").",
            "Timing fields (seconds, microseconds_per_step) are not compared."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:identical", "2:bad usage or run directory", "4:I/O failure", ExitCodes.RESULTS_DIFFER + ":the results differ"})
final class ReproduceCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run to reproduce.")
    Path runDir;

    @Mixin
    CommonOptions.Out out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(runDir.resolve(RunDirectory.RESULT)) || !Files.isRegularFile(runDir.resolve(RunDirectory.CONFIG))) {
            throw new IllegalArgumentException(runDir + ": not a finished run directory (needs config.json and result.json)");
        }
        List<String> changed = Reproduction.changedInputs(runDir);
        changed.forEach(c -> System.err.println("warning: " + c));
        Path target = out.path != null ? out.path : freshSibling(runDir);
        System.err.println("re-running " + runDir + " into " + target + " ...");
        Reproduction.rerun(runDir, target);
        List<String> diffs = Reproduction.diff(runDir, target);
        if (diffs.isEmpty()) {
            System.out.println("identical");
            return ExitCodes.OK;
        }
        System.out.println("different (" + diffs.size() + " fields):");
        diffs.forEach(d -> System.out.println("  " + d));
        return ExitCodes.RESULTS_DIFFER;
    }

    private static Path freshSibling(Path runDir) {
        Path base = runDir.toAbsolutePath().normalize();
        Path p = base.resolveSibling(base.getFileName() + "-reproduced");
        for (int i = 2; Files.exists(p); i++) {
            p = base.resolveSibling(base.getFileName() + "-reproduced-" + i);
        }
        return p;
    }
}
