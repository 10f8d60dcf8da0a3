// Developer tool: html_extract_tool DIR [PHRASES.tsv] prints one JSON line per
// page of DIR ({"id", "text"}) for the article-extraction benchmark's scorer,
// and the throughput on stderr.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "ingest/gzip_reader.h"
#include "ingest/html_extract.h"

namespace {

constexpr size_t kMaxGunzipBytes = 256u << 20;

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: html_extract_tool DIR [PHRASES.tsv]\n";
    return 2;
  }
  const std::string phrases_path =
      argc == 3 ? argv[2] : std::string(CROSSCHECK_SOURCE_DIR) + "/data/boilerplate/phrases.tsv";
  crosscheck::HtmlExtractOptions options;
  auto lexicon = crosscheck::LoadBoilerplate(phrases_path);
  if (!lexicon.ok()) {
    std::cerr << lexicon.status().ToString() << "\n";
    return 2;
  }
  options.boilerplate = std::make_shared<const crosscheck::BoilerplateLexicon>(std::move(lexicon).value());

  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(argv[1], ec)) {
    const std::string name = entry.path().filename().string();
    if (EndsWith(name, ".html") || EndsWith(name, ".htm") || EndsWith(name, ".html.gz") || EndsWith(name, ".htm.gz"))
      files.push_back(entry.path());
  }
  if (ec) {
    std::cerr << argv[1] << ": " << ec.message() << "\n";
    return 2;
  }
  std::sort(files.begin(), files.end());
  // Reading happens first so that the timing covers gunzip + extraction only.
  std::vector<std::string> raw(files.size());
  for (size_t file_idx = 0; file_idx < files.size(); ++file_idx) {
    std::ifstream in(files[file_idx], std::ios::binary);
    raw[file_idx].assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const auto start = std::chrono::steady_clock::now();
  size_t bytes = 0;
  int failures = 0;
  std::vector<std::string> lines(files.size());
  for (size_t file_idx = 0; file_idx < files.size(); ++file_idx) {
    std::string name = files[file_idx].filename().string();
    std::string html = raw[file_idx];
    if (EndsWith(name, ".gz")) {
      name.resize(name.size() - 3);
      auto unzipped = crosscheck::Gunzip(raw[file_idx], kMaxGunzipBytes);
      if (!unzipped.ok()) {
        std::cerr << name << ": " << unzipped.status().ToString() << "\n";
        ++failures;
        continue;
      }
      html = std::move(unzipped).value();
    }
    for (std::string_view ext : {".html", ".htm"})
      if (EndsWith(name, ext)) name.resize(name.size() - ext.size());
    bytes += html.size();
    auto article = crosscheck::ExtractArticle(html, options);
    if (!article.ok()) {
      std::cerr << name << ": " << article.status().ToString() << "\n";
      ++failures;
      continue;
    }
    for (const auto& diagnostic : article->diagnostics) std::cerr << name << ": " << diagnostic << "\n";
    lines[file_idx] = nlohmann::json{{"id", name}, {"text", article->text}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const auto& line : lines)
    if (!line.empty()) std::cout << line << "\n";
  std::cerr << files.size() << " pages, " << bytes / 1e6 << " MB in " << seconds << " s: "
            << (seconds > 0 ? files.size() / seconds : 0) << " pages/s, " << (seconds > 0 ? bytes / 1e6 / seconds : 0)
            << " MB/s\n";
  return failures > 0 ? 1 : 0;
}
