package org.holo.train.observable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.holo.train.config.ConfigLoader;
import org.holo.train.io.AtomicFiles;

/** What an {@link Observable} computed: its summary as JSON with units, its tables, and one line for people. */
public interface ObservableResult {

    /** The summary with the unit of every field, as written to the observable's JSON file. */
    ObjectNode json();

    /** Every file of the result, name → contents, in the order written: the tables (CSV), then the JSON summary. */
    Map<String, String> files();

    /** One line for a terminal. */
    String summary();

    /** Writes {@link #files()} into {@code dir} (created if needed), each atomically; returns the paths written. */
    default List<Path> write(Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> f : files().entrySet()) {
            Path p = dir.resolve(f.getKey());
            AtomicFiles.write(p, f.getValue());
            written.add(p);
        }
        return written;
    }

    /** The JSON file's text: pretty-printed as every Holo JSON file, with a final newline. */
    static String jsonText(ObjectNode json) {
        try {
            return ConfigLoader.mapper().writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an observable summary", e);
        }
    }
}
