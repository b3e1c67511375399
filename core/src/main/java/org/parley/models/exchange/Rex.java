package org.parley.models.exchange;

/**
 * The random exchange rates (REX, Dijkstra et al. 2018) of a {@link Candidate}: the steps
 * {@code calculate_maximum_utility} and {@code randomized_gain} of decide-exchange-model (read
 * there, written anew here), in the same order of arithmetic.
 */
final class Rex {

    private Rex() {
    }

    static void maximumUtility(Candidate c) {
        Arithmetic a = c.st.a;
        RoundState st = c.st;
        Side i = c.i;
        Side j = c.j;
        boolean iOptimal = a.same(i.demandPos(), i.y);
        boolean jOptimal = a.same(j.demandPos(), j.y);
        double nbsI = c.adjustNbs(i, iOptimal ? i.y : j.demandPos());
        double nbsJ = c.adjustNbs(j, jOptimal ? j.y : i.demandPos());
        double deltaI = a.abs(a.subtract(st.nbs0[c.w(i)], nbsI));
        double deltaJ = a.abs(a.subtract(st.nbs0[c.w(j)], nbsJ));
        double loss1 = a.multiply(deltaJ, j.sSupply());
        double gain2 = a.multiply(deltaJ, i.sDemand());
        double loss2 = a.multiply(deltaI, i.sSupply());
        double gain1 = a.multiply(deltaI, j.sDemand());
        double utilityI = a.subtract(gain1, loss1);
        double utilityJ = a.subtract(gain2, loss2);
        double overwrite = Double.NaN;
        boolean overwritten = false;
        if (iOptimal && a.gt(utilityI, st.zero)) {
            overwritten = true;
            overwrite = a.subtract(gain2, a.multiply(a.divide(loss1, j.sDemand()), i.sSupply()));
        }
        if (jOptimal && a.gt(utilityJ, st.zero)) {
            overwritten = true;
            overwrite = a.subtract(gain1, a.multiply(a.divide(loss2, i.sDemand()), j.sSupply()));
        }
        Side f;
        double g;
        double l;
        if (a.gt(gain2, gain1)) {
            f = j;
            g = gain1;
            l = loss2;
        } else {
            f = i;
            g = gain2;
            l = loss1;
        }
        double share = a.divide(f.sSupply(), a.add(f.sSupply(), f.opposite.sDemand()));
        double d2u1 = a.divide(l, a.multiply(share, f.opposite.sDemand()));
        double d2u2 = a.divide(g, a.multiply(share, f.sSupply()));
        if (overwritten && !a.isZero(overwrite)) {
            st.euMax[c.w(f.opposite)] = overwrite;
        } else {
            st.euMax[c.w(f.opposite)] = a.subtract(a.multiply(a.multiply(share, f.opposite.sDemand()), d2u2), l);
        }
        st.euMax[c.w(f)] = a.subtract(g, a.multiply(a.multiply(share, f.sSupply()), d2u1));
    }

    static void randomizedGain(Candidate c, Side f, double v, double z) {
        Arithmetic a = c.st.a;
        RoundState st = c.st;
        Side o = f.opposite;
        double eu = c.gain;
        double eui;
        if (v < 0.5) {
            eui = a.add(eu, a.multiply(a.multiply(st.p, z), a.subtract(st.euMax[c.w(f)], eu)));
        } else {
            eui = a.subtract(eu, a.multiply(a.multiply(st.p, z), eu));
        }
        double moveI = a.abs(a.subtract(f.supplyPos, o.demandPos()));
        double ratioQ = c.exchangeRatio(moveI, f);
        double ratioP = a.divide(a.add(eui, a.multiply(ratioQ, f.sSupply())), f.sDemand());
        double moveJ = c.reverseMove(o, ratioP);
        double euj = a.abs(c.expectedUtility(o, ratioP, ratioQ));
        double deltaJ = a.abs(a.subtract(o.supplyPos, f.demandPos()));
        if (a.gt(a.abs(moveJ), deltaJ)) {
            ratioP = c.exchangeRatio(deltaJ, o);
            ratioQ = a.abs(a.divide(a.subtract(eui, a.multiply(ratioP, f.sDemand())), f.sSupply()));
            moveJ = deltaJ;
            moveI = c.reverseMove(f, ratioQ);
            if (a.lt(a.abs(moveI), a.abs(a.subtract(f.supplyPos, o.demandPos())))) {
                euj = a.abs(c.expectedUtility(o, ratioP, ratioQ));
                double signedJ = c.signed(a.gt(o.supplyPos, f.demandPos()), moveJ);
                // the Python code stores this as nbs_0 and then compares it with itself: never a cut
                st.nbs0[c.w(o)] = c.adjustNbs(o, a.add(o.supplyPos, signedJ));
            }
        } else {
            double signedI = c.signed(a.gt(f.supplyPos, o.demandPos()), moveI);
            double nbsAdjusted = c.adjustNbs(f, a.add(f.supplyPos, signedI));
            double x = o.demandPos();
            double nbs0 = st.nbs0[c.w(f)];
            boolean outside = (a.ge(x, nbs0) && a.ge(x, nbsAdjusted)) || (a.le(x, nbs0) && a.le(x, nbsAdjusted));
            if (!outside) {
                double delta = a.abs(c.moveForOutcome(f, f.supplyPos, x));
                ratioQ = c.exchangeRatio(delta, f);
                ratioP = a.divide(a.add(eui, a.multiply(ratioQ, f.sSupply())), f.sDemand());
                double moveJb = c.reverseMove(o, ratioP);
                euj = a.abs(c.expectedUtility(o, ratioP, ratioQ));
                // as in the Python code the signed move is signed once more below
                moveI = signedI;
                moveJ = moveJb;
            }
        }
        f.eu = eui;
        o.eu = euj;
        f.move = c.signed(a.gt(f.supplyPos, o.demandPos()), moveI);
        o.move = c.signed(a.gt(o.supplyPos, f.demandPos()), moveJ);
        f.popMove();
        f.pushMove(f.move);
        o.popMove();
        o.pushMove(o.move);
        f.y = a.add(f.supplyPos, f.move);
        o.y = a.add(o.supplyPos, o.move);
        boolean b1 = f.validMove();
        boolean b2 = o.validMove();
        c.valid = b1 && b2;
        st.nbs0[c.w(f)] = c.adjustNbs(f, f.supplyPos);
        st.nbs1[c.w(f)] = c.adjustNbs(f, f.y);
        st.nbs0[c.w(o)] = c.adjustNbs(o, o.supplyPos);
        st.nbs1[c.w(o)] = c.adjustNbs(o, o.y);
    }
}
