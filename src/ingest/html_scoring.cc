#include "ingest/html_scoring.h"

#include <algorithm>
#include <cmath>

namespace crosscheck::html {
namespace {

// Paragraphs shorter than this are captions, labels or buttons: not scored.
constexpr uint32_t kMinScoredChars = 25;
constexpr uint32_t kCharsPerPoint = 100;
constexpr float kMaxLengthPoints = 3;
// How far up a paragraph's score travels (Readability: five ancestors).
constexpr int kScoredAncestorLevels = 5;
constexpr float kGrandparentDivisor = 2;
constexpr float kDeeperLevelFactor = 3;
// Top candidates compared when deciding to move up to a shared ancestor.
constexpr size_t kTopCandidates = 5;
constexpr float kAlternativeShare = 0.75f;
constexpr int kMinAlternativesSharingAncestor = 3;
constexpr float kParentClimbShare = 1.0f / 3.0f;
// Siblings join the article at a fifth of its score (at least kMinSiblingScore).
constexpr float kSiblingShare = 0.2f;
constexpr float kMinSiblingScore = 10;
constexpr uint32_t kLongParagraphChars = 80;
constexpr float kMaxLongParagraphLinkDensity = 0.25f;
// Conditional cleaning (Readability's _cleanConditionally).
constexpr uint32_t kFewCommas = 10;
constexpr float kMaxLinkDensityUnweighted = 0.2f;
constexpr float kMaxLinkDensityWeighted = 0.5f;
constexpr float kStrongWeight = 25;
constexpr uint32_t kMinContainerChars = 25;
constexpr float kListTextShare = 0.9f;
// A soft-dropped element (form/header/footer) is kept when it holds this share
// of the page's paragraph text: then it wraps the article.
constexpr float kSoftDropKeepShare = 0.5f;

bool IsScoredKind(BlockKind kind) {
  return kind == BlockKind::kParagraph || kind == BlockKind::kPre || kind == BlockKind::kLoose ||
         kind == BlockKind::kCell || kind == BlockKind::kHeading || kind == BlockKind::kQuote;
}

float TagScore(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: return 5;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: return -3;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TH: return -5;
    default: return 0;
  }
}

class Scorer {
 public:
  Scorer(const Page& page, const ScoringFlags& flags)
      : page_(page), flags_(flags), eligible_(page.blocks.size(), 1) {
    ExcludeBlocks();
    BuildPrefixSums();
  }

  std::vector<uint8_t> Run() {
    std::vector<uint8_t> selected(page_.blocks.size(), 0);
    ScoreParagraphs();
    const int32_t top = PickTopCandidate();
    if (top < 0) {
      // No scored paragraph at all: keep whatever eligible text there is.
      for (size_t block_idx = 0; block_idx < page_.blocks.size(); ++block_idx)
        selected[block_idx] = eligible_[block_idx];
      return selected;
    }
    const std::vector<int32_t> chosen = CollectSiblings(top);
    for (int32_t element : chosen) MarkSubtree(element, &selected);
    if (flags_.clean_conditionally) CleanConditionally(chosen, &selected);
    return selected;
  }

 private:
  const Element& El(int32_t idx) const { return page_.elements[static_cast<size_t>(idx)]; }

  void ExcludeBlocks() {
    uint64_t paragraph_chars = 0;
    for (const Block& block : page_.blocks)
      if (block.kind == BlockKind::kParagraph) paragraph_chars += block.text.size();
    for (size_t element_idx = 0; element_idx < page_.elements.size(); ++element_idx) {
      const Element& element = page_.elements[element_idx];
      if (!element.soft_dropped) continue;
      uint64_t own = 0;
      for (uint32_t block_idx = element.first_block; block_idx < element.end_block; ++block_idx)
        if (page_.blocks[block_idx].kind == BlockKind::kParagraph) own += page_.blocks[block_idx].text.size();
      if (paragraph_chars > 0 && static_cast<float>(own) >= kSoftDropKeepShare * static_cast<float>(paragraph_chars))
        continue;
      std::fill(eligible_.begin() + element.first_block, eligible_.begin() + element.end_block, 0);
    }
    if (!flags_.strip_unlikely) return;
    for (size_t block_idx = 0; block_idx < page_.blocks.size(); ++block_idx)
      if (page_.blocks[block_idx].in_unlikely) eligible_[block_idx] = 0;
  }

