package dev.trader.engine.settings.schema;

import com.typesafe.config.ConfigValueType;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a key of the schema holds, by the name the schema file gives it ({@code type = duration}).
 * The scalar kinds accept a quoted string as well as a bare value, as typesafe-config's getters do:
 * decimals are best quoted ({@code "0.001"}) so that they never pass through a double.
 */
enum ValueKind {
    STRING("string", "a string", Set.of(ConfigValueType.STRING, ConfigValueType.NUMBER, ConfigValueType.BOOLEAN)),
    INT("int", "an int", Set.of(ConfigValueType.NUMBER, ConfigValueType.STRING)),
    LONG("long", "a long", Set.of(ConfigValueType.NUMBER, ConfigValueType.STRING)),
    DECIMAL("decimal", "a decimal number", Set.of(ConfigValueType.NUMBER, ConfigValueType.STRING)),
    BOOLEAN("boolean", "a boolean", Set.of(ConfigValueType.BOOLEAN, ConfigValueType.STRING)),
    /** {@code 15s}, {@code 200ms}, {@code 4h}; ISO-8601 ({@code PT30M}) too, which the risk module reads. */
    DURATION("duration", "a duration", Set.of(ConfigValueType.NUMBER, ConfigValueType.STRING)),
    /** {@code 65536}, {@code 64k}, {@code 1M}. */
    BYTES("bytes", "a size in bytes", Set.of(ConfigValueType.NUMBER, ConfigValueType.STRING)),
    ENUM("enum", "a string", Set.of(ConfigValueType.STRING, ConfigValueType.NUMBER, ConfigValueType.BOOLEAN)),
    /** {@code "1, 2"} or {@code [1, 2]}: the risk module's lists of R multiples and thresholds. */
    DECIMAL_LIST("decimal-list", "a list of decimal numbers", Set.of(ConfigValueType.LIST, ConfigValueType.STRING, ConfigValueType.NUMBER)),
    STRING_LIST("string-list", "a list of strings", Set.of(ConfigValueType.LIST)),
    /** A list whose every element follows one element schema. */
    LIST("list", "a list", Set.of(ConfigValueType.LIST)),
    /** Named keys, each with its own schema; any other key is unknown. */
    OBJECT("object", "an object", Set.of(ConfigValueType.OBJECT)),
    /** Keys that are ids (instruments, strategies, tiers, assets), every value following one schema. */
    MAP("map", "an object", Set.of(ConfigValueType.OBJECT)),
    /** Free-form: validated by whoever reads it (a strategy's parameters by the strategy catalog). */
    ANY("any", "anything", Set.of(ConfigValueType.values()));

    private final String schemaName;
    private final String description;
    private final Set<ConfigValueType> shapes;

    ValueKind(String schemaName, String description, Set<ConfigValueType> shapes) {
        this.schemaName = schemaName;
        this.description = description;
        this.shapes = shapes;
    }

    static Optional<ValueKind> named(String name) {
        for (ValueKind k : values()) {
            if (k.schemaName.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    String schemaName() {
        return schemaName;
    }

    /** As a message says what was expected: "a duration". */
    String description() {
        return description;
    }

    /** Whether a value of this HOCON type can be read as this kind at all (its content is checked later). */
    boolean accepts(ConfigValueType type) {
        return shapes.contains(type);
    }

    /** Kinds whose values can be ordered, so the schema may give them a range. */
    boolean ranged() {
        return this == INT || this == LONG || this == DECIMAL || this == DURATION || this == BYTES || this == DECIMAL_LIST;
    }

    boolean scalar() {
        return this != STRING_LIST && this != LIST && this != OBJECT && this != MAP && this != ANY;
    }
}
