package org.parley.engine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario that cannot be used, with every problem found in it: at least one error, and the
 * warnings found with them (a reader lists them in the order of the file).
 */
public final class ScenarioException extends ParleyException {

    private static final long serialVersionUID = 1L;

    private final transient List<ScenarioProblem> problems;

    public ScenarioException(List<ScenarioProblem> problems) {
        super(ErrorCode.BAD_INPUT, problems.stream().map(ScenarioProblem::format).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ScenarioProblem> problems() {
        return problems;
    }

    /** The errors among {@link #problems()}. */
    public List<ScenarioProblem> errors() {
        return problems.stream().filter(ScenarioProblem::isError).toList();
    }
}
