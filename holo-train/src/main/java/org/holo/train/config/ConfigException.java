package org.holo.train.config;

/** A config is wrong: the message names the file, the field path and what was expected. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
