// The persistent ledger: documents (with revisions), their candidate incidents, the
// incidents built from them and the history of every claim's arrival, in SQLite or
// PostgreSQL behind one interface. Ingest re-clusters only the blocks it touches.
// Not thread-safe: one LedgerStore per thread; many processes may share one database.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "claims/claim_types.h"
#include "core/document.h"
#include "core/status.h"
#include "core/string_table.h"
#include "incidents/incident.h"
#include "store/sql.h"

namespace crosscheck::store {

using Json = nlohmann::ordered_json;

inline constexpr int kSchemaVersion = 3;
// The version that added candidate_keys (the blocking keys of every stored candidate).
inline constexpr int kBlockingKeysVersion = 3;

// One analysed document as the store takes it: metadata, cleaned text, candidates.
struct IngestItem {
  Document doc;
  std::vector<claims::CandidateIncident> candidates;
};

enum class IngestAction { kAdded, kUnchanged, kRevised };
const char* IngestActionName(IngestAction action);

struct IngestReport {
  size_t added = 0;
  size_t unchanged = 0;
  size_t revised = 0;
  size_t incidents_rebuilt = 0;
  size_t retries = 0;
  std::vector<std::pair<std::string, IngestAction>> documents;
};

// Test seam: called inside the transaction just before COMMIT.
struct IngestHooks {
  std::function<void()> before_commit;
};

struct NearFilter {
  double lat = 0;
  double lon = 0;
  double km = 0;
};
// "34.45,40.92,25" -> lat, lon, radius in km.
Result<NearFilter> ParseNear(const std::string& text);

struct IncidentFilter {
  std::string place;   // a place name or any raw mention, case-insensitive substring
  std::optional<NearFilter> near;
  std::string from;    // ISO dates: incidents whose date range overlaps [from, to]
  std::string to;
  std::string actor;   // any source or actor named in the claims, case-insensitive substring
  std::string status;  // attribution_status
  std::string type;    // event_type
  std::string text;    // full-text words over the incident's documents
  bool include_background = true;
  size_t limit = 0;    // 0: all
  size_t offset = 0;
};
// Checks the vocabularies and date formats of a filter: a kInvalidArgument naming the field.
Status ValidateFilter(const IncidentFilter& filter);

struct StoredDocument {
  Document doc;  // metadata and cleaned text
  std::string content_hash;
  int64_t revision = 0;
  std::string ingested_at;
  std::vector<claims::CandidateIncident> candidates;
  std::vector<std::string> incidents;  // ids of the incidents its candidates belong to
};

struct HistoryEntry {
  int64_t seq = 0;
  std::string arrived_at;
  std::string doc;
  int64_t revision = 0;
  std::string kind;  // document | attribution | casualty
  Json detail;
};

struct StoreCounts {
  int64_t documents = 0;
  int64_t revisions = 0;
  int64_t candidates = 0;
  int64_t incidents = 0;
  int64_t history = 0;
};

class LedgerStore {
 public:
  // "crosscheck.db", "sqlite:PATH" or "postgres://user@host:port/db"; migrates the schema.
  static Result<std::unique_ptr<LedgerStore>> Open(const std::string& uri);
  ~LedgerStore();

  Dialect dialect() const { return sql_->dialect(); }
  Result<int> SchemaVersion();

  // One transaction for the whole batch; retried on deadlocks and lock timeouts.
  Result<IngestReport> Ingest(const std::vector<IngestItem>& batch, const std::string& data_version = "",
                              const IngestHooks& hooks = {});

  // Incidents as crosscheck.ledger/1 incident objects, ordered by date then id.
  Result<std::vector<Json>> FindIncidents(const IncidentFilter& filter);
  Result<std::optional<Json>> GetIncident(const std::string& id);
  Result<std::vector<HistoryEntry>> History(const std::string& incident_id);
  Result<std::optional<StoredDocument>> GetDocument(const std::string& id);
  // A crosscheck.ledger/1 document holding `incidents` and the documents they cite.
  Result<Json> Ledger(const std::vector<Json>& incidents);
  // The incidents rebuilt from their stored member candidates, in the order given: what
  // answering a question needs (every claim with its evidence), not only the ledger JSON.
  Result<std::vector<incidents::Incident>> IncidentObjects(const std::vector<Json>& incidents);
  Result<StoreCounts> Counts();

 private:
  explicit LedgerStore(std::unique_ptr<SqlConnection> sql) : sql_(std::move(sql)) {}
  Status Migrate();
  Status IngestOnce(const std::vector<IngestItem>& batch, const std::string& data_version, const IngestHooks& hooks,
                    IngestReport* report);

  // Stored candidates parsed once per process: an ingest meets a large incident's members
  // batch after batch. Keyed by the stored JSON itself, so a revision is never stale.
  Result<std::shared_ptr<const claims::CandidateIncident>> ParsedCandidate(const std::string& body);
  static constexpr size_t kParsedCacheSize = 20000;
  StringTable<std::shared_ptr<const claims::CandidateIncident>> parsed_;

  Status InsertBlockingKeys(const std::string& doc_id, int64_t idx, const claims::CandidateIncident& candidate);
  Status BackfillBlockingKeys();
  // Rows of `sql_before IN (keys...) sql_after`, the keys sent in chunks of kInListSize.
  Result<std::vector<SqlRow>> QueryIn(const std::string& sql_before, const std::vector<std::string>& keys,
                                      const std::string& sql_after);
  static constexpr size_t kInListSize = 256;

  std::unique_ptr<SqlConnection> sql_;
};

// Content hash of a document as stored: SHA-256 over the cleaned text and metadata.
std::string ContentHash(const Document& doc);

}  // namespace crosscheck::store
