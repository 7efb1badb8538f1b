package org.holo.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.holo.train.config.ConfigException;
import org.holo.train.sweep.Study;
import org.holo.train.sweep.SweepPlanner;
import org.holo.train.sweep.SweepPoint;
import org.holo.train.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Check every point of a sweep spec and write the study directory --out STUDY (must not exist or be empty).",
            "Writes sweep.json, points.jsonl (line i: point i's axis values and overrides), points/, markers/ and"
                + " logs/, and prints the points. The first bad point is named with its axis values and field path,"
                + " and nothing is written."})
final class SweepPlanCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "Sweep spec (JSON), e.g. experiments/studies/qcd-stability.json")
    Path specFile;

    @Mixin
    CommonOptions.Out out;

    @Spec
    CommandSpec command;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Add or replace a fixed override of the spec's \"set\" for every point, e.g. --set training.epochs=400"
                + " for a short trial of a study (repeatable).")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (out.path == null) {
            throw new ParameterException(command.commandLine(), "Missing required option: '--out=PATH' (the study directory: must not exist or be empty)");
        }
        SweepSpec spec = SweepSpec.read(specFile).withSet(sets);
        List<SweepPoint> points = SweepPlanner.points(spec);
        for (SweepPoint p : points) {
            check(spec, p);
        }
        Study study = Study.create(out.path, spec, points);
        System.out.print(table(study));
        System.err.println("planned " + points.size() + " points of " + spec.base() + " into " + out.path);
        return ExitCodes.OK;
    }

    /** The point's config is loaded as holo train would load it: the same checks, batch size included. */
    static void check(SweepSpec spec, SweepPoint p) {
        ConfigOptions o = new ConfigOptions();
        o.config = spec.base();
        o.overrides = new ArrayList<>(p.overrides());
        try {
            o.load();
        } catch (ConfigException | IllegalArgumentException e) {
            throw new ConfigException(spec.file() + ": point " + p.index() + " (" + p.describe() + "): " + e.getMessage());
        }
    }

    /** The points as an aligned table: index, then one column per axis. */
    static String table(Study study) {
        List<String> header = new ArrayList<>();
        header.add("index");
        header.addAll(study.axisNames());
        List<List<String>> rows = new ArrayList<>();
        for (SweepPoint p : study.points()) {
            List<String> r = new ArrayList<>();
            r.add(Integer.toString(p.index()));
            for (String a : study.axisNames()) {
                var v = p.axes().get(a);
                r.add(v.isTextual() ? v.asText() : v.toString());
            }
            rows.add(r);
        }
        return Tables.format(header, rows);
    }
}
