package org.parley.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.parley.model.Branch;
import org.parley.model.Issue;
import org.parley.model.Scenario;
import org.parley.model.Threshold;

/**
 * The bottom line of a forecast: for every threshold question, the probability of "yes" per model,
 * mixed over the probability branches and over whether talks take place at all.
 *
 * <p>In a world with talks probability {@code t}, the forecast distribution of an issue is a point
 * mass {@code 1 - t} at the status quo (no talks) plus {@code t} times the model's outcomes (after
 * the consent stage, so a blocked run sits at the status quo too). P(yes) in a world is
 * {@code t * share of runs past the line + (1 - t) * [status quo past the line]}; the bottom line
 * weighs the worlds by their branch probabilities (what-ifs are not mixed; without probability
 * branches the base world stands alone). Without Monte Carlo each model has one run, so the share is
 * 0 or 1. P(deal) = t * share of runs with a deal: the consent stage did not block the issue
 * and, where it ran on the issue, the outcome leaves the status quo
 * ({@link ConsentResult#deal(int, double)}).
 *
 * @param mixed     the worlds mixed, with their weights (summing to 1)
 * @param models    the models, in result order
 * @param questions one row per issue threshold
 * @param details   one row per world, model and issue
 * @param runs      the number of runs per world and model behind the shares
 */
