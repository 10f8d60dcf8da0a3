// Developer tool: places_tool GAZETTEER FILE.jsonl [DATA_DIR] prints the place mentions of
// each {"id", "text"} line as JSON, and start-up time and matcher throughput on stderr.
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "places/places.h"
#include "text/tokenize.h"

namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  using crosscheck::places::Gazetteer;
  if (argc < 3) {
    std::cerr << "usage: places_tool GAZETTEER FILE.jsonl [DATA_DIR]\n";
    return 2;
  }
  std::string data_dir = argc > 3 ? argv[3] : std::string(CROSSCHECK_SOURCE_DIR) + "/data/places";
  auto open_start = std::chrono::steady_clock::now();
  auto gazetteer = Gazetteer::Open(argv[1], data_dir, "");
  double open_seconds = SecondsSince(open_start);
  if (!gazetteer.ok()) {
    std::cerr << "places_tool: " << gazetteer.status().ToString() << "\n";
    return 1;
  }
  for (const std::string& d : gazetteer->diagnostics()) std::cerr << "places_tool: " << d << "\n";
  std::ifstream in(argv[2]);
  if (!in) {
    std::cerr << "places_tool: cannot open " << argv[2] << "\n";
    return 1;
  }
  nlohmann::json documents = nlohmann::json::array();
  std::string line;
  double match_seconds = 0;
  double tokenize_seconds = 0;
  size_t bytes = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json doc = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.contains("text")) {
      std::cerr << "places_tool: skipped a malformed line\n";
      continue;
    }
    std::string text = doc["text"].get<std::string>();
    auto start = std::chrono::steady_clock::now();
    crosscheck::text::TokenStream tokens = crosscheck::text::Tokenize(text);
    tokenize_seconds += SecondsSince(start);
    auto places = crosscheck::places::FindPlaces(*gazetteer, text, tokens);
    match_seconds += SecondsSince(start);
    bytes += text.size();
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : places) {
      out.push_back({{"text", p.text}, {"span", {p.span.begin, p.span.end}}, {"geonameid", p.geonameid},
                     {"name", p.name}, {"country", p.country}, {"lat", p.lat}, {"lon", p.lon},
                     {"relation", p.relation}, {"precision", p.precision}});
    }
    documents.push_back({{"id", doc.value("id", "")}, {"places", out}});
  }
  std::cout << nlohmann::json{{"documents", documents}}.dump(1) << "\n";
  std::cerr << "places_tool: open " << open_seconds << " s" << (gazetteer->rebuilt() ? " (index rebuilt)" : "")
            << ", " << gazetteer->entry_count() << " entries; tokenize+places " << bytes / 1e6 << " MB in "
            << match_seconds << " s = " << (match_seconds > 0 ? bytes / 1e6 / match_seconds : 0) << " MB/s (tokenize "
            << tokenize_seconds << " s, places " << match_seconds - tokenize_seconds << " s = "
            << (match_seconds > tokenize_seconds ? bytes / 1e6 / (match_seconds - tokenize_seconds) : 0) << " MB/s)\n";
  return 0;
}
