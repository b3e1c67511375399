/**
 * {@code parley draft}: a news article to a scenario draft with provenance. The pipeline
 * ({@link org.parley.nlp.Drafter}): {@link org.parley.nlp.Segmenter} (headline, date, dateline,
 * sentences numbered as provenance counts them, OpenNLP tokens, page residue),
 * {@link org.parley.nlp.MentionFinder} and {@link org.parley.nlp.Resolver} (gazetteer, dated
 * leaders, name-part aliases, affiliations), {@link org.parley.nlp.ClaimExtractor} (demands, aims,
 * offers, trades, conditions, attribution), {@link org.parley.nlp.Issues}; the result is a
 * format-free {@link org.parley.nlp.Draft}. Only {@link org.parley.nlp.DraftWriter} knows the
 * scenario format; {@link org.parley.nlp.DraftMerge} merges a draft into an edited scenario;
 * {@link org.parley.nlp.ArticleInput} refuses what is not an English article.
 */
package org.parley.nlp;
