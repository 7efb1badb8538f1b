package org.holo.cli;

import org.holo.train.run.Provenance;
import picocli.CommandLine;

/** Version line: Holo, Java and OS. */
final class Versions implements CommandLine.IVersionProvider {

    static String holoVersion() {
        return Provenance.version("holo.version");
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "holo " + holoVersion(),
            "DJL " + Provenance.version("djl.version") + " (pinned), PyTorch " + Provenance.version("pytorch.version") + " (pinned)",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