  void BuildPrefixSums() {
    const size_t n = page_.blocks.size();
    chars_prefix_.assign(n + 1, 0);
    link_prefix_.assign(n + 1, 0);
    commas_prefix_.assign(n + 1, 0);
    for (size_t block_idx = 0; block_idx < n; ++block_idx) {
      const Block& block = page_.blocks[block_idx];
      const bool ok = eligible_[block_idx] != 0;
      chars_prefix_[block_idx + 1] = chars_prefix_[block_idx] + (ok ? block.text.size() : 0);
      link_prefix_[block_idx + 1] = link_prefix_[block_idx] + (ok ? block.link_chars : 0);
      commas_prefix_[block_idx + 1] = commas_prefix_[block_idx] + (ok ? block.commas : 0);
    }
  }

  uint64_t TextChars(const Element& e) const { return chars_prefix_[e.end_block] - chars_prefix_[e.first_block]; }
  uint64_t Commas(const Element& e) const { return commas_prefix_[e.end_block] - commas_prefix_[e.first_block]; }
  float LinkDensity(const Element& e) const {
    const uint64_t chars = TextChars(e);
    if (chars == 0) return 0;
    return static_cast<float>(link_prefix_[e.end_block] - link_prefix_[e.first_block]) / static_cast<float>(chars);
  }
  float Weight(const Element& e) const { return flags_.weight_classes ? e.class_weight : 0.0f; }

  void Initialise(int32_t idx) {
    if (initialised_[static_cast<size_t>(idx)]) return;
    initialised_[static_cast<size_t>(idx)] = 1;
    const Element& element = El(idx);
    score_[static_cast<size_t>(idx)] = TagScore(element.tag) + Weight(element);
    candidates_.push_back(idx);
  }

  void ScoreParagraphs() {
    score_.assign(page_.elements.size(), 0);
    initialised_.assign(page_.elements.size(), 0);
    for (size_t block_idx = 0; block_idx < page_.blocks.size(); ++block_idx) {
      const Block& block = page_.blocks[block_idx];
      if (!eligible_[block_idx] || block.element < 0 || !IsScoredKind(block.kind)) continue;
      const auto chars = static_cast<uint32_t>(block.text.size());
      if (chars < kMinScoredChars) continue;
      const float points = 1.0f + static_cast<float>(block.commas) +
                           std::min(static_cast<float>(chars / kCharsPerPoint), kMaxLengthPoints);
      // Loose text sits directly in its container (Readability wraps it in a
      // <p>), so the container itself is the first ancestor to score.
      int32_t ancestor = block.kind == BlockKind::kLoose ? block.element : El(block.element).parent;
      for (int level = 0; level < kScoredAncestorLevels && ancestor >= 0; ++level) {
        const float divisor = level == 0 ? 1.0f : level == 1 ? kGrandparentDivisor
                                                             : static_cast<float>(level) * kDeeperLevelFactor;
        Initialise(ancestor);
        score_[static_cast<size_t>(ancestor)] += points / divisor;
        ancestor = El(ancestor).parent;
      }
    }
    for (int32_t idx : candidates_)
      score_[static_cast<size_t>(idx)] *= 1.0f - LinkDensity(El(idx));
  }

  bool IsAncestor(int32_t ancestor, int32_t node) const {
    return ancestor <= node && static_cast<uint32_t>(node) < El(ancestor).end_element;
  }

