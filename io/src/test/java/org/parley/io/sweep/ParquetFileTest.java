package org.parley.io.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The Parquet writer's framing (Spark reading the files back is checked in the spark module's ITs). */
class ParquetFileTest {

    private static byte[] write(int rows) throws Exception {
        ParquetFile f = new ParquetFile(List.of(new ParquetFile.Column("cell", ParquetFile.Type.INT32),
                new ParquetFile.Column("model", ParquetFile.Type.STRING),
                new ParquetFile.Column("mean", ParquetFile.Type.DOUBLE),
                new ParquetFile.Column("seed", ParquetFile.Type.INT64)));
        for (int i = 0; i < rows; i++) {
            f.add(i, "m" + (i % 3), i / 7.0, (long) i << 40);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.write(out);
        return out.toByteArray();
    }

    @Test
    void magicFooterLengthAndValuesInPlace() throws Exception {
        byte[] b = write(1000);
        assertThat(new String(b, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(new String(b, b.length - 4, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        int footer = ByteBuffer.wrap(b, b.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertThat(footer).isPositive().isLessThan(b.length - 12);
        String meta = new String(b, b.length - 8 - footer, footer, StandardCharsets.ISO_8859_1);
        assertThat(meta).contains("schema").contains("cell").contains("model").contains("mean").contains("parley");
        // the INT32 column's values start right after the first page header, little-endian
        String all = new String(b, StandardCharsets.ISO_8859_1);
        int m2 = all.indexOf("m2");
        assertThat(m2).isPositive();
        assertThat(b.length).isGreaterThan(1000 * (4 + 4 + 2 + 8 + 8));
    }

    @Test
    void sameRowsSameBytes() throws Exception {
        assertThat(write(250)).isEqualTo(write(250));
        assertThat(write(250)).isNotEqualTo(write(251));
        assertThat(write(0)).startsWith("PAR1".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        ParquetFile f = new ParquetFile(List.of(new ParquetFile.Column("x", ParquetFile.Type.DOUBLE)));
        assertThatThrownBy(() -> f.add(1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
        assertThatThrownBy(() -> f.add(1.0, 2.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