public record BottomLine(Map<String, Double> mixed, List<String> models, List<Question> questions,
                         List<Detail> details, int runs) {

    /** The branch id that names the mixture in {@code parley register --branch mixture}. */
    public static final String MIXTURE = "mixture";

    /**
     * One threshold question.
     *
     * @param issue     issue id
     * @param threshold the line
     * @param pYes      P(yes) per model, mixed
     */
    public record Question(String issue, Threshold threshold, Map<String, Double> pYes) {
        public Question {
            pYes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pYes));
        }

        /** E.g. {@code sanctions > 50}. */
        public String label() {
            return issue + (threshold.above() ? " > " : " < ") + Numbers.format(threshold.value());
        }
    }

    /**
     * One world, model and issue.
     *
     * @param world       world id
     * @param model       model id
     * @param issue       issue id
     * @param talks       the world's talks probability
     * @param statusQuo   the issue's status quo (NaN when none)
     * @param model0      the model's own forecast (run 0), before the consent stage
     * @param outcome     the forecast given talks (run 0), after the consent stage
     * @param consent     what the stage did in run 0: none, passed, moved, blocked
     * @param blockedBy   who blocked it in run 0
     * @param dealShare   the share of runs with a deal (given talks)
     * @param pDeal       talks x dealShare
     */
    public record Detail(String world, String model, String issue, double talks, double statusQuo, double model0,
                         double outcome, String consent, List<String> blockedBy, double dealShare, double pDeal) {
        public Detail {
            blockedBy = List.copyOf(blockedBy);
        }
    }

    /** What the bottom line reads of one world and model: every run's outcome and deal per issue. */
    public interface Runs {
        /** {@code [issue][run]} outcomes after the consent stage. */
        double[][] outcomes(String world, String model);

        /** {@code [issue][run]}: whether the run made a deal (true where no consent stage ran). */
        boolean[][] deals(String world, String model);

        /** Run 0's trajectory (for the status and the model's own forecast), or {@code null}. */
        Trajectory first(String world, String model);
    }

    public BottomLine {
        mixed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mixed));
        models = List.copyOf(models);
        questions = List.copyOf(questions);
        details = List.copyOf(details);
    }

    /** The worlds a result mixes, with weights: its probability branches, else base, else its first world. */
    public static Map<String, Double> weights(Scenario s, List<String> worlds) {
        Map<String, Double> w = new LinkedHashMap<>();
        double sum = 0;
        for (Branch b : s.branches()) {
            if (b.probability() != null && b.probability() > 0 && worlds.contains(b.id())) {
                w.put(b.id(), b.probability());
                sum += b.probability();
            }
        }
        if (w.isEmpty()) {
            w.put(worlds.contains(Scenario.BASE) ? Scenario.BASE : worlds.get(0), 1.0);
            return w;
        }
        double total = sum;
        w.replaceAll((k, v) -> v / total);
        return w;
    }

    /** The bottom line of a point forecast (each model's runs as they ran). */
    public static BottomLine of(ForecastResult r) {
        Runs runs = new Runs() {
            @Override
            public double[][] outcomes(String world, String model) {
                List<RunResult> rs = runsOf(r, world, model);
                int m = r.problem(world).issueCount();
                double[][] out = new double[m][rs.size()];
                for (int j = 0; j < rs.size(); j++) {
                    double[] f = rs.get(j).trajectory().forecast();
                    for (int k = 0; k < m; k++) {
                        out[k][j] = f[k];
                    }
                }
                return out;
            }

            @Override
            public boolean[][] deals(String world, String model) {
                List<RunResult> rs = runsOf(r, world, model);
                int m = r.problem(world).issueCount();
                boolean[][] out = new boolean[m][rs.size()];
                Problem p = r.problem(world);
                for (int j = 0; j < rs.size(); j++) {
                    ConsentResult c = rs.get(j).trajectory().consent();
                    for (int k = 0; k < m; k++) {
                        out[k][j] = c == null || c.deal(k, p.statusQuo(k));
                    }
                }
                return out;
            }

            @Override
            public Trajectory first(String world, String model) {
                return r.run(world, model).map(RunResult::trajectory).orElse(null);
            }
        };
        return compute(r.scenario(), r.worlds(), r.models(), r.problems(), runs, r.spec().runs());
    }

    private static List<RunResult> runsOf(ForecastResult r, String world, String model) {
        return r.runs().stream().filter(x -> x.world().equals(world) && x.model().equals(model)).toList();
    }

    /** The bottom line from any source of runs (a point forecast or Monte Carlo). */
    public static BottomLine compute(Scenario s, List<String> worlds, List<String> models, Map<String, Problem> problems,
                                     Runs runs, int runCount) {
        Objects.requireNonNull(s, "scenario");
        Map<String, Double> weights = weights(s, worlds);
        List<Detail> details = new ArrayList<>();
        Map<String, Map<String, double[][]>> outcomes = new LinkedHashMap<>();
        for (String w : worlds) {
            Problem p = problems.get(w);
            double talks = p.consentRules().talks();
            Map<String, double[][]> byModel = new LinkedHashMap<>();
            for (String mo : models) {
                double[][] out = runs.outcomes(w, mo);
                boolean[][] deals = runs.deals(w, mo);
                byModel.put(mo, out);
                Trajectory first = runs.first(w, mo);
                for (int k = 0; k < p.issueCount(); k++) {
                    double share = dealShare(deals[k]);
                    String status = "none";
                    List<String> blockedBy = List.of();
                    double model0 = Double.NaN;
                    double outcome0 = Double.NaN;
                    if (first != null) {
                        model0 = first.modelForecast()[k];
                        outcome0 = first.forecast()[k];
                        if (first.consent() != null) {
                            status = first.consent().status().get(k).id();
                            blockedBy = first.consent().blockedBy().get(k);
                        }
                    }
                    details.add(new Detail(w, mo, p.issueId(k), talks, p.statusQuo(k), model0, outcome0, status,
                            blockedBy, share, talks * share));
                }
            }
            outcomes.put(w, byModel);
        }
        List<Question> questions = new ArrayList<>();
        for (int k = 0; k < s.issues().size(); k++) {
            Issue issue = s.issues().get(k);
            for (Threshold t : issue.thresholds()) {
                Map<String, Double> pYes = new LinkedHashMap<>();
                for (String mo : models) {
                    pYes.put(mo, pYes(weights, problems, issue.id(), t,
                            (w, kk) -> share(outcomes.get(w).get(mo)[kk], t)));
                }
                questions.add(new Question(issue.id(), t, pYes));
            }
        }
        return new BottomLine(weights, models, questions, details, runCount);
    }

    /** The share of runs (of all of them, NaN counting as no) whose outcome crosses the line; 0 without runs. */
    public static double share(double[] outcomes, Threshold t) {
        int yes = 0;
        for (double x : outcomes) {
            yes += !Double.isNaN(x) && t.crossedBy(x) ? 1 : 0;
        }
        return outcomes.length == 0 ? 0 : yes / (double) outcomes.length;
    }

    /** The share of runs with a deal; NaN without runs. */
    public static double dealShare(boolean[] deals) {
        int dealt = 0;
        for (boolean d : deals) {
            dealt += d ? 1 : 0;
        }
        return deals.length == 0 ? Double.NaN : dealt / (double) deals.length;
    }

    /** Where a world's share of runs past a line comes from: world id and the issue's index in that world. */
    @FunctionalInterface
    public interface Shares {
        double share(String world, int issue);
    }

    /**
     * P(yes) for one threshold question, mixed: the sum over the weighted worlds of weight x (talks
     * x share of runs past the line + (1 - talks) x [status quo past the line]), in weight order.
     */
    public static double pYes(Map<String, Double> weights, Map<String, Problem> problems, String issue, Threshold t,
                              Shares shares) {
        double p = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            Problem pr = problems.get(e.getKey());
            int kk = pr.issueIndex(issue);
            double talks = pr.consentRules().talks();
            double share = shares.share(e.getKey(), kk);
            double sq = pr.statusQuo(kk);
            double noTalks = !Double.isNaN(sq) && t.crossedBy(sq) ? 1 : 0;
            p += e.getValue() * (talks * share + (1 - talks) * noTalks);
        }
        return p;
    }

    /** The details of one world and model. */
    public List<Detail> details(String world, String model) {
        return details.stream().filter(d -> d.world().equals(world) && d.model().equals(model)).toList();
    }

    /** The mixture's weights in words, e.g. {@code trump-wins 0.5, trump-loses 0.5}. */
    public String mixedText() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Double> e : mixed.entrySet()) {
            parts.add(e.getKey() + " " + Numbers.format(Math.round(e.getValue() * 1000) / 1000.0));
        }
        return String.join(", ", parts);
    }
}
