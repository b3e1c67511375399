package org.parley.backtest;

import java.util.ArrayList;
import java.util.List;

import org.parley.uncertainty.ClusterBootstrap;

/** Paired differences of per-issue errors and their proposal-cluster bootstrap. */
final class PairedDifference {

    private PairedDifference() {
    }

    static double meanDiff(double[] e, double[] eRef, boolean[] use) {
        double s = 0;
        int c = 0;
        for (int i = 0; i < e.length; i++) {
            if (use[i] && !Double.isNaN(e[i]) && !Double.isNaN(eRef[i])) {
                s += e[i] - eRef[i];
                c++;
            }
        }
        return c == 0 ? Double.NaN : s / c;
    }

    /** Sorted bootstrap means of the paired difference over the proposals of {@code use}, or {@code null}. */
    static double[] bootstrap(ProtocolData d, double[] e, double[] eRef, boolean[] use, int resamples, long seed) {
        double[] sums = new double[d.proposalCount];
        double[] counts = new double[d.proposalCount];
        for (int i = 0; i < d.n; i++) {
            if (use[i] && !Double.isNaN(e[i]) && !Double.isNaN(eRef[i])) {
                sums[d.group[i]] += e[i] - eRef[i];
                counts[d.group[i]]++;
            }
        }
        List<Integer> present = new ArrayList<>();
        for (int g = 0; g < counts.length; g++) {
            if (counts[g] > 0) {
                present.add(g);
            }
        }
        if (present.isEmpty()) {
            return null;
        }
        double[] s = new double[present.size()];
        double[] c = new double[present.size()];
        for (int j = 0; j < s.length; j++) {
            s[j] = sums[present.get(j)];
            c[j] = counts[present.get(j)];
        }
        return ClusterBootstrap.means(s, c, resamples, seed);
    }

    static double[] paired(ProtocolData d, double[] e, double[] eRef, boolean[] use, int resamples, long seed) {
        double[] b = bootstrap(d, e, eRef, use, resamples, seed);
        return new double[] {meanDiff(e, eRef, use), b == null ? Double.NaN : ClusterBootstrap.quantile(b, 0.05),
                b == null ? Double.NaN : ClusterBootstrap.quantile(b, 0.95)};
    }
}
