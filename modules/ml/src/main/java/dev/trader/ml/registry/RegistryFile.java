package dev.trader.ml.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code models/registry.json}: every registered model, which version of each name is active, and
 * the deployment events (every promotion and rollback, in order) that made it so.
 */
public record RegistryFile(List<Entry> models, Map<String, String> active, List<Deployment> deployments) {

    public RegistryFile {
        models = models == null ? List.of() : List.copyOf(models);
        active = active == null ? Map.of() : Map.copyOf(active);
        deployments = deployments == null ? List.of() : List.copyOf(deployments);
    }

    public static RegistryFile empty() {
        return new RegistryFile(List.of(), Map.of(), List.of());
    }

    /** One registered model: where its bundle is (relative to the registry's folder) and the figures to choose by. */
    public record Entry(String name, String version, String kind, String fingerprint, String dataVersion, String path, Instant registeredAt,
                        double brier, double baselineBrier, double expectedCalibrationError, boolean gatePassed) {
        public String tag() {
            return name + "@" + version;
        }
    }

    /** A deployment event: {@code action} is PROMOTED or ROLLED_BACK; {@code from} is the version active before, or null. */
    public record Deployment(Instant at, String action, String name, String from, String to, boolean forced, String reason) {
    }

    RegistryFile with(Entry entry) {
        List<Entry> m = new ArrayList<>(models);
        m.add(entry);
        return new RegistryFile(m, active, deployments);
    }

    RegistryFile activating(Deployment d) {
        Map<String, String> a = new LinkedHashMap<>(active);
        a.put(d.name(), d.to());
        List<Deployment> events = new ArrayList<>(deployments);
        events.add(d);
        return new RegistryFile(models, a, events);
    }
}
