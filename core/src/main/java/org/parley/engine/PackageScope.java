package org.parley.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The consent stage over a package: the issues with a status quo that share consent players are
 * decided together. A consent player accepts an outcome vector y when
 * {@code sum_k s_k L(|y_k - x_k|) <= sum_k s_k L(|d_k - x_k|)} over its issues in the package (L the
 * linear or quadratic loss, d its outside option or the status quo); each issue's core (and, under
 * a vote, the interval of its win-set nearest the model's outcome) bounds its coordinate. The
 * outcome moves to the nearest vector in every set (Dykstra's alternating projections, which
 * converge to the Euclidean projection onto the intersection of convex sets), or, when the sets do
 * not meet, no deal on every issue of the package.
 */
final class PackageScope {

    private static final int MAX_SWEEPS = 20_000;
    private static final double STEP_TOL = 1e-12;
    private static final double FEASIBLE_TOL = 1e-6;

    private PackageScope() {
    }

    static void run(Problem p, ConsentRules rules, boolean quadratic, double[] out, ConsentResult.Status[] status,
                    List<List<String>> blocked, List<List<Move>> moves, boolean trace, int round, boolean[] inPackage) {
        int m = p.issueCount();
        int n = p.actorCount();
        // consent players per issue: the consent list, and every voter under unanimity
        boolean[][] plays = Grids.booleans(n, m);
        boolean[] candidate = new boolean[m];
        for (int k = 0; k < m; k++) {
            if (!rules.subject(k) || Double.isNaN(p.statusQuo(k)) || Double.isNaN(out[k])) {
                continue;
            }
            candidate[k] = true;
            for (int i = 0; i < n; i++) {
                boolean voter = rules.rule(k) == org.parley.model.DecisionRule.UNANIMITY && p.present(i, k)
                        && rules.votes(i, k, p.capability()[i]) > 0;
                plays[i][k] = rules.consent(i, k) || voter;
            }
        }
        // packages: connected components of issues linked by a shared consent player
        int[] comp = new int[m];
        java.util.Arrays.fill(comp, -1);
        int comps = 0;
        for (int k = 0; k < m; k++) {
            if (!candidate[k] || comp[k] >= 0) {
                continue;
            }
            List<Integer> stack = new ArrayList<>(List.of(k));
            comp[k] = comps;
            while (!stack.isEmpty()) {
                int a = stack.remove(stack.size() - 1);
                for (int b = 0; b < m; b++) {
                    if (!candidate[b] || comp[b] >= 0) {
                        continue;
                    }
                    for (int i = 0; i < n; i++) {
                        if (plays[i][a] && plays[i][b]) {
                            comp[b] = comps;
                            stack.add(b);
                            break;
                        }
                    }
                }
            }
            comps++;
        }
        for (int c = 0; c < comps; c++) {
            List<Integer> issues = new ArrayList<>();
            for (int k = 0; k < m; k++) {
                if (comp[k] == c) {
                    issues.add(k);
                }
            }
            if (issues.size() < 2) {
                continue; // a package of one issue is the issue scope
            }
            solve(p, rules, quadratic, issues, plays, out, status, blocked, moves, trace, round);
            for (int k : issues) {
                inPackage[k] = true;
            }
        }
    }

