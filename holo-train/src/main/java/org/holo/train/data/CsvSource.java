package org.holo.train.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.holo.core.component.Settings;

/** Labelled data made elsewhere (or by holo generate), read from CSV or NumPy .npy: the boundary map's input columns and label. */
public final class CsvSource implements DataSource {

    private final String file;

    CsvSource(String file) {
        this.file = file;
    }

    @Override
    public DataSources.Loaded load(Request request) throws IOException {
        Path path = request.resolve(file);
        return new DataSources.Loaded(DataSources.readCsvData(path, request.network()), List.of(path));
    }

    public static final class Provider implements DataSourceProvider {

        @Override
        public String name() {
            return "csv";
        }

        @Override
        public String description() {
            return "labelled points from a CSV or .npy file (the boundary map's input columns and label), e.g. from holo generate";
        }

        @Override
        public DataSource create(Settings s) {
            return new CsvSource(s.text("file", ""));
        }
    }
}
