/**
 * Scenarios in and out: {@link org.parley.io.Scenarios} reads any supported format (detected or
 * named by {@link org.parley.io.ScenarioFormat}) and runs every check, reporting problems with file,
 * line and column; {@link org.parley.io.YamlScenarioReader} reads Parley YAML and JSON,
 * {@link org.parley.io.ScenarioWriter} writes them; the other tools' formats have their readers here
 * too (KTAB SMP CSV and XML, Bueno de Mesquita tables, the exchange model's {@code #A/#P/#M/#D}
 * files); {@link org.parley.io.TextFile} reads text safely (size, binary, BOM, line endings);
 * {@link org.parley.io.Json} is the one JSON reader and writer of io. The subpackages (backtest files,
 * result writers, reports, charts) depend on this one, never the other way round;
 * {@code org.parley.io.internal} holds what the readers share ({@code AbstractYamlReader}).
 */
package org.parley.io;
