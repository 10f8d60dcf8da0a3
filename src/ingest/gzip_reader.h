// gzip / zlib decompression for archived web pages and compressed inputs.
// Stateless and thread-safe; output is bounded so a compression bomb is refused.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace crosscheck {

// True when `data` starts with the gzip magic bytes (1f 8b).
bool LooksGzipped(std::string_view data);

// Inflates a gzip stream (all concatenated members) or a zlib stream.
// Fails with kTooLarge once the output would pass `max_output_bytes`,
// kBadEncoding for data that is not gzip/zlib or is corrupt, and
// kEmpty for empty input. Trailing bytes after the last member are ignored.
Result<std::string> Gunzip(std::string_view compressed, size_t max_output_bytes);

}  // namespace crosscheck
