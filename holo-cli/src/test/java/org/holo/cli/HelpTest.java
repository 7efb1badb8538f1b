package org.holo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HelpTest {

    @Test
    void topLevelHelp() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Usage: holo"), r.out());
        assertTrue(r.out().contains("train") && r.out().contains("generate"), r.out());
        assertEquals(0, Cli.run("help").exitCode());
    }

    @Test
    void trainHelp() {
        Cli.Result r = Cli.run("train", "--help");
        assertEquals(0, r.exitCode(), r.err());
        for (String s : new String[] {"Usage: holo train", "CONFIG", "--set", "--seed", "--out", "--quiet", "Exit codes"}) {
            assertTrue(r.out().contains(s), "train --help lacks " + s + ":\n" + r.out());
        }
        Cli.Result g = Cli.run("generate", "--help");
        assertEquals(0, g.exitCode());
        assertTrue(g.out().contains("Usage: holo generate"), g.out());
        assertEquals(0, Cli.run("help", "train").exitCode());
    }

    @Test
    void version() {
        Cli.Result r = Cli.run("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("holo "), r.out());
        assertTrue(r.out().contains("Java "), r.out());
    }
}
