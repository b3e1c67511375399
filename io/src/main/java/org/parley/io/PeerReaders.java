package org.parley.io;

import java.util.List;

import org.parley.engine.ProblemCode;
import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;
import org.parley.io.peer.Imported;

/** Peer formats that have no reader in this build say so precisely. */
final class PeerReaders {

    private PeerReaders() {
    }

    static Imported ktabXml(TextFile text, ImportSettings settings) {
        throw new ScenarioException(List.of(ScenarioProblem.error(ProblemCode.SYNTAX, "",
                "KTAB XML is not read by this build; convert it to KTAB CSV or Parley YAML").at(text.name(), 1, 1)));
    }
}
