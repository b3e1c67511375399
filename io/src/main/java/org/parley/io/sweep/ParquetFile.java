package org.parley.io.sweep;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A small Apache Parquet writer with no dependencies: flat schemas of required INT32, INT64,
 * DOUBLE and UTF-8 string columns, PLAIN encoding, no compression, one data page per column and
 * row group. Enough for tables of statistics that Spark, pandas/pyarrow and DuckDB read as they
 * are; the bytes depend only on the rows, so two runs with the same rows give the same file.
 *
 * <p>Format: "PAR1", each row group's column chunks (a page header and the values), the file
 * metadata in the Thrift compact protocol, its length (4 bytes, little-endian) and "PAR1"
 * (parquet-format, {@code parquet.thrift}).
 */
public final class ParquetFile {

    /** Column types. */
    public enum Type {
        INT32(1), INT64(2), DOUBLE(5), STRING(6);

        final int physical;

        Type(int physical) {
            this.physical = physical;
        }
    }

    /** A column: name and type. */
    public record Column(String name, Type type) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int ROWS_PER_GROUP = 100_000;

    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public ParquetFile(List<Column> columns) {
        this.columns = List.copyOf(columns);
        if (this.columns.isEmpty()) {
            throw new IllegalArgumentException("a Parquet file needs at least one column");
        }
    }

