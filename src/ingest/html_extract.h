// Main-content extraction from a saved web page: metadata (title, date,
// outlet, url, language) and the article body as paragraphs. Pure function of
// its input; safe to call from many threads with a shared options object.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ingest/boilerplate_lexicon.h"

namespace crosscheck {

struct HtmlArticle {
  std::string title;
  std::string published;  // ISO date or date-time, as the page gives it
  std::string outlet;
  std::string url;
  std::string language;   // from <html lang>
  std::string text;       // body blocks separated by "\n\n", inline white space collapsed
  std::vector<std::string> diagnostics;
};

// Pages bigger than this are cut (with a diagnostic): real articles are far
// smaller, and gumbo keeps a node per tag in memory.
inline constexpr size_t kDefaultMaxHtmlBytes = 32u << 20;
// Deeper tag nesting is flattened before parsing: gumbo's tree building is
// quadratic in depth, and real pages stay well below this.
inline constexpr size_t kDefaultMaxHtmlNesting = 1000;

struct HtmlExtractOptions {
  // Loaded once (LoadBoilerplate) and shared; without it only the structural
  // heuristics run.
  std::shared_ptr<const BoilerplateLexicon> boilerplate;
  size_t max_input_bytes = kDefaultMaxHtmlBytes;
  size_t max_nesting_depth = kDefaultMaxHtmlNesting;
};

// kEmpty for empty input or a page without any text, kBinary for binary data.
// Repairs (bad UTF-8, cut input, flattened nesting) are reported in
// `diagnostics` of a successful result.
Result<HtmlArticle> ExtractArticle(std::string_view html, const HtmlExtractOptions& options = {});

}  // namespace crosscheck
