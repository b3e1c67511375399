/**
 * What io's readers share and nobody else should use: {@link org.parley.io.internal.AbstractYamlReader},
 * the one way YAML nodes are read with problems naming file, line, column and field.
 */
package org.parley.io.internal;
