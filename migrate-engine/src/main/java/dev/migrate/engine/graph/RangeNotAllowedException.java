package dev.migrate.engine.graph;

/**
 * A range {@code from:to} given where one target is needed (an online upgrade, downgrade or
 * stamp), as Alembic refuses it ("Range revision not allowed"): a range only says where an
 * offline script starts, or which revisions history lists.
 */
public final class RangeNotAllowedException extends GraphException {
    /** The setting that turns on offline SQL, where ranges are allowed, as the advice names it. */
    public static final String OFFLINE_SETTING = "sql=true";

    private final Range range;

    public RangeNotAllowedException(Range range) {
        super(message(range, dev.migrate.engine.Advice.setting(OFFLINE_SETTING)));
        this.range = range;
    }

    public Range range() {
        return range;
    }

    private static String message(Range range, String offline) {
        return "Range '" + shown(range.text()) + "' not allowed here: a range from:to is only for offline SQL (" + offline
                + ") and history. Give one target, such as 'heads', 'base', a revision id, 'label@head' or '-1'.";
    }
}
