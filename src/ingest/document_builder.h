// Turns a raw input into a Document: HTML main-content extraction or plain-text
// boilerplate stripping, UTF-8 repair, cleaning with offsets, metadata, language.
// Resources are loaded once and shared read-only by every worker thread.
#pragma once

#include <memory>
#include <string>

#include "core/document.h"
#include "core/status.h"
#include "ingest/boilerplate_lexicon.h"
#include "ingest/input_source.h"
#include "ingest/language.h"

namespace crosscheck::ingest {

struct IngestResources {
  std::shared_ptr<const BoilerplateLexicon> boilerplate;
  std::shared_ptr<const EnglishMarkers> english_markers;

  // Loads data/boilerplate/phrases.tsv below `data_dir`.
  static Result<IngestResources> Load(const std::string& data_dir);
};

Document BuildDocument(RawInput raw, const IngestResources& resources);

}  // namespace crosscheck::ingest
