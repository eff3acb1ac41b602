package dev.trader.engine.settings.schema;

/** One way the configuration breaks the schema: the full key ({@code trader.instruments.0.tick-size}) and why. */
public record ConfigProblem(String key, String reason) {
    @Override
    public String toString() {
        return key + ": " + reason;
    }
}
