/**
 * Stokman's exchange model (Equal Gain, decide-exchange-model): {@link org.parley.models.exchange.ExchangeModel}
 * is the entry; an {@code Engine} (double or 28-digit decimal arithmetic) finds the candidate
 * exchanges ({@code Candidate}, {@code Side}) of a round and realises them in order of gain.
 */
package org.parley.models.exchange;
