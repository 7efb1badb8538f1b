package org.holo.cli;

import picocli.CommandLine;

/** Version line: Holo, Java and OS. */
final class Versions implements CommandLine.IVersionProvider {

    static String holoVersion() {
        String v = HoloCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "holo " + holoVersion(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
