#include "store/schema.h"

namespace crosscheck::store {
namespace {

// Written once with type placeholders so that both dialects keep the same tables.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
  doc_id TEXT PRIMARY KEY,
  revision {INT} NOT NULL,
  content_hash TEXT NOT NULL,
  title TEXT, published TEXT, outlet TEXT, url TEXT, language TEXT, origin TEXT,
  text TEXT NOT NULL,
  ingested_at TEXT NOT NULL);
CREATE INDEX documents_url ON documents (url);
CREATE TABLE document_revisions (
  doc_id TEXT NOT NULL,
  revision {INT} NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  url TEXT,
  ingested_at TEXT NOT NULL,
  PRIMARY KEY (doc_id, revision));
CREATE TABLE candidates (
  doc_id TEXT NOT NULL,
  idx {INT} NOT NULL,
  placed {INT} NOT NULL,
  block_lat {INT} NOT NULL,
  block_lon {INT} NOT NULL,
  background {INT} NOT NULL,
  incident_id TEXT,
  body TEXT NOT NULL,
  PRIMARY KEY (doc_id, idx));
CREATE INDEX candidates_block ON candidates (placed, block_lat, block_lon);
CREATE INDEX candidates_incident ON candidates (incident_id);
CREATE TABLE incidents (
  id TEXT PRIMARY KEY,
  date_earliest TEXT, date_latest TEXT,
  lat {REAL}, lon {REAL}, geonameid {INT},
  place_name TEXT, country TEXT,
  event_type TEXT NOT NULL, status TEXT NOT NULL, background {INT} NOT NULL,
  killed_min {INT}, killed_max {INT},
  place_text TEXT NOT NULL, actor_text TEXT NOT NULL,
  body TEXT NOT NULL);
CREATE INDEX incidents_date ON incidents (date_earliest, id);
CREATE INDEX incidents_latlon ON incidents (lat, lon);
CREATE INDEX incidents_geonameid ON incidents (geonameid);
CREATE INDEX incidents_status ON incidents (status);
CREATE INDEX incidents_type ON incidents (event_type);
CREATE TABLE incident_history (
  seq {SERIAL},
  doc_id TEXT NOT NULL,
  revision {INT} NOT NULL,
  arrived_at TEXT NOT NULL,
  kind TEXT NOT NULL,
  detail TEXT NOT NULL);
CREATE INDEX incident_history_doc ON incident_history (doc_id, seq);
)sql";

constexpr const char* kVersion1Sqlite =
    "CREATE VIRTUAL TABLE documents_fts USING fts5(doc_id UNINDEXED, title, text, tokenize = 'porter unicode61');";
constexpr const char* kVersion1Postgres =
    "ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED;"
    "CREATE INDEX documents_tsv ON documents USING GIN (tsv);";

// Version 2: clustering pairs coarse places (a country, a province) with every
// candidate of their country, and only dates a day apart: the columns that find those
// partners, filled from the stored candidate JSON. Fine places stay in grid cells.
constexpr const char* kVersion2Sqlite = R"sql(
ALTER TABLE candidates ADD COLUMN coarse INTEGER NOT NULL DEFAULT 0;
ALTER TABLE candidates ADD COLUMN country TEXT;
ALTER TABLE candidates ADD COLUMN day INTEGER;
UPDATE candidates SET
  country = CASE WHEN json_extract(body, '$.place.resolved') THEN NULLIF(json_extract(body, '$.place.country'), '') END,
  coarse = CASE WHEN json_extract(body, '$.place.resolved') AND json_extract(body, '$.place.precision') >= 4 THEN 1 ELSE 0 END,
  day = json_extract(body, '$.date.earliest');
UPDATE candidates SET placed = 0 WHERE coarse = 1;
CREATE INDEX candidates_block_day ON candidates (placed, block_lat, block_lon, day);
CREATE INDEX candidates_country ON candidates (country, coarse, day);
)sql";
constexpr const char* kVersion2Postgres = R"sql(
ALTER TABLE candidates ADD COLUMN coarse BIGINT NOT NULL DEFAULT 0, ADD COLUMN country TEXT, ADD COLUMN day BIGINT;
UPDATE candidates SET
  country = CASE WHEN (body::jsonb #>> '{place,resolved}') = 'true' THEN NULLIF(body::jsonb #>> '{place,country}', '') END,
  coarse = CASE WHEN (body::jsonb #>> '{place,resolved}') = 'true' AND (body::jsonb #>> '{place,precision}')::int >= 4
           THEN 1 ELSE 0 END,
  day = (body::jsonb #>> '{date,earliest}')::bigint;
UPDATE candidates SET placed = 0 WHERE coarse = 1;
CREATE INDEX candidates_block_day ON candidates (placed, block_lat, block_lon, day);
CREATE INDEX candidates_country ON candidates (country, coarse, day);
)sql";

// Version 3: the blocking keys of every candidate (incidents::BlockingKeysOf), so that an
// ingest fetches a new candidate's possible partners by key instead of whole cells; the
// rows of older ledgers are filled by LedgerStore::BackfillBlockingKeys.
constexpr const char* kVersion3 = R"sql(
CREATE TABLE candidate_keys (key TEXT NOT NULL, doc_id TEXT NOT NULL, idx {INT} NOT NULL);
CREATE INDEX candidate_keys_key ON candidate_keys (key);
CREATE INDEX candidate_keys_candidate ON candidate_keys (doc_id, idx);
)sql";

std::string Expand(std::string sql, Dialect dialect) {
  auto replace_all = [&](const std::string& from, const std::string& to) {
    for (size_t at = sql.find(from); at != std::string::npos; at = sql.find(from, at + to.size())) sql.replace(at, from.size(), to);
  };
  bool sqlite = dialect == Dialect::kSqlite;
  replace_all("{INT}", sqlite ? "INTEGER" : "BIGINT");
  replace_all("{REAL}", sqlite ? "REAL" : "DOUBLE PRECISION");
  replace_all("{SERIAL}", sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY");
  return sql;
}

}  // namespace

std::vector<std::string> Migrations(Dialect dialect) {
  std::string v1 = Expand(kVersion1, dialect) + (dialect == Dialect::kSqlite ? kVersion1Sqlite : kVersion1Postgres);
  std::string v2 = dialect == Dialect::kSqlite ? kVersion2Sqlite : kVersion2Postgres;
  return {v1, v2, Expand(kVersion3, dialect)};
}

}  // namespace crosscheck::store
