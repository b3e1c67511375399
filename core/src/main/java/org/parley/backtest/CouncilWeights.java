package org.parley.backtest;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;

/**
 * Capabilities from the EU's decision rules, for the {@code council} capability option of a
 * backtest. Actor ids are the DEU codes: {@code com} (Commission), {@code ep} (Parliament) and the
 * member states ({@code at be bu cr cy cz dk ee fi fr de el hu ie it lv lt lu mt nl pl pt ro si
 * sk es se uk}).
 *
 * <p>Member states under qualified majority voting:
 * <ul>
 *   <li>before 1 May 2004: the EU-15 weighted votes (Amsterdam: DE FR IT UK 10, ES 8, BE EL NL PT 5,
 *       AT SE 4, DK IE FI 3, LU 2);</li>
 *   <li>1 May to 31 October 2004: those weights for the old members and the transitional weights of
 *       the 2003 Act of Accession for the new ones (PL 8, CZ HU 5, EE LV LT SI SK 3, CY MT 2);</li>
 *   <li>1 November 2004 to 31 October 2014: the Nice weights (DE FR IT UK 29, ES PL 27, RO 14, NL 13,
 *       BE CZ EL HU PT 12, AT BG SE 10, DK IE LT SK FI HR 7, CY EE LV LU SI 4, MT 3);</li>
 *   <li>from 1 November 2014: the double majority; the capability is the state's population by the
 *       Council's yearly figures (Annex III of its Rules of Procedure): 1 November 2014 to 31 December
 *       2015 the figures typed for 2015 (millions), from 1 January 2016 the 2016 shares (percent of the
 *       Union). Only the population criterion (65 %) is represented, not the count of states (55 %).</li>
 * </ul>
 * Under unanimity every member state has a veto, so every member state weighs the same (the mean
 * QMV weight of that date, so that the Commission and Parliament keep the same relation to the
 * Council in both rules).
 *
 * <p>Commission and Parliament (Parley's choice, not taken from a source): the Commission, agenda
 * setter in every procedure, weighs as much as the largest member state; the Parliament weighs as
 * much as the largest member state under co-decision ({@code COD}, a co-legislator with a veto) and
 * as the smallest under consultation ({@code CNS} and anything else, an advisory opinion). The
 * date is the case's date (the DEU table's introduction date: its adoption dates are unusable).
 *
 * <p>Provenance, per period (checked on 2026-12-04 against the texts reachable from this
 * project's search tool; see {@link #SOURCES}, one row per period with its citation and what was
 * verified). The Amsterdam, Nice (EU-25, EU-27) and Croatia-accession weights and quotas and the
 * Lisbon thresholds are verified against the treaty texts or the Council's own summaries; the
 * per-state transitional weights of the 2003 Act of Accession (1 May to 31 October 2004) against the
 * CVCE table "Evolution of qualified majority voting in the Council" (column 01.05.2004; checked on
 * 2026-12-05). The population shares for 2016 are those of Council Decision (EU, Euratom) 2015/2393
 * as Agence Europe reported them (9 December 2015, two decimals). NOT verified: the figures used
 * from 1 November 2014 to 31 December 2015 (typed from memory for 2015; Decisions 2014/692/EU and
 * 2014/900/EU were not reached; they agree with the 2016 shares within 0.11 points, Italy being the
 * largest gap), and the figures of 2017 onwards (Decisions (EU, Euratom) 2016/2353, 2017/2461 and
 * 2018/2076 not reached per state: the 2016 shares are used). A state that was not yet a member at the date weighs what it weighed on joining if
 * it joined under the same weighting (DEU records positions of acceding states for proposals
 * decided after their accession), else 0.
 */
public final class CouncilWeights {

    /** The first day of the 2004 enlargement. */
    public static final LocalDate ENLARGEMENT_2004 = LocalDate.of(2004, 5, 1);
    /** The first day of the Nice weights. */
    public static final LocalDate NICE = LocalDate.of(2004, 11, 1);
    /** The first day of Bulgaria and Romania's membership. */
    public static final LocalDate ENLARGEMENT_2007 = LocalDate.of(2007, 1, 1);
    /** The first day of Croatia's membership. */
    public static final LocalDate ENLARGEMENT_2013 = LocalDate.of(2013, 7, 1);
    /** The first day of the double majority. */
    public static final LocalDate DOUBLE_MAJORITY = LocalDate.of(2014, 11, 1);
    /** The first day of the 2016 population figures. */
    public static final LocalDate POPULATION_2016_FROM = LocalDate.of(2016, 1, 1);

