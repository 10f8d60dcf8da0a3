// libFuzzer target for the plain-text reader: any bytes given as a .txt body must
// give a Document (kept or skipped with a reason) whose spans all lie inside its
// valid-UTF-8 cleaned text, never a crash or hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_invariants.h"

namespace {
// Real reports are far smaller; the cap keeps many runs a second.
constexpr size_t kMaxFuzzInputBytes = 1 << 20;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxFuzzInputBytes) return 0;
  const crosscheck::ingest::IngestResources& resources = crosscheck::fuzzing::Resources();
  crosscheck::ingest::RawInput raw;
  raw.id = "fuzz";
  raw.origin = "fuzz.txt";
  raw.kind = crosscheck::ingest::BodyKind::kText;
  raw.body.assign(reinterpret_cast<const char*>(data), size);
  crosscheck::fuzzing::CheckDocument(crosscheck::ingest::BuildDocument(std::move(raw), resources));
  return 0;
}
