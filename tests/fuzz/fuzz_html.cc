// libFuzzer target for the HTML reader: any bytes must give an article or a
// Status, never a crash, hang or unbounded growth.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/html_extract.h"

namespace {
// Big enough for real pages' structure, small enough for many runs a second.
constexpr size_t kMaxFuzzInputBytes = 1 << 20;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxFuzzInputBytes) return 0;
  static const crosscheck::HtmlExtractOptions options = [] {
    crosscheck::HtmlExtractOptions o;
    o.boilerplate = std::make_shared<const crosscheck::BoilerplateLexicon>(
        std::vector<std::string>{"read more", "share this article"});
    return o;
  }();
  auto article = crosscheck::ExtractArticle(std::string_view(reinterpret_cast<const char*>(data), size), options);
  if (article.ok() && article->text.size() > size * 4 + 64) __builtin_trap();  // output must stay bounded
  return 0;
}
