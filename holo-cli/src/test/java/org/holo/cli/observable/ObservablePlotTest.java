package org.holo.cli.observable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.holo.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** holo plot draws the condensate curve and the potential once predict and potential have written them. */
class ObservablePlotTest {

    @Test
    void observablesArePlottedWhenPresent(@TempDir Path tmp) throws Exception {
        Path run = ObservableCli.qcdRun(tmp.resolve("run"), ObservableCli.PUBLISHED_H, 3.85, 0.0055);
        Cli.Result r = Cli.run("plot", run.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(Files.exists(run.resolve("plots/condensate.png")), "no predict yet, no condensate figure");
        assertFalse(Files.exists(run.resolve("plots/potential.png")), "no potential yet, no potential figure");

        assertEquals(0, Cli.run("predict", run.toString()).exitCode());
        assertEquals(0, Cli.run("potential", run.toString()).exitCode());
        r = Cli.run("plot", run.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String name : new String[] {"condensate", "potential"}) {
            byte[] png = Files.readAllBytes(run.resolve("plots/" + name + ".png"));
            assertTrue(png.length > 5000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', name);
            assertTrue(Files.readString(run.resolve("plots/" + name + ".svg")).contains("<path"), name);
        }
        assertFalse(r.err().contains("not drawn"), r.err());
    }
}
