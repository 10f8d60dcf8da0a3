#include "core/status.h"

namespace crosscheck {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kIoError: return "io_error";
    case StatusCode::kBadEncoding: return "bad_encoding";
    case StatusCode::kBadJson: return "bad_json";
    case StatusCode::kBadDate: return "bad_date";
    case StatusCode::kEmpty: return "empty";
    case StatusCode::kBinary: return "binary";
    case StatusCode::kTooLarge: return "too_large";
    case StatusCode::kUnsupported: return "unsupported";
    case StatusCode::kDataFormat: return "data_format";
    case StatusCode::kInternal: return "internal";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(StatusCodeName(code_)) + ": " + message_;
}

}  // namespace crosscheck
