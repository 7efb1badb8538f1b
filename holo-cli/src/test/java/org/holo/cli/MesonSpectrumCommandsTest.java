package org.holo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** holo train / predict / reproduce / plot / export / config on meson-spectrum configs and runs. */
class MesonSpectrumCommandsTest {

    private static final String HEADER = "state,spin,n,mass_MeV,mass_uncertainty_MeV,width_MeV,status\n";

    @TempDir
    Path tmp;

    private static String mesons() {
        return Cli.projectRoot().resolve("experiments").resolve("ahs2020-mesons.json").toString();
    }

    /** A short run: coarse grid, few steps (the numbers are not the point here). */
    private static final String[] SHORT = {"--set", "model.points=60", "--set", "training.epochs=40", "--set", "training.decayEpochs=20",
        "--set", "training.checkpointEvery=10", "--quiet"};

    private Cli.Result train(Path out, String config, String... extra) {
        String[] args = new String[4 + SHORT.length + extra.length];
        args[0] = "train";
        args[1] = config;
        args[2] = "--out";
        args[3] = out.toString();
        System.arraycopy(SHORT, 0, args, 4, SHORT.length);
        System.arraycopy(extra, 0, args, 4 + SHORT.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void trainPredictReproduceExportPlot() throws Exception {
        Path run = tmp.resolve("run");
        Cli.Result r = train(run, mesons());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        for (String f : new String[] {"config.json", "provenance.json", "checkpoint.json", "metrics.jsonl", "result.json",
            "spectrum.csv", "geometry.csv", "ihqcd.csv", "plots/spectrum.png", "plots/dilaton-potential.svg"}) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }
        assertTrue(Files.readString(run.resolve("spectrum.csv")).startsWith(
                "state,S,n,role,m_data_GeV,sigma_GeV,m_model_GeV,pull,m_soft_wall_GeV,m_regge_GeV\nrho(770),1,0,train,0.77526,"));
        assertEquals(41, Files.readAllLines(run.resolve("metrics.jsonl")).size() + 1);

        Cli.Result p = Cli.run("predict", run.toString(), "--n", "2", "--spin", "1,2,3", "--out", tmp.resolve("pred").toString());
        assertEquals(ExitCodes.OK, p.exitCode(), p.err());
        assertEquals(1 + 3 * 3, p.out().strip().split("\n").length, p.out());
        assertEquals(1 + 3 * 3, Files.readAllLines(tmp.resolve("pred").resolve("masses.csv")).size());
        // the listed S=1 masses are the run's own for the states it was trained on
        String rho = Files.readAllLines(run.resolve("spectrum.csv")).get(1).split(",")[6];
        String listed = Files.readAllLines(tmp.resolve("pred").resolve("masses.csv")).get(1).split(",")[3];
        assertEquals(Double.parseDouble(rho), Double.parseDouble(listed), 0.0);

        Cli.Result rep = Cli.run("reproduce", run.toString(), "--out", tmp.resolve("again").toString());
        assertEquals(ExitCodes.OK, rep.exitCode(), rep.out() + rep.err());
        assertEquals("identical", rep.out().strip());

        assertEquals(ExitCodes.OK, Cli.run("export", run.toString(), "--out", tmp.resolve("exp").toString()).exitCode());
        assertTrue(Files.isRegularFile(tmp.resolve("exp").resolve("ihqcd.csv")));
        assertEquals(ExitCodes.OK, Cli.run("plot", run.toString()).exitCode());
        assertEquals(ExitCodes.OK, Cli.run("config", "validate", mesons()).exitCode());
        assertTrue(Cli.run("config", "show", mesons()).out().contains("\"kind\" : \"meson-spectrum\""));
    }

    @Test
    void ensembleMembersAreTheSingleRunsOfTheirSeeds() throws Exception {
        Path ens = tmp.resolve("ens");
        String[] args = {"ensemble", mesons(), "--seeds", "1..2", "--out", ens.toString(), "--set", "model.points=60",
            "--set", "training.epochs=40", "--set", "training.decayEpochs=20", "--quiet"};
        Cli.Result r = Cli.run(args);
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(ens.resolve("spectrum-ensemble.csv")));
        assertTrue(Files.isRegularFile(ens.resolve("spectrum-ensemble.json")));
        Path single = tmp.resolve("single");
        assertEquals(ExitCodes.OK, train(single, mesons(), "--seed", "2").exitCode());
        assertEquals(Files.readString(single.resolve("spectrum.csv")), Files.readString(ens.resolve("seed-2").resolve("spectrum.csv")));
        assertEquals(Files.readString(single.resolve("metrics.jsonl")), Files.readString(ens.resolve("seed-2").resolve("metrics.jsonl")));
        assertEquals(ExitCodes.BAD_INPUT, Cli.run("ensemble", mesons(), "--seeds", "1..2", "--backend", "djl",
                "--out", tmp.resolve("djl").toString(), "--quiet").exitCode());
    }

    private Cli.Result expectBadInput(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), "stderr: " + r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "one line expected, got:\n" + r.err());
        assertTrue(err.startsWith("holo: "), err);
        return r;
    }

    @Test
    void badMesonTablesAreOneLineNamingFileLineAndField() throws Exception {
        String[][] cases = {
            {"rho(770),1,0,775.26,0.25,147.8,established\nrho(1450),1,1,1465,,400,established\n", ":3: mass_uncertainty_MeV: missing"},
            {"rho(770),1,0,775.26,0.25,147.8,established\nrho3(1690),3,0,1688.8,2.1,161,established\n", ":3: spin: must be 1 (rho tower) or 2 (a2 tower), found 3"},
            {"rho(770),1,0,775.26,0.25,147.8,established\nrho(1450),1,1,765,25,400,established\n", ":3: mass_MeV: masses must increase with n within a tower"},
        };
        for (int i = 0; i < cases.length; i++) {
            Path csv = Files.writeString(tmp.resolve("bad" + i + ".csv"), HEADER + cases[i][0]);
            Path out = tmp.resolve("out" + i);
            Cli.Result r = expectBadInput("train", mesons(), "--set", "data.file=" + csv, "--set", "data.train=[]", "--out", out.toString(), "--quiet");
            assertTrue(r.err().contains(csv + cases[i][1]), r.err());
            assertFalse(Files.exists(out), "no run directory for bad data");
        }
        Cli.Result r = expectBadInput("train", mesons(), "--set", "model.warp.degree=0", "--out", tmp.resolve("x").toString(), "--quiet");
        assertTrue(r.err().contains("model.warp.degree"), r.err());
        r = expectBadInput("predict", tmp.toString(), "--n", "3");
        assertTrue(r.err().contains("--n and --spin are for meson-spectrum runs"), r.err());
    }
}
