#include "doc_command.h"

#include <algorithm>

namespace crosscheck::app {

std::string Highlight(const std::string& text, std::vector<ByteSpan> spans, const std::string& open, const std::string& close) {
  std::sort(spans.begin(), spans.end(), [](const ByteSpan& a, const ByteSpan& b) { return a.begin < b.begin; });
  std::vector<ByteSpan> merged;
  for (const ByteSpan& span : spans) {
    if (span.empty() || span.end > text.size()) continue;  // a span from another revision: ignore it
    if (!merged.empty() && span.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, span.end);
    } else {
      merged.push_back(span);
    }
  }
  std::string out;
  size_t at = 0;
  for (const ByteSpan& span : merged) {
    out.append(text, at, span.begin - at);
    out += open;
    out.append(text, span.begin, span.size());
    out += close;
    at = span.end;
  }
  out.append(text, at, std::string::npos);
  return out;
}

void AddDocCommand(CLI::App* app, DocOptions* options) {
  CLI::App* command = app->add_subcommand("doc", "A stored document's cleaned text with its claims' evidence highlighted");
  command->add_option("document", options->id, "Document id")->required();
  AddDbOption(command, &options->db);
}

int RunDoc(const DocOptions& options) {
  std::unique_ptr<store::LedgerStore> store = OpenStoreOrReport(options.db);
  if (!store) return kExitFatal;
  Result<std::optional<store::StoredDocument>> stored = store->GetDocument(options.id);
  if (!stored.ok()) {
    std::cerr << "crosscheck: " << stored.status().ToString() << "\n";
    return kExitFatal;
  }
  if (!stored->has_value()) {
    std::cerr << "crosscheck: no document '" << options.id << "' in the ledger\n";
    return kExitFatal;
  }
  const store::StoredDocument& doc = **stored;
  std::vector<ByteSpan> spans;
  for (const auto& candidate : doc.candidates) {
    for (const auto& claim : candidate.attributions) spans.push_back(claim.span);
    for (const auto& claim : candidate.casualties) spans.push_back(claim.span);
  }
  bool terminal = StdoutIsTerminal();
  std::cout << doc.doc.id << "  revision " << doc.revision << "  " << doc.doc.published << "  " << doc.doc.url << "\n";
  std::cout << "incidents:";
  for (const std::string& id : doc.incidents) std::cout << " " << id;
  std::cout << "\n\n"
            << Highlight(doc.doc.text, spans, terminal ? "\x1b[1;33m" : "[[", terminal ? "\x1b[0m" : "]]") << "\n";
  return kExitOk;
}

}  // namespace crosscheck::app
