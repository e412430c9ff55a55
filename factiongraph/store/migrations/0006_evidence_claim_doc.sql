-- Evidence of one claim in document order straight from the index: the web profile and event
-- lists read the first rows of a claim and count its distinct documents without touching the
-- table (the claim's rows were sorted by document for every read before). Replaces evidence_claim.
-- Reviewers' judgements (no document) get their own small index.
DROP INDEX IF EXISTS evidence_claim;
CREATE INDEX evidence_claim_doc ON evidence(claim_kind, claim_id, doc_id, start);
CREATE INDEX judgements_reviewed ON judgements(created_at) WHERE doc_id IS NULL;
