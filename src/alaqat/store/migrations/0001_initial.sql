-- Documents, facts with typed columns + JSON, evidence offsets, entities and their mentions, full-text index.
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    doc          TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    source       TEXT,
    url          TEXT,
    title        TEXT,
    published    TEXT,
    original     TEXT NOT NULL,
    body         TEXT NOT NULL,
    ingested_at  TEXT NOT NULL
);
CREATE INDEX documents_hash ON documents (content_hash);

CREATE TABLE facts (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    type        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    evidence    TEXT NOT NULL,
    confidence  REAL,
    countries   TEXT NOT NULL DEFAULT '',
    date        TEXT,
    status      TEXT,
    data        TEXT NOT NULL
);
CREATE INDEX facts_document ON facts (document_id);
CREATE INDEX facts_type ON facts (type, date);

CREATE TABLE fact_countries (
    fact_id INTEGER NOT NULL REFERENCES facts (id) ON DELETE CASCADE,
    country TEXT NOT NULL,
    PRIMARY KEY (fact_id, country)
);
CREATE INDEX fact_countries_country ON fact_countries (country);

CREATE TABLE entities (
    id      INTEGER PRIMARY KEY,
    kind    TEXT NOT NULL,
    name    TEXT NOT NULL,
    country TEXT,
    key     TEXT NOT NULL,
    UNIQUE (kind, key)
);

CREATE TABLE entity_mentions (
    entity_id   INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL
);
CREATE INDEX entity_mentions_entity ON entity_mentions (entity_id);
CREATE INDEX entity_mentions_document ON entity_mentions (document_id);

CREATE VIRTUAL TABLE search_index USING fts5 (
    terms, kind UNINDEXED, ref UNINDEXED, document_id UNINDEXED, tokenize = 'unicode61'
);
