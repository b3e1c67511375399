package org.parley.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The Parley version this web module was built as (the CLI's {@code parley --version} says the same). */
final class Version {

    private static final String VERSION = read();

    private Version() {
    }

    static String get() {
        return VERSION;
    }

    private static String read() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // answered below
        }
        String v = p.getProperty("version", "");
        return v.isBlank() || v.startsWith("${") ? "unknown" : v;
    }
}
