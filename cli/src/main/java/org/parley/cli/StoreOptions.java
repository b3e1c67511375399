package org.parley.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;

import org.parley.store.Store;

import picocli.CommandLine.Option;

/** Which run store to use and who is writing, shared by the commands that read or write it. */
final class StoreOptions {

    @Option(names = "--store", paramLabel = "JDBC_URL",
            description = "the run store: jdbc:sqlite:PATH, jdbc:postgresql://HOST/DB?user=..., or a file path; "
                    + "default: $" + Store.ENV + ", else ~/.parley/parley.db")
    String store;

    @Option(names = "--author", paramLabel = "NAME", description = "who is saving (default: the login name)")
    String author;

    String url() {
        return Store.url(store, System.getenv(Store.ENV), Path.of(System.getProperty("user.home")));
    }

    Store open() {
        return Store.open(url());
    }

    String author() {
        return author != null && !author.isBlank() ? author : System.getProperty("user.name", "unknown");
    }

    /** The Parley version of this build, recorded with every saved run. */
    static String codeVersion() {
        Properties p = new Properties();
        try (InputStream in = Parley.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return p.getProperty("version", "dev");
    }
}
