// A document as every stage after ingest sees it: metadata, the cleaned text that
// all spans point into, and the diagnostics gathered on the way.
#pragma once

#include <string>
#include <vector>

#include "core/span.h"

namespace crosscheck {

struct Diagnostic {
  std::string document;  // the document id, or the path when no id could be read
  std::string origin;    // path, and line for JSON Lines ("feed.jsonl:12")
  std::string code;      // a StatusCode name or a warning name ("repaired_utf8", "not_english")
  std::string message;
  bool skipped = false;  // true when the document was dropped from the batch
};

struct Document {
  std::string id;
  std::string origin;
  std::string title;
  std::string published;  // ISO date (YYYY-MM-DD) or empty
  std::string outlet;
  std::string url;
  std::string language;   // ISO 639-1 code, "un" when it cannot be told
  std::string text;       // cleaned UTF-8: every span points into it
  std::vector<OffsetAnchor> anchors;  // cleaned offsets back to the extracted text
  std::vector<Diagnostic> diagnostics;
  bool skipped = false;

  // Claims are read only from English text until multilingual rules exist.
  bool Minable() const { return !skipped && (language == "en" || language == "un" || language.empty()); }
};

}  // namespace crosscheck
