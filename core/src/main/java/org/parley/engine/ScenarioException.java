package org.parley.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario that cannot be used, with every problem found in it (errors first). */
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
}
