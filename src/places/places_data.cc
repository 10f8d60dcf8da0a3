#include "places/places_data.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/packed_word.h"
#include "text/fold.h"

namespace crosscheck::places {
namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(s);
  while (std::getline(in, field, sep)) out.push_back(field);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  for (std::string& item : Split(s, '|')) {
    if (!item.empty()) out.push_back(std::move(item));
  }
  return out;
}

// Reads a tagged TSV: checks "# format: TAG", skips comments and the header row.
Result<std::vector<std::vector<std::string>>> ReadTable(const std::string& path, const std::string& tag,
                                                        size_t min_columns) {
  std::ifstream in(path);
  if (!in) return Status(StatusCode::kNotFound, "cannot open " + path);
  std::string line;
  bool tagged = false;
  bool header_seen = false;
  std::vector<std::vector<std::string>> rows;
  size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("# format: ", 0) == 0) {
      if (line.substr(10) != tag) return Status(StatusCode::kDataFormat, path + ": format is not " + tag);
      tagged = true;
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    if (!header_seen) {
      header_seen = true;
      continue;
    }
    std::vector<std::string> fields = Split(line, '\t');
    if (fields.size() < min_columns) {
      return Status(StatusCode::kDataFormat, path + ":" + std::to_string(line_number) + ": too few columns");
    }
    rows.push_back(std::move(fields));
  }
  if (!tagged) return Status(StatusCode::kDataFormat, path + ": missing '# format: " + tag + "'");
  return rows;
}

double ToDouble(const std::string& s) { return s.empty() ? 0 : std::strtod(s.c_str(), nullptr); }
int64_t ToInt(const std::string& s) { return s.empty() ? 0 : std::strtoll(s.c_str(), nullptr, 10); }

RegionKind ParseRegionKind(const std::string& kind) {
  if (kind == "admin1") return RegionKind::kAdmin1;
  if (kind == "continent") return RegionKind::kContinent;
  if (kind == "water") return RegionKind::kWater;
  if (kind == "border") return RegionKind::kBorder;
  return RegionKind::kRegion;
}

}  // namespace

std::vector<std::string> PlacesDataFiles(const std::string& data_dir) {
  return {data_dir + "/countries.tsv", data_dir + "/regions.tsv", data_dir + "/stoplist.tsv",
          data_dir + "/cues.tsv", data_dir + "/arabic.tsv", data_dir + "/supplement.tsv", data_dir + "/MANIFEST"};
}

Result<PlacesData> LoadPlacesData(const std::string& data_dir) {
  PlacesData data;
  {
    std::ifstream manifest(data_dir + "/MANIFEST");
    if (!manifest) return Status(StatusCode::kNotFound, "cannot open " + data_dir + "/MANIFEST");
    std::string line;
    while (std::getline(manifest, line)) {
      if (line.rfind("version:", 0) == 0) {
        data.version = line.substr(8);
        data.version.erase(0, data.version.find_first_not_of(' '));
      }
    }
  }
  auto countries = ReadTable(data_dir + "/countries.tsv", "crosscheck.countries v1", 5);
  if (!countries.ok()) return countries.status();
  for (auto& f : countries.value()) {
    f.resize(7);
    data.countries.push_back(
        CountryRow{f[0], ToInt(f[1]), f[2], ToDouble(f[3]), ToDouble(f[4]), SplitList(f[5]), SplitList(f[6])});
  }
  auto regions = ReadTable(data_dir + "/regions.tsv", "crosscheck.regions v1", 6);
  if (!regions.ok()) return regions.status();
  for (auto& f : regions.value()) {
    f.resize(7);
    data.regions.push_back(RegionRow{f[0], f[1], ToInt(f[2]), ToDouble(f[3]), ToDouble(f[4]),
                                     ParseRegionKind(f[5]), SplitList(f[6])});
  }
  auto stop = ReadTable(data_dir + "/stoplist.tsv", "crosscheck.stoplist v1", 2);
  if (!stop.ok()) return stop.status();
  for (auto& f : stop.value()) data.stop_words[text::FoldPhrase(f[0])] = f[1];
  for (const auto& [word, reason] : data.stop_words) {
    if (word.size() > kMaxPackedWordLength) continue;
    auto known = std::find(data.stop_reasons.begin(), data.stop_reasons.end(), reason);
    if (known == data.stop_reasons.end()) known = data.stop_reasons.insert(known, reason);
    data.short_stop_words.Insert(PackShortWord(word), static_cast<uint32_t>(known - data.stop_reasons.begin()));
  }
  auto cues = ReadTable(data_dir + "/cues.tsv", "crosscheck.cues v1", 4);
  if (!cues.ok()) return cues.status();
  for (auto& f : cues.value()) {
    Cue cue;
    cue.words = Split(text::FoldPhrase(f[0]), ' ');
    cue.position = f[1] == "after" ? CuePosition::kAfter : CuePosition::kBefore;
    cue.relation = f[2];
    cue.precision = static_cast<int>(ToInt(f[3]));
    if (cue.words.empty() || cue.words.front().empty()) continue;
    uint32_t cue_idx = static_cast<uint32_t>(data.cues.size());
    if (cue.position == CuePosition::kAfter) data.after_cues_by_first_word.Add(cue.words.front(), cue_idx);
    else data.before_cues_by_last_word.Add(cue.words.back(), cue_idx);
    data.cues.push_back(std::move(cue));
  }
  auto arabic = ReadTable(data_dir + "/arabic.tsv", "crosscheck.arabic v1", 2);
  if (!arabic.ok()) return arabic.status();
  for (auto& f : arabic.value()) {
    if ((f[1] == "article" && !data.articles.insert(f[0])) || (f[1] == "abu" && !data.abu_forms.insert(f[0]))) {
      return Status(StatusCode::kDataFormat, data_dir + "/arabic.tsv: an article or Abu form is 1 to " +
                                                 std::to_string(ShortWordSet::kMaxLength) + " bytes: '" + f[0] + "'");
    }
    if (f[1] == "attached") data.attached_articles.push_back(f[0]);
    if (f[1] == "article" || f[1] == "abu") data.max_article_length = std::max(data.max_article_length, f[0].size());
    if (f[1] == "abu" || f[1] == "attached") {
      if (f[0].empty()) data.variant_openers.set();
      else data.variant_openers.set(static_cast<unsigned char>(f[0][0]));
      if (f[0].size() < 2) data.variant_pairs_known = false;
      else data.variant_opener_pairs.push_back(BytePair(f[0]));
    }
  }
  auto supplement = ReadTable(data_dir + "/supplement.tsv", "crosscheck.places-supplement v1", 9);
  if (!supplement.ok()) return supplement.status();
  for (auto& f : supplement.value()) {
    SupplementRow row{f[0], SplitList(f[1]), f[2], f[3], ToDouble(f[4]), ToDouble(f[5]), f[6], ToInt(f[7]), ToInt(f[8])};
    if (row.name.empty() || row.country.size() != 2 || row.lat < -90 || row.lat > 90 || row.lon < -180 || row.lon > 180) {
      return Status(StatusCode::kDataFormat, data_dir + "/supplement.tsv: bad row for '" + row.name + "'");
    }
    data.supplement.push_back(std::move(row));
  }
  return data;
}

}  // namespace crosscheck::places
