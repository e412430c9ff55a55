-- Version 2: keep each mention's sentence span, so profiles show the sentence that names it
-- without re-running spaCy, and index quotes by what they are about.
ALTER TABLE mentions ADD COLUMN sentence_start INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mentions ADD COLUMN sentence_end INTEGER NOT NULL DEFAULT 0;

CREATE TABLE quote_about (
    quote_id  TEXT NOT NULL REFERENCES quotes(quote_id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (quote_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX quote_about_entity ON quote_about(entity_id);
