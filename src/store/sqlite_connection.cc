// SQLite backend of SqlConnection: WAL journal, a busy timeout so that several
// processes may write one file in turn, statements prepared once and cached.
#include <sqlite3.h>

#include <map>

#include "store/sql.h"

namespace crosscheck::store {
namespace {

constexpr int kBusyTimeoutMs = 30000;  // writers wait their turn rather than fail

class SqliteConnection : public SqlConnection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  Status Exec(const std::string& sql) override {
    char* error = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
      std::string message = error ? error : sqlite3_errstr(rc);
      sqlite3_free(error);
      return Error(rc, message);
    }
    return Status::Ok();
  }

  Result<std::vector<SqlRow>> Query(const std::string& sql, const std::vector<SqlValue>& params) override {
    sqlite3_stmt* stmt = nullptr;
    auto it = statements_.find(sql);
    if (it != statements_.end()) {
      stmt = it->second;
    } else {
      int rc = sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr);
      if (rc != SQLITE_OK) return Error(rc, std::string(sqlite3_errmsg(db_)) + " in: " + sql);
      statements_.emplace(sql, stmt);
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    for (size_t param_idx = 0; param_idx < params.size(); ++param_idx) {
      int slot = static_cast<int>(param_idx) + 1;
      const SqlValue& value = params[param_idx];
      int rc = SQLITE_OK;
      if (const auto* i = std::get_if<int64_t>(&value)) {
        rc = sqlite3_bind_int64(stmt, slot, *i);
      } else if (const auto* d = std::get_if<double>(&value)) {
        rc = sqlite3_bind_double(stmt, slot, *d);
      } else if (const auto* s = std::get_if<std::string>(&value)) {
        rc = sqlite3_bind_text(stmt, slot, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
      } else {
        rc = sqlite3_bind_null(stmt, slot);
      }
      if (rc != SQLITE_OK) return Error(rc, sqlite3_errmsg(db_));
    }
    std::vector<SqlRow> rows;
    while (true) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        Status error = Error(rc, sqlite3_errmsg(db_));
        sqlite3_reset(stmt);
        return error;
      }
      int columns = sqlite3_column_count(stmt);
      SqlRow row(static_cast<size_t>(columns));
      for (int col = 0; col < columns; ++col) {
        switch (sqlite3_column_type(stmt, col)) {
          case SQLITE_INTEGER: row[col] = static_cast<int64_t>(sqlite3_column_int64(stmt, col)); break;
          case SQLITE_FLOAT: row[col] = sqlite3_column_double(stmt, col); break;
          case SQLITE_NULL: break;
          default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, col));
            row[col] = std::string(text ? text : "", static_cast<size_t>(sqlite3_column_bytes(stmt, col)));
          }
        }
      }
      rows.push_back(std::move(row));
    }
    sqlite3_reset(stmt);
    return rows;
  }

  Status BeginWrite() override { return Exec("BEGIN IMMEDIATE"); }
  Status LockKeys(const std::vector<int64_t>&) override { return Status::Ok(); }

 private:
  Status Error(int rc, const std::string& message) {
    int primary = rc & 0xff;
    bool retry = primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
    return Status(StatusCode::kIoError, "sqlite: " + message + (retry ? std::string(" ") + kRetryMarker : ""));
  }

  sqlite3* db_;
  std::map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace

Result<std::unique_ptr<SqlConnection>> OpenSqlite(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Status(StatusCode::kIoError, "cannot open " + path + ": " + message);
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  auto connection = std::make_unique<SqliteConnection>(db);
  // WAL: readers never block the writer; NORMAL sync is still crash-safe in WAL mode
  // (a power cut may lose the last commits, never corrupt the file).
  // A ledger of 100,000 articles is gigabytes: the default 2 MB page cache made every
  // ingest re-read its index pages through pread. Reads go through a memory map and a
  // 128 MB cache instead (the map is the page cache, not process memory).
  Status status = connection->Exec(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
      "PRAGMA cache_size=-131072; PRAGMA mmap_size=4294967296;");
  if (!status.ok()) return status;
  return std::unique_ptr<SqlConnection>(std::move(connection));
}

}  // namespace crosscheck::store
