package dev.trader.engine.settings;

/** A configuration value is missing or wrong; the message names the key. Stops the boot. */
public final class SettingsException extends IllegalArgumentException {
    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }

    public SettingsException(String message) {
        super(message);
    }
}
