package org.holo.cli.corpus;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Runs {@code holo} in-process with System.out and System.err captured, and finds the corpus directory. */
final class CorpusCli {


    private CorpusCli() {
    }


    /** The corpus directory (src/test/resources/corpus as copied to the test class path, bytes unchanged). */
    static Path corpus() {
        URL url = CorpusCli.class.getResource("/corpus/cases.txt");
        if (url == null) {
            throw new IllegalStateException("corpus/cases.txt is not on the test class path");
        }
        try {
            return Paths.get(url.toURI()).getParent().toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
