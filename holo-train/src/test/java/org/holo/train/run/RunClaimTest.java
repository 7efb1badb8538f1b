package org.holo.train.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.holo.train.TestSupport;
import org.holo.train.config.ConfigLoader;
import org.holo.train.ensemble.EnsembleRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunClaimTest {

    private static final String[] TINY = {"training.epochs=1", "data.positives=100", "data.negatives=100"};

    @Test
    void aSecondRunOnAClaimedDirectoryFailsAndLeavesItAlone(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        try (RunClaim first = RunDirectory.claim(dir, true)) {
            Files.writeString(dir.resolve("config.json"), "first\n");
            ConfigLoader.Loaded l = TestSupport.load(TestSupport.qcdConfig(), TINY);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TrainingRun.execute(l.config(), l.baseDir(), dir, null));
            assertTrue(e.getMessage().contains("in use by another run (pid " + ProcessHandle.current().pid()), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            IllegalArgumentException r = assertThrows(IllegalArgumentException.class, () -> RunDirectory.claim(dir, false));
            assertTrue(r.getMessage().contains("in use"), r.getMessage());
            assertThrows(IllegalArgumentException.class, () -> EnsembleRun.execute(List.of(l.config()), l.baseDir(), dir,
                    "cpu", null, null, null));
            assertEquals("first\n", Files.readString(dir.resolve("config.json")));
            assertEquals(List.of(RunClaim.FILE, "config.json"), names(dir));
        }
        assertEquals(List.of("config.json"), names(dir), "releasing the claim removes its file");
    }

    @Test
    void aFinishedRunLeavesNoClaimAndTheDirectoryCannotBeReused(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        ConfigLoader.Loaded l = TestSupport.load(TestSupport.qcdConfig(), TINY);
        TrainingRun.execute(l.config(), l.baseDir(), dir, null);
        assertFalse(Files.exists(dir.resolve(RunClaim.FILE)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingRun.execute(l.config(), l.baseDir(), dir, null));
        assertTrue(e.getMessage().contains("is not empty"), e.getMessage());
    }

    @Test
    void aClaimWhoseOwnerIsGoneIsStale(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir);
        // what a killed run leaves: the record, and no process holding its lock
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Files.writeString(dir.resolve(RunClaim.FILE), "{\"pid\": " + p.pid() + ", \"host\": \""
                + Files.readString(Path.of("/proc/sys/kernel/hostname")).strip() + "\", \"since\": \"2020-01-01T00:00:00Z\"}\n");
        Files.writeString(dir.resolve("checkpoint.json"), "{}");
        try (RunClaim c = RunDirectory.claim(dir, false)) {
            assertTrue(Files.readString(dir.resolve(RunClaim.FILE)).contains("\"pid\": " + ProcessHandle.current().pid() + ","));
        }
        assertEquals(List.of("checkpoint.json"), names(dir));
    }

    @Test
    void aRefusedClaimLeavesNoDirectoryBehind(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("new");
        RunDirectory.claim(dir, true).close();
        assertFalse(Files.exists(dir));
    }

    private static List<String> names(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
