package dev.trader.api.security;

import java.util.Objects;
import java.util.Set;

/**
 * A configured API key: its id (the part of the key before the secret), its role, the SHA-256 of
 * its secret (never the secret), and the accounts and strategies it may see ({@code *}: all).
 */
public record ApiKey(String id, Role role, String sha256, Set<String> accounts, Set<String> strategies) {
    public static final String ALL = "*";

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(sha256, "sha256");
        accounts = Set.copyOf(accounts);
        strategies = Set.copyOf(strategies);
    }

    public boolean maySeeAccount(String account) {
        return accounts.contains(ALL) || accounts.contains(account);
    }

    public boolean maySeeStrategy(String strategy) {
        return strategies.contains(ALL) || strategies.contains(strategy);
    }

    /** Whether the key is limited to some strategies (its lists then leave the others out). */
    public boolean allStrategies() {
        return strategies.contains(ALL);
    }

    @Override
    public String toString() {
        return "ApiKey[" + id + ", " + role.id() + ", accounts=" + accounts + ", strategies=" + strategies + "]";
    }
}
