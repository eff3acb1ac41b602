package dev.trader.engine.persistence.backup;

/** A backup file that is not what it claims to be: truncated, damaged, or not matching its own manifest. */
public final class CorruptBackup extends BackupException {
    private static final long serialVersionUID = 1L;

    public CorruptBackup(String message) {
        super(message);
    }

    public CorruptBackup(String message, Throwable cause) {
        super(message, cause);
    }
}
