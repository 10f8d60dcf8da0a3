// Collects page metadata while the page is walked once: <title>, <html lang>,
// <meta> (Open Graph, article:*, Dublin Core, itemprop), canonical link and
// JSON-LD (arrays and @graph). Internal to ingest.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

namespace crosscheck {
struct HtmlArticle;
}

namespace crosscheck::html {

class MetadataCollector {
 public:
  // Called for every element, including those whose text is dropped.
  void OnElement(const GumboNode& node);
  // Fills title, published, outlet, url and language; keeps other fields.
  void Finish(HtmlArticle* article) const;
  // Title strings the body should not repeat (og:title, <title>, headline).
  std::vector<std::string> TitleCandidates() const;

 private:
  void OnJsonLd(std::string_view json);
  void OnMeta(const GumboElement& element);

  std::string html_title_;
  std::string og_title_;
  std::string twitter_title_;
  std::string ld_headline_;
  std::string site_name_;
  std::string ld_publisher_;
  std::string canonical_;
  std::string og_url_;
  std::string language_;
  // Publication dates by source, best first when read.
  std::string meta_published_;      // article:published_time and variants
  std::string ld_published_;
  std::string itemprop_published_;
  std::string other_published_;     // pubdate, DC.date, date...
  bool title_seen_ = false;
};

}  // namespace crosscheck::html
