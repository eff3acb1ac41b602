package dev.trader.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keys a node accepts. A key reads {@code trk_<id>_<secret>}: the id finds the configured key,
 * the secret's SHA-256 must equal the stored one (compared in constant time). Secrets are 32
 * random bytes, so a plain hash is enough: there is nothing to guess from a dictionary.
 */
public final class ApiKeys {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern KEY = Pattern.compile("trk_(" + ID.pattern() + ")_([A-Za-z0-9_-]{16,128})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, ApiKey> byId = new LinkedHashMap<>();

    public ApiKeys(List<ApiKey> keys) {
        for (ApiKey k : keys) {
            if (!ID.matcher(k.id()).matches()) {
                throw new IllegalArgumentException("API key id '" + k.id() + "' must be 1..32 of a-z, 0-9 and -, starting with a letter or digit");
            }
            if (!k.sha256().matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("API key '" + k.id() + "': sha256 must be 64 lowercase hex digits");
            }
            if (byId.put(k.id(), k) != null) {
                throw new IllegalArgumentException("API key id '" + k.id() + "' is configured twice");
            }
        }
    }

    /** The key {@code presented} is, if it is one of ours. */
    public Optional<ApiKey> authenticate(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        var m = KEY.matcher(presented.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        ApiKey key = byId.get(m.group(1));
        if (key == null) {
            return Optional.empty();
        }
        byte[] given = sha256(m.group(2)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, key.sha256().getBytes(StandardCharsets.US_ASCII)) ? Optional.of(key) : Optional.empty();
    }

    public int size() {
        return byId.size();
    }

    /** A new key for {@code id}: the whole key (shown once, to its owner) and the hash to configure. */
    public static NewKey generate(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("key id '" + id + "' must be 1..32 of a-z, 0-9 and -");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String s = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new NewKey("trk_" + id + "_" + s, sha256(s));
    }

    /** The id part of a well-formed key; empty for anything else. */
    public static Optional<String> idOf(String presented) {
        var m = presented == null ? null : KEY.matcher(presented.trim());
        return m != null && m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The stored form of a key's secret part. */
    public static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secret part of a well-formed key (to hash it for the configuration). */
    public static Optional<String> secretOf(String presented) {
        var m = presented == null ? null : KEY.matcher(presented.trim());
        return m != null && m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }

    /** A key as generated: {@code key} is the secret the owner keeps; {@code sha256} goes into the configuration. */
    public record NewKey(String key, String sha256) {
        @Override
        public String toString() {
            return "NewKey[sha256=" + sha256 + "]";
        }
    }
}
