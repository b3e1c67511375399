package org.parley.io;

import org.parley.io.peer.Imported;
import org.parley.io.peer.KtabXmlReader;

/** Peer formats read by readers outside the io package proper. */
final class PeerReaders {

    private PeerReaders() {
    }

    static Imported ktabXml(TextFile text, ImportSettings settings) {
        return KtabXmlReader.read(text, settings);
    }
}
