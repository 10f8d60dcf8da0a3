#include "ingest/html_blocks.h"

#include <array>
#include <cctype>
#include <cstring>
#include <string_view>

namespace crosscheck::html {
namespace {

// Readability's class/id hints, as substrings of the lower-cased class and id.
// They describe page structure in general, not any one site.
constexpr std::array<std::string_view, 11> kPositiveHints = {
    "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story"};
constexpr std::array<std::string_view, 33> kNegativeHints = {
    "hidden",  "banner",   "combx",  "comment",   "com-",       "contact",  "foot",
    "footnote", "gdpr",    "masthead", "media",   "meta",       "outbrain", "promo",
    "related", "scroll",   "share",  "shoutbox",  "sidebar",    "skyscraper", "sponsor",
    "shopping", "tags",    "tool",   "widget",    "social",     "subscribe", "newsletter",
    "cookie",  "byline",   "author", "nav",       "menu"};
// Containers that are almost never the article (dropped before scoring on the
// first attempt) unless a class also says "article"/"content"/"main"...
constexpr std::array<std::string_view, 37> kUnlikelyHints = {
    "-ad-",     "ai2html",   "banner",     "breadcrumb", "combx",   "comment",  "community",
    "cover-wrap", "disqus",  "extra",      "footer",     "gdpr",    "header",   "legends",
    "menu",     "related",   "remark",     "replies",    "rss",     "shoutbox", "sidebar",
    "skyscraper", "social",  "sponsor",    "supplemental", "ad-break", "agegate", "pagination",
    "pager",    "popup",     "yom-remote", "share",      "cookie",  "newsletter", "subscribe",
    "promo",    "recommend"};
constexpr std::array<std::string_view, 7> kMaybeCandidateHints = {
    "and", "article", "body", "column", "content", "main", "shadow"};
constexpr std::array<std::string_view, 7> kUnlikelyRoles = {
    "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"};
constexpr float kHintWeight = 25.0f;
constexpr size_t kMaxHintBytes = 256;

template <size_t N>
bool ContainsAny(std::string_view haystack, const std::array<std::string_view, N>& needles) {
  for (std::string_view needle : needles)
    if (haystack.find(needle) != std::string_view::npos) return true;
  return false;
}

// "ad", "ads", "ad-slot", "ads_top": advertising slots named by a class token.
bool HasAdToken(std::string_view hints) {
  size_t pos = 0;
  while (pos < hints.size()) {
    size_t end = hints.find(' ', pos);
    if (end == std::string_view::npos) end = hints.size();
    const std::string_view token = hints.substr(pos, end - pos);
    if (token == "ad" || token == "ads" || token.starts_with("ad-") || token.starts_with("ad_") ||
        token.starts_with("ads-") || token.starts_with("ads_") || token == "advert" ||
        token.starts_with("advert"))
      return true;
    pos = end + 1;
  }
  return false;
}

const char* Attr(const GumboElement& element, const char* name) {
  const GumboAttribute* attr = gumbo_get_attribute(&element.attributes, name);
  return attr ? attr->value : nullptr;
}

void AppendLower(std::string* out, const char* value) {
  if (!value) return;
  for (const char* p = value; *p && out->size() < kMaxHintBytes; ++p)
    out->push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(*p))));
  out->push_back(' ');
}

float HintWeight(std::string_view value) {
  if (value.empty()) return 0;
  float weight = 0;
  if (ContainsAny(value, kNegativeHints) || HasAdToken(value)) weight -= kHintWeight;
  if (ContainsAny(value, kPositiveHints)) weight += kHintWeight;
  return weight;
}

uint32_t HashString(std::string_view s) {
  uint32_t h = 2166136261u;  // FNV-1a: only equality of class strings matters
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

// Subtrees whose text never belongs to an article.
bool IsDroppedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SELECT: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_MAP:
    case GUMBO_TAG_MENU: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_LABEL:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_DATALIST: case GUMBO_TAG_APPLET: case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

// Dropped unless they turn out to hold most of the page's text: some sites
// wrap the whole page in one <form> (ASP.NET) or the article in <header>.
bool IsSoftDroppedTag(GumboTag tag) {
  return tag == GUMBO_TAG_FORM || tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_FOOTER;
}

// Inline formatting: text flows through them without starting a new block,
// and they are never article containers, so no Element is made for them.
bool IsInlineTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A: case GUMBO_TAG_ABBR: case GUMBO_TAG_B: case GUMBO_TAG_BDI: case GUMBO_TAG_BDO:
    case GUMBO_TAG_CITE: case GUMBO_TAG_CODE: case GUMBO_TAG_DATA: case GUMBO_TAG_DFN: case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_KBD: case GUMBO_TAG_MARK: case GUMBO_TAG_Q:
    case GUMBO_TAG_S: case GUMBO_TAG_SAMP: case GUMBO_TAG_SMALL: case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_TIME: case GUMBO_TAG_TT: case GUMBO_TAG_U:
    case GUMBO_TAG_VAR: case GUMBO_TAG_WBR: case GUMBO_TAG_BIG: case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_INS: case GUMBO_TAG_DEL: case GUMBO_TAG_IMG: case GUMBO_TAG_NOBR: case GUMBO_TAG_BR:
    case GUMBO_TAG_RUBY: case GUMBO_TAG_RT: case GUMBO_TAG_RP:
    case GUMBO_TAG_SOURCE:
      return true;
    default:
      return false;
  }
}

