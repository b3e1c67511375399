package org.parley.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The schema, as numbered migrations. A migration is never edited once released: a change is a
 * new migration. {@link Store#open} applies the missing ones in one transaction and records the
 * version in {@code parley_schema}.
 */
final class Migrations {

    /** The newest schema version this build knows. */
    static final int CURRENT = 3;

    private Migrations() {
    }

    /** The statements that bring a store from version {@code from} to {@link #CURRENT}. */
    static List<String> from(int from, Dialect d) {
        List<String> out = new ArrayList<>();
        if (from < 1) {
            out.addAll(v1(d));
        }
        if (from < 2) {
            out.addAll(v2());
        }
        if (from < 3) {
            out.addAll(v3());
        }
        return out;
    }

    /**
     * The texts of a scenario's sources (the articles its values cite), by scenario and source id:
     * the web app's attached articles survive a restart.
     */
    private static List<String> v3() {
        List<String> s = new ArrayList<>();
        s.add("CREATE TABLE source_texts (scenario TEXT NOT NULL, source TEXT NOT NULL, saved TEXT NOT NULL, "
                + "text TEXT NOT NULL, PRIMARY KEY (scenario, source))");
        return s;
    }

    /**
     * Registry honesty: the model-error calibration a registration used, whether only the point was
     * registered, and each forecast's calibrated model-error interval.
     */
    private static List<String> v2() {
        List<String> s = new ArrayList<>();
        s.add("ALTER TABLE registrations ADD COLUMN calibration TEXT");
        s.add("ALTER TABLE registrations ADD COLUMN point_only INTEGER");
        s.add("ALTER TABLE registered_forecasts ADD COLUMN model_error_lo DOUBLE PRECISION");
        s.add("ALTER TABLE registered_forecasts ADD COLUMN model_error_hi DOUBLE PRECISION");
        return s;
    }

    private static List<String> v1(Dialect d) {
        String id = d.identity();
        String blob = d.blob();
        List<String> s = new ArrayList<>();
        // every saved version of every scenario; content is the canonical JSON, hash its SHA-256
        s.add("CREATE TABLE scenario_versions ("
                + "id " + id + ", "
                + "scenario TEXT NOT NULL, "
                + "version INTEGER NOT NULL, "
                + "hash TEXT NOT NULL, "
                + "parent BIGINT REFERENCES scenario_versions(id), "
                + "author TEXT NOT NULL, "
                + "created TEXT NOT NULL, "
                + "title TEXT NOT NULL, "
                + "content TEXT NOT NULL, "
                + "UNIQUE (scenario, version))");
        s.add("CREATE INDEX scenario_versions_hash ON scenario_versions (scenario, hash)");
        // one row per forecast saved (a 'run' of the CLI: several worlds, models and Monte Carlo runs)
        s.add("CREATE TABLE runs ("
                + "id " + id + ", "
                + "scenario_version BIGINT NOT NULL REFERENCES scenario_versions(id), "
                + "models TEXT NOT NULL, "
                + "worlds TEXT NOT NULL, "
                + "options TEXT NOT NULL, "
                + "seed BIGINT NOT NULL, "
                + "runs INTEGER NOT NULL, "
                + "rounds INTEGER NOT NULL, "
                + "code_version TEXT NOT NULL, "
                + "author TEXT NOT NULL, "
                + "started TEXT NOT NULL, "
                + "millis BIGINT NOT NULL, "
                + "status TEXT NOT NULL, "
                + "trajectories TEXT NOT NULL, "
                + "warnings TEXT NOT NULL)");
        s.add("CREATE INDEX runs_scenario_version ON runs (scenario_version)");
        // the resolved options of each model of a run
        s.add("CREATE TABLE run_models ("
                + "run_id BIGINT NOT NULL REFERENCES runs(id), "
                + "ordinal INTEGER NOT NULL, "
                + "model TEXT NOT NULL, "
                + "options TEXT NOT NULL, "
                + "PRIMARY KEY (run_id, model))");
        // aggregates per (world, model, issue): always stored; samples = every run's forecast, deflated
        s.add("CREATE TABLE forecasts ("
                + "run_id BIGINT NOT NULL REFERENCES runs(id), "
                + "ordinal INTEGER NOT NULL, "
                + "world TEXT NOT NULL, "
                + "model TEXT NOT NULL, "
                + "issue TEXT NOT NULL, "
                + "status_quo DOUBLE PRECISION, "
                + "point DOUBLE PRECISION, "
                + "n INTEGER NOT NULL, "
                + "mean DOUBLE PRECISION, "
                + "sd DOUBLE PRECISION, "
                + "min DOUBLE PRECISION, "
                + "p05 DOUBLE PRECISION, "
                + "p25 DOUBLE PRECISION, "
                + "p50 DOUBLE PRECISION, "
                + "p75 DOUBLE PRECISION, "
                + "p95 DOUBLE PRECISION, "
                + "max DOUBLE PRECISION, "
                + "stop_reason TEXT NOT NULL, "
                + "samples " + blob + " NOT NULL, "
                + "PRIMARY KEY (run_id, world, model, issue))");
        // trajectories: run 0 of each (world, model) always, every run only when asked
        // ordinal = position in the result's (world, model, run) order, so loading needs no sort
        s.add("CREATE TABLE trajectories ("
                + "run_id BIGINT NOT NULL REFERENCES runs(id), "
                + "ordinal INTEGER NOT NULL, "
                + "world TEXT NOT NULL, "
                + "model TEXT NOT NULL, "
                + "run_index INTEGER NOT NULL, "
                + "seed BIGINT NOT NULL, "
                + "data " + blob + " NOT NULL, "
                + "PRIMARY KEY (run_id, ordinal))");
        // the forecast registry: immutable records
        s.add("CREATE TABLE registrations ("
                + "id " + id + ", "
                + "run_id BIGINT NOT NULL REFERENCES runs(id), "
                + "world TEXT NOT NULL, "
                + "issue TEXT NOT NULL, "
                + "question TEXT NOT NULL, "
                + "resolves_by TEXT NOT NULL, "
                + "threshold DOUBLE PRECISION, "
                + "above INTEGER, "
                + "supersedes BIGINT REFERENCES registrations(id), "
                + "author TEXT NOT NULL, "
                + "created TEXT NOT NULL)");
        s.add("CREATE TABLE registered_forecasts ("
                + "registration_id BIGINT NOT NULL REFERENCES registrations(id), "
                + "ordinal INTEGER NOT NULL, "
                + "model TEXT NOT NULL, "
                + "point DOUBLE PRECISION, "
                + "lo DOUBLE PRECISION, "
                + "hi DOUBLE PRECISION, "
                + "probability DOUBLE PRECISION, "
                + "n INTEGER NOT NULL, "
                + "PRIMARY KEY (registration_id, model))");
        s.add("CREATE TABLE resolutions ("
                + "id " + id + ", "
                + "registration_id BIGINT NOT NULL REFERENCES registrations(id), "
                + "outcome DOUBLE PRECISION NOT NULL, "
                + "resolved_on TEXT NOT NULL, "
                + "source TEXT NOT NULL, "
                + "author TEXT NOT NULL, "
                + "created TEXT NOT NULL)");
        s.add("CREATE INDEX resolutions_registration ON resolutions (registration_id)");
        s.addAll(d.immutable("registrations"));
        s.addAll(d.immutable("registered_forecasts"));
        s.addAll(d.immutable("resolutions"));
        return s;
    }
}