    private static void solve(Problem p, ConsentRules rules, boolean quadratic, List<Integer> issues, boolean[][] plays,
                              double[] out, ConsentResult.Status[] status, List<List<String>> blocked,
                              List<List<Move>> moves, boolean trace, int round) {
        int d = issues.size();
        int n = p.actorCount();
        double[] y0 = new double[d];
        double[] lo = new double[d];
        double[] hi = new double[d];
        boolean boxEmpty = false;
        String[] coreText = new String[d];
        for (int a = 0; a < d; a++) {
            int k = issues.get(a);
            y0[a] = out[k];
            IssueConsent ic = IssueConsent.of(p, rules, k, true);
            double[] box = ic.packageBox(out[k]);
            coreText[a] = ic.coreText();
            if (box == null || box[0] > box[1] + FEASIBLE_TOL) {
                boxEmpty = true;
                lo[a] = ic.coreLow;
                hi[a] = ic.coreHigh;
            } else {
                lo[a] = box[0];
                hi[a] = Math.max(box[0], box[1]);
            }
        }
        // acceptance sets: per player, weights, centre and radius over the package's coordinates
        List<double[]> w = new ArrayList<>();
        List<double[]> x = new ArrayList<>();
        List<Double> radius = new ArrayList<>();
        List<String> who = new ArrayList<>();
        List<String> dis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] wi = new double[d];
            double[] xi = new double[d];
            double r = 0;
            boolean any = false;
            StringBuilder ds = new StringBuilder();
            for (int a = 0; a < d; a++) {
                int k = issues.get(a);
                if (!plays[i][k]) {
                    continue;
                }
                any = true;
                wi[a] = p.salience()[i][k];
                xi[a] = p.position()[i][k];
                double o = rules.outsideOption(i, k);
                double dk = Double.isNaN(o) ? p.statusQuo(k) : o;
                r += wi[a] * loss(Math.abs(dk - xi[a]), quadratic);
                ds.append(ds.length() == 0 ? "" : ", ").append(p.issueId(k)).append(' ').append(ConsentStage.num(dk));
            }
            if (any) {
                w.add(wi);
                x.add(xi);
                radius.add(r);
                who.add(p.actorId(i));
                dis.add(ds.toString());
            }
        }
        int sets = w.size() + 1;
        double[] y = y0.clone();
        double[][] incr = Grids.doubles(sets, d);
        double[] z = new double[d];
        double[] proj = new double[d];
        if (!boxEmpty) {
            for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
                double change = 0;
                for (int s = 0; s < sets; s++) {
                    for (int a = 0; a < d; a++) {
                        z[a] = y[a] + incr[s][a];
                    }
                    if (s == 0) {
                        for (int a = 0; a < d; a++) {
                            proj[a] = Math.min(Math.max(z[a], lo[a]), hi[a]);
                        }
                    } else {
                        project(z, w.get(s - 1), x.get(s - 1), radius.get(s - 1), quadratic, proj);
                    }
                    for (int a = 0; a < d; a++) {
                        incr[s][a] = z[a] - proj[a];
                        change = Math.max(change, Math.abs(proj[a] - y[a]));
                        y[a] = proj[a];
                    }
                }
                if (change < STEP_TOL) {
                    break;
                }
            }
        }
        List<String> violators = new ArrayList<>();
        boolean feasible = !boxEmpty;
        for (int a = 0; a < d && feasible; a++) {
            feasible = y[a] >= lo[a] - FEASIBLE_TOL && y[a] <= hi[a] + FEASIBLE_TOL;
        }
        for (int s = 0; s < w.size(); s++) {
            double u = 0;
            for (int a = 0; a < d; a++) {
                u += w.get(s)[a] * loss(Math.abs(y[a] - x.get(s)[a]), quadratic);
            }
            if (u > radius.get(s) + FEASIBLE_TOL * Math.max(1, radius.get(s))) {
                violators.add(who.get(s));
                feasible = false;
            }
        }
        String ids = String.join(", ", issues.stream().map(p::issueId).toList());
        if (!feasible) {
            List<String> b = violators.isEmpty() ? who : violators;
            for (int a = 0; a < d; a++) {
                int k = issues.get(a);
                double sq = p.statusQuo(k);
                status[k] = ConsentResult.Status.BLOCKED;
                blocked.get(k).addAll(b);
                if (trace) {
                    int first = who.indexOf(b.get(0));
                    String reason = "blocked: no package of " + ids + " is accepted by every consent player and lies in "
                            + "each issue's core; " + b.get(0) + " prefers no deal ("
                            + (first >= 0 ? dis.get(first) : "the status quo") + ") to any package the others accept;"
                            + " no deal, the status quo stands";
                    moves.get(k).add(new Move(round, "no-deal", b.get(0), null, p.issueId(k), out[k], sq, null, reason));
                }
                out[k] = sq;
            }
            return;
        }
        for (int a = 0; a < d; a++) {
            int k = issues.get(a);
            if (Math.abs(y[a] - y0[a]) <= 1e-9 * Math.max(1, Math.abs(y0[a]))) {
                status[k] = ConsentResult.Status.PASSED;
                continue;
            }
            status[k] = ConsentResult.Status.MOVED;
            if (trace) {
                moves.get(k).add(new Move(round, "consent", ConsentStage.RULE_ACTOR, null, p.issueId(k), y0[a], y[a], null,
                        "moved to " + ConsentStage.num(y[a]) + ": the nearest package of " + ids
                                + " that every consent player (" + String.join(", ", who)
                                + ") prefers to no deal, inside each issue's core (" + coreText[a] + " here)"));
            }
            out[k] = y[a];
        }
    }

    static double loss(double t, boolean quadratic) {
        return quadratic ? t * t : t;
    }

    /**
     * Euclidean projection of z onto {y : sum_a w_a L(|y_a - x_a|) <= r}: for the linear loss a
     * weighted L1 ball (soft thresholding, threshold found by bisection), for the quadratic loss an
     * axis-aligned ellipsoid (y - x = (z - x) / (1 + lambda w), lambda by bisection).
     */
    static void project(double[] z, double[] w, double[] x, double r, boolean quadratic, double[] out) {
        int d = z.length;
        double u = 0;
        for (int a = 0; a < d; a++) {
            u += w[a] * loss(Math.abs(z[a] - x[a]), quadratic);
        }
        if (u <= r) {
            System.arraycopy(z, 0, out, 0, d);
            return;
        }
        double lo = 0;
        double hi = 1;
        while (value(z, w, x, hi, quadratic) > r && hi < 1e18) {
            hi *= 2;
        }
        for (int it = 0; it < 200; it++) {
            double mid = (lo + hi) / 2;
            if (value(z, w, x, mid, quadratic) > r) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        shrink(z, w, x, hi, quadratic, out);
    }

    private static double value(double[] z, double[] w, double[] x, double lambda, boolean quadratic) {
        double u = 0;
        for (int a = 0; a < z.length; a++) {
            double t = step(z[a] - x[a], w[a], lambda, quadratic);
            u += w[a] * loss(Math.abs(t), quadratic);
        }
        return u;
    }

    private static void shrink(double[] z, double[] w, double[] x, double lambda, boolean quadratic, double[] out) {
        for (int a = 0; a < z.length; a++) {
            out[a] = x[a] + step(z[a] - x[a], w[a], lambda, quadratic);
        }
    }

    private static double step(double delta, double w, double lambda, boolean quadratic) {
        if (w <= 0) {
            return delta;
        }
        if (quadratic) {
            return delta / (1 + 2 * lambda * w);
        }
        double mag = Math.max(Math.abs(delta) - lambda * w, 0);
        return Math.copySign(mag, delta);
    }
}
