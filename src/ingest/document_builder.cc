#include "ingest/document_builder.h"

#include <algorithm>

#include "core/date.h"
#include "ingest/html_extract.h"
#include "ingest/html_input.h"
#include "ingest/language.h"
#include "text/normalize.h"

namespace crosscheck::ingest {
namespace {

void Warn(Document* doc, std::string code, std::string message) {
  doc->diagnostics.push_back(Diagnostic{doc->id, doc->origin, std::move(code), std::move(message), false});
}

void Skip(Document* doc, const Status& status) {
  doc->skipped = true;
  doc->diagnostics.push_back(Diagnostic{doc->id, doc->origin, StatusCodeName(status.code()), status.message(), true});
}

// Lines longer than this are not prose a person wrote: worth a warning.
constexpr size_t kLongLineBytes = 1 << 20;

size_t LongestLine(std::string_view text) {
  size_t longest = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    longest = std::max(longest, end - start);
    start = end + 1;
  }
  return longest;
}

// The first non-empty line of a plain-text report is its title.
std::string FirstLine(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos) {
      size_t last = line.find_last_not_of(" \t\r");
      return std::string(line.substr(first, last - first + 1));
    }
    pos = end + 1;
  }
  return {};
}

// Publication dates arrive as dates, date-times or junk: keep the ISO date or nothing.
std::string NormalizePublished(Document* doc, const std::string& published) {
  if (published.empty()) return {};
  Result<CivilDate> date = ParseLooseDate(published);
  if (!date.ok()) {
    Warn(doc, "bad_date", "published date ignored: " + date.status().message());
    return {};
  }
  return FormatIsoDate(*date);
}

}  // namespace

Result<IngestResources> IngestResources::Load(const std::string& data_dir) {
  Result<BoilerplateLexicon> lexicon = LoadBoilerplate(data_dir + "/boilerplate/phrases.tsv");
  if (!lexicon.ok()) return lexicon.status();
  IngestResources resources;
  resources.boilerplate = std::make_shared<const BoilerplateLexicon>(std::move(*lexicon));
  Result<EnglishMarkers> markers = EnglishMarkers::Load(data_dir + "/lexicon/english_markers.tsv");
  if (!markers.ok()) return markers.status();
  resources.english_markers = std::make_shared<const EnglishMarkers>(std::move(*markers));
  return resources;
}

Document BuildDocument(RawInput raw, const IngestResources& resources) {
  Document doc;
  doc.id = raw.id;
  doc.origin = raw.origin;
  doc.title = raw.title;
  doc.outlet = raw.outlet;
  doc.url = raw.url;
  doc.language = raw.language;
  doc.diagnostics = std::move(raw.diagnostics);
  std::string published = raw.published;
  if (raw.failed) {
    doc.skipped = true;
    return doc;
  }
  if (raw.body.empty()) {
    Skip(&doc, Status(StatusCode::kEmpty, "empty document"));
    return doc;
  }
  if (LooksBinary(raw.body)) {
    Skip(&doc, Status(StatusCode::kBinary, "binary data, not text"));
    return doc;
  }
  std::string extracted;
  if (raw.kind == BodyKind::kHtml) {
    HtmlExtractOptions options;
    options.boilerplate = resources.boilerplate;
    Result<HtmlArticle> article = ExtractArticle(raw.body, options);
    if (!article.ok()) {
      Skip(&doc, article.status());
      return doc;
    }
    for (std::string& message : article->diagnostics) Warn(&doc, "html", std::move(message));
    if (doc.title.empty()) doc.title = article->title;
    if (published.empty()) published = article->published;
    if (doc.outlet.empty()) doc.outlet = article->outlet;
    if (doc.url.empty()) doc.url = article->url;
    if (doc.language.empty() && article->language.size() >= 2) doc.language = article->language.substr(0, 2);
    extracted = std::move(article->text);
  } else {
    if (raw.body.find('\0') != std::string::npos) Warn(&doc, "nul_bytes", "NUL bytes in the text were dropped");
    // UTF-16 with a byte-order mark is decoded; other broken bytes become U+FFFD.
    std::vector<std::string> decoding;
    raw.body = DecodeHtmlBytes(raw.body, &decoding);
    for (std::string& message : decoding) Warn(&doc, "encoding", std::move(message));
    if (size_t longest = LongestLine(raw.body); longest > kLongLineBytes) {
      Warn(&doc, "long_line", "a line of " + std::to_string(longest) + " bytes: read as one paragraph");
    }
    if (doc.title.empty()) doc.title = FirstLine(raw.body);
    extracted = resources.boilerplate ? StripPlainTextBoilerplate(raw.body, *resources.boilerplate)
                                      : std::move(raw.body);
  }
  text::CleanText clean = text::Clean(extracted);
  if (clean.text.empty()) {
    Skip(&doc, Status(StatusCode::kEmpty, "no text left after cleaning"));
    return doc;
  }
  doc.text = std::move(clean.text);
  doc.anchors = std::move(clean.anchors);
  doc.published = NormalizePublished(&doc, published);
  for (char& c : doc.language) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (doc.language.empty()) doc.language = DetectLanguage(doc.text, resources.english_markers.get());
  if (!doc.Minable()) {
    Warn(&doc, "not_english", "language '" + doc.language + "': kept, but no claims are read until rules exist for it");
  }
  return doc;
}

}  // namespace crosscheck::ingest
