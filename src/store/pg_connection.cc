// PostgreSQL backend of SqlConnection through libpq: `?` placeholders become $n,
// statements are prepared once per session, advisory locks serialise block writers.
#include <libpq-fe.h>

#include <map>
#include <string_view>

#include "store/sql.h"

namespace crosscheck::store {
namespace {

// Type oids from pg_type.h (stable across releases).
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

std::string Placeholders(const std::string& sql) {
  std::string out;
  int next = 1;
  for (char c : sql) {
    if (c == '?') {
      out += "$" + std::to_string(next++);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void IgnoreNotice(void*, const char*) {}

class PgConnection : public SqlConnection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }

  Status Exec(const std::string& sql) override {
    PGresult* result = PQexec(conn_, sql.c_str());
    Status status = Check(result, sql);
    PQclear(result);
    return status;
  }

  Result<std::vector<SqlRow>> Query(const std::string& sql, const std::vector<SqlValue>& params) override {
    auto it = statements_.find(sql);
    if (it == statements_.end()) {
      std::string name = "cc" + std::to_string(statements_.size() + 1);
      PGresult* prepared = PQprepare(conn_, name.c_str(), Placeholders(sql).c_str(), 0, nullptr);
      Status status = Check(prepared, sql);
      PQclear(prepared);
      if (!status.ok()) return status;
      it = statements_.emplace(sql, name).first;
    }
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t param_idx = 0; param_idx < params.size(); ++param_idx) {
      const SqlValue& value = params[param_idx];
      if (IsNull(value)) continue;
      if (const auto* d = std::get_if<double>(&value)) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.17g", *d);  // round-trips a double
        texts[param_idx] = buffer;
      } else {
        texts[param_idx] = AsText(value);
      }
      values[param_idx] = texts[param_idx].c_str();
    }
    PGresult* result = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()), values.data(),
                                      nullptr, nullptr, 0);
    Status status = Check(result, sql);
    if (!status.ok()) {
      PQclear(result);
      return status;
    }
    std::vector<SqlRow> rows;
    int row_count = PQntuples(result), columns = PQnfields(result);
    rows.reserve(static_cast<size_t>(row_count));
    for (int row_idx = 0; row_idx < row_count; ++row_idx) {
      SqlRow row(static_cast<size_t>(columns));
      for (int col = 0; col < columns; ++col) {
        if (PQgetisnull(result, row_idx, col)) continue;
        const char* text = PQgetvalue(result, row_idx, col);
        switch (PQftype(result, col)) {
          case kInt8Oid:
          case kInt4Oid:
          case kInt2Oid: row[col] = static_cast<int64_t>(std::strtoll(text, nullptr, 10)); break;
          case kBoolOid: row[col] = static_cast<int64_t>(text[0] == 't'); break;
          case kFloat4Oid:
          case kFloat8Oid:
          case kNumericOid: row[col] = std::strtod(text, nullptr); break;
          default: row[col] = std::string(text, static_cast<size_t>(PQgetlength(result, row_idx, col)));
        }
      }
      rows.push_back(std::move(row));
    }
    PQclear(result);
    return rows;
  }

  Status BeginWrite() override { return Exec("BEGIN"); }

  Status LockKeys(const std::vector<int64_t>& sorted_keys) override {
    for (int64_t key : sorted_keys) {
      Status status = Run("SELECT pg_advisory_xact_lock(?)", {key});
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }

 private:
  Status Check(PGresult* result, const std::string& sql) {
    ExecStatusType code = PQresultStatus(result);
    if (code == PGRES_COMMAND_OK || code == PGRES_TUPLES_OK || code == PGRES_EMPTY_QUERY) return Status::Ok();
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    std::string_view sqlstate = state ? state : "";
    // Deadlock, serialisation failure, lock timeout, unique violation of a concurrent insert.
    bool retry = sqlstate == "40P01" || sqlstate == "40001" || sqlstate == "55P03" || sqlstate == "23505";
    std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(conn_);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return Status(StatusCode::kIoError, "postgres: " + message + " (" + std::string(sqlstate) + ")" +
                                            (retry ? std::string(" ") + kRetryMarker : ""));
  }

  PGconn* conn_;
  std::map<std::string, std::string> statements_;
};

}  // namespace

Result<std::unique_ptr<SqlConnection>> OpenPostgres(const std::string& uri) {
  PGconn* conn = PQconnectdb(uri.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return Status(StatusCode::kIoError, "cannot connect to PostgreSQL: " + message);
  }
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  auto connection = std::make_unique<PgConnection>(conn);
  Status status = connection->Exec("SET client_encoding = 'UTF8'");
  if (!status.ok()) return status;
  return std::unique_ptr<SqlConnection>(std::move(connection));
}

}  // namespace crosscheck::store
