package dev.trader.ml.signal;

import dev.trader.ml.registry.ModelBundle;
import dev.trader.ml.registry.ModelRegistry;
import dev.trader.ml.registry.RegistryFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active version of a model name in the registry, swapped in while strategies run: each call
 * looks at the registry file's modification time (one stat) and, when it changed, loads whatever
 * version is now active. A pinned version is loaded once and never swapped (a backtest that must
 * decide the same every time pins one). A registry or bundle that cannot be read leaves the model
 * that was loaded in place: trading never stops on a bad deployment, and the error is logged.
 */
public final class RegistryModelSource implements ModelSource {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryModelSource.class);
    private final ModelRegistry registry;
    private final String name;
    private final String pinned;
    private volatile ActiveModel current;
    private volatile FileTime seen;
    private volatile String failure;

    public RegistryModelSource(ModelRegistry registry, String name, String pinnedVersion) {
        this.registry = registry;
        this.name = name;
        this.pinned = pinnedVersion;
    }

    public static RegistryModelSource of(java.nio.file.Path dir, String name, String pinnedVersion) {
        return new RegistryModelSource(new ModelRegistry(dir, Clock.systemUTC()), name, pinnedVersion);
    }

    @Override
    public Optional<ActiveModel> current() {
        if (pinned != null && current != null) {
            // A pinned version never changes: no need to look at the registry again.
            return Optional.of(current);
        }
        try {
            FileTime modified = Files.exists(registry.file()) ? Files.getLastModifiedTime(registry.file()) : null;
            if (modified != null && !modified.equals(seen)) {
                synchronized (this) {
                    if (!modified.equals(seen)) {
                        seen = modified;
                        reload();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
        return Optional.ofNullable(current);
    }

    /** Why the last reload failed, or null. */
    public String failure() {
        return failure;
    }

    private void reload() throws IOException {
        RegistryFile file = registry.read();
        String version = pinned != null ? pinned : file.active().get(name);
        if (version == null || (current != null && current.card().version().equals(version))) {
            failure = null;
            return;
        }
        RegistryFile.Entry entry = file.models().stream().filter(e -> e.tag().equals(name + "@" + version)).findFirst()
                .orElseThrow(() -> new IOException("model " + name + "@" + version + " is not in " + registry.file()));
        ModelBundle.Loaded loaded = ModelBundle.load(registry.dir().resolve(entry.path()));
        ActiveModel before = current;
        current = new ActiveModel(loaded.card(), loaded.model());
        failure = null;
        LOG.info("model {}: now deciding with {}{}", name, loaded.card().tag(), before == null ? "" : " (was " + before.card().tag() + ")");
    }

    private void fail(Exception e) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (!message.equals(failure)) {
            LOG.warn("model {}: could not load from {}, {}: {}", name, registry.file(),
                    current == null ? "no model to decide with yet" : "keeps deciding with " + current.card().tag(), message);
        }
        failure = message;
    }
}
