package dev.trader.engine.alert;

/** Where alerts go when they fire and when they clear (the log, a webhook, the dashboard feed, a chat bot). */
public interface AlertNotifier {
    void fired(Alert alert);

    void resolved(Alert alert);
}
