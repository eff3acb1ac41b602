package dev.trader.domain.id;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Client order ids of the child orders an execution algorithm cuts a parent order into:
 * {@code <parent>-<nn>}, {@code nn} the child's sequence number in base 36 (two characters,
 * {@code 01} to {@code zz}). The parent is a derived id ({@link ClientOrderId#derive},
 * {@link ClientOrderId#ofKey}: {@code t} and 32 hex digits), so a child's id is 36 characters,
 * Binance's limit, in the narrower alphabet Binance's own error message states
 * ({@code [a-zA-Z0-9-_]}), and the parent can be read back from it: no lookup is needed to book a
 * child's fill as its parent's. A derived id never contains a '-', so it is never taken for a child's.
 */
public final class ChildOrderIds {
    /** Two base-36 digits; 0 is not used, so that the first child is {@code -01}. */
    public static final int MAX_CHILDREN = 36 * 36 - 1;
    private static final int DIGITS = 2;
    private static final Pattern PARENT = Pattern.compile("t[0-9a-f]{32}");
    private static final Pattern CHILD = Pattern.compile("(t[0-9a-f]{32})-([0-9a-z]{2})");

    private ChildOrderIds() {
    }

    /** The id of child {@code seq} (1-based) of {@code parent}, a derived id. */
    public static ClientOrderId of(ClientOrderId parent, int seq) {
        if (seq < 1 || seq > MAX_CHILDREN) {
            throw new IllegalArgumentException("a child's sequence number must be within 1.." + MAX_CHILDREN + " but was " + seq);
        }
        if (!PARENT.matcher(parent.value()).matches()) {
            throw new IllegalArgumentException("parent id '" + parent + "' cannot carry children: only a derived id (t and 32 hex digits) can");
        }
        String digits = Integer.toString(seq, 36);
        return new ClientOrderId(parent.value() + "-" + "0".repeat(DIGITS - digits.length()) + digits);
    }

    /** The parent of a child's id; empty for an id that is not a child's. */
    public static Optional<ClientOrderId> parentOf(ClientOrderId id) {
        Matcher m = CHILD.matcher(id.value());
        if (!m.matches() || Integer.parseInt(m.group(2), 36) == 0) {
            return Optional.empty();
        }
        return Optional.of(new ClientOrderId(m.group(1)));
    }

    /** The sequence number of a child's id; 0 for an id that is not a child's. */
    public static int seqOf(ClientOrderId id) {
        return parentOf(id).isPresent() ? Integer.parseInt(id.value().substring(id.value().length() - DIGITS), 36) : 0;
    }
}
