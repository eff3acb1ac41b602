package dev.trader.engine.persistence.backup;

/**
 * A backup or restore that could not be done, with a message for the operator: which file, table or row is wrong and
 * why. Never carries the database password (messages use {@code JdbcSettings.redactedUrl()}).
 */
public class BackupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
