package org.parley.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;

import org.parley.engine.ParleyException;
import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code parley} command. Exit codes: 0 ok, 1 failure, 2 bad input (a file, an option, an
 * unknown id).
 */
@Command(name = "parley", mixinStandardHelpOptions = true, versionProvider = Parley.Version.class,
        description = {"Forecasts multi-party negotiations: who wants what, how much it matters, and where it lands.",
                "With no command, 'parley' runs 'forecast' on the seed scenario."},
        subcommands = {ForecastCommand.class, ValidateCommand.class, ModelsCommand.class, ConvertCommand.class,
                ExplainCommand.class, ServeCommand.class, CompareCommand.class, SensitivityCommand.class,
                BacktestCommand.class, RunsCommand.class, ScenariosCommand.class, RegisterCommand.class, ResolveCommand.class,
                ScoreCommand.class, DraftCommand.class, SweepCommand.class, ReportCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 failure, 2 bad input.",
                "Examples:", "  parley                          forecast the seed scenario with every model",
                "  parley forecast my.yaml --model compromise --format csv",
                "  parley validate my.yaml", "  parley explain --model nash --actor kim",
                "  parley draft article.txt > draft.yaml"})
public final class Parley implements Runnable {

    @Option(names = {"-v", "--verbose"}, description = "print stack traces of failures", scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code;
        try {
            // one command line: building it reflects over every command's annotations (route used to build a second);
            // a named command gets a command line with that command alone (see commandLineFor)
            CommandLine cl = args.length == 0 ? null : commandLineFor(args[0]);
            if (cl == null) {
                cl = commandLine();
            }
            code = cl.execute(route(cl, args));
        } catch (StackOverflowError | OutOfMemoryError e) {
            // a last net: budgets and input limits should stop this before it happens
            System.err.println("parley: failed: " + (e instanceof OutOfMemoryError ? "out of memory" : "input nested too deeply")
                    + " (" + e.getClass().getSimpleName() + "); run with -v for details"
                    + (e instanceof OutOfMemoryError ? ", or raise the heap with PARLEY_JAVA_OPTS=-Xmx..." : ""));
            if (java.util.Arrays.asList(args).contains("-v") || java.util.Arrays.asList(args).contains("--verbose")) {
                e.printStackTrace();
            }
            code = 1;
        }
        System.exit(code);
    }

    /**
     * {@code parley ARGS} where ARGS does not start with a command means {@code parley forecast
     * ARGS}: {@code parley --format csv} and {@code parley my.yaml} forecast.
     */
    public static String[] route(String... args) {
        return args.length == 0 ? args : route(commandLine(), args);
    }

    /** {@link #route(String...)} against an already built command line. */
    static String[] route(CommandLine cl, String... args) {
        if (args.length == 0) {
            return args;
        }
        String first = args[0];
        boolean command = cl.getSubcommands().containsKey(first);
        boolean topLevel = first.equals("-h") || first.equals("--help") || first.equals("-V") || first.equals("--version");
        if (command || topLevel) {
            return args;
        }
        String[] routed = new String[args.length + 1];
        routed[0] = "forecast";
        System.arraycopy(args, 0, routed, 1, args.length);
        return routed;
    }

    /** The configured command line, for {@code main} and for tests. */
    public static CommandLine commandLine() {
        return configured(new CommandLine(new Parley()));
    }

    /**
     * A command line that knows only the command named {@code name} (with its own subcommands), or
     * null when {@code name} is not a command or is {@code help}: picocli reflects over every
     * command's annotations when it builds a command line (about 0.1 s of start-up for the 17 that
     * a run of one command never reads). Parsing, execution, messages and exit codes are those of
     * {@link #commandLine()}: the command is the same class under a top-level command of the same
     * name, with the same inherited {@code -v} and the same handlers ({@code LeanCommandLineTest}).
     */
    static CommandLine commandLineFor(String name) {
        if (name.equals("help")) {
            return null;
        }
        for (Class<?> c : Parley.class.getAnnotation(Command.class).subcommands()) {
            Command command = c.getAnnotation(Command.class);
            if (command != null && command.name().equals(name)) {
                CommandLine cl = new CommandLine(new Top());
                cl.addSubcommand(name, new CommandLine(c));
                return configured(cl);
            }
        }
        return null;
    }

    /** The top-level command of {@link #commandLineFor}: {@code parley} with its inherited option only. */
    @Command(name = "parley")
    static final class Top implements Runnable {

        @Option(names = {"-v", "--verbose"}, description = "print stack traces of failures",
                scope = CommandLine.ScopeType.INHERIT)
        boolean verbose;

        @Override
        public void run() {
            throw new IllegalStateException("a lean command line always runs its command");
        }
    }

    private static CommandLine configured(CommandLine cl) {
        cl.setExecutionExceptionHandler(Parley::handle);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("parley: " + ScenarioProblem.printable(ex.getMessage(), true));
            err.println("Maybe see 'parley " + (ex.getCommandLine().getCommandName().equals("parley") ? ""
                    : ex.getCommandLine().getCommandName() + " ") + "--help'.");
            err.flush();
            return 2;
        });
        return cl;
    }

    @Override
    public void run() {
        CommandLine fc = spec.commandLine().getSubcommands().get("forecast");
        fc.setOut(spec.commandLine().getOut());
        fc.setErr(spec.commandLine().getErr());
        int code = fc.execute();
        if (code != 0) {
            throw new ExitCode(code);
        }
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parse) {
        PrintWriter err = cl.getErr();
        boolean verbose = parse != null && isVerbose(parse);
        if (ex instanceof ExitCode) {
            return ((ExitCode) ex).code;
        }
        if (ex instanceof ScenarioException) {
            for (ScenarioProblem p : ((ScenarioException) ex).problems()) {
                err.println(p.format());
            }
            err.flush();
            return 2;
        }
        if (ex instanceof ParleyException) {
            err.println("parley: " + ScenarioProblem.printable(ex.getMessage(), true));
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ((ParleyException) ex).code().exitCode();
        }
        if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
            // a file or folder named on the command line that cannot be read or written: say which, in words
            java.io.IOException io = ex instanceof java.io.IOException ? (java.io.IOException) ex
                    : ((java.io.UncheckedIOException) ex).getCause();
            String what = ex instanceof java.io.UncheckedIOException && ex.getMessage() != null
                    && !ex.getMessage().equals(String.valueOf(io)) ? ex.getMessage() + ": " : "cannot read or write: ";
            err.println("parley: " + ScenarioProblem.printable(what + org.parley.io.TextFile.describe(io), true));
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 2;
        }
        err.println("parley: failed: " + ScenarioProblem.printable(String.valueOf(ex), true));
        if (verbose) {
            ex.printStackTrace(err);
        } else {
            err.println("(run with -v for the stack trace)");
        }
        err.flush();
        return 1;
    }

    private static boolean isVerbose(CommandLine.ParseResult parse) {
        CommandLine.ParseResult p = parse;
        while (p != null) {
            if (p.hasMatchedOption("-v")) {
                return true;
            }
            p = p.subcommand();
        }
        return false;
    }

    /** Carries a sub-command's exit code through {@link #run()}. */
    static final class ExitCode extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        ExitCode(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Parley.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"parley " + p.getProperty("version", "dev"), "Java " + System.getProperty("java.version")};
        }
    }
}
