package org.holo.train.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.holo.core.data.DataFormatException;
import org.holo.train.config.ConfigLoader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The one reader of run directories, strict and lenient, on the v1 fixtures and on damaged copies of them. */
class FinishedRunTest {

    static java.util.stream.Stream<String> runs() throws IOException {
        return V1RunDirectoriesTest.runs();
    }

    @ParameterizedTest
    @MethodSource("runs")
    void readsEveryV1RunBackToTheNumbersItWrote(String name, @TempDir Path tmp) throws IOException {
        Path dir = V1RunDirectoriesTest.relocated(V1RunDirectoriesTest.FIXTURES.resolve(name), tmp.resolve(name));
        FinishedRun strict = FinishedRun.read(dir);
        FinishedRun lenient = FinishedRun.readLenient(dir);
        JsonNode result = ConfigLoader.mapper().readTree(dir.resolve(RunDirectory.RESULT).toFile());
        double[] h = new double[result.get(ResultFields.H).size()];
        for (int i = 0; i < h.length; i++) {
            h[i] = result.get(ResultFields.H).get(i).asDouble();
        }
        assertArrayEquals(h, strict.h(), 0.0, name);
        assertArrayEquals(strict.params(), lenient.params(), 0.0, name);
        assertEquals(result.get(ResultFields.LAMBDA).asDouble(), strict.lambda(), 0.0);
        assertEquals(result.path(ResultFields.CONVERGED).asBoolean(), strict.converged());
        assertNotNull(strict.sensitivity());
        assertEquals(result.get(ResultFields.SENSITIVITY).size(), strict.sensitivity().length);
        assertTrue(strict.history().size() > 0);
        assertEquals(strict.notes(), lenient.notes());
    }

    @Test
    void aRunFromBeforeTheSensitivityProfileReadsInBothModes(@TempDir Path tmp) throws IOException {
        Path dir = damaged(tmp, r -> {
            ResultFields.ADDED_LATER.forEach(r::remove);
        });
        FinishedRun run = FinishedRun.read(dir);
        assertNull(run.sensitivity());
        assertTrue(run.notes().stream().anyMatch(n -> n.contains("no sensitivity profile")), run.notes().toString());
        assertNull(FinishedRun.readLenient(dir).sensitivity());
    }

    @Test
    void aMissingValueIsAnErrorWhenStrictAndNaNWithANoteWhenLenient(@TempDir Path tmp) throws IOException {
        Path dir = damaged(tmp, r -> {
            r.putNull(ResultFields.LAMBDA);
            ((ArrayNode) r.get(ResultFields.H)).setNull(3);
        });
        DataFormatException e = assertThrows(DataFormatException.class, () -> FinishedRun.read(dir));
        assertTrue(e.getMessage().contains("result.json: h[3]: expected a number, found null"), e.getMessage());

        FinishedRun run = FinishedRun.readLenient(dir);
        assertTrue(Double.isNaN(run.lambda()));
        assertTrue(Double.isNaN(run.h()[3]));
        assertTrue(Double.isFinite(run.h()[2]));
        String notes = String.join("\n", run.notes());
        assertTrue(notes.contains("result.json: lambda is null; exported as NaN"), notes);
        assertTrue(notes.contains("1 of 15 h values are not finite"), notes);
    }

    @Test
    void aShortWeightArrayNamesTheFieldAndTheLength(@TempDir Path tmp) throws IOException {
        Path dir = damaged(tmp, r -> ((ArrayNode) r.get(ResultFields.H)).remove(0));
        DataFormatException e = assertThrows(DataFormatException.class, () -> FinishedRun.read(dir));
        assertTrue(e.getMessage().endsWith("h: expected an array of 15 numbers (one per layer)"), e.getMessage());
        assertTrue(FinishedRun.readLenient(dir).notes().get(0).contains("h is not an array of 15 numbers"));
    }

    @Test
    void notARunDirectoryIsAnError(@TempDir Path tmp) throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FinishedRun.readLenient(tmp.resolve("nope")));
        assertTrue(e.getMessage().contains("not a run directory"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FinishedRun.read(tmp));
        assertTrue(e.getMessage().contains("missing config.json"), e.getMessage());
    }

    /**
     * A run written now records every parameter block by name and is read back from them exactly; the same run
     * without them (as v1 wrote it) reads back from its h, c, L and lambda fields to the same numbers.
     */
    @ParameterizedTest
    @MethodSource("runs")
    void aRunIsReadBackFromItsNamedParameterBlocks(String name, @TempDir Path tmp) throws IOException {
        Path v1 = V1RunDirectoriesTest.relocated(V1RunDirectoriesTest.FIXTURES.resolve(name), tmp.resolve("v1"));
        Path now = tmp.resolve("now");
        Reproduction.rerun(v1, now);
        ObjectNode result = (ObjectNode) ConfigLoader.mapper().readTree(now.resolve(RunDirectory.RESULT).toFile());
        JsonNode blocks = result.get(ResultFields.PARAMETERS);
        FinishedRun run = FinishedRun.read(now);
        assertEquals(run.network().layout().names(), iterate(blocks.fieldNames()));
        assertEquals(blocks.get("lambda").asDouble(), run.lambda(), 0.0);
        result.remove(ResultFields.PARAMETERS);
        Files.writeString(now.resolve(RunDirectory.RESULT), result.toString());
        assertArrayEquals(run.params(), FinishedRun.read(now).params(), 0.0, name);
        // a block with a wrong value is what is read: the blocks, not the older fields, are the record
        ObjectNode changed = (ObjectNode) ConfigLoader.mapper().readTree(now.resolve(RunDirectory.RESULT).toFile());
        changed.putObject(ResultFields.PARAMETERS).setAll((ObjectNode) blocks.deepCopy());
        ((ObjectNode) changed.get(ResultFields.PARAMETERS)).put("lambda", 123.0);
        Files.writeString(now.resolve(RunDirectory.RESULT), changed.toString());
        assertEquals(123.0, FinishedRun.read(now).lambda(), 0.0);
    }

    /** The paper-QCD fixture with its result.json changed by {@code edit}. */
    private static Path damaged(Path tmp, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        Path dir = V1RunDirectoriesTest.relocated(V1RunDirectoriesTest.FIXTURES.resolve("paper-qcd-seed1"), tmp.resolve("run"));
        ObjectNode result = (ObjectNode) ConfigLoader.mapper().readTree(dir.resolve(RunDirectory.RESULT).toFile());
        edit.accept(result);
        Files.writeString(dir.resolve(RunDirectory.RESULT), result.toString());
        return dir;
    }

    private static java.util.List<String> iterate(java.util.Iterator<String> it) {
        java.util.List<String> l = new java.util.ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }
}
