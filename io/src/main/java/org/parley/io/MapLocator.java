package org.parley.io;

import java.util.LinkedHashMap;
import java.util.Map;

import org.parley.engine.Locator;

/** A {@link Locator} filled by a reader as it goes: model path to the file's path, line and column. */
public final class MapLocator implements Locator {

    private final String file;
    private final Map<String, Location> locations = new LinkedHashMap<>();

    public MapLocator(String file) {
        this.file = file;
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public Location locate(String modelPath) {
        return locations.get(modelPath);
    }

    /** Records where a model path stands. The first record of a path wins. */
    public void put(String modelPath, String filePath, int line, int column) {
        locations.putIfAbsent(modelPath, new Location(filePath, line, column));
    }

    /** For line-based formats: the model path is shown as is, with its line and column. */
    public void put(String modelPath, int line, int column) {
        put(modelPath, modelPath, line, column);
    }
}
