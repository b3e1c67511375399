package org.parley.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.parley.engine.Numbers;
import org.parley.store.ScenarioVersion;

/** Small formatting helpers of the store commands; numbers and times in {@code Locale.ROOT}, UTC. */
final class Format {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Format() {
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    static String version(ScenarioVersion v) {
        return v.scenario() + " v" + v.version();
    }

    /** Two decimals, "-" for NaN. */
    static String num(double d) {
        return Numbers.fixed(d, 2);
    }

    /** Signed two decimals, "-" for NaN. */
    static String delta(double d) {
        if (Double.isNaN(d)) {
            return "-";
        }
        return (d > 0 ? "+" : "") + Numbers.fixed(d, 2);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "-" : Numbers.fixed(100 * share, 0) + "%";
    }
}