// <span> is inline but often a container; it gets an Element without
// breaking the text flow.
bool IsTransparentContainer(GumboTag tag) { return tag == GUMBO_TAG_SPAN; }

BlockKind KindOf(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: return BlockKind::kParagraph;
    case GUMBO_TAG_H1: return BlockKind::kTitleHeading;
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
      return BlockKind::kHeading;
    case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD: return BlockKind::kListItem;
    case GUMBO_TAG_BLOCKQUOTE: return BlockKind::kQuote;
    case GUMBO_TAG_PRE: return BlockKind::kPre;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: return BlockKind::kCell;
    default: return BlockKind::kLoose;
  }
}

bool IsHidden(const GumboElement& element) {
  if (Attr(element, "hidden")) return true;
  const char* aria = Attr(element, "aria-hidden");
  if (aria && std::strcmp(aria, "true") == 0) return true;
  const char* style = Attr(element, "style");
  if (!style) return false;
  std::string compact;
  for (const char* p = style; *p && compact.size() < kMaxHintBytes; ++p)
    if (!std::isspace(static_cast<unsigned char>(*p)))
      compact.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(*p))));
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

struct Frame {
  const GumboNode* node;
  unsigned next_child;
  int32_t element;         // Element this node made, or -1
  int32_t owner;           // nearest block-level Element (text goes to its blocks)
  bool suppressed;         // text here is dropped
  bool in_link;
  bool in_unlikely;
  bool starts_block;       // leaving this node ends the current block
};

class Builder {
 public:
  Builder(MetadataCollector* metadata, Page* page) : metadata_(metadata), page_(page) {}

