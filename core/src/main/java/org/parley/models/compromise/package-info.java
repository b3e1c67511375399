/**
 * The compromise model: the capability x salience weighted mean of the positions (Achen 2006; van
 * den Bos 1991), with the {@code weights} option.
 */
package org.parley.models.compromise;