    private static final Map<String, Double> EU15 = weights("de 10 fr 10 it 10 uk 10 es 8 be 5 el 5 nl 5 pt 5 "
            + "at 4 se 4 dk 3 ie 3 fi 3 lu 2");
    private static final Map<String, Double> ACCESSION_2004 = weights("pl 8 cz 5 hu 5 ee 3 lv 3 lt 3 si 3 sk 3 cy 2 mt 2");
    private static final Map<String, Double> NICE_WEIGHTS = weights("de 29 fr 29 it 29 uk 29 es 27 pl 27 ro 14 nl 13 "
            + "be 12 cz 12 el 12 hu 12 pt 12 at 10 bu 10 se 10 dk 7 ie 7 lt 7 sk 7 fi 7 cr 7 "
            + "cy 4 ee 4 lv 4 lu 4 si 4 mt 3");
    private static final Map<String, Double> POPULATION_2015 = weights("de 81.2 fr 66.4 uk 64.9 it 60.8 es 46.4 "
            + "pl 38.0 ro 19.9 nl 16.9 be 11.3 el 10.9 cz 10.5 pt 10.4 hu 9.9 se 9.7 at 8.6 bu 7.2 dk 5.7 fi 5.5 "
            + "sk 5.4 ie 4.6 cr 4.2 lt 2.9 si 2.1 lv 2.0 ee 1.3 cy 0.85 lu 0.56 mt 0.43");
    /** Council Decision (EU, Euratom) 2015/2393, Annex III for 2016: percent of the Union's 508,940,955. */
    private static final Map<String, Double> POPULATION_2016 = weights("de 15.93 fr 13.04 uk 12.73 it 12.07 es 9.12 "
            + "pl 7.47 ro 3.9 nl 3.37 be 2.21 el 2.13 cz 2.05 pt 2.04 hu 1.94 se 1.92 at 1.69 bu 1.42 dk 1.11 fi 1.08 "
            + "sk 1.06 ie 0.91 cr 0.83 lt 0.57 si 0.41 lv 0.39 ee 0.26 cy 0.17 lu 0.11 mt 0.08");

    private CouncilWeights() {
    }

    /**
     * One period of the Council's qualified-majority rule and where it is written.
     *
     * @param from     first day (inclusive)
     * @param until    last day (inclusive), {@code null} for open-ended
     * @param total    total weighted votes (NaN under the double majority)
     * @param quota    the qualified majority as a share: votes needed over total, or the population share
     * @param source   the legal text
     * @param verified what was checked against a source, and where
     */
    public record Period(LocalDate from, LocalDate until, double total, double quota, String source, String verified) {
    }

