/**
 * JMH benchmarks and timing mains (not part of the test run): models, Monte Carlo, backtest, store.
 */
package org.parley.bench;
