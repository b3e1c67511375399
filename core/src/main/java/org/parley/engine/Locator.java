package org.parley.engine;

/**
 * Maps a field path of the scenario model ({@code stances[3].salience}) to where it stands in the
 * file it was read from. Readers implement it; {@link ScenarioValidator} uses it so every problem
 * names file, line, column and the path as the file spells it.
 */
public interface Locator {

    /** Where a model path stands in the file. */
    record Location(String path, int line, int column) {
    }

    /** The file's name, or {@code null} for a scenario built in memory. */
    String file();

    /**
     * The location of a model path, or of its nearest ancestor that has one; {@code null} when
     * nothing is known.
     */
    Location locate(String modelPath);

    /** For scenarios built in memory: paths as they are, no lines. */
    static Locator none() {
        return new Locator() {
            @Override
            public String file() {
                return null;
            }

            @Override
            public Location locate(String modelPath) {
                return null;
            }
        };
    }

    /** Places a problem found at a model path. */
    default ScenarioProblem place(ScenarioProblem p) {
        String path = p.path();
        while (true) {
            Location loc = locate(path);
            if (loc != null) {
                String shown = path.equals(p.path()) ? loc.path() : loc.path() + p.path().substring(path.length());
                return new ScenarioProblem(p.code(), p.severity(), file(), loc.line(), loc.column(), shown,
                        p.message(), p.hint());
            }
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            if (cut <= 0) {
                return p.at(file(), p.line(), p.column());
            }
            path = path.substring(0, cut);
        }
    }
}
