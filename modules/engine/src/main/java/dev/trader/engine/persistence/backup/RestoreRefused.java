package dev.trader.engine.persistence.backup;

/** A restore that was refused before anything was written: a target that is not empty, another dialect, another schema. */
public final class RestoreRefused extends BackupException {
    private static final long serialVersionUID = 1L;

    public RestoreRefused(String message) {
        super(message);
    }
}
