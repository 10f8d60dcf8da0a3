#include "ingest/html_metadata.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cctype>
#include <cstring>

#include "ingest/html_extract.h"

namespace crosscheck::html {
namespace {

// JSON-LD blocks larger than this are not article metadata (some sites inline
// whole product catalogues); skipping them keeps parse time bounded.
constexpr size_t kMaxJsonLdBytes = 1u << 20;
// Objects visited per JSON-LD block, against pathological nesting and breadth.
constexpr size_t kMaxJsonLdNodes = 20000;

const char* Attr(const GumboElement& element, const char* name) {
  const GumboAttribute* attr = gumbo_get_attribute(&element.attributes, name);
  return attr ? attr->value : nullptr;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  bool pending = false;
  for (char c : s) {
    if (static_cast<unsigned char>(c) <= ' ') {
      pending = !out.empty();
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.push_back(c);
  }
  return out;
}

void SetOnce(std::string* slot, std::string_view value) {
  if (slot->empty() && value.data() != nullptr) *slot = CollapseSpace(value);
}

std::string FirstText(const GumboNode& node) {
  const GumboVector& children = node.v.element.children;
  for (unsigned child_idx = 0; child_idx < children.length; ++child_idx) {
    const auto* child = static_cast<const GumboNode*>(children.data[child_idx]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) return child->v.text.text;
  }
  return {};
}

bool IsArticleType(const nlohmann::json& object) {
  auto it = object.find("@type");
  if (it == object.end()) return false;
  auto type_is_article = [](const nlohmann::json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    return s.find("Article") != std::string::npos || s == "BlogPosting" || s == "Report";
  };
  if (type_is_article(*it)) return true;
  if (it->is_array()) {
    for (const auto& t : *it)
      if (type_is_article(t)) return true;
  }
  return false;
}

std::string StringField(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  if (it != object.end() && it->is_string()) return it->get<std::string>();
  return {};
}

}  // namespace

void MetadataCollector::OnElement(const GumboNode& node) {
  const GumboElement& element = node.v.element;
  switch (element.tag) {
    case GUMBO_TAG_HTML:
      if (const char* lang = Attr(element, "lang")) SetOnce(&language_, lang);
      if (const char* lang = Attr(element, "xml:lang")) SetOnce(&language_, lang);
      return;
    case GUMBO_TAG_TITLE:
      // <title> inside inline SVG is an image caption, not the page title.
      if (!title_seen_ && element.tag_namespace == GUMBO_NAMESPACE_HTML) {
        title_seen_ = true;
        html_title_ = CollapseSpace(FirstText(node));
      }
      return;
    case GUMBO_TAG_META:
      OnMeta(element);
      return;
    case GUMBO_TAG_LINK: {
      const char* rel = Attr(element, "rel");
      const char* href = Attr(element, "href");
      if (rel && href && Lower(rel) == "canonical") SetOnce(&canonical_, href);
      return;
    }
    case GUMBO_TAG_TIME: {
      const char* datetime = Attr(element, "datetime");
      if (!datetime) return;
      const char* itemprop = Attr(element, "itemprop");
      if (itemprop && Lower(itemprop) == "datepublished") SetOnce(&itemprop_published_, datetime);
      if (Attr(element, "pubdate")) SetOnce(&other_published_, datetime);
      return;
    }
    case GUMBO_TAG_SCRIPT: {
      const char* type = Attr(element, "type");
      if (type && Lower(type) == "application/ld+json") OnJsonLd(FirstText(node));
      return;
    }
    default: {
      // itemprop="datePublished" on any element (span, div) with a content attribute.
      const char* itemprop = Attr(element, "itemprop");
      if (itemprop && Lower(itemprop) == "datepublished") {
        if (const char* content = Attr(element, "content")) SetOnce(&itemprop_published_, content);
        else if (const char* datetime = Attr(element, "datetime")) SetOnce(&itemprop_published_, datetime);
      }
      return;
    }
  }
}

void MetadataCollector::OnMeta(const GumboElement& element) {
  const char* content = Attr(element, "content");
  if (!content) return;
  const char* key_attr = Attr(element, "property");
  if (!key_attr) key_attr = Attr(element, "name");
  if (!key_attr) key_attr = Attr(element, "itemprop");
  if (!key_attr) return;
  const std::string key = Lower(key_attr);
  if (key == "og:title") SetOnce(&og_title_, content);
  else if (key == "twitter:title") SetOnce(&twitter_title_, content);
  else if (key == "og:site_name") SetOnce(&site_name_, content);
  else if (key == "og:url") SetOnce(&og_url_, content);
  else if (key == "article:published_time" || key == "og:article:published_time" ||
           key == "article:published" || key == "published_time")
    SetOnce(&meta_published_, content);
  else if (key == "datepublished") SetOnce(&itemprop_published_, content);
  else if (key == "pubdate" || key == "publishdate" || key == "publish-date" || key == "dc.date" ||
           key == "dc.date.issued" || key == "dcterms.date" || key == "dcterms.issued" ||
           key == "date" || key == "sailthru.date" || key == "parsely-pub-date")
    SetOnce(&other_published_, content);
}

void MetadataCollector::OnJsonLd(std::string_view json) {
  if (json.empty() || json.size() > kMaxJsonLdBytes) return;
  // No exceptions: a malformed block is just skipped (allow_exceptions=false).
  const nlohmann::json root = nlohmann::json::parse(json, nullptr, false, true);
  if (root.is_discarded()) return;
  std::vector<const nlohmann::json*> stack{&root};
  size_t visited = 0;
  std::string any_published;
  while (!stack.empty() && visited++ < kMaxJsonLdNodes) {
    const nlohmann::json* node = stack.back();
    stack.pop_back();
    if (node->is_array()) {
      for (auto it = node->rbegin(); it != node->rend(); ++it) stack.push_back(&*it);
      continue;
    }
    if (!node->is_object()) continue;
    const std::string published = StringField(*node, "datePublished");
    if (IsArticleType(*node)) {
      if (!published.empty()) SetOnce(&ld_published_, published);
      SetOnce(&ld_headline_, StringField(*node, "headline"));
      auto publisher = node->find("publisher");
      if (publisher != node->end() && publisher->is_object())
        SetOnce(&ld_publisher_, StringField(*publisher, "name"));
    }
    if (any_published.empty()) any_published = published;
    for (const char* nested : {"@graph", "mainEntity", "mainEntityOfPage"}) {
      auto it = node->find(nested);
      if (it != node->end() && (it->is_array() || it->is_object())) stack.push_back(&*it);
    }
  }
  SetOnce(&ld_published_, any_published);
}

void MetadataCollector::Finish(HtmlArticle* article) const {
  auto first = [](std::initializer_list<const std::string*> options) {
    for (const std::string* option : options)
      if (!option->empty()) return *option;
    return std::string();
  };
  article->title = first({&og_title_, &ld_headline_, &twitter_title_, &html_title_});
  article->published = first({&meta_published_, &ld_published_, &itemprop_published_, &other_published_});
  article->outlet = first({&site_name_, &ld_publisher_});
  article->url = first({&canonical_, &og_url_});
  article->language = language_;
}

std::vector<std::string> MetadataCollector::TitleCandidates() const {
  std::vector<std::string> titles;
  for (const std::string* title : {&og_title_, &ld_headline_, &twitter_title_, &html_title_})
    if (!title->empty()) titles.push_back(*title);
  return titles;
}

}  // namespace crosscheck::html
