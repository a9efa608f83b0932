/**
 * Knowledge hub: the evidence behind a decision, at hand. A well-behaved client of NCBI's E-utilities ({@link
 * org.cdss.knowledge.Pubmed}: rate limited to NCBI's policy, retries with back-off, a cache, a clear "PubMed
 * unreachable" problem), RSS/Atom feeds fetched on a schedule ({@link org.cdss.knowledge.FeedAggregator}), the
 * hospital's own documents with text extraction and a Lucene full-text index (Korean with nori) that every instance
 * rebuilds from the database and keeps current by polling the document change log ({@link
 * org.cdss.knowledge.DocumentLibrary}, ADR 0023 and 0024), saved articles per user, and evidence for a clinical
 * context (a drug pair, a diagnosis, an order).
 *
 * <p>Holds no patient data: the evidence endpoints take terms (drug names, a diagnosis), never a patient id, so
 * nothing here is audited as a patient-data read. Uses no other module: the UI that shows an alert, a diagnosis or an
 * order builds the terms itself.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Knowledge hub",
        allowedDependencies = {"shared"})
@org.jspecify.annotations.NullMarked
package org.cdss.knowledge;
