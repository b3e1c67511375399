package org.parley.io.results;

import java.util.List;
import java.util.Locale;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;

/** The ways a forecast can be written. */
public enum ResultFormat {
    /** Per world, an issue x model table of forecasts with the status quo (default). */
    TABLE("table"),
    /** The long form: {@code branch,model,run,round,actor,issue,position}; actor {@code _outcome} is the model's outcome. */
    CSV("csv"),
    /** The whole result. */
    JSON("json"),
    /** Every move (offer, challenge, bargain, exchange side) per round. */
    MOVES_CSV("moves-csv"),
    /** Every realised exchange of the exchange model, one row per exchange. */
    EXCHANGES_CSV("exchanges-csv"),
    /** Per world, model, run and issue: talks, consent status, deal, outcome, blockers. */
    OUTCOMES_CSV("outcomes-csv");

    private final String id;

    ResultFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static List<String> ids() {
        return List.of(TABLE.id, CSV.id, JSON.id, MOVES_CSV.id, EXCHANGES_CSV.id, OUTCOMES_CSV.id);
    }

    public static ResultFormat fromId(String id) {
        String norm = id.strip().toLowerCase(Locale.ROOT);
        for (ResultFormat f : values()) {
            if (f.id.equals(norm)) {
                return f;
            }
        }
        throw new ParleyException(ErrorCode.BAD_OPTION, "unknown format '" + id + "'; formats: " + String.join(", ", ids()));
    }
}
