package dev.trader.domain.id;

import java.util.regex.Pattern;

/** Validation shared by the identifier types: ids become persistence ids and URL segments. */
final class Identifiers {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._/-]{1,64}");

    private Identifiers() {
    }

    static String token(String value, String what) {
        if (value == null || !TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1-64 characters of letters, digits, '.', '_', '/', '-' but was '" + value + "'");
        }
        return value;
    }
}
