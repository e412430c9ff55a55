-- Version 4: a document's address (from a manifest, a feed item or the fetch), the entity of
-- its publishing outlet, and where each metadata value came from (JSON: field -> basis).
ALTER TABLE documents ADD COLUMN url TEXT;
ALTER TABLE documents ADD COLUMN outlet_id TEXT;
ALTER TABLE documents ADD COLUMN metadata_basis TEXT NOT NULL DEFAULT '{}';
CREATE INDEX documents_outlet ON documents(outlet_id);