  void Run(const GumboNode& root) {
    std::vector<Frame> stack;
    stack.push_back(Enter(root, nullptr));
    while (!stack.empty()) {
      Frame& frame = stack.back();
      const GumboNode* node = frame.node;
      const bool has_children = node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_DOCUMENT;
      const GumboVector* children =
          node->type == GUMBO_NODE_ELEMENT ? &node->v.element.children
          : node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : nullptr;
      if (has_children && frame.next_child < children->length) {
        const auto* child = static_cast<const GumboNode*>(children->data[frame.next_child++]);
        const Frame parent = frame;  // `frame` may dangle once the stack grows
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA ||
            child->type == GUMBO_NODE_WHITESPACE) {
          if (!parent.suppressed) AddText(child->v.text.text, parent);
          continue;
        }
        if (child->type != GUMBO_NODE_ELEMENT && child->type != GUMBO_NODE_TEMPLATE) continue;
        stack.push_back(Enter(*child, &parent));
        continue;
      }
      Leave(frame);
      stack.pop_back();
    }
    Flush();
  }

 private:
  Frame Enter(const GumboNode& node, const Frame* parent) {
    Frame frame{&node, 0, -1, parent ? parent->owner : -1, parent && parent->suppressed,
                parent && parent->in_link, parent && parent->in_unlikely, false};
    if (node.type != GUMBO_NODE_ELEMENT && node.type != GUMBO_NODE_TEMPLATE) return frame;
    const GumboElement& element = node.v.element;
    metadata_->OnElement(node);
    if (frame.suppressed) return frame;
    const GumboTag tag = element.tag;
    if (IsDroppedTag(tag) || element.tag_namespace != GUMBO_NAMESPACE_HTML || IsHidden(element)) {
      frame.suppressed = true;
      return frame;
    }
    if (tag == GUMBO_TAG_BR) {
      if (!current_.empty()) {
        current_.push_back('\n');
        pending_space_ = false;
      }
      return frame;
    }
    if (tag == GUMBO_TAG_IMG) {
      if (parent && parent->owner >= 0) ++page_->elements[static_cast<size_t>(parent->owner)].own_images;
      return frame;
    }
    if (tag == GUMBO_TAG_A) frame.in_link = true;
    if (IsInlineTag(tag)) return frame;

    const bool transparent = IsTransparentContainer(tag);
    if (!transparent) {
      Flush();
      frame.starts_block = true;
    }
    hints_.clear();
    AppendLower(&hints_, Attr(element, "class"));
    const size_t class_len = hints_.size();
    AppendLower(&hints_, Attr(element, "id"));
    Element out;
    out.parent = parent ? parent->element >= 0 ? parent->element : parent->owner : -1;
    out.tag = tag;
    out.depth = out.parent >= 0 ? static_cast<uint16_t>(page_->elements[static_cast<size_t>(out.parent)].depth + 1) : 0;
    out.class_weight = HintWeight(std::string_view(hints_).substr(0, class_len)) +
                       HintWeight(std::string_view(hints_).substr(class_len));
    out.class_hash = class_len > 0 ? HashString(std::string_view(hints_).substr(0, class_len)) : 0;
    out.soft_dropped = IsSoftDroppedTag(tag);
    out.first_block = static_cast<uint32_t>(page_->blocks.size());
    const char* role = Attr(element, "role");
    bool unlikely = role && ContainsAny(std::string_view(role), kUnlikelyRoles);
    if (!unlikely && tag != GUMBO_TAG_BODY && !hints_.empty()) {
      unlikely = (ContainsAny(std::string_view(hints_), kUnlikelyHints) || HasAdToken(hints_)) &&
                 !ContainsAny(std::string_view(hints_), kMaybeCandidateHints);
    }
    out.unlikely = unlikely;
    frame.in_unlikely = frame.in_unlikely || unlikely;
    frame.element = static_cast<int32_t>(page_->elements.size());
    page_->elements.push_back(out);
    if (!transparent) frame.owner = frame.element;
    return frame;
  }

  void Leave(const Frame& frame) {
    if (frame.starts_block) Flush();
    if (frame.element < 0) return;
    Element& element = page_->elements[static_cast<size_t>(frame.element)];
    element.end_block = static_cast<uint32_t>(page_->blocks.size());
    element.end_element = static_cast<uint32_t>(page_->elements.size());
  }

  void AddText(const char* text, const Frame& where) {
    if (current_.empty()) {
      current_owner_ = where.owner;
      current_unlikely_ = where.in_unlikely;
    }
    for (const char* p = text; *p; ++p) {
      const auto c = static_cast<unsigned char>(*p);
      if (c <= ' ') {
        pending_space_ = !current_.empty() && current_.back() != '\n';
        continue;
      }
      if (pending_space_) {
        current_.push_back(' ');
        if (where.in_link) ++current_link_chars_;
      }
      pending_space_ = false;
      current_.push_back(static_cast<char>(c));
      if (where.in_link) ++current_link_chars_;
      if (c == ',') ++current_commas_;
    }
  }

  void Flush() {
    while (!current_.empty() && (current_.back() == '\n' || current_.back() == ' ')) current_.pop_back();
    if (!current_.empty()) {
      Block block;
      block.element = current_owner_;
      block.kind = current_owner_ >= 0 ? KindOf(page_->elements[static_cast<size_t>(current_owner_)].tag)
                                       : BlockKind::kLoose;
      block.in_unlikely = current_unlikely_;
      block.link_chars = std::min<uint32_t>(current_link_chars_, static_cast<uint32_t>(current_.size()));
      block.commas = current_commas_;
      block.text = std::move(current_);
      page_->blocks.push_back(std::move(block));
    }
    current_.clear();
    current_link_chars_ = 0;
    current_commas_ = 0;
    pending_space_ = false;
  }

  MetadataCollector* metadata_;
  Page* page_;
  std::string hints_;
  std::string current_;
  int32_t current_owner_ = -1;
  bool current_unlikely_ = false;
  uint32_t current_link_chars_ = 0;
  uint32_t current_commas_ = 0;
  bool pending_space_ = false;
};

// Subtree counts (paragraphs, list items, images) in one backward pass:
// elements are in pre-order, so every child comes after its parent.
void AccumulateCounts(Page* page) {
  auto& elements = page->elements;
  for (size_t element_idx = elements.size(); element_idx-- > 0;) {
    Element& element = elements[element_idx];
    element.images += element.own_images;
    if (element.tag == GUMBO_TAG_P) ++element.paragraphs;
    if (element.tag == GUMBO_TAG_LI) ++element.list_items;
    if (element.parent < 0) continue;
    Element& parent = elements[static_cast<size_t>(element.parent)];
    parent.paragraphs += element.paragraphs;
    parent.list_items += element.list_items;
    parent.images += element.images;
  }
}

}  // namespace

void BuildPage(const GumboNode& root, MetadataCollector* metadata, Page* page) {
  Builder builder(metadata, page);
  builder.Run(root);
  AccumulateCounts(page);
}

}  // namespace crosscheck::html
