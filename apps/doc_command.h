// `crosscheck doc DOCUMENT`: a stored document's cleaned text, evidence highlighted.
#pragma once

#include "common_options.h"
#include "common_store.h"

namespace crosscheck::app {

struct DocOptions {
  std::string db = "crosscheck.db";
  std::string id;
};

void AddDocCommand(CLI::App* app, DocOptions* options);
int RunDoc(const DocOptions& options);

// The text with each evidence span wrapped in `open`/`close` (overlapping spans merged).
std::string Highlight(const std::string& text, std::vector<ByteSpan> spans, const std::string& open, const std::string& close);

}  // namespace crosscheck::app
