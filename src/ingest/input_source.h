// Walks the inputs a user names (files, directories recursively, JSON Lines, `-` for
// standard input, each optionally gzip-compressed) and yields one raw document at a
// time, so memory stays flat however large the batch. Not thread-safe: one reader.
#pragma once

#include <cstddef>
#include <deque>
#include <fstream>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/document.h"

namespace crosscheck::ingest {

struct IngestLimits {
  size_t max_file_bytes = size_t{512} << 20;      // a single input file
  size_t max_inflated_bytes = size_t{64} << 20;   // what one gzip page may inflate to
  size_t max_inflated_feed_bytes = size_t{1} << 30;  // what a gzip JSON Lines feed may inflate to
  size_t max_line_bytes = size_t{128} << 20;      // one JSON line
};

enum class BodyKind { kText, kHtml };

struct RawInput {
  std::string id;
  std::string origin;  // path, or path:line for JSON Lines
  BodyKind kind = BodyKind::kText;
  std::string body;
  std::string title;
  std::string published;
  std::string outlet;
  std::string url;
  std::string language;
  std::vector<Diagnostic> diagnostics;
  bool failed = false;  // unreadable: the diagnostics say why
};

class InputSource {
 public:
  InputSource(std::vector<std::string> paths, IngestLimits limits = {});
  ~InputSource();

  // The next input, or false when all are read. Unreadable ones come back with
  // failed = true so that the caller can report them in order.
  bool Next(RawInput* out);

 private:
  struct JsonLines;
  bool NextFromJsonLines(RawInput* out);
  bool OpenNextPath(RawInput* out);
  void ExpandDirectory(const std::string& path);

  std::deque<std::string> pending_;
  std::deque<RawInput> notices_;     // directory links not followed, reported in order
  std::unordered_set<std::string> seen_ids_;
  IngestLimits limits_;
  std::unique_ptr<JsonLines> lines_;
};

// The id a file gives its document: the file name without .gz and its extension.
std::string DocumentIdFromPath(const std::string& path);

}  // namespace crosscheck::ingest
