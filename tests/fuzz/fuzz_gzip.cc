// libFuzzer target for the gzip reader: corrupt, truncated or bomb-like input
// must give a Status, and output never passes the limit.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/gzip_reader.h"

namespace {
constexpr size_t kMaxFuzzInputBytes = 1 << 20;
constexpr size_t kMaxFuzzOutputBytes = 4 << 20;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxFuzzInputBytes) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)crosscheck::LooksGzipped(input);
  auto out = crosscheck::Gunzip(input, kMaxFuzzOutputBytes);
  if (out.ok() && out->size() > kMaxFuzzOutputBytes) __builtin_trap();
  return 0;
}
