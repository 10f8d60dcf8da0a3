#include "store/sql.h"

#include <cstdlib>

namespace crosscheck::store {

bool IsNull(const SqlValue& value) { return std::holds_alternative<std::monostate>(value); }

int64_t AsInt(const SqlValue& value) {
  if (const auto* i = std::get_if<int64_t>(&value)) return *i;
  if (const auto* d = std::get_if<double>(&value)) return static_cast<int64_t>(*d);
  if (const auto* s = std::get_if<std::string>(&value)) return std::strtoll(s->c_str(), nullptr, 10);
  return 0;
}

double AsDouble(const SqlValue& value) {
  if (const auto* d = std::get_if<double>(&value)) return *d;
  if (const auto* i = std::get_if<int64_t>(&value)) return static_cast<double>(*i);
  if (const auto* s = std::get_if<std::string>(&value)) return std::strtod(s->c_str(), nullptr);
  return 0;
}

std::string AsText(const SqlValue& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* i = std::get_if<int64_t>(&value)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&value)) return std::to_string(*d);
  return "";
}

Result<std::unique_ptr<SqlConnection>> OpenSql(const std::string& uri) {
  if (uri.rfind("postgres://", 0) == 0 || uri.rfind("postgresql://", 0) == 0) return OpenPostgres(uri);
  if (uri.rfind("sqlite:", 0) == 0) return OpenSqlite(uri.substr(7));
  if (uri.empty()) return Status(StatusCode::kInvalidArgument, "empty database location");
  return OpenSqlite(uri);
}

bool IsRetryable(const Status& status) { return status.message().find(kRetryMarker) != std::string::npos; }

}  // namespace crosscheck::store
