#include "store/ledger_store.h"

#include <openssl/evp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <map>
#include <numeric>
#include <set>
#include <sstream>

#include "core/date.h"
#include "core/geo.h"
#include "incidents/cluster.h"
#include "incidents/ledger_json.h"
#include "incidents/reconcile.h"
#include "store/candidate_json.h"
#include "store/schema.h"

namespace crosscheck::store {
namespace {

// Must match the blocking of incidents::Cluster (cluster.cc, kBlockDegrees): a
// candidate can only merge with candidates of its own and the 8 neighbouring cells.
constexpr double kBlockDegrees = 0.5;
// Advisory lock keys: a namespace in the high bits keeps them apart from other users.
constexpr int64_t kLockNamespace = int64_t{0x4343} << 48;  // "CC"
constexpr int64_t kMigrationLockKey = kLockNamespace | 1;
constexpr int64_t kUnplacedLockKey = kLockNamespace | 2;
constexpr int64_t kCellOffset = 1 << 12;  // cell indices are within +-720
constexpr int kMaxIngestAttempts = 8;
constexpr double kKmPerDegreeLat = 111.2;

using Cell = std::pair<int64_t, int64_t>;
using CandidateKey = std::pair<std::string, int64_t>;  // doc id, index within the document

std::string NowUtc() {
  auto now = std::chrono::system_clock::now();
  std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count() % 1000000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%06lldZ", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<long long>(micros));
  return buffer;
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return text;
}

// Where a stored candidate's possible partners are (incidents::MayPair decides among
// them): towns in 0.5° grid cells meeting the 8 neighbouring cells and the country-level
// candidates of their country; country-level places (precision >= kCoarsePrecision)
// meeting every candidate of their country; unplaced ones meeting the unplaced. The SQL
// fetches a superset; the synthetic store test fails when it stops being one.
constexpr int kCoarsePrecision = 4;

struct Block {
  bool fine = false;    // in a grid cell
  bool coarse = false;  // a resolved country- or province-level place
  Cell cell{0, 0};
  std::string country;  // of resolved places
};

Block BlockOf(const claims::CandidateIncident& c) {
  Block block;
  if (!c.place || !c.place->resolved) return block;
  block.country = c.place->country;
  block.coarse = c.place->precision >= kCoarsePrecision;
  block.fine = !block.coarse;
  if (block.fine) {
    block.cell = {static_cast<int64_t>(std::floor(c.place->lat / kBlockDegrees)),
                  static_cast<int64_t>(std::floor(c.place->lon / kBlockDegrees))};
  }
  return block;
}

int64_t CellLockKey(const Cell& cell) {
  return kLockNamespace | (int64_t{1} << 40) | (((cell.first + kCellOffset) & 0xffff) << 16) | ((cell.second + kCellOffset) & 0xffff);
}

int64_t CountryLockKey(const std::string& country) {
  uint32_t hash = 2166136261u;
  for (unsigned char c : country) hash = (hash ^ c) * 16777619u;
  return kLockNamespace | (int64_t{2} << 40) | hash;
}

// The locks any writer changing this candidate's incident holds.
void HomeKeys(const Block& block, std::set<int64_t>* keys) {
  keys->insert(block.fine ? CellLockKey(block.cell) : kUnplacedLockKey);
  if (!block.country.empty()) keys->insert(CountryLockKey(block.country));
}

// The locks a reader of this candidate's possible partners needs.
void PartnerKeys(const Block& block, std::set<int64_t>* keys) {
  if (block.fine) {
    for (int64_t dlat = -1; dlat <= 1; ++dlat) {
      for (int64_t dlon = -1; dlon <= 1; ++dlon) keys->insert(CellLockKey({block.cell.first + dlat, block.cell.second + dlon}));
    }
  } else {
    keys->insert(kUnplacedLockKey);
  }
  if (!block.country.empty()) keys->insert(CountryLockKey(block.country));
}

std::string Dump(const nlohmann::json& json) { return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }
std::string Dump(const Json& json) { return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

SqlValue TextOrNull(const std::string& text) { return text.empty() ? SqlValue() : SqlValue(text); }

// What is searched by --place and --actor: every name an analyst might type.
std::string PlaceText(const incidents::Incident& incident) {
  std::string out;
  if (incident.place) out += incident.place->name + "\n" + incident.place->admin1 + "\n" + incident.place->text + "\n";
  for (const std::string& mention : incident.place_mentions) out += mention + "\n";
  return Lower(out);
}

std::string ActorText(const incidents::Incident& incident) {
  std::set<std::string> names;
  for (const auto& claim : incident.attributions) {
    names.insert(claim.source.name);
    names.insert(claim.source.party);
    if (claim.actor) {
      names.insert(claim.actor->name);
      names.insert(claim.actor->party);
    }
  }
  for (const auto& claim : incident.casualties) names.insert(claim.source.name);
  std::string out;
  for (const std::string& name : names) out += name + "\n";
  return Lower(out);
}

std::vector<std::pair<std::string, Json>> HistoryOf(const IngestItem& item) {
  std::vector<std::pair<std::string, Json>> out;
  for (const auto& candidate : item.candidates) {
    for (const auto& claim : candidate.attributions) {
      out.push_back({"attribution", Json{{"source", claim.source.name},
                                         {"actor", claim.actor ? Json(claim.actor->name) : Json(nullptr)},
                                         {"stance", claim.stance},
                                         {"hedged", claim.hedged},
                                         {"span", Json::array({claim.span.begin, claim.span.end})}}});
    }
    for (const auto& claim : candidate.casualties) {
      out.push_back({"casualty", Json{{"source", claim.source.name},
                                      {"killed", claim.killed ? Json(*claim.killed) : Json(nullptr)},
                                      {"killed_qualifier", claim.killed ? Json(claim.killed_qualifier) : Json(nullptr)},
                                      {"injured", claim.injured ? Json(*claim.injured) : Json(nullptr)},
                                      {"injured_qualifier", claim.injured ? Json(claim.injured_qualifier) : Json(nullptr)},
                                      {"span", Json::array({claim.span.begin, claim.span.end})}}});
    }
  }
  return out;
}

// Everything the re-clustering of one transaction needs to know, re-read each time
// a new lock is taken so that nothing read before the lock is trusted.
struct Recluster {
  std::vector<Block> touched;     // blocks of added and removed candidates
  std::set<std::string> removed_incidents;  // incidents that lost a candidate to a new revision
  std::vector<CandidateKey> added;          // candidates inserted by this transaction
};

}  // namespace

const char* IngestActionName(IngestAction action) {
  switch (action) {
    case IngestAction::kAdded: return "added";
    case IngestAction::kUnchanged: return "unchanged";
    case IngestAction::kRevised: return "revised";
  }
  return "?";
}

std::string ContentHash(const Document& doc) {
  std::string canonical;
  for (const std::string* field : {&doc.title, &doc.published, &doc.outlet, &doc.url, &doc.language, &doc.text}) {
    canonical += std::to_string(field->size());
    canonical.push_back(':');
    canonical += *field;
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(canonical.data(), canonical.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int byte_idx = 0; byte_idx < length; ++byte_idx) {
    out.push_back(kHex[digest[byte_idx] >> 4]);
    out.push_back(kHex[digest[byte_idx] & 0xf]);
  }
  return out;
}

Result<NearFilter> ParseNear(const std::string& text) {
  NearFilter near;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%lf,%lf,%lf%c", &near.lat, &near.lon, &near.km, &tail) != 3 || !std::isfinite(near.lat) ||
      !std::isfinite(near.lon) || !std::isfinite(near.km) || near.lat < -90 || near.lat > 90 || near.lon < -180 ||
      near.lon > 180 || near.km <= 0) {
    return Status(StatusCode::kInvalidArgument, "near: expected LAT,LON,KM (e.g. 34.45,40.92,25), got '" + text + "'");
  }
  return near;
}

Status ValidateFilter(const IncidentFilter& filter) {
  for (const auto& [name, value] : {std::pair<const char*, const std::string*>{"from", &filter.from}, {"to", &filter.to}}) {
    if (!value->empty() && !ParseIsoDate(*value).ok()) {
      return Status(StatusCode::kInvalidArgument, std::string(name) + ": expected a date YYYY-MM-DD, got '" + *value + "'");
    }
  }
  static const std::set<std::string> kStatuses = {"claimed", "alleged", "contested", "denied", "unknown"};
  static const std::set<std::string> kTypes = {"airstrike", "drone_strike", "missile_strike", "shelling", "bombing",
                                               "explosion", "raid", "armed_clash", "other"};
  if (!filter.status.empty() && !kStatuses.count(filter.status)) {
    return Status(StatusCode::kInvalidArgument, "status: one of claimed, alleged, contested, denied, unknown");
  }
  if (!filter.type.empty() && !kTypes.count(filter.type)) {
    return Status(StatusCode::kInvalidArgument,
                  "type: one of airstrike, drone_strike, missile_strike, shelling, bombing, explosion, raid, armed_clash, other");
  }
  return Status::Ok();
}

LedgerStore::~LedgerStore() = default;

Result<std::unique_ptr<LedgerStore>> LedgerStore::Open(const std::string& uri) {
  Result<std::unique_ptr<SqlConnection>> sql = OpenSql(uri);
  if (!sql.ok()) return sql.status();
  std::unique_ptr<LedgerStore> store(new LedgerStore(std::move(*sql)));
  Status status = store->Migrate();
  if (!status.ok()) return status;
  return store;
}

Result<std::shared_ptr<const claims::CandidateIncident>> LedgerStore::ParsedCandidate(const std::string& body) {
  if (auto found = parsed_.find(body); found != parsed_.end()) return found->second;
  Result<claims::CandidateIncident> candidate = CandidateFromJsonText(body);
  if (!candidate.ok()) return candidate.status();
  // Bounded: a long ingest starts the cache again rather than grow with the ledger.
  if (parsed_.size() >= kParsedCacheSize) parsed_.clear();
  auto shared = std::make_shared<const claims::CandidateIncident>(std::move(*candidate));
  parsed_.emplace(body, shared);
  return shared;
}

Status LedgerStore::InsertBlockingKeys(const std::string& doc_id, int64_t idx,
                                       const claims::CandidateIncident& candidate) {
  for (const std::string& key : incidents::BlockingKeysOf(candidate).index) {
    Status status = sql_->Run("INSERT INTO candidate_keys (key, doc_id, idx) VALUES (?, ?, ?)", {key, doc_id, idx});
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

// Schema 3 keeps blocking keys in a table: a ledger written before it gets them from its
// stored candidates, inside the migration's transaction.
Status LedgerStore::BackfillBlockingKeys() {
  Result<std::vector<SqlRow>> rows = sql_->Query("SELECT doc_id, idx, body FROM candidates WHERE background = 0", {});
  if (!rows.ok()) return rows.status();
  for (const SqlRow& row : *rows) {
    Result<claims::CandidateIncident> candidate = CandidateFromJsonText(AsText(row[2]));
    if (!candidate.ok()) return candidate.status();
    Status status = InsertBlockingKeys(AsText(row[0]), AsInt(row[1]), *candidate);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

Status LedgerStore::Migrate() {
  // Up to date, as nearly always: a read answers it, without the write transaction that
  // would queue every query and every API connection behind a running ingest.
  if (Result<int> current = SchemaVersion(); current.ok() && *current == static_cast<int>(Migrations(sql_->dialect()).size())) {
    return Status::Ok();
  }
  Status status = sql_->BeginWrite();
  if (!status.ok()) return status;
  auto fail = [&](Status error) {
    (void)sql_->Exec("ROLLBACK");
    return error;
  };
  // Two processes opening a fresh PostgreSQL ledger at once migrate one after the other.
  if (!(status = sql_->LockKeys({kMigrationLockKey})).ok()) return fail(status);
  status = sql_->Exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
  if (!status.ok()) return fail(status);
  Result<std::vector<SqlRow>> rows = sql_->Query("SELECT MAX(version) FROM schema_version", {});
  if (!rows.ok()) return fail(rows.status());
  int current = static_cast<int>(AsInt((*rows)[0][0]));
  std::vector<std::string> migrations = Migrations(sql_->dialect());
  if (current > static_cast<int>(migrations.size())) {
    return fail(Status(StatusCode::kUnsupported, "the ledger has schema version " + std::to_string(current) +
                                                     ", newer than this crosscheck (" +
                                                     std::to_string(migrations.size()) + "): upgrade crosscheck"));
  }
  for (int version = current + 1; version <= static_cast<int>(migrations.size()); ++version) {
    if (!(status = sql_->Exec(migrations[version - 1])).ok()) return fail(status);
    if (version == kBlockingKeysVersion && !(status = BackfillBlockingKeys()).ok()) return fail(status);
    if (!(status = sql_->Run("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                             {int64_t{version}, NowUtc()}))
             .ok()) {
      return fail(status);
    }
  }
  return sql_->Exec("COMMIT");
}

Result<int> LedgerStore::SchemaVersion() {
  Result<std::vector<SqlRow>> rows = sql_->Query("SELECT MAX(version) FROM schema_version", {});
  if (!rows.ok()) return rows.status();
  return static_cast<int>(AsInt((*rows)[0][0]));
}

Result<IngestReport> LedgerStore::Ingest(const std::vector<IngestItem>& batch, const std::string& data_version,
                                         const IngestHooks& hooks) {
  IngestReport report;
  for (int attempt = 1;; ++attempt) {
    report = IngestReport{};
    report.retries = static_cast<size_t>(attempt - 1);
    Status status = IngestOnce(batch, data_version, hooks, &report);
    if (status.ok()) return report;
    (void)sql_->Exec("ROLLBACK");
    if (!IsRetryable(status) || attempt >= kMaxIngestAttempts) return status;
  }
}

Status LedgerStore::IngestOnce(const std::vector<IngestItem>& batch, const std::string& data_version,
                               const IngestHooks& hooks, IngestReport* report) {
#define CC_TRY(expr)                     \
  do {                                   \
    Status cc_status_ = (expr);          \
    if (!cc_status_.ok()) return cc_status_; \
  } while (false)
#define CC_ROWS(var, sql, ...)                                         \
  Result<std::vector<SqlRow>> var##_result = sql_->Query(sql, __VA_ARGS__); \
  if (!var##_result.ok()) return var##_result.status();               \
  std::vector<SqlRow>& var = *var##_result

  const bool sqlite = sql_->dialect() == Dialect::kSqlite;
  CC_TRY(sql_->BeginWrite());
  const std::string now = NowUtc();
  Recluster work;
  std::map<CandidateKey, claims::CandidateIncident> added_bodies;

  for (const IngestItem& item : batch) {
    const Document& doc = item.doc;
    std::string hash = ContentHash(doc);
    CC_ROWS(seen, "SELECT doc_id FROM document_revisions WHERE content_hash = ?", {hash});
    if (!seen.empty()) {
      ++report->unchanged;
      report->documents.push_back({doc.id, IngestAction::kUnchanged});
      continue;
    }
    // The previous version: the same id, else the same URL under another id.
    CC_ROWS(previous, "SELECT doc_id, revision FROM documents WHERE doc_id = ?", {doc.id});
    if (previous.empty() && !doc.url.empty()) {
      CC_ROWS(by_url, "SELECT doc_id, revision FROM documents WHERE url = ? ORDER BY doc_id LIMIT 1", {doc.url});
      previous = by_url;
    }
    int64_t revision = 1;
    if (!previous.empty()) {
      std::string old_id = AsText(previous[0][0]);
      revision = AsInt(previous[0][1]) + 1;
      CC_ROWS(old, "SELECT body, incident_id FROM candidates WHERE doc_id = ?", {old_id});
      for (const SqlRow& row : old) {
        Result<claims::CandidateIncident> candidate = CandidateFromJsonText(AsText(row[0]));
        if (!candidate.ok()) return candidate.status();
        if (!candidate->background) work.touched.push_back(BlockOf(*candidate));
        if (!IsNull(row[1])) work.removed_incidents.insert(AsText(row[1]));
      }
      CC_TRY(sql_->Run("DELETE FROM candidates WHERE doc_id = ?", {old_id}));
      CC_TRY(sql_->Run("DELETE FROM candidate_keys WHERE doc_id = ?", {old_id}));
      CC_TRY(sql_->Run("DELETE FROM documents WHERE doc_id = ?", {old_id}));
      if (sqlite) CC_TRY(sql_->Run("DELETE FROM documents_fts WHERE doc_id = ?", {old_id}));
      for (auto it = added_bodies.begin(); it != added_bodies.end();) {
        it = it->first.first == old_id ? added_bodies.erase(it) : std::next(it);
      }
      std::erase_if(work.added, [&](const CandidateKey& key) { return key.first == old_id; });
      ++report->revised;
      report->documents.push_back({doc.id, IngestAction::kRevised});
    } else {
      ++report->added;
      report->documents.push_back({doc.id, IngestAction::kAdded});
    }
    CC_TRY(sql_->Run(
        "INSERT INTO documents (doc_id, revision, content_hash, title, published, outlet, url, language, origin, text, "
        "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {doc.id, revision, hash, TextOrNull(doc.title), TextOrNull(doc.published), TextOrNull(doc.outlet),
         TextOrNull(doc.url), TextOrNull(doc.language), TextOrNull(doc.origin), doc.text, now}));
    CC_TRY(sql_->Run("INSERT INTO document_revisions (doc_id, revision, content_hash, url, ingested_at) VALUES (?, ?, ?, ?, ?)",
                     {doc.id, revision, hash, TextOrNull(doc.url), now}));
    if (sqlite) {
      CC_TRY(sql_->Run("INSERT INTO documents_fts (doc_id, title, text) VALUES (?, ?, ?)", {doc.id, doc.title, doc.text}));
    }
    for (size_t candidate_idx = 0; candidate_idx < item.candidates.size(); ++candidate_idx) {
      const claims::CandidateIncident& candidate = item.candidates[candidate_idx];
      Block block = BlockOf(candidate);
      CC_TRY(sql_->Run(
          "INSERT INTO candidates (doc_id, idx, placed, block_lat, block_lon, coarse, country, day, background, incident_id, "
          "body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
          {doc.id, static_cast<int64_t>(candidate_idx), int64_t{block.fine}, block.cell.first, block.cell.second,
           int64_t{block.coarse}, TextOrNull(block.country),
           candidate.date.earliest ? SqlValue(*candidate.date.earliest) : SqlValue(), int64_t{candidate.background},
           Dump(CandidateToJson(candidate))}));
      CC_TRY(InsertBlockingKeys(doc.id, static_cast<int64_t>(candidate_idx), candidate));
      CandidateKey key{doc.id, static_cast<int64_t>(candidate_idx)};
      work.added.push_back(key);
      added_bodies[key] = candidate;
      if (!candidate.background) work.touched.push_back(block);
    }
    CC_TRY(sql_->Run("INSERT INTO incident_history (doc_id, revision, arrived_at, kind, detail) VALUES (?, ?, ?, ?, ?)",
                     {doc.id, revision, now, std::string("document"),
                      Dump(Json{{"title", doc.title}, {"content_hash", hash}, {"candidates", item.candidates.size()}})}));
    for (const auto& [kind, detail] : HistoryOf(item)) {
      CC_TRY(sql_->Run("INSERT INTO incident_history (doc_id, revision, arrived_at, kind, detail) VALUES (?, ?, ?, ?, ?)",
                       {doc.id, revision, now, kind, Dump(detail)}));
    }
  }

  // Re-cluster the touched blocks. Locks first (PostgreSQL), then every read; when the
  // incidents to rebuild reach into cells not yet locked, lock those and read again.
  std::set<int64_t> held;
  std::set<int64_t> wanted;
  for (const Block& block : work.touched) PartnerKeys(block, &wanted);
  // Non-background candidates of this transaction, in canonical order.
  std::vector<std::pair<const claims::CandidateIncident*, Block>> fresh;
  std::vector<CandidateKey> fresh_keys;
  std::vector<std::string> fresh_probes;
  std::map<std::string, std::vector<size_t>> probe_owners;  // probe key -> new candidates probing it
  for (const auto& [key, body] : added_bodies) {
    if (body.background) continue;
    for (const std::string& probe : incidents::BlockingKeysOf(body).probe) {
      probe_owners[probe].push_back(fresh.size());
      fresh_probes.push_back(probe);
    }
    fresh.push_back({&body, BlockOf(body)});
    fresh_keys.push_back(key);
  }
  std::vector<incidents::PairingEvidence> fresh_evidence;
  for (const auto& [candidate, block] : fresh) fresh_evidence.emplace_back(*candidate);
  std::sort(fresh_probes.begin(), fresh_probes.end());
  fresh_probes.erase(std::unique(fresh_probes.begin(), fresh_probes.end()), fresh_probes.end());
  std::vector<std::pair<size_t, CandidateKey>> links;   // a new candidate and a stored one it merges with
  std::set<std::pair<size_t, std::string>> linked;      // (new candidate, incident) pairs seen linked
  std::map<CandidateKey, std::string> member_incident;
  std::set<std::string> affected;
  // Shared, not copied: a large incident's members are read again by every batch touching it.
  std::vector<std::pair<CandidateKey, std::shared_ptr<const claims::CandidateIncident>>> members;
  // The whole membership of each affected incident, wherever its members lie, and the
  // locks its members' blocks need.
  auto load_members = [&]() -> Status {
    members.clear();
    member_incident.clear();
    for (const auto& [key, body] : added_bodies) members.push_back({key, std::make_shared<const claims::CandidateIncident>(body)});
    for (const std::string& incident_id : affected) {
      CC_ROWS(rows, "SELECT doc_id, idx, background, body FROM candidates WHERE incident_id = ?", {incident_id});
      for (const SqlRow& row : rows) {
        Result<std::shared_ptr<const claims::CandidateIncident>> body = ParsedCandidate(AsText(row[3]));
        if (!body.ok()) return body.status();
        if (AsInt(row[2]) == 0) HomeKeys(BlockOf(**body), &wanted);
        CandidateKey key{AsText(row[0]), AsInt(row[1])};
        member_incident[key] = incident_id;
        members.push_back({key, std::move(*body)});
      }
    }
    return Status::Ok();
  };
  while (true) {
    std::vector<int64_t> to_lock;
    for (int64_t key : wanted) {
      if (!held.count(key)) to_lock.push_back(key);
    }
    if (to_lock.empty() && !held.empty()) break;
    CC_TRY(sql_->LockKeys(to_lock));
    held.insert(to_lock.begin(), to_lock.end());
    if (to_lock.empty()) break;  // nothing to lock at all (no candidates touched)

    // Which existing incidents does each new candidate join (an edge of Cluster's
    // graph), and which incidents lost a candidate to a new revision?
    affected = work.removed_incidents;
    links.clear();
    linked.clear();
    // Possible partners through the blocking keys (incidents::BlockingKeysOf): stored
    // candidates filed under a key some new candidate probes, each with the new candidates
    // that probe a key it is filed under (only those may pair with it: MayPair).
    // Two single-table reads, each on its index: a join's plan depends on statistics that
    // PostgreSQL has not gathered yet while a ledger fills.
    Result<std::vector<SqlRow>> key_rows = QueryIn("SELECT key, doc_id, idx FROM candidate_keys WHERE key", fresh_probes, "");
    if (!key_rows.ok()) return key_rows.status();
    struct Partner {
      std::string incident_id;
      std::string body;
      bool stored = false;         // a placed, clustered candidate of an earlier ingest
      std::set<size_t> probed_by;  // indices into fresh
    };
    std::map<CandidateKey, Partner> by_candidate;
    std::set<std::string> partner_docs;
    for (const SqlRow& row : *key_rows) {
      Partner& partner = by_candidate[{AsText(row[1]), AsInt(row[2])}];
      partner_docs.insert(AsText(row[1]));
      auto owners = probe_owners.find(AsText(row[0]));
      if (owners != probe_owners.end()) partner.probed_by.insert(owners->second.begin(), owners->second.end());
    }
    // First without the accounts themselves: a stored candidate whose day rules out every
    // new candidate probing it is not read at all (a town's partners under a key span a
    // month of days, and their bodies were most of an ingest's reading).
    Result<std::vector<SqlRow>> partner_rows =
        QueryIn("SELECT doc_id, idx, incident_id, day FROM candidates WHERE doc_id",
                std::vector<std::string>(partner_docs.begin(), partner_docs.end()),
                " AND background = 0 AND incident_id IS NOT NULL");
    if (!partner_rows.ok()) return partner_rows.status();
    std::set<std::string> body_docs;
    for (SqlRow& row : *partner_rows) {
      auto found = by_candidate.find({AsText(row[0]), AsInt(row[1])});
      if (found == by_candidate.end()) continue;  // another candidate of the same report
      Partner& partner = found->second;
      partner.incident_id = AsText(row[2]);
      partner.stored = true;
      std::optional<int64_t> day = IsNull(row[3]) ? std::nullopt : std::optional<int64_t>(AsInt(row[3]));
      std::erase_if(partner.probed_by,
                    [&](size_t fresh_idx) { return !incidents::DaysMayMerge(*fresh[fresh_idx].first, day); });
      if (!partner.probed_by.empty()) body_docs.insert(AsText(row[0]));
    }
    std::erase_if(by_candidate, [](const auto& entry) { return !entry.second.stored || entry.second.probed_by.empty(); });
    Result<std::vector<SqlRow>> body_rows = QueryIn("SELECT doc_id, idx, body FROM candidates WHERE doc_id",
                                                    std::vector<std::string>(body_docs.begin(), body_docs.end()), "");
    if (!body_rows.ok()) return body_rows.status();
    for (SqlRow& row : *body_rows) {
      auto found = by_candidate.find({AsText(row[0]), AsInt(row[1])});
      if (found != by_candidate.end()) found->second.body = AsText(row[2]);
    }
    for (const auto& [key, partner] : by_candidate) {
      // An untouched incident is one component: one edge into it is enough. An
      // incident that lost a candidate may split, so every edge into it counts.
      const bool splitting = work.removed_incidents.count(partner.incident_id) > 0;
      std::vector<size_t> open;
      for (size_t fresh_idx : partner.probed_by) {
        if (splitting || !linked.count({fresh_idx, partner.incident_id})) open.push_back(fresh_idx);
      }
      // Every new candidate that could pair with it already joins its incident: it changes
      // nothing, and is not even parsed (a town's incidents grow large).
      if (open.empty()) continue;
      Result<std::shared_ptr<const claims::CandidateIncident>> old = ParsedCandidate(partner.body);
      if (!old.ok()) return old.status();
      const incidents::PairingEvidence old_evidence(**old);
      for (size_t fresh_idx : open) {
        if (incidents::MayPair(fresh_evidence[fresh_idx], old_evidence) &&
            incidents::ComparePair(*fresh[fresh_idx].first, **old, {}).Merge({})) {
          linked.insert({fresh_idx, partner.incident_id});
          links.push_back({fresh_idx, key});
          affected.insert(partner.incident_id);
        }
      }
    }
    CC_TRY(load_members());
    bool all_held = std::all_of(wanted.begin(), wanted.end(), [&](int64_t key) { return held.count(key) > 0; });
    if (all_held) break;
  }
  if (held.empty()) {
    // Only background candidates or nothing new: still rebuild them on their own.
    affected = work.removed_incidents;
    CC_TRY(load_members());
  }

  // Canonical order, so that the result does not depend on arrival order.
  std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  members.erase(std::unique(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                members.end());
  std::vector<const claims::CandidateIncident*> candidates;
  candidates.reserve(members.size());
  std::map<CandidateKey, size_t> index_of;
  for (const auto& member : members) {
    index_of[member.first] = candidates.size();
    candidates.push_back(member.second.get());
  }
  // Cluster's graph, without comparing again what was compared before: an untouched
  // incident is one connected component, new edges come from the new candidates, and
  // only the incidents that lost a candidate are clustered afresh.
  std::vector<size_t> parent(candidates.size());
  std::iota(parent.begin(), parent.end(), size_t{0});
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  auto join = [&](size_t a, size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  };
  std::map<std::string, std::vector<size_t>> by_incident;
  for (const auto& [key, incident_id] : member_incident) by_incident[incident_id].push_back(index_of[key]);
  std::vector<size_t> reclustered;
  for (const auto& [incident_id, indices] : by_incident) {
    if (work.removed_incidents.count(incident_id)) {
      reclustered.insert(reclustered.end(), indices.begin(), indices.end());
      continue;
    }
    for (size_t idx : indices) join(indices.front(), idx);
  }
  if (!reclustered.empty()) {
    std::sort(reclustered.begin(), reclustered.end());
    std::vector<claims::CandidateIncident> remaining;
    for (size_t idx : reclustered) remaining.push_back(*candidates[idx]);
    for (const std::vector<size_t>& group : incidents::Cluster(remaining)) {
      for (size_t member_idx : group) join(reclustered[group.front()], reclustered[member_idx]);
    }
  }
  for (const auto& [fresh_idx, key] : links) join(index_of[fresh_keys[fresh_idx]], index_of[key]);
  for (size_t a = 0; a < fresh.size(); ++a) {
    for (size_t b = a + 1; b < fresh.size(); ++b) {
      if (incidents::MayPair(fresh_evidence[a], fresh_evidence[b]) &&
          incidents::ComparePair(*fresh[a].first, *fresh[b].first, {}).Merge({})) {
        join(index_of[fresh_keys[a]], index_of[fresh_keys[b]]);
      }
    }
  }
  std::map<size_t, std::vector<size_t>> groups_by_root;
  for (size_t idx = 0; idx < candidates.size(); ++idx) groups_by_root[find(idx)].push_back(idx);

  for (const std::string& incident_id : affected) {
    CC_TRY(sql_->Run("DELETE FROM incidents WHERE id = ?", {incident_id}));
  }
  for (const auto& [root, group] : groups_by_root) {
    std::vector<const claims::CandidateIncident*> group_members;
    for (size_t idx : group) group_members.push_back(candidates[idx]);
    incidents::Incident incident = incidents::Reconcile(group_members);
    // Ids are content hashes: on the rare clash with an incident elsewhere, a suffix.
    std::string id = incident.id;
    for (int suffix = 2;; ++suffix) {
      CC_ROWS(clash, "SELECT 1 FROM incidents WHERE id = ?", {id});
      if (clash.empty()) break;
      id = incident.id + "-" + std::to_string(suffix);
    }
    incident.id = id;
    Json body = incidents::IncidentJson(incident);
    const auto& place = incident.place;
    bool located = place && place->resolved;
    CC_TRY(sql_->Run(
        "INSERT INTO incidents (id, date_earliest, date_latest, lat, lon, geonameid, place_name, country, event_type, "
        "status, background, killed_min, killed_max, place_text, actor_text, body) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {id, incident.date.earliest ? SqlValue(FormatIsoDate(*incident.date.earliest)) : SqlValue(),
         incident.date.latest ? SqlValue(FormatIsoDate(*incident.date.latest)) : SqlValue(),
         located ? SqlValue(place->lat) : SqlValue(), located ? SqlValue(place->lon) : SqlValue(),
         place && place->geonameid ? SqlValue(place->geonameid) : SqlValue(), place ? TextOrNull(place->name) : SqlValue(),
         place ? TextOrNull(place->country) : SqlValue(), incident.event_type, incident.attribution_status,
         int64_t{incident.background}, incident.killed.min ? SqlValue(*incident.killed.min) : SqlValue(),
         incident.killed.max ? SqlValue(*incident.killed.max) : SqlValue(), PlaceText(incident), ActorText(incident),
         Dump(body)}));
    for (size_t idx : group) {
      CC_TRY(sql_->Run("UPDATE candidates SET incident_id = ? WHERE doc_id = ? AND idx = ?",
                       {id, members[idx].first.first, members[idx].first.second}));
    }
    ++report->incidents_rebuilt;
  }
  if (!data_version.empty()) {
    CC_TRY(sql_->Run(sqlite ? "INSERT OR REPLACE INTO meta (key, value) VALUES ('data_version', ?)"
                            : "INSERT INTO meta (key, value) VALUES ('data_version', ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                     {data_version}));
  }
  if (hooks.before_commit) hooks.before_commit();
  return sql_->Exec("COMMIT");
#undef CC_ROWS
#undef CC_TRY
}

Result<std::vector<Json>> LedgerStore::FindIncidents(const IncidentFilter& filter) {
  Status valid = ValidateFilter(filter);
  if (!valid.ok()) return valid;
  std::string sql = "SELECT body, lat, lon FROM incidents WHERE 1 = 1";
  std::vector<SqlValue> params;
  auto like = [](const std::string& words) {
    std::string escaped;
    for (char c : Lower(words)) {
      if (c == '%' || c == '_' || c == '\\') escaped.push_back('\\');
      escaped.push_back(c);
    }
    return "%" + escaped + "%";
  };
  if (!filter.place.empty()) {
    sql += " AND place_text LIKE ? ESCAPE '\\'";
    params.push_back(like(filter.place));
  }
  if (!filter.actor.empty()) {
    sql += " AND actor_text LIKE ? ESCAPE '\\'";
    params.push_back(like(filter.actor));
  }
  if (!filter.from.empty()) {
    sql += " AND date_latest >= ?";
    params.push_back(filter.from);
  }
  if (!filter.to.empty()) {
    sql += " AND date_earliest <= ?";
    params.push_back(filter.to);
  }
  if (!filter.status.empty()) {
    sql += " AND status = ?";
    params.push_back(filter.status);
  }
  if (!filter.type.empty()) {
    sql += " AND event_type = ?";
    params.push_back(filter.type);
  }
  if (!filter.include_background) sql += " AND background = 0";
  if (filter.near) {
    // A bounding box the indexes can use, then the exact distance below.
    double dlat = filter.near->km / kKmPerDegreeLat;
    double cos_lat = std::max(0.01, std::cos(filter.near->lat * kDegreesToRadians));
    double dlon = std::min(180.0, dlat / cos_lat);
    sql += " AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?";
    params.insert(params.end(), {filter.near->lat - dlat, filter.near->lat + dlat, filter.near->lon - dlon,
                                 filter.near->lon + dlon});
  }
  if (!filter.text.empty()) {
    if (sql_->dialect() == Dialect::kSqlite) {
      // Each word quoted: the user's words are matched, never parsed as FTS5 syntax.
      std::string query;
      std::istringstream words(filter.text);
      for (std::string word; words >> word;) {
        std::string quoted = "\"";
        for (char c : word) {
          if (c == '"') quoted.push_back('"');
          quoted.push_back(c);
        }
        query += (query.empty() ? "" : " ") + quoted + "\"";
      }
      sql += " AND id IN (SELECT incident_id FROM candidates WHERE doc_id IN "
             "(SELECT doc_id FROM documents_fts WHERE documents_fts MATCH ?))";
      params.push_back(query);
    } else {
      sql += " AND id IN (SELECT incident_id FROM candidates WHERE doc_id IN "
             "(SELECT doc_id FROM documents WHERE tsv @@ plainto_tsquery('english', ?)))";
      params.push_back(filter.text);
    }
  }
  sql += " ORDER BY date_earliest, id";
  bool paged_in_sql = !filter.near && filter.limit > 0;
  if (paged_in_sql) {
    sql += " LIMIT ? OFFSET ?";
    params.push_back(static_cast<int64_t>(filter.limit));
    params.push_back(static_cast<int64_t>(filter.offset));
  }
  Result<std::vector<SqlRow>> rows = sql_->Query(sql, params);
  if (!rows.ok()) return rows.status();
  std::vector<Json> out;
  size_t skipped = 0;
  for (const SqlRow& row : *rows) {
    if (filter.near &&
        (IsNull(row[1]) || DistanceKm(filter.near->lat, filter.near->lon, AsDouble(row[1]), AsDouble(row[2])) > filter.near->km)) {
      continue;
    }
    if (!paged_in_sql && skipped < filter.offset) {
      ++skipped;
      continue;
    }
    Json body = Json::parse(AsText(row[0]), nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded()) return Status(StatusCode::kDataFormat, "stored incident is not JSON");
    out.push_back(std::move(body));
    if (!paged_in_sql && filter.limit > 0 && out.size() >= filter.limit) break;
  }
  return out;
}

Result<std::optional<Json>> LedgerStore::GetIncident(const std::string& id) {
  Result<std::vector<SqlRow>> rows = sql_->Query("SELECT body FROM incidents WHERE id = ?", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<Json>();
  Json body = Json::parse(AsText((*rows)[0][0]), nullptr, false);
  if (body.is_discarded()) return Status(StatusCode::kDataFormat, "stored incident is not JSON");
  return std::optional<Json>(std::move(body));
}

Result<std::vector<HistoryEntry>> LedgerStore::History(const std::string& incident_id) {
  Result<std::vector<SqlRow>> rows = sql_->Query(
      "SELECT h.seq, h.arrived_at, h.doc_id, h.revision, h.kind, h.detail FROM incident_history h "
      "WHERE h.doc_id IN (SELECT doc_id FROM candidates WHERE incident_id = ?) ORDER BY h.seq",
      {incident_id});
  if (!rows.ok()) return rows.status();
  std::vector<HistoryEntry> out;
  for (const SqlRow& row : *rows) {
    HistoryEntry entry{AsInt(row[0]), AsText(row[1]), AsText(row[2]), AsInt(row[3]), AsText(row[4]),
                       Json::parse(AsText(row[5]), nullptr, false)};
    out.push_back(std::move(entry));
  }
  return out;
}

Result<std::optional<StoredDocument>> LedgerStore::GetDocument(const std::string& id) {
  Result<std::vector<SqlRow>> rows = sql_->Query(
      "SELECT doc_id, revision, content_hash, title, published, outlet, url, language, origin, text, ingested_at "
      "FROM documents WHERE doc_id = ?",
      {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<StoredDocument>();
  const SqlRow& row = (*rows)[0];
  StoredDocument stored;
  stored.doc.id = AsText(row[0]);
  stored.revision = AsInt(row[1]);
  stored.content_hash = AsText(row[2]);
  stored.doc.title = AsText(row[3]);
  stored.doc.published = AsText(row[4]);
  stored.doc.outlet = AsText(row[5]);
  stored.doc.url = AsText(row[6]);
  stored.doc.language = AsText(row[7]);
  stored.doc.origin = AsText(row[8]);
  stored.doc.text = AsText(row[9]);
  stored.ingested_at = AsText(row[10]);
  Result<std::vector<SqlRow>> candidates =
      sql_->Query("SELECT idx, incident_id, body FROM candidates WHERE doc_id = ? ORDER BY idx", {id});
  if (!candidates.ok()) return candidates.status();
  std::set<std::string> incident_ids;
  for (const SqlRow& candidate_row : *candidates) {
    Result<claims::CandidateIncident> candidate = CandidateFromJsonText(AsText(candidate_row[2]));
    if (!candidate.ok()) return candidate.status();
    stored.candidates.push_back(std::move(*candidate));
    if (!IsNull(candidate_row[1])) incident_ids.insert(AsText(candidate_row[1]));
  }
  stored.incidents.assign(incident_ids.begin(), incident_ids.end());
  return std::optional<StoredDocument>(std::move(stored));
}

Result<std::vector<SqlRow>> LedgerStore::QueryIn(const std::string& sql_before, const std::vector<std::string>& keys,
                                                   const std::string& sql_after) {
  std::vector<SqlRow> out;
  for (size_t first = 0; first < keys.size(); first += kInListSize) {
    std::string sql = sql_before + " IN (";
    std::vector<SqlValue> params;
    for (size_t slot = 0; slot < kInListSize; ++slot) {
      sql += slot == 0 ? "?" : ", ?";
      // Short chunks repeat their last key: one statement text, so one prepared statement.
      params.push_back(keys[std::min(first + slot, keys.size() - 1)]);
    }
    Result<std::vector<SqlRow>> rows = sql_->Query(sql + ")" + sql_after, params);
    if (!rows.ok()) return rows.status();
    for (SqlRow& row : *rows) out.push_back(std::move(row));
  }
  return out;
}

Result<std::vector<incidents::Incident>> LedgerStore::IncidentObjects(const std::vector<Json>& incidents) {
  std::vector<std::string> ids;
  for (const Json& incident : incidents) ids.push_back(incident.value("id", ""));
  std::vector<std::string> unique_ids = ids;
  std::sort(unique_ids.begin(), unique_ids.end());
  unique_ids.erase(std::unique(unique_ids.begin(), unique_ids.end()), unique_ids.end());
  // Members in (document, index) order, as ingest reconciles them.
  Result<std::vector<SqlRow>> rows = QueryIn("SELECT incident_id, doc_id, idx, body FROM candidates WHERE incident_id",
                                             unique_ids, "");
  if (!rows.ok()) return rows.status();
  std::map<std::string, std::map<std::pair<std::string, int64_t>, claims::CandidateIncident>> members;
  for (const SqlRow& row : *rows) {
    Result<claims::CandidateIncident> candidate = CandidateFromJsonText(AsText(row[3]));
    if (!candidate.ok()) return candidate.status();
    members[AsText(row[0])].emplace(std::make_pair(AsText(row[1]), AsInt(row[2])), std::move(*candidate));
  }
  std::vector<incidents::Incident> out;
  for (const std::string& id : ids) {
    auto found = members.find(id);
    if (found == members.end()) continue;  // removed since it was listed
    std::vector<const claims::CandidateIncident*> group;
    for (const auto& [key, candidate] : found->second) group.push_back(&candidate);
    incidents::Incident incident = incidents::Reconcile(group);
    incident.id = id;  // the stored id, suffixed on a clash
    out.push_back(std::move(incident));
  }
  return out;
}

Result<Json> LedgerStore::Ledger(const std::vector<Json>& incidents) {
  std::set<std::string> doc_ids;
  for (const Json& incident : incidents) {
    if (incident.contains("documents")) {
      for (const Json& doc : incident["documents"]) doc_ids.insert(doc.get<std::string>());
    }
  }
  Result<std::vector<SqlRow>> doc_rows =
      QueryIn("SELECT doc_id, title, published, outlet, url, language FROM documents WHERE doc_id",
              std::vector<std::string>(doc_ids.begin(), doc_ids.end()), "");
  if (!doc_rows.ok()) return doc_rows.status();
  std::map<std::string, const SqlRow*> by_id;
  for (const SqlRow& row : *doc_rows) by_id.emplace(AsText(row[0]), &row);
  Json documents = Json::array();
  for (const auto& [doc_id, found] : by_id) {
    const SqlRow& row = *found;
    Document doc;
    doc.id = AsText(row[0]);
    doc.title = AsText(row[1]);
    doc.published = AsText(row[2]);
    doc.outlet = AsText(row[3]);
    doc.url = AsText(row[4]);
    doc.language = AsText(row[5]);
    documents.push_back(incidents::DocumentEntry(doc));
  }
  Result<std::vector<SqlRow>> version = sql_->Query("SELECT value FROM meta WHERE key = 'data_version'", {});
  if (!version.ok()) return version.status();
  return Json{{"schema", incidents::kLedgerSchema},
              {"data_version", version->empty() ? Json(nullptr) : Json(AsText((*version)[0][0]))},
              {"documents", documents},
              {"incidents", incidents},
              {"diagnostics", Json::array()}};
}

Result<StoreCounts> LedgerStore::Counts() {
  Result<std::vector<SqlRow>> rows = sql_->Query(
      "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM document_revisions), "
      "(SELECT COUNT(*) FROM candidates), (SELECT COUNT(*) FROM incidents), (SELECT COUNT(*) FROM incident_history)",
      {});
  if (!rows.ok()) return rows.status();
  const SqlRow& row = (*rows)[0];
  return StoreCounts{AsInt(row[0]), AsInt(row[1]), AsInt(row[2]), AsInt(row[3]), AsInt(row[4])};
}

}  // namespace crosscheck::store
