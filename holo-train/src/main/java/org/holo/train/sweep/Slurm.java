package org.holo.train.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SLURM client commands (sbatch, squeue, scontrol, scancel), each run once with its output captured. */
public final class Slurm {

    /** SLURM's own default, used when the cluster cannot be asked (a dry run without scontrol). */
    public static final int DEFAULT_MAX_ARRAY_SIZE = 1001;

    private static final Pattern MAX_ARRAY = Pattern.compile("(?m)^\\s*MaxArraySize\\s*=\\s*(\\d+)");

    private Slurm() {
    }

    public record Result(int exitCode, String out, String err) {
        /** The first line of stderr (or stdout) that says something. */
        String firstLine() {
            String s = err.isBlank() ? out : err;
            return s.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("exit code " + exitCode);
        }
    }

    public static Result run(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new SlurmException(command.get(0) + " not found: SLURM's client commands are not installed or not on"
                    + " PATH (for a local test cluster see scripts/slurm-local.sh)");
        }
        try {
            p.getOutputStream().close();
            // read both streams fully; the outputs are small
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SlurmException(command.get(0) + " did not answer within 120 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SlurmException(command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlurmException(command.get(0) + ": interrupted");
        }
    }

    /** The cluster's MaxArraySize (array indices go from 0 to MaxArraySize - 1). */
    public static int maxArraySize() {
        Result r = run(List.of("scontrol", "show", "config"));
        if (r.exitCode() != 0) {
            throw new SlurmException("scontrol show config failed: " + r.firstLine());
        }
        return parseMaxArraySize(r.out());
    }

    static int parseMaxArraySize(String config) {
        Matcher m = MAX_ARRAY.matcher(config);
        return m.find() ? Integer.parseInt(m.group(1)) : DEFAULT_MAX_ARRAY_SIZE;
    }

    /** Submits and returns the job id; {@code --parsable} prints "id" or "id;cluster". */
    public static String sbatch(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("sbatch");
        cmd.add("--parsable");
        cmd.addAll(args);
        Result r = run(cmd);
        String id = r.out().strip().split(";", 2)[0];
        if (r.exitCode() != 0 || !id.matches("\\d+")) {
            throw new SlurmException("sbatch rejected the submission: " + r.firstLine());
        }
        return id;
    }

    /** Lines "jobid_task STATE" of the given jobs still in the queue; empty when the queue no longer knows them. */
    public static List<String> queue(List<String> jobIds) {
        if (jobIds.isEmpty()) {
            return List.of();
        }
        Result r = run(List.of("squeue", "-h", "-r", "-j", String.join(",", jobIds), "-o", "%i %T"));
        if (r.exitCode() != 0) {
            if (r.err().contains("Invalid job id")) {
                return List.of(); // all of them finished and aged out of the queue
            }
            throw new SlurmException("squeue failed: " + r.firstLine());
        }
        return r.out().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    public static Result scancel(List<String> jobIds) {
        List<String> cmd = new ArrayList<>(List.of("scancel"));
        cmd.addAll(jobIds);
        return run(cmd);
    }

    /** {@code s} quoted for bash: single quotes, with embedded single quotes closed, escaped and reopened. */
    public static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
