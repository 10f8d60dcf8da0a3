// libFuzzer target for the JSON Lines reader: any bytes read as a .jsonl file must
// give, line by line, Documents or per-line diagnostics, never a crash or hang. The
// input goes through a temporary file so the whole reader runs as in production
// (file reading, gzip detection, line splitting, JSON parsing, field checks).
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz_invariants.h"
#include "ingest/input_source.h"

namespace {
constexpr size_t kMaxFuzzInputBytes = 1 << 20;

// One file per process, rewritten for every input and removed at exit.
const std::string& ScratchPath() {
  static const std::string path = [] {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/fuzz_jsonl_XXXXXX.jsonl";
    const int fd = mkstemps(pattern.data(), /*suffixlen=*/6);
    if (fd < 0) std::abort();
    close(fd);
    std::atexit([] { std::remove(ScratchPath().c_str()); });
    return pattern;
  }();
  return path;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxFuzzInputBytes) return 0;
  const crosscheck::ingest::IngestResources& resources = crosscheck::fuzzing::Resources();
  const std::string& path = ScratchPath();
  {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr) std::abort();
    if (size > 0 && std::fwrite(data, 1, size, file) != size) std::abort();
    std::fclose(file);
  }
  crosscheck::ingest::InputSource source({path});
  crosscheck::ingest::RawInput raw;
  // At most one document a line: more would mean the reader invented some.
  const auto lines = static_cast<size_t>(std::count(data, data + size, '\n')) + 1;
  size_t documents = 0;
  while (source.Next(&raw)) {
    if (++documents > lines) __builtin_trap();
    if (raw.failed && raw.diagnostics.empty()) __builtin_trap();  // a failed line must say why
    crosscheck::fuzzing::CheckDocument(crosscheck::ingest::BuildDocument(std::move(raw), resources));
  }
  return 0;
}
