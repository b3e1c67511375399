/**
 * The {@code parley} command: {@link org.parley.cli.Parley} routes to one picocli class per
 * subcommand; output goes through {@code spec.commandLine().getOut()}; exit 0 ok, 1 failure, 2 bad input.
 */
package org.parley.cli;