    /** The periods, in date order, with their citations. */
    public static final java.util.List<Period> SOURCES = java.util.List.of(
            new Period(LocalDate.of(1995, 1, 1), LocalDate.of(2004, 4, 30), 87, 62.0 / 87,
                    "EC Treaty Art. 148(2) (Art. 205(2) after Amsterdam), as amended by the 1994 Act of Accession "
                            + "(Austria, Finland, Sweden)",
                    "weights and 62 of 87 verified: EUR-Lex CELEX 11992E148; European Convention glossary "
                            + "'Qualified majority'"),
            new Period(ENLARGEMENT_2004, LocalDate.of(2004, 10, 31), 124, 88.0 / 124,
                    "2003 Act of Accession (Athens) Art. 26, transitional weighting from 1 May to 31 October 2004",
                    "every weight (PL 8, CZ HU 5, EE LV LT SI SK 3, CY MT 2, the EU-15 unchanged), total 124 and quota "
                            + "88 verified: CVCE 'Evolution of qualified majority voting in the Council' (column "
                            + "01.05.2004); Wikipedia 'Parties in the European Council between May and December 2004'"),
            new Period(NICE, LocalDate.of(2006, 12, 31), 321, 232.0 / 321,
                    "Treaty of Nice, Protocol on the enlargement Art. 3, as amended by the 2003 Act of Accession Art. 12",
                    "weights, total 321 verified (euabc.com 'Voting in the Council'; europa.eu glossary 'Weighting of "
                            + "votes in the Council': in force 1 November 2004); quota 232 from Wikipedia (same page)"),
            new Period(ENLARGEMENT_2007, LocalDate.of(2013, 6, 30), 345, 255.0 / 345,
                    "2005 Act of Accession (Bulgaria, Romania) Art. 22, amending the Nice weighting",
                    "weights (BG 10, RO 14), total 345 and quota 255 verified: europa.eu glossary 'Weighting of votes "
                            + "in the Council'; denederlandsegrondwet.nl 'Artikel 2 Stemmenweging in de Raad'"),
            new Period(ENLARGEMENT_2013, LocalDate.of(2014, 10, 31), 352, 260.0 / 352,
                    "Act of Accession of Croatia (OJ L 112, 24.4.2012) Art. 20, replacing Art. 3(3) of Protocol "
                            + "No 36 on transitional provisions",
                    "every weight (HR 7), quota 260 and the end date 31 October 2014 verified: EUR-Lex CELEX 12012J020"),
            lisbon(DOUBLE_MAJORITY, LocalDate.of(2014, 12, 31), "Council Decision 2014/692/EU (OJ L 289, 3.10.2014)",
                    "figures typed from memory for 2015 used; the Decision's own NOT verified"),
            lisbon(LocalDate.of(2015, 1, 1), LocalDate.of(2015, 12, 31), "Council Decision 2014/900/EU (OJ L 358, "
                    + "13.12.2014)", "figures typed from memory for 2015; NOT verified against the Decision"),
            lisbon(POPULATION_2016_FROM, LocalDate.of(2016, 12, 31), "Council Decision (EU, Euratom) 2015/2393 (OJ L "
                    + "332, 18.12.2015)", "every share verified (two decimals) as reported by Agence Europe, Bulletin "
                    + "11449, 9 December 2015 (Union total 508,940,955)"),
            lisbon(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31), "Council Decision (EU, Euratom) 2016/2353 "
                    + "(OJ L 348, 21.12.2016)", "per-state figures NOT reached: the 2016 shares are used"),
            lisbon(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31), "Council Decision (EU, Euratom) 2017/2461 "
                    + "(OJ L 348, 29.12.2017)", "per-state figures NOT reached: the 2016 shares are used"),
            lisbon(LocalDate.of(2019, 1, 1), null, "Council Decision (EU, Euratom) 2018/2076 (OJ L 331, 28.12.2018) "
                    + "and the later yearly decisions", "per-state figures NOT reached: the 2016 shares are used"));

    /** One year's population figures under the double majority. */
    private static Period lisbon(LocalDate from, LocalDate until, String decision, String figures) {
        return new Period(from, until, Double.NaN, 0.65, "TEU Art. 16(4) and TFEU Art. 238(3) (Lisbon): 55% of the "
                + "members comprising 65% of the population, from 1 November 2014; populations: Annex III of the "
                + "Council's Rules of Procedure as set by " + decision, "thresholds and start date verified (europa.eu "
                + "glossary; Council Decision 2014/900/EU recital 1); " + figures);
    }

    /** The period in force at a date. */
    public static Period period(LocalDate date) {
        Period out = SOURCES.get(0);
        for (Period p : SOURCES) {
            if (!date.isBefore(p.from())) {
                out = p;
            }
        }
        return out;
    }

    private static Map<String, Double> weights(String spec) {
        String[] t = spec.trim().split("\\s+");
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < t.length; i += 2) {
            m.put(t[i], Double.parseDouble(t[i + 1]));
        }
        return m;
    }

    /** The member states' QMV weights at a date (0 for non-members), by DEU code. */
    public static Map<String, Double> memberWeights(LocalDate date) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (date.isBefore(ENLARGEMENT_2004)) {
            m.putAll(EU15);
        } else if (date.isBefore(NICE)) {
            m.putAll(EU15);
            m.putAll(ACCESSION_2004);
        } else if (date.isBefore(DOUBLE_MAJORITY)) {
            for (Map.Entry<String, Double> e : NICE_WEIGHTS.entrySet()) {
                String s = e.getKey();
                boolean member = !(s.equals("ro") || s.equals("bu")) || !date.isBefore(ENLARGEMENT_2007);
                member &= !s.equals("cr") || !date.isBefore(ENLARGEMENT_2013);
                if (member) {
                    m.put(s, e.getValue());
                }
            }
        } else if (date.isBefore(POPULATION_2016_FROM)) {
            m.putAll(POPULATION_2015);
        } else {
            m.putAll(POPULATION_2016);
        }
        return m;
    }

    /**
     * The qualified-majority quota at a date, as a share of the member states' weighted votes (of
     * the population from 1 November 2014): 62/87 (EU-15), 88/124 (1 May to 31 October 2004),
     * 232/321 (Nice, EU-25), 255/345 (EU-27), 260/352 (EU-28), 0.65 (double majority; the 55 % of
     * states is not represented); each verified, see {@link #SOURCES}.
     */
    public static double quota(LocalDate date) {
        if (date.isBefore(ENLARGEMENT_2004)) {
            return 62.0 / 87.0;
        }
        if (date.isBefore(NICE)) {
            return 88.0 / 124.0;
        }
        if (date.isBefore(ENLARGEMENT_2007)) {
            return 232.0 / 321.0;
        }
        if (date.isBefore(ENLARGEMENT_2013)) {
            return 255.0 / 345.0;
        }
        if (date.isBefore(DOUBLE_MAJORITY)) {
            return 260.0 / 352.0;
        }
        return 0.65;
    }

    /**
     * A member state's votes in the Council at a date under qualified majority (its weight, its
     * population from November 2014; an acceding state's weight as in {@link #weight}); 0 for the
     * Commission, the Parliament, a state that was not a member and any other id.
     */
    public static double votes(String actor, LocalDate date) {
        String id = actor.toLowerCase(Locale.ROOT);
        Double w = memberWeights(date).get(id);
        if (w == null && POPULATION_2015.containsKey(id)) {
            w = acceding(id, date);
        }
        return w == null ? 0 : w;
    }

    /**
     * The weight of a state that was not yet a member at the date but joined under the same weighting
     * (a proposal introduced before an enlargement and decided after it: DEU records such states'
     * positions), or {@code null}.
     */
    private static Double acceding(String id, LocalDate date) {
        if (date.isBefore(NICE)) {
            return ACCESSION_2004.get(id);
        }
        if (date.isBefore(DOUBLE_MAJORITY)) {
            return NICE_WEIGHTS.get(id);
        }
        return null;
    }

    /**
     * The capability of one actor.
     *
     * @param actor      a DEU code
     * @param date       the case's date
     * @param votingRule {@code QMV} (or {@code QMV(...)}) or {@code Unan}
     * @param procedure  {@code COD} or another procedure
     * @throws ParleyException BAD_INPUT when the date or rule is missing, or the actor is not a DEU code
     */
    public static double weight(String actor, LocalDate date, String votingRule, String procedure) {
        if (date == null || votingRule == null) {
            throw new ParleyException(ErrorCode.BAD_INPUT, "the council capabilities need each case's date and "
                    + "voting rule");
        }
        Map<String, Double> members = memberWeights(date);
        double max = 0;
        double min = Double.MAX_VALUE;
        double sum = 0;
        for (double w : members.values()) {
            max = Math.max(max, w);
            min = Math.min(min, w);
            sum += w;
        }
        String id = actor.toLowerCase(Locale.ROOT);
        boolean unanimity = votingRule.strip().toLowerCase(Locale.ROOT).startsWith("unan");
        boolean codecision = procedure != null && procedure.strip().equalsIgnoreCase("COD");
        if (id.equals("com")) {
            return max;
        }
        if (id.equals("ep")) {
            return codecision ? max : min;
        }
        if (!POPULATION_2015.containsKey(id)) {
            throw new ParleyException(ErrorCode.BAD_INPUT, "the council capabilities know the DEU actor codes "
                    + "(com, ep and member states such as de, fr); '" + actor + "' is not one of them");
        }
        Double w = members.get(id);
        if (w == null) {
            w = acceding(id, date);
        }
        if (w == null) {
            return 0;
        }
        return unanimity ? sum / members.size() : w;
    }
}
