package org.parley.web;

import static org.parley.web.Http.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.ForecastResult;
import org.parley.io.results.JsonResultWriter;
import org.parley.store.RunInfo;
import org.parley.store.Store;

import io.javalin.Javalin;

/**
 * The run store's runs over the web ({@code /api/store/runs}): the runs saved by this and earlier
 * servers, listed and re-opened after a restart. Without a store each answers 409 {@code NO_STORE}.
 */
final class StoredRunsApi {

    /** Runs listed at most. */
    static final int LISTED = 200;

    private StoredRunsApi() {
    }

    static void routes(Javalin app, Store store) {
        app.get("/api/store/runs", ctx -> {
            String scenario = ctx.queryParam("scenario");
            List<RunInfo> runs;
            synchronized (need(store)) {
                runs = store.runs(scenario == null || scenario.isBlank() ? null : scenario, LISTED);
            }
            List<Object> out = new ArrayList<>();
            runs.forEach(r -> out.add(tree(r)));
            json(ctx, 200, out);
        });
        app.get("/api/store/runs/{id}/result", ctx -> {
            long id = runId(ctx.pathParam("id"));
            ForecastResult result;
            RunInfo info;
            synchronized (need(store)) {
                try {
                    info = store.run(id).info();
                } catch (org.parley.engine.ParleyException e) {
                    throw ApiException.notFound("stored run", String.valueOf(id));
                }
                result = store.result(id);
            }
            Map<String, Object> tree = JsonResultWriter.tree(result);
            tree.put("run", "store-" + id);
            tree.put("storeRun", id);
            tree.put("version", info.scenario().version());
            json(ctx, 200, tree);
        });
    }

    private static Map<String, Object> tree(RunInfo r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("scenario", r.scenario().scenario());
        m.put("version", r.scenario().version());
        m.put("models", r.models());
        m.put("worlds", r.worlds());
        m.put("runs", r.runs());
        m.put("seed", r.seed());
        m.put("author", r.author());
        m.put("started", r.started().toString());
        m.put("millis", r.millis());
        return m;
    }

    private static long runId(String s) {
        try {
            long id = Long.parseLong(s);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("a stored run id is a whole number >= 1, was '" + Http.clip(s, 20) + "'");
    }

    private static Store need(Store store) {
        if (store == null) {
            throw new ApiException(409, "NO_STORE", "past runs are kept only in a run store: "
                    + "start the server with 'parley serve --store URL'");
        }
        return store;
    }
}
