package dev.trader.domain.port;

/** An outbound channel to people (log, Telegram): best effort, never blocks trading. */
public interface Notifier {
    void notify(String topic, String message);
}