  int32_t PickTopCandidate() {
    std::vector<int32_t> top;
    for (int32_t idx : candidates_) {
      const Element& element = El(idx);
      if (element.tag == GUMBO_TAG_BODY || element.tag == GUMBO_TAG_HTML) continue;
      top.push_back(idx);
    }
    if (top.empty()) {
      for (int32_t idx : candidates_) top.push_back(idx);
      if (top.empty()) return -1;
    }
    auto by_score = [&](int32_t a, int32_t b) { return score_[static_cast<size_t>(a)] > score_[static_cast<size_t>(b)]; };
    const size_t keep = std::min(kTopCandidates, top.size());
    std::partial_sort(top.begin(), top.begin() + static_cast<long>(keep), top.end(), by_score);
    top.resize(keep);
    int32_t best = top[0];
    const float best_score = score_[static_cast<size_t>(best)];
    if (best_score <= 0) return best;

    // When several strong candidates are scattered inside one ancestor (an
    // article split by ads or images), that ancestor is the article.
    std::vector<int32_t> alternatives;
    for (size_t cand_idx = 1; cand_idx < top.size(); ++cand_idx)
      if (score_[static_cast<size_t>(top[cand_idx])] / best_score >= kAlternativeShare)
        alternatives.push_back(top[cand_idx]);
    if (static_cast<int>(alternatives.size()) >= kMinAlternativesSharingAncestor) {
      for (int32_t parent = El(best).parent; parent >= 0 && El(parent).tag != GUMBO_TAG_BODY;
           parent = El(parent).parent) {
        int containing = 0;
        for (int32_t alt : alternatives) containing += IsAncestor(parent, alt) ? 1 : 0;
        if (containing >= kMinAlternativesSharingAncestor) {
          best = parent;
          break;
        }
      }
    }
    // Move up while the parent scores about as well (the article's wrapper).
    float last_score = score_[static_cast<size_t>(best)];
    const float threshold = last_score * kParentClimbShare;
    for (int32_t parent = El(best).parent; parent >= 0 && El(parent).tag != GUMBO_TAG_BODY;
         parent = El(parent).parent) {
      if (!initialised_[static_cast<size_t>(parent)]) continue;
      const float parent_score = score_[static_cast<size_t>(parent)];
      if (parent_score < threshold) break;
      if (parent_score > last_score) {
        best = parent;
        break;
      }
      last_score = parent_score;
    }
    // A lone child adds nothing: its parent is the same content with more context.
    for (int32_t parent = El(best).parent; parent >= 0 && El(parent).tag != GUMBO_TAG_BODY;
         parent = El(parent).parent) {
      if (ChildCount(parent) != 1) break;
      best = parent;
    }
    return best;
  }

  int ChildCount(int32_t idx) const {
    int count = 0;
    for (uint32_t child = static_cast<uint32_t>(idx) + 1; child < El(idx).end_element; child = El(static_cast<int32_t>(child)).end_element)
      ++count;
    return count;
  }

  bool ParagraphLooksLikeArticle(const Element& element) const {
    const uint64_t chars = TextChars(element);
    const float link_density = LinkDensity(element);
    if (chars > kLongParagraphChars) return link_density < kMaxLongParagraphLinkDensity;
    if (chars == 0 || link_density > 0) return false;
    for (uint32_t block_idx = element.first_block; block_idx < element.end_block; ++block_idx) {
      const std::string& text = page_.blocks[block_idx].text;
      if (!text.empty() && (text.back() == '.' || text.find(". ") != std::string::npos)) return true;
    }
    return false;
  }

  std::vector<int32_t> CollectSiblings(int32_t top) {
    const int32_t parent = El(top).parent;
    if (parent < 0) return {top};
    const float top_score = score_[static_cast<size_t>(top)];
    const float threshold = std::max(kMinSiblingScore, top_score * kSiblingShare);
    const uint32_t top_class = El(top).class_hash;
    std::vector<int32_t> chosen;
    for (uint32_t child = static_cast<uint32_t>(parent) + 1; child < El(parent).end_element;
         child = El(static_cast<int32_t>(child)).end_element) {
      const auto idx = static_cast<int32_t>(child);
      if (idx == top) {
        chosen.push_back(idx);
        continue;
      }
      const Element& sibling = El(idx);
      float bonus = 0;
      if (top_class != 0 && sibling.class_hash == top_class) bonus += top_score * kSiblingShare;
      if (initialised_[child] && score_[child] + bonus >= threshold) {
        chosen.push_back(idx);
        continue;
      }
      if (sibling.tag == GUMBO_TAG_P && ParagraphLooksLikeArticle(sibling)) chosen.push_back(idx);
    }
    return chosen;
  }

