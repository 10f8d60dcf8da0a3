// Readability-style choice of the article container: paragraphs score their
// ancestors (text length, commas), scores are damped by link density and
// class/id hints, the best container is widened to its parent or to siblings
// of similar score, then link-heavy or list-like parts inside it are cleaned.
// Internal to ingest.
#pragma once

#include <cstdint>
#include <vector>

#include "ingest/html_page.h"

namespace crosscheck::html {

// Heuristics that can be switched off, one after another, when the first
// attempt finds too little text (as Readability retries).
struct ScoringFlags {
  bool strip_unlikely = true;
  bool weight_classes = true;
  bool clean_conditionally = true;
};

// Returns which blocks belong to the article (same size as page.blocks).
std::vector<uint8_t> SelectArticleBlocks(const Page& page, const ScoringFlags& flags);

}  // namespace crosscheck::html
