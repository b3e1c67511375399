package org.parley.cli;

import java.util.Locale;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.sweep.LocalSweepEngine;
import org.parley.sweep.SweepEngine;
import org.parley.sweep.SweepEngines;

import picocli.CommandLine.Option;

/** {@code --engine}, {@code --master} and {@code --partitions}: where the runs of sweep, sensitivity and backtest go. */
final class EngineFlags {

    @Option(names = "--engine", paramLabel = "ENGINE", description = "local (this JVM's threads; default) or spark "
            + "(see 'parley sweep' and the README, 'Sweeps on Apache Spark'); never changes a result")
    String engine = LocalSweepEngine.ID;

    @Option(names = "--master", paramLabel = "URL", description = "with --engine spark: the Spark master, local[*], "
            + "local[N] or spark://HOST:PORT (default: what spark-submit set, else local[*])")
    String master;

    @Option(names = "--partitions", paramLabel = "P", description = "with --engine spark: partitions (default: the "
            + "cluster's default parallelism); never changes a result")
    int partitions;

    /**
     * The engine id, checked before anything runs: a known engine, on the classpath, with options that fit it.
     *
     * @throws ParleyException {@code BAD_OPTION}
     */
    String id() {
        String id = engine.strip().toLowerCase(Locale.ROOT);
        if (!id.equals(LocalSweepEngine.ID) && !id.equals("spark")) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "unknown engine '" + engine + "'; engines: local, spark");
        }
        if (partitions < 0) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "--partitions must be >= 0, was " + partitions);
        }
        if (master != null && id.equals(LocalSweepEngine.ID)) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "--master needs --engine spark");
        }
        if (!SweepEngines.has(id)) {
            throw new ParleyException(ErrorCode.BAD_OPTION, missing(id));
        }
        return id;
    }

    boolean local() {
        return id().equals(LocalSweepEngine.ID);
    }

    /** Opens the engine (starts Spark for {@code spark}); {@code threads} for the local engine. */
    SweepEngine open(int threads) {
        return SweepEngines.open(id(), new SweepEngine.Settings(master, partitions, threads));
    }

    static String missing(String id) {
        return "the " + id + " sweep engine is not on the classpath (the main parley.jar has no Spark in it).\n"
                + "Maybe build it (mvn -B -DskipTests package -pl spark -am) and run\n"
                + "  spark-submit --class org.parley.cli.Parley spark/target/parley-spark.jar sweep FILE --engine spark ...\n"
                + "or, with Spark's jars at hand (spark/target/spark-classpath.txt after that build, or $SPARK_HOME/jars/*),\n"
                + "  java $(cat spark/target/java17-opens.txt) -cp spark/target/parley-spark.jar:$(cat "
                + "spark/target/spark-classpath.txt) org.parley.cli.Parley sweep FILE --engine spark\n"
                + "(README, 'Sweeps on Apache Spark').";
    }
}
