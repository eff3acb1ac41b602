package dev.trader.ml.registry;

import dev.trader.ml.model.DirectionModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The model registry in a folder ({@code models/} by default): bundles under
 * {@code NAME/VERSION/} and {@code registry.json}. Registering gives the next semantic version
 * (a new major when the feature code changed, else a new minor); promoting makes a version the
 * active one (only if it passed its gate, unless forced); rolling back returns to the version
 * active before. Each promotion and rollback is a deployment event in the file. Writes go to a
 * temporary file moved into place, so a reader (a running strategy) never sees half a file.
 */
public final class ModelRegistry {
    public static final String FILE = "registry.json";
    public static final String PROMOTED = "PROMOTED";
    public static final String ROLLED_BACK = "ROLLED_BACK";
    private final Path dir;
    private final Clock clock;

    public ModelRegistry(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    public Path dir() {
        return dir;
    }

    public Path file() {
        return dir.resolve(FILE);
    }

    public synchronized RegistryFile read() throws IOException {
        if (!Files.exists(file())) {
            return RegistryFile.empty();
        }
        try {
            return ModelBundle.JSON.readValue(file().toFile(), RegistryFile.class);
        } catch (IOException e) {
            throw new IOException(file() + " is not a readable model registry: " + e.getMessage(), e);
        }
    }

    /** Saves the bundle under the next version of its name and lists it (not active); answers the card as registered. */
    public synchronized ModelCard register(ModelCard unversioned, DirectionModel classifier) throws IOException {
        RegistryFile registry = read();
        Optional<RegistryFile.Entry> latest = registry.models().stream().filter(e -> e.name().equals(unversioned.name()))
                .max((a, b) -> SemanticVersion.parse(a.version()).compareTo(SemanticVersion.parse(b.version())));
        SemanticVersion version;
        if (latest.isEmpty()) {
            version = new SemanticVersion(1, 0, 0);
        } else {
            SemanticVersion last = SemanticVersion.parse(latest.get().version());
            ModelCard previous = ModelBundle.card(dir.resolve(latest.get().path()));
            boolean newFeatures = !previous.data().featureCode().equals(unversioned.data().featureCode())
                    || !previous.features().equals(unversioned.features());
            version = newFeatures ? last.nextMajor() : last.nextMinor();
        }
        ModelCard card = unversioned.versioned(version.toString());
        String path = card.name() + "/" + card.version();
        ModelBundle.save(dir.resolve(path), card, classifier);
        ModelCard.Figures f = card.outOfSample();
        write(registry.with(new RegistryFile.Entry(card.name(), card.version(), card.kind(), card.fingerprint(), card.data().id(), path,
                clock.instant(), f.brier(), f.baselineBrier(), f.expectedCalibrationError(), card.gate().passed())));
        return card;
    }

    /**
     * Makes {@code tag} (NAME@VERSION) the active version of its name.
     *
     * @throws IllegalArgumentException when no such model is registered, or it failed its gate and {@code force} is off
     */
    public synchronized RegistryFile.Deployment promote(String tag, boolean force, String reason) throws IOException {
        RegistryFile registry = read();
        RegistryFile.Entry entry = entry(registry, tag);
        // Loaded (and its fingerprint checked) before anything else: a damaged bundle is never deployed.
        ModelCard card = ModelBundle.load(dir.resolve(entry.path())).card();
        if (!entry.gatePassed() && !force) {
            throw new IllegalArgumentException(tag + " did not pass its promotion gate (" + String.join("; ", card.gate().reasons())
                    + "): promote it with --force to deploy it anyway");
        }
        String from = registry.active().get(entry.name());
        RegistryFile.Deployment d = new RegistryFile.Deployment(clock.instant(), PROMOTED, entry.name(), from, entry.version(), !entry.gatePassed(),
                reason);
        write(registry.activating(d));
        return d;
    }

    /**
     * Makes the version active before the current one of NAME active again, or with NAME@VERSION
     * that version.
     *
     * @throws IllegalArgumentException when there is nothing to roll back to
     */
    public synchronized RegistryFile.Deployment rollback(String tagOrName, String reason) throws IOException {
        RegistryFile registry = read();
        String name = tagOrName.contains("@") ? tagOrName.substring(0, tagOrName.indexOf('@')) : tagOrName;
        String current = registry.active().get(name);
        if (current == null) {
            throw new IllegalArgumentException("no version of " + name + " is active: nothing to roll back");
        }
        String to;
        if (tagOrName.contains("@")) {
            to = entry(registry, tagOrName).version();
        } else {
            to = previousActive(registry.deployments(), name, current);
        }
        ModelBundle.load(dir.resolve(entry(registry, name + "@" + to).path()));
        RegistryFile.Deployment d = new RegistryFile.Deployment(clock.instant(), ROLLED_BACK, name, current, to, false, reason);
        write(registry.activating(d));
        return d;
    }

    /** The active model of {@code name}, loaded and checked, if one is active. */
    public synchronized Optional<ModelBundle.Loaded> active(String name) throws IOException {
        RegistryFile registry = read();
        String version = registry.active().get(name);
        if (version == null) {
            return Optional.empty();
        }
        return Optional.of(ModelBundle.load(dir.resolve(entry(registry, name + "@" + version).path())));
    }

    private static String previousActive(List<RegistryFile.Deployment> deployments, String name, String current) {
        // Walk the events back to the current version's last promotion: what was active before it. A rollback's own
        // event does not count, so rolling back twice goes further back instead of undoing the first rollback.
        for (int i = deployments.size() - 1; i >= 0; i--) {
            RegistryFile.Deployment d = deployments.get(i);
            if (d.name().equals(name) && d.to().equals(current) && d.action().equals(PROMOTED)) {
                if (d.from() == null) {
                    throw new IllegalArgumentException(name + "@" + current + " is the first version ever deployed: there is nothing to roll back to");
                }
                return d.from();
            }
        }
        throw new IllegalArgumentException("the registry has no promotion of " + name + "@" + current + ": name the version to roll back to");
    }

    private static RegistryFile.Entry entry(RegistryFile registry, String tag) {
        if (!tag.contains("@")) {
            throw new IllegalArgumentException("'" + tag + "' is not a model tag: write NAME@VERSION, e.g. direction-xgboost@1.0.0");
        }
        return registry.models().stream().filter(e -> e.tag().equals(tag)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model " + tag + " is registered; registered are "
                        + registry.models().stream().map(RegistryFile.Entry::tag).toList()));
    }

    private void write(RegistryFile registry) throws IOException {
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, FILE, ".tmp");
        try {
            ModelBundle.JSON.writeValue(temp.toFile(), registry);
            Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
