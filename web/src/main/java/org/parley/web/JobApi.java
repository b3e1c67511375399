package org.parley.web;

import static org.parley.web.Http.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * The routes every kind of job shares: under {@code /api/jobs} for any job, and under each kind's
 * own path ({@code /api/runs}, {@code /api/montecarlo/jobs}, {@code /api/sensitivity/jobs},
 * {@code /api/backtests/jobs}): start (202 with a Location), list, status with progress, cancel
 * ({@code DELETE}) and result (409 NOT_READY until the job is done).
 */
final class JobApi {

    /** Answers a finished job's result. */
    interface ResultWriter {
        void write(Context ctx, Job<?> job);
    }

    private final Jobs jobs;

    JobApi(Jobs jobs) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
    }

    /** The generic routes, {@code /api/jobs...}, answering results as JSON trees. */
    void routes(Javalin app, ResultWriter forecasts) {
        routes(app, "/api/jobs", null, null, (ctx, j) -> {
            if (j.kind() == Job.Kind.FORECAST) {
                forecasts.write(ctx, j);
            } else {
                json(ctx, 200, j.result());
            }
        });
    }

    /**
     * The routes of one kind under {@code base}: {@code POST base} runs {@code start} (which
     * submits the job and answers its status), {@code GET base}, {@code GET · DELETE base/{id}},
     * {@code GET base/{id}/result}.
     */
    void routes(Javalin app, String base, Job.Kind kind, Handler start, ResultWriter result) {
        if (start != null) {
            app.post(base, start);
        }
        app.get(base, ctx -> {
            List<Object> out = new ArrayList<>();
            jobs.list(kind).forEach(j -> out.add(j.tree()));
            json(ctx, 200, out);
        });
        app.get(base + "/{id}", ctx -> json(ctx, 200, job(ctx, kind).tree()));
        app.delete(base + "/{id}", ctx -> {
            Job<?> j = job(ctx, kind);
            jobs.cancel(j);
            json(ctx, 200, j.tree());
        });
        app.get(base + "/{id}/result", ctx -> {
            Job<?> j = job(ctx, kind);
            if (j.status() != Job.Status.DONE) {
                throw new ApiException(409, "NOT_READY", j.kind().id() + " job " + j.id() + " is " + j.status().id()
                        + "; its result exists once it is done");
            }
            result.write(ctx, j);
        });
    }

    /** Answers 202 with a just-submitted job's status and its Location. */
    static void accepted(Context ctx, String base, Job<?> job) {
        ctx.header("Location", base + "/" + job.id());
        json(ctx, 202, job.tree());
    }

    private Job<?> job(Context ctx, Job.Kind kind) {
        String id = ctx.pathParam("id");
        return jobs.get(id).filter(j -> kind == null || j.kind() == kind)
                .orElseThrow(() -> ApiException.notFound(kind == Job.Kind.FORECAST ? "run"
                        : kind == null ? "job" : kind.id() + " job", id));
    }
}
