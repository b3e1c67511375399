/**
 * Stokman's exchange model (Equal Gain, decide-exchange-model): {@link org.parley.models.exchange.ExchangeModel}
 * is the entry; an {@code Engine} finds the candidate exchanges ({@code Candidate}, {@code Side}) of a
 * round and realises them in order of gain from a {@code CandidateQueue}, written once over an
 * {@code Arithmetic} (doubles, or 28-digit decimals as the Python code) whose {@code Sums} over
 * actors are the hot loops.
 */
package org.parley.models.exchange;
