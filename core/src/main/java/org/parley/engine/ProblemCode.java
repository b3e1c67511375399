package org.parley.engine;

/** The kinds of problem a scenario file can have. Tests assert these codes. */
public enum ProblemCode {
    /** The file is not valid YAML/JSON/CSV at all. */
    SYNTAX,
    /** The file looks binary (NUL bytes or invalid text). */
    BINARY_FILE,
    /** The file exceeds the size Parley reads. */
    FILE_TOO_LARGE,
    /** The file is empty, or the scenario has no actors or no issues. */
    EMPTY_SCENARIO,
    /** A required field is missing. */
    MISSING_FIELD,
    /** A field has the wrong type (text where a number is expected, ...). */
    WRONG_TYPE,
    /** A field the format does not know (usually a typo). */
    UNKNOWN_FIELD,
    /** Two actors, issues, sources or branches share an id, or an actor has two stances on an issue. */
    DUPLICATE_ID,
    /** A reference to an actor id that does not exist. */
    UNKNOWN_ACTOR,
    /** A reference to an issue id that does not exist. */
    UNKNOWN_ISSUE,
    /** A reference to a source id that does not exist. */
    UNKNOWN_SOURCE,
    /** A reference to a branch id that does not exist (branch base, run selection). */
    UNKNOWN_BRANCH,
    /** A salience outside 0-100. */
    SALIENCE_OUT_OF_RANGE,
    /** A position or status quo outside its issue's scale. */
    POSITION_OUT_OF_SCALE,
    /** A capability that is negative or not finite. */
    BAD_CAPABILITY,
    /** A range whose low is above its high, or whose value lies outside it. */
    BAD_RANGE,
    /** Branch probabilities that do not sum to 1, or a probability outside [0, 1]. */
    BAD_PROBABILITY,
    /** A scale whose min is not below its max, or a labelled point outside it. */
    BAD_SCALE,
    /** A qualified-majority quota outside (0.5, 1], missing, or given for a rule that takes none. */
    BAD_QUOTA,
    /** An issue's {@code votes} names an actor attribute that a voter lacks or that is not a number >= 0. */
    BAD_VOTES,
    /** A value that cannot be used (other). */
    BAD_VALUE,
    /** A value without provenance (a warning, not an error). */
    MISSING_PROVENANCE,
    /** A sentence index past the end of its source text. */
    BAD_SENTENCE,
    /**
     * A value left {@code open} (a draft's unstated number): a warning when validating, an error
     * when forecasting without accepting the defaults.
     */
    OPEN_VALUE,
    /** A conditional position whose condition cannot be used (e.g. it tests the position's own issue). */
    BAD_CONDITION
}
