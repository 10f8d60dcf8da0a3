// dump_text: prints, for every input document, everything ingest + text make of it
// (metadata, diagnostics, cleaned text, offset anchors, sentences, tokens with folded
// forms), one line each, so that two builds can be compared with diff. A developer
// tool for performance work: a faster path must print exactly the same.
//   usage: dump_text PATH... [--data DIR]
#include <cstdio>
#include <string>
#include <vector>

#include "ingest/document_builder.h"
#include "ingest/input_source.h"
#include "text/tokenize.h"

int main(int argc, char** argv) {
  std::string data_dir = std::string(CROSSCHECK_SOURCE_DIR) + "/data";
  std::vector<std::string> paths;
  for (int arg_idx = 1; arg_idx < argc; ++arg_idx) {
    const std::string arg = argv[arg_idx];
    if (arg == "--data" && arg_idx + 1 < argc) {
      data_dir = argv[++arg_idx];
    } else {
      paths.push_back(arg);
    }
  }
  if (crosscheck::Status status = crosscheck::text::LoadSentenceAbbreviations(data_dir + "/lexicon/abbreviations.tsv");
      !status.ok()) {
    std::fprintf(stderr, "dump_text: %s\n", status.ToString().c_str());
    return 2;
  }
  crosscheck::Result<crosscheck::ingest::IngestResources> resources = crosscheck::ingest::IngestResources::Load(data_dir);
  if (!resources.ok()) {
    std::fprintf(stderr, "dump_text: %s\n", resources.status().ToString().c_str());
    return 2;
  }
  crosscheck::ingest::InputSource source(paths);
  crosscheck::ingest::RawInput raw;
  while (source.Next(&raw)) {
    const crosscheck::Document doc = crosscheck::ingest::BuildDocument(std::move(raw), *resources);
    std::printf("doc %s | %s | %s | %s | %s | %s | %s | skipped=%d\n", doc.id.c_str(), doc.origin.c_str(),
                doc.title.c_str(), doc.published.c_str(), doc.outlet.c_str(), doc.url.c_str(), doc.language.c_str(),
                doc.skipped ? 1 : 0);
    for (const crosscheck::Diagnostic& diagnostic : doc.diagnostics) {
      std::printf("diag %s | %s | %s | %s | %d\n", diagnostic.document.c_str(), diagnostic.origin.c_str(),
                  diagnostic.code.c_str(), diagnostic.message.c_str(), diagnostic.skipped ? 1 : 0);
    }
    std::printf("text %zu\n%s\n", doc.text.size(), doc.text.c_str());
    for (const crosscheck::OffsetAnchor& anchor : doc.anchors) std::printf("anchor %u %u\n", anchor.clean, anchor.source);
    const crosscheck::text::TokenStream stream = crosscheck::text::Tokenize(doc.text);
    for (const crosscheck::text::Sentence& sentence : stream.sentences) {
      std::printf("sentence %u %u %u %u %u\n", sentence.span.begin, sentence.span.end, sentence.first_token,
                  sentence.end_token, sentence.paragraph);
    }
    for (const crosscheck::text::Token& token : stream.tokens) {
      std::printf("token %u %u %d %d%d%d %u %.*s\n", token.span.begin, token.span.end, static_cast<int>(token.kind),
                  token.capitalized ? 1 : 0, token.all_caps ? 1 : 0, token.space_before ? 1 : 0, token.sentence,
                  static_cast<int>(token.folded.size()), token.folded.data());
    }
  }
  return 0;
}
