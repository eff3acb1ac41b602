package dev.trader.app;

import dev.trader.api.security.ApiKeys;
import dev.trader.api.security.Role;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/trader api-key create}: makes a new API key. The key itself is printed once, to
 * standard output, for its owner; the node keeps only its hash (the entry printed for
 * conf/api.conf), so a lost key is replaced, never recovered.
 */
@Command(name = "api-key", description = "Manage admin API keys.", subcommands = ApiKeyCommand.Create.class)
final class ApiKeyCommand {

    @Command(name = "create", description = "Make a new API key: prints the key once and the entry for trader.api.keys.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--id", required = true, description = "The key's id (a-z, 0-9, -; up to 32).")
        String id;

        @Option(names = "--role", required = true, description = "viewer, trader or admin.")
        String role;

        @Option(names = "--accounts", split = ",", defaultValue = "*", description = "Accounts the key may see (default: all).")
        List<String> accounts;

        @Option(names = "--strategies", split = ",", defaultValue = "*", description = "Strategies the key may see (default: all).")
        List<String> strategies;

        @Override
        public Integer call() {
            return create(System.out, System.err);
        }

        int create(PrintStream out, PrintStream err) {
            final Role r;
            final ApiKeys.NewKey key;
            try {
                r = Role.parse(role);
                key = ApiKeys.generate(id);
            } catch (IllegalArgumentException e) {
                err.println("trader api-key create: " + e.getMessage());
                return 2;
            }
            out.println(key.key());
            err.println("The line above is the key: give it to its owner now, it is not stored. Add to trader.api.keys (conf/api.conf):");
            err.println("  { id = \"" + id + "\", role = " + r.id() + ", sha256 = \"" + key.sha256() + "\", accounts = " + quoted(accounts)
                    + ", strategies = " + quoted(strategies) + " }");
            return 0;
        }

        private static String quoted(List<String> items) {
            return items.stream().map(i -> "\"" + i + "\"").toList().toString();
        }
    }
}
