package org.parley.io.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.parley.backtest.BacktestSet;
import org.parley.backtest.CapabilityRule;
import org.parley.backtest.ProtocolBacktest;
import org.parley.engine.Peers;
import org.parley.engine.RunSpec;
import org.parley.models.Models;
import org.parley.uncertainty.ModelErrorCalibration;

/**
 * The calibration Parley ships is what its own provenance says: the command it names
 * ({@code parley backtest blksv_deu3.tsv --protocol lopo --calibration --write-calibration FILE},
 * default seed and capability) writes it again byte for byte from the DEU III table. About a full
 * {@code lopo} backtest (10-20 s CPU).
 */
class ShippedCalibrationIT {

    @Test
    void theShippedCalibrationIsWhatItsCommandWrites() throws Exception {
        Path deu = Peers.require("peers/bdm/inputs/blksv_deu3.tsv");
        BacktestSet set = Backtests.read(deu);
        ProtocolBacktest.Result r = new ProtocolBacktest(Models.simulation()).run(set, CapabilityRule.forSet(null, set),
                RunSpec.defaults().withSeed(RunSpec.DEFAULT_SEED), ProtocolBacktest.Settings.defaults(RunSpec.DEFAULT_SEED));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(deu)));
        StringWriter w = new StringWriter();
        CalibrationResource.write(r, deu.getFileName().toString(), sha, new PrintWriter(w));
        String shipped;
        try (InputStream in = ModelErrorCalibration.class.getResourceAsStream(ModelErrorCalibration.RESOURCE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(w.toString().replace("\r\n", "\n")).isEqualTo(shipped);
        assertThat(ModelErrorCalibration.shipped().version()).isEqualTo(CalibrationResource.version(
                deu.getFileName().toString(), ProtocolBacktest.Protocol.LOPO));
    }
}
