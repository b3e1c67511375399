package org.parley.io;

/** Peer formats read by readers outside the io package proper. */
final class PeerReaders {

    private PeerReaders() {
    }

    static Imported ktabXml(TextFile text, ImportSettings settings) {
        return KtabXmlReader.read(text, settings);
    }
}
