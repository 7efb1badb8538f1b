package org.holo.train.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.holo.train.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How points become array tasks and arrays, without a cluster. */
class SlurmExecutorTest {

    @Test
    void pointsArePackedIntoTasksAndArraysSplitAtMaxArraySize(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("s.json");
        Files.writeString(spec, "{\"name\": \"my study\", \"base\": \"" + TestSupport.adsConfig() + "\", \"axes\": ["
                + "{\"name\": \"seed\", \"path\": \"training.seed\", \"values\": \"1..7\"}]}");
        SweepSpec s = SweepSpec.read(spec);
        Study study = Study.create(tmp.resolve("study"), s, SweepPlanner.points(s));
        SlurmExecutor.Options o = new SlurmExecutor.Options("gpu", null, null, "00:05:00", "2G", 2, 2);
        List<Integer> todo = List.of(0, 1, 2, 4, 5, 6); // point 3 is done
        List<SlurmExecutor.Array> arrays = SlurmExecutor.arrays(study, todo, List.of("/opt/java", "-cp", "a b.jar", "Main"), o, 2);
        assertEquals(2, arrays.size(), "3 tasks of 2 points, at most 2 tasks per array");
        assertEquals(List.of(List.of(0, 1), List.of(2, 4)), arrays.get(0).tasks());
        assertEquals(List.of(List.of(5, 6)), arrays.get(1).tasks());
        String script = arrays.get(0).script();
        assertTrue(script.startsWith("#!/bin/bash\n#SBATCH --job-name=holo-my_study\n#SBATCH --array=0-1%2\n"), script);
        for (String line : List.of("#SBATCH --partition=gpu", "#SBATCH --time=00:05:00", "#SBATCH --mem=2G", "#SBATCH --cpus-per-task=1")) {
            assertTrue(script.contains(line + "\n"), line);
        }
        assertTrue(script.contains("exec '/opt/java' '-cp' 'a b.jar' 'Main' sweep point '" + study.dir() + "' --tasks '"), script);
        assertTrue(arrays.get(1).script().contains("#SBATCH --array=0-0%2\n"));
        assertEquals(IntStream.of(0, 1, 2, 4, 5, 6).boxed().toList(),
                arrays.stream().flatMap(a -> a.tasks().stream()).flatMap(List::stream).toList(), "every point once");
    }

    @Test
    void maxArraySizeIsReadFromTheConfigAndOptionsAreChecked() {
        assertEquals(10001, Slurm.parseMaxArraySize("MaxArraySize            = 10001\nMaxJobCount = 50000\n"));
        assertEquals(Slurm.DEFAULT_MAX_ARRAY_SIZE, Slurm.parseMaxArraySize("MaxJobCount = 50000\n"));
        assertThrows(IllegalArgumentException.class, () -> new SlurmExecutor.Options(null, null, null, null, null, null, 0));
        assertThrows(IllegalArgumentException.class, () -> new SlurmExecutor.Options("a'b", null, null, null, null, null, 1));
        assertEquals("'it'\\''s'", Slurm.quote("it's"));
    }
}
