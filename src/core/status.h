// Errors as values: a Status carries a code, a message and an optional byte span;
// Result<T> is a value or a Status. Bad input is normal in news ingestion.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "core/span.h"

namespace crosscheck {

enum class StatusCode {
  kOk,
  kInvalidArgument,
  kNotFound,
  kIoError,
  kBadEncoding,
  kBadJson,
  kBadDate,
  kEmpty,
  kBinary,
  kTooLarge,
  kUnsupported,
  kDataFormat,
  kInternal,
};

const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message, std::optional<ByteSpan> span = std::nullopt)
      : code_(code), message_(std::move(message)), span_(span) {}

  static Status Ok() { return Status(); }
  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::optional<ByteSpan>& span() const { return span_; }
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::optional<ByteSpan> span_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}             // NOLINT: implicit by design
  Result(Status status) : value_(std::move(status)) {}      // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(value_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(value_);
  }
  T& value() & { return std::get<T>(value_); }
  const T& value() const& { return std::get<T>(value_); }
  T&& value() && { return std::get<T>(std::move(value_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> value_;
};

}  // namespace crosscheck
