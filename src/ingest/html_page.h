// The flattened form of a parsed page that content scoring works on: elements
// in document (pre-)order with parent links, and text blocks in document
// order, each owned by its nearest block-level element. Internal to ingest.
#pragma once

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <vector>

namespace crosscheck::html {

enum class BlockKind : uint8_t { kParagraph, kHeading, kTitleHeading, kListItem, kQuote, kPre, kCell, kLoose };

struct Element {
  int32_t parent = -1;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  uint16_t depth = 0;
  float class_weight = 0;        // +-25 per positive/negative class or id hint
  bool unlikely = false;         // class/id/role says navigation, comments, ads...
  bool soft_dropped = false;     // form/header/footer: dropped unless it holds the article
  uint32_t class_hash = 0;       // to find siblings with the same class
  uint32_t end_element = 0;      // one past the last element of this subtree
  uint32_t first_block = 0;      // blocks of this subtree: [first_block, end_block)
  uint32_t end_block = 0;
  uint32_t own_images = 0;
  uint32_t paragraphs = 0;       // subtree counts, filled after the walk
  uint32_t list_items = 0;
  uint32_t images = 0;
};

struct Block {
  int32_t element = -1;          // owning block-level element
  BlockKind kind = BlockKind::kLoose;
  bool in_unlikely = false;      // some ancestor is `unlikely`
  uint32_t link_chars = 0;
  uint32_t commas = 0;
  std::string text;
};

struct Page {
  std::vector<Element> elements;
  std::vector<Block> blocks;
};

}  // namespace crosscheck::html
