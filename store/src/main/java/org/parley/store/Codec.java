package org.parley.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.parley.engine.Move;
import org.parley.engine.Round;
import org.parley.engine.Trajectory;

/**
 * Compact binary forms of what the store keeps as blobs: a deflated array of doubles (the per-run
 * forecasts of an issue) and a deflated trajectory (every round, position, outcome, series and
 * move, exactly: doubles are stored as their 64 bits). Each blob starts with a format byte.
 */
final class Codec {

    private static final int DOUBLES = 1;
    private static final int TRAJECTORY = 1;

    /** Reused per thread: a pure cache of native zlib state, never shared between threads. */
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);

    private Codec() {
    }

    /**
     * Doubles with their bytes shuffled before deflating: first byte 0 (sign and high exponent) of
     * every value, then byte 1 of every value, and so on. Values of one forecast share their high
     * bytes, so the shuffled stream compresses far better than the values one after another.
     */
    static byte[] doubles(double[] values) {
        return deflate(out -> {
            out.writeByte(DOUBLES);
            out.writeInt(values.length);
            byte[] plane = new byte[values.length];
            for (int b = 0; b < Long.BYTES; b++) {
                int shift = 56 - 8 * b;
                for (int i = 0; i < values.length; i++) {
                    plane[i] = (byte) (Double.doubleToRawLongBits(values[i]) >>> shift);
                }
                out.write(plane);
            }
        });
    }

    static double[] doubles(byte[] blob) {
        return inflate(blob, in -> {
            format(in, DOUBLES, "samples");
            int n = in.readInt();
            if (n < 0) {
                throw new IOException("negative sample count " + n);
            }
            long[] bits = new long[n];
            for (int b = 0; b < Long.BYTES; b++) {
                byte[] plane = in.readNBytes(n);
                if (plane.length != n) {
                    throw new IOException("truncated samples");
                }
                int shift = 56 - 8 * b;
                for (int i = 0; i < n; i++) {
                    bits[i] |= (plane[i] & 0xFFL) << shift;
                }
            }
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = Double.longBitsToDouble(bits[i]);
            }
            return out;
        });
    }

    static byte[] trajectory(Trajectory t) {
        return deflate(out -> {
            out.writeByte(TRAJECTORY);
            string(out, t.stopReason());
            out.writeInt(t.notes().size());
            for (String n : t.notes()) {
                string(out, n);
            }
            array(out, t.forecast());
            out.writeInt(t.rounds().size());
            for (Round r : t.rounds()) {
                out.writeInt(r.index());
                double[][] p = r.positions();
                out.writeInt(p.length);
                for (double[] row : p) {
                    array(out, row);
                }
                array(out, r.outcome());
                out.writeInt(r.series().size());
                for (Map.Entry<String, double[]> e : r.series().entrySet()) {
                    string(out, e.getKey());
                    array(out, e.getValue());
                }
                out.writeInt(r.moves().size());
                for (Move m : r.moves()) {
                    out.writeInt(m.round());
                    string(out, m.kind());
                    string(out, m.actor());
                    string(out, m.counterpart());
                    string(out, m.issue());
                    out.writeDouble(m.from());
                    out.writeDouble(m.to());
                    out.writeInt(m.measures().size());
                    for (Map.Entry<String, Double> e : m.measures().entrySet()) {
                        string(out, e.getKey());
                        out.writeDouble(e.getValue() == null ? Double.NaN : e.getValue());
                    }
                    string(out, m.reason());
                }
            }
        });
    }

    static Trajectory trajectory(byte[] blob) {
        return inflate(blob, in -> {
            format(in, TRAJECTORY, "trajectory");
            String stop = string(in);
            int nn = in.readInt();
            List<String> notes = new ArrayList<>(nn);
            for (int i = 0; i < nn; i++) {
                notes.add(string(in));
            }
            double[] forecast = array(in);
            int nr = in.readInt();
            List<Round> rounds = new ArrayList<>(nr);
            for (int i = 0; i < nr; i++) {
                int index = in.readInt();
                double[][] p = new double[in.readInt()][];
                for (int a = 0; a < p.length; a++) {
                    p[a] = array(in);
                }
                double[] outcome = array(in);
                int ns = in.readInt();
                Map<String, double[]> series = new LinkedHashMap<>();
                for (int s = 0; s < ns; s++) {
                    series.put(string(in), array(in));
                }
                int nm = in.readInt();
                List<Move> moves = new ArrayList<>(nm);
                for (int m = 0; m < nm; m++) {
                    int round = in.readInt();
                    String kind = string(in);
                    String actor = string(in);
                    String counterpart = string(in);
                    String issue = string(in);
                    double from = in.readDouble();
                    double to = in.readDouble();
                    int nmeas = in.readInt();
                    Map<String, Double> measures = new LinkedHashMap<>();
                    for (int k = 0; k < nmeas; k++) {
                        measures.put(string(in), in.readDouble());
                    }
                    moves.add(new Move(round, kind, actor, counterpart, issue, from, to, measures, string(in)));
                }
                rounds.add(new Round(index, p, outcome, moves, series));
            }
            return new Trajectory(rounds, forecast, stop, notes);
        });
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    /**
     * Serialises into memory, then deflates the whole buffer in one call: far cheaper than
     * deflating 8 bytes at a time. One {@link Deflater} per thread is reused (allocating one costs
     * more than compressing a small trajectory).
     */
    private static byte[] deflate(Writer w) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(raw)) {
            w.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] input = raw.toByteArray();
        Deflater d = DEFLATER.get();
        d.reset();
        d.setInput(input);
        d.finish();
        ByteArrayOutputStream packed = new ByteArrayOutputStream(input.length / 2 + 64);
        byte[] chunk = new byte[Math.max(256, Math.min(input.length + 64, 1 << 16))];
        while (!d.finished()) {
            int n = d.deflate(chunk);
            packed.write(chunk, 0, n);
        }
        return packed.toByteArray();
    }

    private static <T> T inflate(byte[] blob, Reader<T> r) {
        Inflater inf = INFLATER.get();
        inf.reset();
        inf.setInput(blob);
        ByteArrayOutputStream raw = new ByteArrayOutputStream(blob.length * 3 + 64);
        byte[] chunk = new byte[Math.max(256, Math.min(blob.length * 4, 1 << 16))];
        try {
            while (!inf.finished()) {
                int n = inf.inflate(chunk);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new IOException("truncated compressed data");
                }
                raw.write(chunk, 0, n);
            }
        } catch (DataFormatException | IOException e) {
            throw new StoreCorruptException("a stored blob cannot be read back (" + e.getMessage() + ")", e);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw.toByteArray()))) {
            return r.read(in);
        } catch (IOException e) {
            throw new StoreCorruptException("a stored blob cannot be read back (" + e.getMessage() + ")", e);
        }
    }

    private static void format(DataInputStream in, int expected, String what) throws IOException {
        int f = in.readUnsignedByte();
        if (f != expected) {
            throw new IOException(what + " format " + f + ", this build reads " + expected);
        }
    }

    private static void array(DataOutputStream out, double[] a) throws IOException {
        if (a == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(a.length);
        for (double d : a) {
            out.writeDouble(d);
        }
    }

    private static double[] array(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new IOException("truncated string");
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
