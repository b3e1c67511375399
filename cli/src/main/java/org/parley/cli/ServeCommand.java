package org.parley.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.parley.engine.Budget;
import org.parley.models.Models;
import org.parley.store.Store;
import org.parley.web.Job;
import org.parley.web.WebServer;
import org.parley.web.WebSettings;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parley serve}: the web app and its JSON API. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the web app and its JSON API (/api; docs at /swagger).",
                "Listens on 127.0.0.1 unless --bind says otherwise; any other address needs",
                "an access token: PARLEY_TOKEN, or one generated and printed at start.",
                "Stop with Ctrl-C."},
        footer = {"", "Examples:", "  parley serve                       http://127.0.0.1:8080/",
                "  parley serve --port 9000",
                "  PARLEY_TOKEN=secret parley serve --bind 0.0.0.0"})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", description = "port to listen on (default: ${DEFAULT-VALUE}; 0 = any free port)")
    int port = 8080;

    @Option(names = "--bind", paramLabel = "ADDR", description = "address to listen on (default: ${DEFAULT-VALUE}); "
            + "anything but loopback requires an access token")
    String bind = WebSettings.LOOPBACK;

    @Option(names = "--store", paramLabel = "URL", description = "run store (jdbc:sqlite:FILE, a .db path or jdbc:postgresql://...): "
            + "saved scenario versions and finished runs go there; default: memory only")
    String store;

    @Option(names = "--max-body", paramLabel = "BYTES", description = "largest request body accepted (default: ${DEFAULT-VALUE})")
    long maxBody = WebSettings.DEFAULT_MAX_BODY;

    @Option(names = "--threads", paramLabel = "T", description = "threads that run forecast jobs (default: every core)")
    int threads = WebSettings.defaultThreads();

    @Option(names = "--max-runs", paramLabel = "N", description = "largest run count a request may ask for "
            + "(default: ${DEFAULT-VALUE})")
    int maxRuns = Budget.DEFAULT.maxRuns();

    @Option(names = "--max-rounds", paramLabel = "N", description = "largest round limit, and largest round or turn "
            + "cap in model options, a request may ask for (default: ${DEFAULT-VALUE})")
    int maxRounds = Budget.DEFAULT.maxRounds();

    @Option(names = "--max-cells", paramLabel = "N", description = "largest actors x issues x runs of one world a "
            + "request may ask for (default: ${DEFAULT-VALUE})")
    long maxCells = Budget.DEFAULT.maxCells();

    @Option(names = "--max-pairs", paramLabel = "N", description = "largest actors^2 x issues^2 of one world a "
            + "request may run the exchange model on (default: ${DEFAULT-VALUE})")
    long maxPairs = Budget.DEFAULT.maxPairs();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        WebServer server = open(spec.commandLine().getOut(), spec.commandLine().getErr());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "parley-serve-stop"));
        stopped.await();
        return 0;
    }

    /** Starts the server and prints where it listens (and the token); the caller stops it. */
    WebServer open(PrintWriter out, PrintWriter err) {
        String token = System.getenv("PARLEY_TOKEN");
        boolean generated = false;
        if ((token == null || token.isBlank()) && !WebSettings.isLoopback(bind)) {
            token = newToken();
            generated = true;
        }
        WebSettings settings = new WebSettings(bind, port, token, maxBody, threads, 64,
                new Budget(maxRuns, maxRounds, maxCells, maxPairs));
        WebServer server;
        if (store == null) {
            server = WebServer.inMemory(settings, Models.simulation()).start();
        } else {
            Store opened = Store.open(Store.url(store, null, Path.of(System.getProperty("user.home"))));
            try {
                server = WebServer.stored(settings, Models.simulation(), opened).start();
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            server.onClose(opened::close);
        }
        ProgressBar bar = new ProgressBar(err, ProgressBar.isTerminal());
        server.jobs().addListener(job -> progress(bar, job));

        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        String url = "http://" + host + ":" + server.port() + "/";
        out.println("Parley is serving " + url + "  (API: " + url + "api, docs: " + url + "swagger)");
        if (settings.token() != null) {
            out.println(generated ? "Generated access token: " + settings.token() : "Access token: from PARLEY_TOKEN");
            out.println("Open " + url + "#token=" + (generated ? settings.token() : "TOKEN")
                    + " in a browser; API calls send 'Authorization: Bearer TOKEN'.");
        }
        out.println(store == null ? "Scenarios and runs are kept in memory until the server stops. Ctrl-C stops it."
                : "Scenarios and finished runs are saved in the store " + org.parley.store.Store.mask(store) + ". Ctrl-C stops the server.");
        out.flush();
        return server;
    }

    private static void progress(ProgressBar bar, Job<?> job) {
        String label = job.id() + (job.scenarioId() == null ? "" : " " + job.scenarioId());
        if (job.status().finished()) {
            bar.finish(label, job.status().name().toLowerCase(Locale.ROOT)
                    + (job.errorMessage() == null ? "" : ": " + job.errorMessage()));
        } else {
            bar.update(label, (int) Math.min(Integer.MAX_VALUE, job.done()), (int) Math.min(Integer.MAX_VALUE, job.total()));
        }
    }

    static String newToken() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
