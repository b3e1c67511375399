package org.parley.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
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
        return Store.url(store, System.getenv(Store.ENV), home());
    }

    /** {@code $HOME} when set (as the shell sees it), else Java's user.home (the password database's). */
    static Path home() {
        String h = System.getenv("HOME");
        return Path.of(h != null && !h.isBlank() ? h : System.getProperty("user.home"));
    }

    Store open() {
        return Store.open(url());
    }

    /** Whether the store is an SQLite file that does not exist yet (read-only commands do not create it). */
    boolean missing() {
        String u = url();
        if (Store.isEphemeral(u) || !u.startsWith("jdbc:sqlite:")) {
            return false;
        }
        String p = u.substring("jdbc:sqlite:".length());
        int q = p.indexOf('?');
        p = q >= 0 ? p.substring(0, q) : p;
        p = p.startsWith("file:") ? p.substring("file:".length()) : p;
        return !java.nio.file.Files.exists(Path.of(p));
    }

    /** The store to read; a missing SQLite file is refused, not created. */
    Store openForReading() {
        if (missing()) {
            throw new ParleyException(ErrorCode.BAD_INPUT, "there is no store at " + Store.mask(url())
                    + " yet (nothing was saved there).\nMaybe save a run with 'parley forecast --save', or name the store "
                    + "with --store or " + Store.ENV + ".");
        }
        return Store.open(url());
    }

    /** The store to save in; an in-memory SQLite database is refused (what is saved there is lost at exit). */
    Store openForSaving() {
        String u = url();
        if (Store.isEphemeral(u)) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "the store '" + Store.mask(u) + "' is kept in memory only; "
                    + "a saved run would be lost when parley exits.\nMaybe name a file: --store jdbc:sqlite:PATH");
        }
        return Store.open(u);
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
