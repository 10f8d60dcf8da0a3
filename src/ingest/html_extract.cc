#include "ingest/html_extract.h"

#include <gumbo.h>

#include <memory>

#include "ingest/html_blocks.h"
#include "ingest/html_input.h"
#include "ingest/html_metadata.h"
#include "ingest/html_page.h"
#include "ingest/html_scoring.h"

namespace crosscheck {
namespace {

// Readability retries with fewer heuristics when an attempt yields less text
// than this: the article was probably thrown away with the clutter.
constexpr size_t kMinArticleChars = 500;
// A block this short whose text is mostly links is navigation ("Related: ...").
constexpr size_t kMaxLinkyBlockChars = 300;
constexpr float kMaxBlockLinkDensity = 0.5f;
// A heading is the page title cut short of its " | Site" suffix when it is at
// least this long and the title starts with it.
constexpr size_t kMinTitlePrefixChars = 20;

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

bool IsBlank(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) > ' ') return false;
  return true;
}

// Cuts at a character boundary so the cut itself does not create bad UTF-8.
std::string_view CutAtCharBoundary(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

bool RepeatsTitle(const html::Block& block, const std::string& norm_block,
                  const std::vector<std::string>& norm_titles) {
  for (const std::string& title : norm_titles) {
    if (norm_block == title) return true;
    const bool heading = block.kind == html::BlockKind::kHeading || block.kind == html::BlockKind::kTitleHeading;
    if (heading && norm_block.size() >= kMinTitlePrefixChars && title.starts_with(norm_block)) return true;
  }
  return false;
}

std::string Render(const html::Page& page, const std::vector<uint8_t>& selected,
                   const std::vector<std::string>& norm_titles, const BoilerplateLexicon* lexicon) {
  std::string text;
  bool first_kept = true;
  for (size_t block_idx = 0; block_idx < page.blocks.size(); ++block_idx) {
    if (!selected[block_idx]) continue;
    const html::Block& block = page.blocks[block_idx];
    const size_t chars = block.text.size();
    if (chars < kMaxLinkyBlockChars &&
        static_cast<float>(block.link_chars) > kMaxBlockLinkDensity * static_cast<float>(chars))
      continue;
    if (lexicon && IsShortNoticeLine(block.text) && lexicon->Matches(block.text)) continue;
    // Only near the top: the same words later are part of the story.
    if (first_kept || block.kind == html::BlockKind::kTitleHeading) {
      if (RepeatsTitle(block, NormalizeForMatch(block.text), norm_titles)) continue;
    }
    if (!text.empty()) text.append("\n\n");
    text.append(block.text);
    first_kept = false;
  }
  return text;
}

}  // namespace

Result<HtmlArticle> ExtractArticle(std::string_view html, const HtmlExtractOptions& options) {
  if (IsBlank(html)) return Status(StatusCode::kEmpty, "empty HTML document");
  if (LooksBinary(html)) return Status(StatusCode::kBinary, "binary data, not HTML");
  HtmlArticle article;
  if (html.size() > options.max_input_bytes) {
    article.diagnostics.push_back("HTML of " + std::to_string(html.size()) + " bytes cut to " +
                                  std::to_string(options.max_input_bytes));
    html = CutAtCharBoundary(html, options.max_input_bytes);
  }
  std::string decoded = DecodeHtmlBytes(html, &article.diagnostics);
  std::string flattened;
  const size_t removed_tags = CapTagNesting(decoded, options.max_nesting_depth, &flattened);
  if (removed_tags > 0) {
    article.diagnostics.push_back("HTML nested deeper than " + std::to_string(options.max_nesting_depth) +
                                  " levels: " + std::to_string(removed_tags) + " tags ignored");
    decoded.swap(flattened);
    flattened = std::string();
  }

  GumboOptions gumbo_options = kGumboDefaultOptions;
  // Parse errors are not reported, so do not let gumbo collect them.
  gumbo_options.max_errors = 0;
  std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
      gumbo_parse_with_options(&gumbo_options, decoded.data(), decoded.size()));
  if (!output) return Status(StatusCode::kInternal, "gumbo failed to parse the page");

  html::Page page;
  html::MetadataCollector metadata;
  html::BuildPage(*output->document, &metadata, &page);
  output.reset();
  metadata.Finish(&article);

  std::vector<std::string> norm_titles;
  for (const std::string& title : metadata.TitleCandidates()) {
    std::string norm = NormalizeForMatch(title);
    if (!norm.empty()) norm_titles.push_back(std::move(norm));
  }
  const BoilerplateLexicon* lexicon = options.boilerplate.get();
  static constexpr html::ScoringFlags kAttempts[] = {
      {true, true, true}, {false, true, true}, {false, false, true}, {false, false, false}};
  std::string best;
  for (const html::ScoringFlags& flags : kAttempts) {
    std::string text = Render(page, html::SelectArticleBlocks(page, flags), norm_titles, lexicon);
    if (text.size() > best.size()) best = std::move(text);
    if (best.size() >= kMinArticleChars) break;
  }
  if (best.empty()) {
    if (page.blocks.empty()) return Status(StatusCode::kEmpty, "HTML page without any text");
    article.diagnostics.push_back("no article body found; kept all page text");
    for (const html::Block& block : page.blocks) {
      if (!best.empty()) best.append("\n\n");
      best.append(block.text);
    }
  }
  article.text = std::move(best);
  return article;
}

}  // namespace crosscheck
