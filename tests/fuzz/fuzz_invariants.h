// Checks shared by the document fuzz targets: what every Document and TokenStream
// must satisfy whatever the input. A violation traps, so libFuzzer and the replay
// driver both report it as a crash with the input that caused it.
#pragma once

#include <string>

#include "core/document.h"
#include "ingest/boilerplate_lexicon.h"
#include "ingest/document_builder.h"
#include "ingest/html_input.h"
#include "text/tokenize.h"

namespace crosscheck::fuzzing {

// The project's real boilerplate phrases and abbreviations, loaded once; a small
// built-in list when the data folder cannot be read, so the target still runs.
inline const ingest::IngestResources& Resources() {
  static const ingest::IngestResources resources = [] {
    const std::string data_dir = std::string(CROSSCHECK_SOURCE_DIR) + "/data";
    (void)text::LoadSentenceAbbreviations(data_dir + "/lexicon/abbreviations.tsv");
    Result<ingest::IngestResources> loaded = ingest::IngestResources::Load(data_dir);
    if (loaded.ok()) return std::move(*loaded);
    ingest::IngestResources fallback;
    fallback.boilerplate =
        std::make_shared<const BoilerplateLexicon>(std::vector<std::string>{"read more", "share this article"});
    return fallback;
  }();
  return resources;
}

// Every span lies inside the cleaned text, which is valid UTF-8; tokens point to
// their sentence and sentences to their tokens.
inline void CheckDocument(const Document& doc) {
  if (doc.skipped) {
    if (doc.diagnostics.empty()) __builtin_trap();  // a dropped document must say why
    return;
  }
  if (doc.text.empty()) __builtin_trap();
  std::string repaired;
  if (RepairUtf8(doc.text, &repaired) != 0) __builtin_trap();
  for (const OffsetAnchor& anchor : doc.anchors) {
    if (anchor.clean > doc.text.size()) __builtin_trap();
  }
  const text::TokenStream stream = text::Tokenize(doc.text);
  for (const text::Token& token : stream.tokens) {
    if (token.span.empty() || token.span.end > doc.text.size()) __builtin_trap();
    if (token.sentence >= stream.sentences.size()) __builtin_trap();
  }
  for (const text::Sentence& sentence : stream.sentences) {
    if (sentence.span.end > doc.text.size() || sentence.span.begin > sentence.span.end) __builtin_trap();
    if (sentence.first_token > sentence.end_token || sentence.end_token > stream.tokens.size()) __builtin_trap();
  }
}

}  // namespace crosscheck::fuzzing
