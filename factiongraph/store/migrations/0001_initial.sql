-- factiongraph store, version 1: documents, blocks, full-text search, near-duplicate index,
-- and the claim tables (entities, aliases, mentions, events, relations, quotes) with evidence
-- and resolution judgements. Offsets are character offsets into documents.text.

CREATE TABLE documents (
    doc_id              TEXT PRIMARY KEY,          -- sha256 of the raw bytes
    source              TEXT NOT NULL,             -- path or URL as given
    text                TEXT NOT NULL,             -- canonical text, stored verbatim
    title               TEXT,
    author              TEXT,
    outlet              TEXT,
    published           TEXT,
    published_precision TEXT,
    published_basis     TEXT,
    section             TEXT,
    language            TEXT,
    media_type          TEXT NOT NULL,
    fetched_at          TEXT,
    producer            TEXT NOT NULL,
    word_count          INTEGER NOT NULL DEFAULT 0,
    near_duplicate_of   TEXT REFERENCES documents(doc_id),
    near_duplicate_score REAL,
    supersedes          TEXT,                      -- earlier doc_id from the same source
    superseded_by       TEXT,                      -- set when the same source changed later
    ingested_at         TEXT NOT NULL
);
CREATE INDEX documents_source ON documents(source);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE blocks (
    doc_id  TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    part    TEXT NOT NULL CHECK (part IN ('body', 'caption', 'comment', 'boilerplate')),
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    PRIMARY KEY (doc_id, seq)
);

-- Full-text search over article content (title, body and captions; not chrome or comments).
CREATE VIRTUAL TABLE documents_fts USING fts5(doc_id UNINDEXED, title, content, tokenize = 'unicode61 remove_diacritics 2');

-- MinHash signature per document and its LSH band keys (indexed lookup, no full scan).
CREATE TABLE doc_signatures (
    doc_id    TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    signature TEXT NOT NULL
);
CREATE TABLE doc_bands (
    band   TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    PRIMARY KEY (band, doc_id)
) WITHOUT ROWID;

CREATE TABLE entities (
    entity_id  TEXT PRIMARY KEY,
    type       TEXT NOT NULL,
    name       TEXT NOT NULL,
    in_kb      INTEGER NOT NULL,
    attributes TEXT NOT NULL DEFAULT '{}',
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL
);
CREATE INDEX entities_type ON entities(type);

CREATE TABLE aliases (
    entity_id TEXT NOT NULL REFERENCES entities(entity_id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    key       TEXT NOT NULL,                       -- casefolded lookup key
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX aliases_key ON aliases(key);

CREATE TABLE mentions (
    mention_id TEXT PRIMARY KEY,
    doc_id     TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    entity_id  TEXT REFERENCES entities(entity_id),
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    type       TEXT NOT NULL,
    producer   TEXT NOT NULL,
    confidence REAL NOT NULL,
    in_content INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE events (
    event_id       TEXT PRIMARY KEY,
    type           TEXT NOT NULL,
    sub_type       TEXT NOT NULL,
    date_start     TEXT,
    date_end       TEXT,
    date_precision TEXT,
    location_id    TEXT,
    location_name  TEXT,
    lat            REAL,
    lon            REAL,
    geo_precision  TEXT,
    certainty      TEXT NOT NULL,
    counts         TEXT NOT NULL DEFAULT '{}',
    attrs          TEXT NOT NULL DEFAULT '{}',
    first_seen     TEXT NOT NULL,
    last_seen      TEXT NOT NULL
);
CREATE INDEX events_date ON events(date_start);
CREATE INDEX events_type ON events(type, sub_type);

CREATE TABLE event_participants (
    event_id  TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    role      TEXT NOT NULL CHECK (role IN ('actor', 'target')),
    PRIMARY KEY (event_id, entity_id, role)
) WITHOUT ROWID;
CREATE INDEX event_participants_entity ON event_participants(entity_id);

CREATE TABLE relations (
    relation_id TEXT PRIMARY KEY,
    subject_id  TEXT NOT NULL,
    predicate   TEXT NOT NULL,
    object_id   TEXT NOT NULL,
    attrs       TEXT NOT NULL DEFAULT '{}',
    valid_from  TEXT,
    valid_to    TEXT,
    first_seen  TEXT NOT NULL,
    last_seen   TEXT NOT NULL
);
CREATE INDEX relations_subject ON relations(subject_id);
CREATE INDEX relations_object ON relations(object_id);

CREATE TABLE quotes (
    quote_id     TEXT PRIMARY KEY,
    speaker_id   TEXT,
    speaker_role TEXT,
    via_id       TEXT,
    text         TEXT NOT NULL,
    anonymous    INTEGER NOT NULL DEFAULT 0,
    about        TEXT NOT NULL DEFAULT '[]',
    first_seen   TEXT NOT NULL,
    last_seen    TEXT NOT NULL
);
CREATE INDEX quotes_speaker ON quotes(speaker_id);

-- Provenance: one row per (claim, span). claim_kind is event | relation | quote.
CREATE TABLE evidence (
    evidence_id TEXT PRIMARY KEY,
    claim_kind  TEXT NOT NULL,
    claim_id    TEXT NOT NULL,
    doc_id      TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    producer    TEXT NOT NULL,
    confidence  REAL NOT NULL
);
CREATE INDEX evidence_claim ON evidence(claim_kind, claim_id);
CREATE INDEX evidence_doc ON evidence(doc_id);

-- Resolution judgements: reversible decisions that two ids are (not) the same thing.
CREATE TABLE judgements (
    judgement_id TEXT PRIMARY KEY,
    left_id      TEXT NOT NULL,
    right_id     TEXT NOT NULL,
    verdict      TEXT NOT NULL CHECK (verdict IN ('positive', 'negative', 'unsure')),
    score        REAL,
    producer     TEXT NOT NULL,
    reason       TEXT,
    doc_id       TEXT,
    created_at   TEXT NOT NULL
);
CREATE INDEX judgements_left ON judgements(left_id);
CREATE INDEX judgements_right ON judgements(right_id);
