package org.parley.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.parley.model.DecisionRule;

/** The consent stage's view of one issue: voters, consent players, the core and the win-set. */
final class IssueConsent {

    private static final double TOL = 1e-9;

    final DecisionRule rule;
    final double quota;
    final double coreLow;
    final double coreHigh;
    final double scaleMin;
    final double scaleMax;
    final boolean winSet;
    final double statusQuo;
    /** Voters: actor index, votes, position, acceptance interval. */
    final int[] voter;
    final double[] weight;
    final double[] vLo;
    final double[] vHi;
    /** Consent players: actor index, position, disagreement point, acceptance interval. */
    final int[] player;
    final double[] pPos;
    final double[] pDis;
    final boolean[] pOutside;
    final double[] pLo;
    final double[] pHi;
    private final Problem problem;
    final boolean hasCore;
    final boolean bodyCore;

    private IssueConsent(Problem p, ConsentRules r, int k, boolean winSetOn) {
        rule = r.rule(k);
        quota = r.quota(k);
        scaleMin = p.scaleMin(k);
        scaleMax = p.scaleMax(k);
        statusQuo = p.statusQuo(k);
        winSet = winSetOn && !Double.isNaN(statusQuo);
        problem = p;
        int n = p.actorCount();
        double[][] pos = p.position();
        double[][] sal = p.salience();
        double[] cap = p.capability();
        boolean voting = r.voting(k);
        int nv = 0;
        int nc = 0;
        int[] vTmp = new int[n];
        int[] cTmp = new int[n];
        for (int i = 0; i < n; i++) {
            if (!p.present(i, k)) {
                continue;
            }
            if (voting && r.votes(i, k, cap[i]) > 0) {
                vTmp[nv++] = i;
            }
            if (r.consent(i, k)) {
                cTmp[nc++] = i;
            }
        }
        voter = Arrays.copyOf(vTmp, nv);
        weight = new double[nv];
        vLo = new double[nv];
        vHi = new double[nv];
        for (int j = 0; j < nv; j++) {
            int i = voter[j];
            weight[j] = r.votes(i, k, cap[i]);
            double d = disagreement(r, i, k);
            double rad = Math.abs(d - pos[i][k]);
            boolean indifferent = sal[i][k] <= 0 || Double.isNaN(d);
            vLo[j] = indifferent ? Double.NEGATIVE_INFINITY : pos[i][k] - rad;
            vHi[j] = indifferent ? Double.POSITIVE_INFINITY : pos[i][k] + rad;
        }
        player = Arrays.copyOf(cTmp, nc);
        pPos = new double[nc];
        pDis = new double[nc];
        pOutside = new boolean[nc];
        pLo = new double[nc];
        pHi = new double[nc];
        for (int j = 0; j < nc; j++) {
            int i = player[j];
            pPos[j] = pos[i][k];
            pOutside[j] = !Double.isNaN(r.outsideOption(i, k));
            pDis[j] = disagreement(r, i, k);
            double rad = Math.abs(pDis[j] - pPos[j]);
            boolean indifferent = sal[i][k] <= 0 || Double.isNaN(pDis[j]);
            pLo[j] = indifferent ? Double.NEGATIVE_INFINITY : pPos[j] - rad;
            pHi[j] = indifferent ? Double.POSITIVE_INFINITY : pPos[j] + rad;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        bodyCore = nv > 0;
        if (nv > 0) {
            double[] body = bodyCore(pos, k);
            lo = body[0];
            hi = body[1];
        }
        for (int j = 0; j < nc; j++) {
            lo = Math.min(lo, pPos[j]);
            hi = Math.max(hi, pPos[j]);
        }
        hasCore = lo <= hi;
        coreLow = hasCore ? lo : scaleMin;
        coreHigh = hasCore ? hi : scaleMax;
    }

    private String id(int i) {
        return problem.actorId(i);
    }

    static IssueConsent of(Problem p, ConsentRules r, int k, boolean winSet) {
        return new IssueConsent(p, r, k, winSet);
    }

    private double disagreement(ConsentRules r, int i, int k) {
        double o = r.outsideOption(i, k);
        return Double.isNaN(o) ? statusQuo : o;
    }

    /** The voting body's core: [min, max] under unanimity, [Q(1 - q), Q(q)] otherwise. */
    private double[] bodyCore(double[][] pos, int k) {
        int nv = voter.length;
        int[] order = new int[nv];
        for (int j = 0; j < nv; j++) {
            int a = j;
            double x = pos[voter[j]][k];
            while (a > 0 && pos[voter[order[a - 1]]][k] > x) {
                order[a] = order[a - 1];
                a--;
            }
            order[a] = j;
        }
        if (rule == DecisionRule.UNANIMITY || !(quota < 1)) {
            return new double[] {pos[voter[order[0]]][k], pos[voter[order[nv - 1]]][k]};
        }
        double total = 0;
        for (double w : weight) {
            total += w;
        }
        return new double[] {quantile(pos, k, order, total, 1 - quota), quantile(pos, k, order, total, quota)};
    }

    private double quantile(double[][] pos, int k, int[] order, double total, double share) {
        double cum = 0;
        for (int j : order) {
            cum += weight[j];
            if (cum / total >= share - 1e-12) {
                return pos[voter[j]][k];
            }
        }
        return pos[voter[order[order.length - 1]]][k];
    }

    private double dis(int j) {
        return pDis[j];
    }

    private double lo(int j) {
        return pLo[j];
    }

    private double hi(int j) {
        return pHi[j];
    }

    /** The interval every consent player (but {@code skip}, -1 for none) accepts, inside the core and scale. */
    private double[] box(int skip) {
        double lo = Math.max(coreLow, scaleMin);
        double hi = Math.min(coreHigh, scaleMax);
        if (winSet) {
            for (int j = 0; j < player.length; j++) {
                if (j != skip) {
                    lo = Math.max(lo, lo(j));
                    hi = Math.min(hi, hi(j));
                }
            }
        }
        return new double[] {lo, hi};
    }

    /** The feasible point nearest {@code y0}, as a one-element array, or {@code null} when there is none. */
    double[] nearest(double y0) {
        return nearestIn(box(-1), y0);
    }

    private double[] nearestIn(double[] box, double y0) {
        double lo = box[0];
        double hi = box[1];
        if (lo > hi + TOL) {
            return null;
        }
        hi = Math.max(lo, hi);
        if (!winSet || voter.length == 0) {
            return new double[] {Math.min(Math.max(y0, lo), hi)};
        }
        double best = Double.NaN;
        double bestD = Double.POSITIVE_INFINITY;
        for (double[] iv : winSetIntervals(lo, hi)) {
            double y = Math.min(Math.max(y0, iv[0]), iv[1]);
            double d = Math.abs(y - y0);
            if (d < bestD - TOL) {
                bestD = d;
                best = y;
            }
        }
        return Double.isNaN(best) ? null : new double[] {best};
    }

    /** The parts of [lo, hi] that voters with at least the quota's share of the votes accept. */
    List<double[]> winSetIntervals(double lo, double hi) {
        double q = rule == DecisionRule.UNANIMITY ? 1.0 : quota;
        double total = 0;
        for (double w : weight) {
            total += w;
        }
        double[] vl = new double[voter.length];
        double[] vh = new double[voter.length];
        for (int j = 0; j < voter.length; j++) {
            vl[j] = voterLo(j);
            vh[j] = voterHi(j);
        }
        double[] raw = new double[2 * voter.length + 2];
        int np = 0;
        raw[np++] = lo;
        raw[np++] = hi;
        for (int j = 0; j < voter.length; j++) {
            if (vl[j] > lo && vl[j] < hi) {
                raw[np++] = vl[j];
            }
            if (vh[j] > lo && vh[j] < hi) {
                raw[np++] = vh[j];
            }
        }
        Arrays.sort(raw, 0, np);
        int nt = 0;
        for (int a = 0; a < np; a++) {
            if (nt == 0 || raw[a] != raw[nt - 1]) {
                raw[nt++] = raw[a];
            }
        }
        double[] t = Arrays.copyOf(raw, nt);
        List<double[]> out = new ArrayList<>();
        double start = Double.NaN;
        for (int a = 0; a < t.length; a++) {
            boolean pointOk = share(t[a], vl, vh, total) >= q - 1e-9;
            if (pointOk && Double.isNaN(start)) {
                start = t[a];
            }
            boolean segOk = a + 1 < t.length && share((t[a] + t[a + 1]) / 2, vl, vh, total) >= q - 1e-9;
            if (!Double.isNaN(start) && !segOk) {
                out.add(new double[] {start, pointOk ? t[a] : start});
                start = Double.NaN;
            } else if (segOk && Double.isNaN(start)) {
                start = t[a];
            }
        }
        return out;
    }

    private double voterLo(int j) {
        return vLo[j];
    }

    private double voterHi(int j) {
        return vHi[j];
    }

    private double share(double x, double[] vl, double[] vh, double total) {
        double s = 0;
        for (int j = 0; j < vl.length; j++) {
            if (x >= vl[j] - TOL && x <= vh[j] + TOL) {
                s += weight[j];
            }
        }
        return total > 0 ? s / total : 0;
    }

    /** The actors who block a deal (see the class comment of {@link ConsentStage}). */
    List<String> blockers() {
        List<String> out = new ArrayList<>();
        double[] coreOnly = new double[] {Math.max(coreLow, scaleMin), Math.min(coreHigh, scaleMax)};
        for (int j = 0; j < player.length; j++) {
            double[] b = {Math.max(coreOnly[0], lo(j)), Math.min(coreOnly[1], hi(j))};
            if (nearestIn(b, b[0]) == null) {
                out.add(id(player[j]));
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        for (int j = 0; j < player.length; j++) {
            if (nearestIn(box(j), coreLow) != null) {
                out.add(id(player[j]));
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        if (voter.length > 0) {
            for (int j = 0; j < voter.length; j++) {
                if (voterHi(j) < coreOnly[0] - TOL || voterLo(j) > coreOnly[1] + TOL) {
                    out.add(id(voter[j]));
                }
            }
        }
        if (out.isEmpty()) {
            for (int j = 0; j < player.length; j++) {
                out.add(id(player[j]));
            }
        }
        return out;
    }

    String coreText() {
        return "[" + ConsentStage.num(coreLow) + ", " + ConsentStage.num(coreHigh) + "]";
    }

    private String bodyText() {
        if (bodyCore && player.length > 0) {
            return "the hull of the " + ConsentStage.ruleName(rule) + " core and the consent players' positions";
        }
        if (bodyCore) {
            return "the " + ConsentStage.ruleName(rule) + " core";
        }
        return "the range of the consent players' positions";
    }

    private String disText(int j) {
        return pOutside[j] ? "outside option " + ConsentStage.num(dis(j)) : "the status quo " + ConsentStage.num(dis(j));
    }

    String blockReason() {
        List<String> b = blockers();
        double[] coreOnly = {Math.max(coreLow, scaleMin), Math.min(coreHigh, scaleMax)};
        StringBuilder sb = new StringBuilder("blocked: ");
        for (int j = 0; j < player.length; j++) {
            if (!b.contains(id(player[j]))) {
                continue;
            }
            double[] own = {Math.max(coreOnly[0], lo(j)), Math.min(coreOnly[1], hi(j))};
            boolean alone = nearestIn(own, own[0]) == null;
            List<String> others = new ArrayList<>();
            for (int o = 0; o < player.length; o++) {
                if (o != j) {
                    others.add(id(player[o]));
                }
            }
            sb.append(id(player[j])).append(" prefers no deal (").append(disText(j)).append(") to any point ")
                    .append(alone || others.isEmpty() ? "in " + bodyText() + " " + coreText()
                            : String.join(" and ", others) + " accept" + (others.size() == 1 ? "s" : "")
                                    + " in " + coreText());
            return sb.append("; no deal, the status quo stands").toString();
        }
        String q = rule == DecisionRule.UNANIMITY ? "every voter" : "voters with " + ConsentStage.num(quota * 100)
                + "% of the votes";
        return sb.append("no point of ").append(bodyText()).append(' ').append(coreText()).append(" is preferred to no deal by ")
                .append(q).append(b.isEmpty() ? "" : " (against every such point: " + String.join(", ", b) + ")")
                .append("; no deal, the status quo stands").toString();
    }

    String bindingActor(double y) {
        if (winSet) {
            for (int j = 0; j < player.length; j++) {
                if (Math.abs(y - lo(j)) <= 1e-7 || Math.abs(y - hi(j)) <= 1e-7) {
                    return id(player[j]);
                }
            }
        }
        return ConsentStage.RULE_ACTOR;
    }

    String moveReason(double y0, double y) {
        double clipped = Math.min(Math.max(y0, coreLow), coreHigh);
        if (Math.abs(clipped - y) <= 1e-7) {
            return "clipped to " + bodyText() + " " + coreText();
        }
        String who = bindingActor(y);
        if (!who.equals(ConsentStage.RULE_ACTOR)) {
            for (int j = 0; j < player.length; j++) {
                if (id(player[j]).equals(who)) {
                    return "moved to " + ConsentStage.num(y) + ", the nearest point " + who + " accepts (it prefers no deal, "
                            + disText(j) + ", to anything beyond)";
                }
            }
        }
        String q = rule == DecisionRule.UNANIMITY ? "every voter" : "voters with " + ConsentStage.num(quota * 100)
                + "% of the votes";
        return "moved to " + ConsentStage.num(y) + ", the nearest point of " + bodyText() + " " + coreText()
                + " that " + q + " prefer to no deal";
    }

    // ---------------------------------------------------------------- for the package scope

    /** The box of this issue for the package scope: core and scale, and the win-set of the vote nearest y0. */
    double[] packageBox(double y0) {
        double lo = Math.max(coreLow, scaleMin);
        double hi = Math.min(coreHigh, scaleMax);
        if (winSet && voter.length > 0 && rule != DecisionRule.UNANIMITY) {
            double[] y = nearestIn(new double[] {lo, hi}, y0);
            if (y == null) {
                return null;
            }
            for (double[] iv : winSetIntervals(lo, hi)) {
                if (y[0] >= iv[0] - TOL && y[0] <= iv[1] + TOL) {
                    return iv;
                }
            }
        }
        return new double[] {lo, hi};
    }
}
