package org.holo.core.data;

/**
 * Bad input data: the message names the source, the line (1-based, 0 when not line-specific) and the problem.
 * An {@link IllegalArgumentException}, so callers that treat bad arguments as bad input treat bad data alike.
 */
public final class DataFormatException extends IllegalArgumentException {

    private final String source;
    private final int line;

    public DataFormatException(String source, int line, String problem) {
        super(line > 0 ? source + ":" + line + ": " + problem : source + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }
}
