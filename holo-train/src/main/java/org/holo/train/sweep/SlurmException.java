package org.holo.train.sweep;

/** The scheduler is missing or refused a request; the message is one line and the study is left consistent. */
public final class SlurmException extends RuntimeException {

    public SlurmException(String message) {
        super(message);
    }
}
