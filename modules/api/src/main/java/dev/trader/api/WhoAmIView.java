package dev.trader.api;

import dev.trader.api.security.ApiKey;
import java.util.List;

/**
 * The JSON of {@code GET /api/whoami}: the calling key's id, role and the accounts and strategies it
 * may see ({@code *}: all), so that a client (the dashboard) shows only the controls the key may use.
 * The server stays authoritative: every route checks the role again.
 */
public record WhoAmIView(String keyId, String role, List<String> accounts, List<String> strategies) {
    static WhoAmIView of(ApiKey key) {
        return new WhoAmIView(key.id(), key.role().id(), key.accounts().stream().sorted().toList(), key.strategies().stream().sorted().toList());
    }
}
