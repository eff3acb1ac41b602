package dev.trader.load;

import java.net.URI;

/**
 * What a run is pointed at and how hard it pushes, from system properties (run.sh passes them):
 * {@code base} (the node, default http://127.0.0.1:8080), {@code key} (an API key; default the
 * TRADER_API_KEY environment variable), {@code clients}, {@code ramp}, {@code settle} and
 * {@code hold} (seconds).
 */
record LoadSettings(URI base, String key, int clients, int rampSeconds, int settleSeconds, int holdSeconds) {

    static LoadSettings fromSystemProperties() {
        String key = System.getProperty("key", System.getenv().getOrDefault("TRADER_API_KEY", ""));
        if (key.isBlank()) {
            throw new IllegalArgumentException("no API key: pass -Dkey=trk_… or set TRADER_API_KEY (any role: the benchmark only reads)");
        }
        return new LoadSettings(URI.create(System.getProperty("base", "http://127.0.0.1:8080")), key.trim(),
                positive("clients", 1000), positive("ramp", 30), nonNegative("settle", 10), positive("hold", 60));
    }

    String wsBase() {
        return base.toString().replaceFirst("^http", "ws");
    }

    private static int positive(String name, int fallback) {
        int value = Integer.getInteger(name, fallback);
        if (value <= 0) {
            throw new IllegalArgumentException("-D" + name + " must be 1 or more but was " + value);
        }
        return value;
    }

    private static int nonNegative(String name, int fallback) {
        int value = Integer.getInteger(name, fallback);
        if (value < 0) {
            throw new IllegalArgumentException("-D" + name + " must be 0 or more but was " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return "LoadSettings[base=" + base + ", key=***, clients=" + clients + ", ramp=" + rampSeconds + "s, settle=" + settleSeconds
                + "s, hold=" + holdSeconds + "s]";
    }
}
