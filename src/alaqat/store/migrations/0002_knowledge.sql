-- Knowledge across articles (issue 6): duplicate clusters, events, contradictions, canonical entities.
-- Everything here but doc_signatures and entity_decisions is recomputed by alaqat.knowledge.api.rebuild.

-- MinHash signature of each document's folded body, kept so a rebuild only hashes new documents.
CREATE TABLE doc_signatures (
    document_id  INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    content_hash TEXT NOT NULL,
    shingles     INTEGER NOT NULL,
    signature    BLOB NOT NULL
);

-- Near-duplicate clusters: one row per document in a cluster of two or more.
CREATE TABLE dup_clusters (
    document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    cluster     INTEGER NOT NULL,
    similarity  REAL
);
CREATE INDEX dup_clusters_cluster ON dup_clusters (cluster);

CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    type       TEXT NOT NULL,
    countries  TEXT NOT NULL DEFAULT '',
    date       TEXT,
    dated      INTEGER NOT NULL DEFAULT 1,
    sort_date  TEXT,
    status     TEXT,
    due        TEXT,
    data       TEXT NOT NULL,
    why        TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX events_type ON events (type, sort_date);

CREATE TABLE event_countries (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    country  TEXT NOT NULL,
    PRIMARY KEY (event_id, country)
);
CREATE INDEX event_countries_country ON event_countries (country);

CREATE TABLE event_sources (
    event_id    INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    fact_id     INTEGER NOT NULL REFERENCES facts (id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    duplicate   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, fact_id)
);
CREATE INDEX event_sources_fact ON event_sources (fact_id);

CREATE TABLE contradictions (
    id       INTEGER PRIMARY KEY,
    event_a  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    event_b  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    detail   TEXT NOT NULL
);
CREATE INDEX contradictions_a ON contradictions (event_a);
CREATE INDEX contradictions_b ON contradictions (event_b);

CREATE TABLE canonical_entities (
    id      INTEGER PRIMARY KEY,
    kind    TEXT NOT NULL,
    name    TEXT NOT NULL,
    country TEXT,
    key     TEXT NOT NULL
);
CREATE INDEX canonical_entities_kind ON canonical_entities (kind, name);

CREATE TABLE entity_aliases (
    entity_id INTEGER NOT NULL REFERENCES canonical_entities (id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    key       TEXT NOT NULL,
    mentions  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity_id, key)
);
CREATE INDEX entity_aliases_key ON entity_aliases (key);

-- Manual curation, by alias keys (ids change on rebuild): re-applied on every rebuild.
CREATE TABLE entity_decisions (
    id         INTEGER PRIMARY KEY,
    action     TEXT NOT NULL,
    kind       TEXT NOT NULL,
    key_a      TEXT NOT NULL,
    key_b      TEXT NOT NULL,
    created_at TEXT NOT NULL
);