  void MarkSubtree(int32_t idx, std::vector<uint8_t>* selected) const {
    const Element& element = El(idx);
    for (uint32_t block_idx = element.first_block; block_idx < element.end_block; ++block_idx)
      (*selected)[block_idx] = eligible_[block_idx];
  }

  // Readability's conditional cleaning: inside the article, drop containers
  // that are mostly links, lists of teasers, or image galleries.
  void CleanConditionally(const std::vector<int32_t>& chosen, std::vector<uint8_t>* selected) const {
    for (size_t element_idx = 0; element_idx < page_.elements.size(); ++element_idx) {
      const Element& element = page_.elements[element_idx];
      const GumboTag tag = element.tag;
      // The article containers themselves and their wrappers are never cleaned.
      const auto as_index = static_cast<int32_t>(element_idx);
      if (std::any_of(chosen.begin(), chosen.end(), [&](int32_t c) { return IsAncestor(as_index, c); }))
        continue;
      if (tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_SECTION && tag != GUMBO_TAG_UL && tag != GUMBO_TAG_OL &&
          tag != GUMBO_TAG_TABLE && tag != GUMBO_TAG_FORM && tag != GUMBO_TAG_FIELDSET && tag != GUMBO_TAG_DL)
        continue;
      if (element.first_block >= element.end_block || !(*selected)[element.first_block]) {
        // Only containers whose first block is in the article; cheap test
        // that also skips empty containers.
        bool any = false;
        for (uint32_t block_idx = element.first_block; block_idx < element.end_block && !any; ++block_idx)
          any = (*selected)[block_idx] != 0;
        if (!any) continue;
      }
      if (ShouldRemove(static_cast<int32_t>(element_idx))) {
        std::fill(selected->begin() + element.first_block, selected->begin() + element.end_block, 0);
        element_idx = element.end_element - 1;  // the subtree is gone
      }
    }
  }

  bool ShouldRemove(int32_t idx) const {
    const Element& element = El(idx);
    const float weight = Weight(element);
    const float score = initialised_[static_cast<size_t>(idx)] ? score_[static_cast<size_t>(idx)] : 0;
    if (weight + score < 0) return true;
    if (Commas(element) >= kFewCommas) return false;
    const uint64_t chars = TextChars(element);
    uint64_t list_chars = 0;
    for (uint32_t block_idx = element.first_block; block_idx < element.end_block; ++block_idx)
      if (page_.blocks[block_idx].kind == BlockKind::kListItem && eligible_[block_idx])
        list_chars += page_.blocks[block_idx].text.size();
    const bool is_list = element.tag == GUMBO_TAG_UL || element.tag == GUMBO_TAG_OL ||
                         (chars > 0 && static_cast<float>(list_chars) >= kListTextShare * static_cast<float>(chars));
    const float link_density = LinkDensity(element);
    const auto paragraphs = static_cast<float>(element.paragraphs);
    const auto images = static_cast<float>(element.images);
    if (images > 1 && paragraphs / images < 0.5f) return true;
    if (!is_list && element.list_items > element.paragraphs + 100) return true;
    if (!is_list && chars < kMinContainerChars && (element.images == 0 || element.images > 2)) return true;
    if (!is_list && weight < kStrongWeight && link_density > kMaxLinkDensityUnweighted) return true;
    if (weight >= kStrongWeight && link_density > kMaxLinkDensityWeighted) return true;
    if (is_list && link_density > kMaxLinkDensityWeighted) return true;
    return false;
  }

  const Page& page_;
  const ScoringFlags& flags_;
  std::vector<uint8_t> eligible_;
  std::vector<uint64_t> chars_prefix_;
  std::vector<uint64_t> link_prefix_;
  std::vector<uint64_t> commas_prefix_;
  std::vector<float> score_;
  std::vector<uint8_t> initialised_;
  std::vector<int32_t> candidates_;
};

}  // namespace

std::vector<uint8_t> SelectArticleBlocks(const Page& page, const ScoringFlags& flags) {
  return Scorer(page, flags).Run();
}

}  // namespace crosscheck::html