    /** Adds a row: one value per column ({@code Integer}, {@code Long}, {@code Double}, {@code String}). */
    public void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            boolean ok = switch (columns.get(c).type()) {
                case INT32 -> v instanceof Integer;
                case INT64 -> v instanceof Long;
                case DOUBLE -> v instanceof Double;
                case STRING -> v instanceof String;
            };
            if (!ok) {
                throw new IllegalArgumentException("column " + columns.get(c).name() + " (" + columns.get(c).type()
                        + ") cannot hold " + v);
            }
        }
        rows.add(values.clone());
    }

    public int rowCount() {
        return rows.size();
    }

    /** Writes the file. */
    public void write(OutputStream out) throws IOException {
        long offset = 0;
        out.write(MAGIC);
        offset += MAGIC.length;
        List<byte[]> groups = new ArrayList<>();
        for (int from = 0; from < rows.size() || (from == 0 && rows.isEmpty()); from += ROWS_PER_GROUP) {
            int to = Math.min(rows.size(), from + ROWS_PER_GROUP);
            Thrift group = new Thrift();
            group.beginList(1, Thrift.STRUCT, columns.size());
            long groupBytes = 0;
            for (int c = 0; c < columns.size(); c++) {
                byte[] values = values(c, from, to);
                Thrift page = new Thrift();
                page.i32(1, 0); // DATA_PAGE
                page.i32(2, values.length);
                page.i32(3, values.length);
                page.beginStruct(5); // DataPageHeader
                page.i32(1, to - from);
                page.i32(2, 0); // PLAIN
                page.i32(3, 3); // RLE definition levels (none: required)
                page.i32(4, 3); // RLE repetition levels (none: flat)
                page.endStruct();
                page.stop();
                byte[] header = page.bytes();
                long pageOffset = offset;
                out.write(header);
                out.write(values);
                long size = header.length + values.length;
                offset += size;
                groupBytes += size;

                group.beginListElement();
                group.i64(2, pageOffset); // file_offset
                group.beginStruct(3); // ColumnMetaData
                group.i32(1, columns.get(c).type().physical);
                group.beginList(2, Thrift.I32, 1);
                group.listI32(0); // PLAIN
                group.beginList(3, Thrift.BINARY, 1);
                group.listString(columns.get(c).name());
                group.i32(4, 0); // UNCOMPRESSED
                group.i64(5, to - from);
                group.i64(6, size);
                group.i64(7, size);
                group.i64(9, pageOffset);
                group.endStruct();
                group.endListElement();
            }
            group.i64(2, groupBytes);
            group.i64(3, to - from);
            group.stop();
            groups.add(group.bytes());
            if (rows.isEmpty()) {
                break;
            }
        }
        Thrift meta = new Thrift();
        meta.i32(1, 1);
        meta.beginList(2, Thrift.STRUCT, columns.size() + 1);
        meta.beginListElement();
        meta.string(4, "schema");
        meta.i32(5, columns.size());
        meta.endListElement();
        for (Column col : columns) {
            meta.beginListElement();
            meta.i32(1, col.type().physical);
            meta.i32(3, 0); // REQUIRED
            meta.string(4, col.name());
            if (col.type() == Type.STRING) {
                meta.i32(6, 0); // converted type UTF8
                meta.beginStruct(10); // logical type
                meta.beginStruct(1); // STRING
                meta.endStruct();
                meta.endStruct();
            }
            meta.endListElement();
        }
        meta.i64(3, rows.size());
        meta.beginList(4, Thrift.STRUCT, groups.size());
        for (byte[] g : groups) {
            meta.raw(g);
        }
        meta.string(6, "parley");
        meta.stop();
        byte[] footer = meta.bytes();
        out.write(footer);
        out.write(new byte[] {(byte) footer.length, (byte) (footer.length >>> 8), (byte) (footer.length >>> 16),
            (byte) (footer.length >>> 24)});
        out.write(MAGIC);
        out.flush();
    }

    private byte[] values(int c, int from, int to) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int r = from; r < to; r++) {
            Object v = rows.get(r)[c];
            switch (columns.get(c).type()) {
                case INT32 -> le(b, (Integer) v, 4);
                case INT64 -> le(b, (Long) v, 8);
                case DOUBLE -> le(b, Double.doubleToRawLongBits((Double) v), 8);
                case STRING -> {
                    byte[] s = ((String) v).getBytes(StandardCharsets.UTF_8);
                    le(b, s.length, 4);
                    b.write(s, 0, s.length);
                }
                default -> throw new IllegalStateException();
            }
        }
        return b.toByteArray();
    }

    private static void le(ByteArrayOutputStream b, long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            b.write((int) (v >>> (8 * i)) & 0xFF);
        }
    }

    /** The Thrift compact protocol, as much as Parquet's metadata needs. */
    static final class Thrift {
        static final int I32 = 5;
        static final int I64 = 6;
        static final int BINARY = 8;
        static final int LIST = 9;
        static final int STRUCT = 12;

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ArrayList<Integer> lastIds = new ArrayList<>();
        private int lastId;

        byte[] bytes() {
            return out.toByteArray();
        }

        void raw(byte[] b) {
            out.write(b, 0, b.length);
        }

        private void field(int id, int type) {
            int delta = id - lastId;
            if (delta > 0 && delta <= 15) {
                out.write((delta << 4) | type);
            } else {
                out.write(type);
                varint(zigzag(id));
            }
            lastId = id;
        }

        void i32(int id, int v) {
            field(id, I32);
            varint(zigzag(v));
        }

        void i64(int id, long v) {
            field(id, I64);
            varint(zigzag(v));
        }

        void string(int id, String s) {
            field(id, BINARY);
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length);
            out.write(b, 0, b.length);
        }

        void beginStruct(int id) {
            field(id, STRUCT);
            lastIds.add(lastId);
            lastId = 0;
        }

        void endStruct() {
            out.write(0);
            lastId = lastIds.remove(lastIds.size() - 1);
        }

        void beginList(int id, int elementType, int size) {
            field(id, LIST);
            if (size < 15) {
                out.write((size << 4) | elementType);
            } else {
                out.write(0xF0 | elementType);
                varint(size);
            }
        }

        void beginListElement() {
            lastIds.add(lastId);
            lastId = 0;
        }

        void endListElement() {
            endStruct();
        }

        void listI32(int v) {
            varint(zigzag(v));
        }

        void listString(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length);
            out.write(b, 0, b.length);
        }

        void stop() {
            out.write(0);
        }

        private static long zigzag(long v) {
            return (v << 1) ^ (v >> 63);
        }

        private void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
