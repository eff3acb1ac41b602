package dev.trader.app;

import dev.trader.ml.registry.ModelRegistry;
import dev.trader.ml.registry.RegistryFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trader model list|promote|rollback}: the model registry. */
@Command(name = "model", mixinStandardHelpOptions = true, description = "The model registry: list, promote, roll back.",
        subcommands = {ModelCommand.ListModels.class, ModelCommand.Promote.class, ModelCommand.Rollback.class, ModelDriftCommand.class})
final class ModelCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    abstract static class RegistryCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--models", defaultValue = "models", paramLabel = "DIR", description = "the model registry's folder (default: ${DEFAULT-VALUE})")
        Path models;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            try {
                int code = run(new ModelRegistry(models, Clock.systemUTC()), out);
                out.flush();
                return code;
            } catch (IllegalArgumentException | IOException e) {
                spec.commandLine().getErr().println("trader model " + spec.name() + ": " + e.getMessage());
                spec.commandLine().getErr().flush();
                return 2;
            }
        }

        /** Does the work; answers the exit code. */
        abstract int run(ModelRegistry registry, PrintWriter out) throws IOException;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every registered model, the active versions and the deployments.")
    static final class ListModels extends RegistryCommand {
        @Override
        int run(ModelRegistry registry, PrintWriter out) throws IOException {
            RegistryFile file = registry.read();
            for (RegistryFile.Entry e : file.models()) {
                boolean active = e.version().equals(file.active().get(e.name()));
                out.printf(Locale.ROOT, "%s%-24s %-9s Brier %.4f (baseline %.4f) ECE %.2f%% gate %s, data %s, registered %s%n", active ? "* " : "  ",
                        e.tag(), e.kind(), e.brier(), e.baselineBrier(), 100 * e.expectedCalibrationError(), e.gatePassed() ? "passed" : "failed",
                        e.dataVersion(), e.registeredAt());
            }
            for (RegistryFile.Deployment d : file.deployments()) {
                out.printf("%s %s %s: %s -> %s%s%s%n", d.at(), d.action(), d.name(), d.from(), d.to(), d.forced() ? " (forced)" : "",
                        d.reason() == null ? "" : " — " + d.reason());
            }
            return 0;
        }
    }

    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = "Deploys NAME@VERSION: running strategies that use NAME switch to it without a restart.")
    static final class Promote extends RegistryCommand {
        @Parameters(paramLabel = "TAG", description = "NAME@VERSION")
        String tag;

        @Option(names = "--force", description = "deploy even though the model did not pass its promotion gate")
        boolean force;

        @Option(names = "--reason", paramLabel = "TEXT", description = "why, recorded with the deployment")
        String reason;

        @Override
        int run(ModelRegistry registry, PrintWriter out) throws IOException {
            RegistryFile.Deployment d = registry.promote(tag, force, reason);
            out.printf("promoted %s@%s (was %s)%s%n", d.name(), d.to(), d.from() == null ? "none" : d.from(), d.forced() ? ", forced past its gate" : "");
            return 0;
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Returns NAME to the version active before its current one, or NAME@VERSION to that version.")
    static final class Rollback extends RegistryCommand {
        @Parameters(paramLabel = "NAME|TAG", description = "NAME, or NAME@VERSION")
        String tag;

        @Option(names = "--reason", paramLabel = "TEXT", description = "why, recorded with the deployment")
        String reason;

        @Override
        int run(ModelRegistry registry, PrintWriter out) throws IOException {
            RegistryFile.Deployment d = registry.rollback(tag, reason);
            out.printf("rolled %s back from %s to %s%n", d.name(), d.from(), d.to());
            return 0;
        }
    }
}
