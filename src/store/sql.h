// A thin, backend-neutral SQL connection: prepared statements with `?` placeholders,
// rows of typed values, transactions. SQLite and PostgreSQL implement it; the ledger
// store speaks only to this. Not thread-safe: one connection per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "core/status.h"

namespace crosscheck::store {

enum class Dialect { kSqlite, kPostgres };

using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;
using SqlRow = std::vector<SqlValue>;

bool IsNull(const SqlValue& value);
int64_t AsInt(const SqlValue& value);        // 0 for NULL; parses text
double AsDouble(const SqlValue& value);      // 0 for NULL; parses text
std::string AsText(const SqlValue& value);   // "" for NULL

// Transient failures a caller may retry: lock timeouts, deadlocks, serialisation failures.
inline constexpr const char* kRetryMarker = "[retry]";
bool IsRetryable(const Status& status);

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  virtual Dialect dialect() const = 0;
  // Statements without parameters (schema, BEGIN/COMMIT); may hold several statements.
  virtual Status Exec(const std::string& sql) = 0;
  // Prepared once per SQL text and cached; `?` placeholders bound in order.
  virtual Result<std::vector<SqlRow>> Query(const std::string& sql, const std::vector<SqlValue>& params) = 0;
  Status Run(const std::string& sql, const std::vector<SqlValue>& params) { return Query(sql, params).status(); }
  // Starts a write transaction that serialises with other writers where the backend
  // needs it (SQLite: BEGIN IMMEDIATE; PostgreSQL: BEGIN, locks come per block).
  virtual Status BeginWrite() = 0;
  // Transaction-scoped exclusive locks on block keys (PostgreSQL advisory locks; a
  // no-op on SQLite, whose write transaction already excludes other writers).
  virtual Status LockKeys(const std::vector<int64_t>& sorted_keys) = 0;
};

// "crosscheck.db" or "sqlite:PATH" -> SQLite (WAL); "postgres://..." / "postgresql://..." -> libpq.
Result<std::unique_ptr<SqlConnection>> OpenSqlite(const std::string& path);
Result<std::unique_ptr<SqlConnection>> OpenPostgres(const std::string& uri);
Result<std::unique_ptr<SqlConnection>> OpenSql(const std::string& uri);

}  // namespace crosscheck::store
