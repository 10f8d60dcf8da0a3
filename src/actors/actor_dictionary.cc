#include "actors/actor_dictionary.h"

#include <array>
#include <fstream>
#include <sstream>

#include "absl/container/flat_hash_map.h"
#include "text/tokenize.h"

namespace crosscheck::actors {
namespace {

constexpr std::string_view kActorsFormat = "# format: crosscheck.actors v1";
constexpr std::string_view kActorsHeader = "id\tname\ttype\tcountry\tparent\taliases\tadjectives";
constexpr std::string_view kTitlesFormat = "# format: crosscheck.titles v1";
constexpr std::string_view kTitlesHeader = "title\tkind";
constexpr std::string_view kRolesFormat = "# format: crosscheck.roles v1";
constexpr std::string_view kRolesHeader = "role\tkind";
constexpr std::string_view kCuesFormat = "# format: crosscheck.cues v1";
constexpr std::string_view kCuesHeader = "cue\tkind";
constexpr std::string_view kStateBodiesFormat = "# format: crosscheck.state_bodies v1";
constexpr std::string_view kStateBodiesHeader = "body\tname\ttype\taliases";

// The closed vocabularies of the TSV columns; the index is the enum value.
constexpr std::array<std::string_view, 11> kActorTypes = {
    "state", "government", "military", "coalition", "armed_group", "militia",
    "monitor", "news_agency", "media", "international_org", "official"};
constexpr std::array<std::string_view, 3> kTitleKinds = {"rank", "office", "honorific"};
constexpr std::array<std::string_view, 8> kRoleKinds = {"spokesperson", "official", "leader", "local",
                                                        "medical", "witness", "media", "anonymous"};
constexpr std::array<std::string_view, kCueKindCount> kCueKinds = {"force", "weapon", "attack", "org_head",
                                                        "org_suffix", "introducer", "indefinite",
                                                        "definite", "link", "modifier", "particle",
                                                        "state_force"};

template <size_t N>
int IndexOf(const std::array<std::string_view, N>& names, std::string_view value) {
  for (size_t idx = 0; idx < N; ++idx) {
    if (names[idx] == value) return static_cast<int>(idx);
  }
  return -1;
}

std::vector<std::string> Split(std::string_view line, char separator) {
  std::vector<std::string> fields;
  size_t begin = 0;
  while (true) {
    size_t end = line.find(separator, begin);
    fields.emplace_back(line.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
    if (end == std::string_view::npos) break;
    begin = end + 1;
  }
  return fields;
}

bool IsSnakeCase(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

Status RowError(const std::string& path, size_t line_no, const std::string& message) {
  return Status(StatusCode::kDataFormat, path + ":" + std::to_string(line_no) + ": " + message);
}

// One data line of a TSV file, with its line number for error messages.
struct Row {
  size_t line_no = 0;
  std::vector<std::string> fields;
};

// Reads a TSV file, checking its format line (tag and version) and header; returns the rows.
Result<std::vector<Row>> ReadTable(const std::string& path, std::string_view format, std::string_view header,
                                   size_t columns) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(StatusCode::kIoError, "cannot open " + path);
  std::string line;
  size_t line_no = 0;
  if (!std::getline(in, line)) return RowError(path, 1, "empty file");
  ++line_no;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line != format) {
    // Same tag, other version: a newer data file than this engine reads.
    std::string_view tag = format.substr(0, format.rfind(' '));
    if (line.rfind(std::string(tag) + " ", 0) == 0) {
      return Status(StatusCode::kUnsupported,
                    path + ":1: unsupported version \"" + line + "\", expected \"" + std::string(format) + "\"");
    }
    return RowError(path, 1, "expected format line \"" + std::string(format) + "\"");
  }
  if (!std::getline(in, line)) return RowError(path, 2, "missing header");
  ++line_no;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line != header) return RowError(path, line_no, "expected header \"" + std::string(header) + "\"");
  std::vector<Row> rows;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    Row row;
    row.line_no = line_no;
    row.fields = Split(line, '\t');
    if (row.fields.size() != columns) {
      return RowError(path, line_no,
                      "expected " + std::to_string(columns) + " columns, found " + std::to_string(row.fields.size()));
    }
    if (row.fields[0].empty()) return RowError(path, line_no, "empty first column");
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string ReadVersion(const std::string& manifest_path) {
  std::ifstream in(manifest_path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("version:", 0) == 0) {
      size_t begin = line.find_first_not_of(' ', 8);
      return begin == std::string::npos ? std::string() : line.substr(begin);
    }
  }
  return std::string();
}

// Lower case only: enough to see that a template's form is a hand-written one (both are
// written in ASCII), where text::FoldPhrase over every alias cost 25 ms of start-up.
std::string FoldAscii(std::string_view text) {
  std::string folded(text);
  for (char& c : folded) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return folded;
}

std::string Fill(std::string_view pattern, std::string_view placeholder, std::string_view value) {
  std::string out(pattern);
  for (size_t at = out.find(placeholder); at != std::string::npos; at = out.find(placeholder, at + value.size())) {
    out.replace(at, placeholder.size(), value);
  }
  return out;
}

// A state's names that read as a possessive: the canonical name and the aliases that
// are words, not acronyms ("Britain", not "UK").
std::vector<std::string> PossessiveNames(const Actor& state) {
  std::vector<std::string> names = {state.name};
  for (const std::string& alias : state.aliases) {
    bool has_lower = false;
    for (char c : alias) has_lower |= (c >= 'a' && c <= 'z');
    if (has_lower && alias.find('.') == std::string::npos && alias != state.name) names.push_back(alias);
  }
  return names;
}

// The forms one template row gives one state: each alias pattern with every adjective
// and every possessive name filled in.
std::vector<std::string> BodyForms(std::string_view patterns, const Actor& state) {
  std::vector<std::string> forms;
  const std::vector<std::string> names = PossessiveNames(state);
  for (const std::string& pattern : Split(patterns, '|')) {
    if (pattern.find("{adj}") != std::string::npos) {
      for (const std::string& adjective : state.adjectives) forms.push_back(Fill(pattern, "{adj}", adjective));
    } else if (pattern.find("{state}") != std::string::npos) {
      for (const std::string& name : names) forms.push_back(Fill(pattern, "{state}", name));
    } else if (!pattern.empty()) {
      forms.push_back(pattern);
    }
  }
  return forms;
}

}  // namespace

// "Ukraine's foreign ministry", "the Nigerian Ministry of Defence": every state's usual
// ministries from the templates of state_bodies.tsv. A ministry actors.tsv already has
// (one of the template's forms names an actor of the same country) gains the other
// forms; a form another actor already has is left to it.
Status ActorDictionary::AddStateBodies(const std::string& path, std::vector<std::string>* parent_ids,
                                       std::vector<size_t>* line_nos) {
  Result<std::vector<Row>> rows = ReadTable(path, kStateBodiesFormat, kStateBodiesHeader, 4);
  if (!rows.ok()) return rows.status();
  absl::flat_hash_map<std::string, int> owner_of_form;
  for (size_t actor_idx = 0; actor_idx < actors_.size(); ++actor_idx) {
    owner_of_form.emplace(FoldAscii(actors_[actor_idx].name), static_cast<int>(actor_idx));
    for (const std::string& alias : actors_[actor_idx].aliases) {
      owner_of_form.emplace(FoldAscii(alias), static_cast<int>(actor_idx));
    }
  }
  const size_t hand_written = actors_.size();
  for (const Row& row : *rows) {
    const std::vector<std::string>& f = row.fields;
    if (!IsSnakeCase(f[0])) return RowError(path, row.line_no, "body \"" + f[0] + "\" is not snake_case");
    if (IndexOf(kActorTypes, f[2]) < 0) return RowError(path, row.line_no, "unknown type \"" + f[2] + "\"");
    if (f[1].find("{adj}") == std::string::npos) return RowError(path, row.line_no, "name without {adj}");
    for (size_t state_idx = 0; state_idx < hand_written; ++state_idx) {
      const Actor state = actors_[state_idx];  // a copy: actors_ grows below
      if (state.type != "state" || state.adjectives.empty()) continue;
      const std::string name = Fill(f[1], "{adj}", state.adjectives.front());
      std::vector<std::string> forms = BodyForms(f[3], state);
      int target = -1;
      forms.insert(forms.begin(), name);
      for (const std::string& form : forms) {
        auto existing = owner_of_form.find(FoldAscii(form));
        if (existing != owner_of_form.end() && actors_[static_cast<size_t>(existing->second)].country == state.country) {
          target = existing->second;
          break;
        }
      }
      if (target < 0 && owner_of_form.count(FoldAscii(name))) continue;
      if (target < 0) {
        Actor body;
        body.id = state.id + "_" + f[0];
        if (by_id_.count(body.id)) return RowError(path, row.line_no, "id \"" + body.id + "\" is taken");
        body.name = name;
        body.type = f[2];
        body.country = state.country;
        target = static_cast<int>(actors_.size());
        by_id_.emplace(body.id, target);
        owner_of_form.emplace(FoldAscii(name), target);
        actors_.push_back(std::move(body));
        const std::string government = state.id + "_government";
        parent_ids->push_back(by_id_.count(government) ? government : state.id);
        line_nos->push_back(row.line_no);
      }
      for (std::string& form : forms) {
        if (owner_of_form.emplace(FoldAscii(form), target).second) {
          actors_[static_cast<size_t>(target)].aliases.push_back(std::move(form));
        }
      }
    }
  }
  return Status();
}


const char* RoleKindName(RoleKind kind) {
  return kRoleKinds[static_cast<size_t>(kind)].data();
}

Result<ActorDictionary> ActorDictionary::Load(const std::string& dir) {
  ActorDictionary dict;
  const std::string actors_path = dir + "/actors.tsv";
  Result<std::vector<Row>> actor_rows = ReadTable(actors_path, kActorsFormat, kActorsHeader, 7);
  if (!actor_rows.ok()) return actor_rows.status();
  std::vector<std::string> parent_ids;
  std::vector<size_t> line_nos;
  for (const Row& row : *actor_rows) {
    const std::vector<std::string>& f = row.fields;
    if (!IsSnakeCase(f[0])) return RowError(actors_path, row.line_no, "id \"" + f[0] + "\" is not snake_case");
    if (!dict.actors_.empty() && dict.actors_.back().id >= f[0]) {
      return RowError(actors_path, row.line_no, "ids must be unique and sorted: \"" + f[0] + "\" after \"" +
                                                    dict.actors_.back().id + "\"");
    }
    if (f[1].empty()) return RowError(actors_path, row.line_no, "empty name");
    if (IndexOf(kActorTypes, f[2]) < 0) return RowError(actors_path, row.line_no, "unknown type \"" + f[2] + "\"");
    bool country_ok = f[3].empty() || (f[3].size() == 2 && f[3][0] >= 'A' && f[3][0] <= 'Z' && f[3][1] >= 'A' &&
                                       f[3][1] <= 'Z');
    if (!country_ok) return RowError(actors_path, row.line_no, "country \"" + f[3] + "\" is not ISO alpha-2");
    Actor actor;
    actor.id = f[0];
    actor.name = f[1];
    actor.type = f[2];
    actor.country = f[3];
    for (std::string& alias : Split(f[5], '|')) {
      if (!alias.empty()) actor.aliases.push_back(std::move(alias));
    }
    for (std::string& adjective : Split(f[6], '|')) {
      if (!adjective.empty()) actor.adjectives.push_back(std::move(adjective));
    }
    dict.by_id_.emplace(actor.id, static_cast<int>(dict.actors_.size()));
    dict.actors_.push_back(std::move(actor));
    parent_ids.push_back(f[4]);
    line_nos.push_back(row.line_no);
  }
  if (Status bodies = dict.AddStateBodies(dir + "/state_bodies.tsv", &parent_ids, &line_nos); !bodies.ok()) {
    return bodies;
  }
  for (size_t actor_idx = 0; actor_idx < dict.actors_.size(); ++actor_idx) {
    if (parent_ids[actor_idx].empty()) continue;
    auto it = dict.by_id_.find(parent_ids[actor_idx]);
    if (it == dict.by_id_.end()) {
      return RowError(actors_path, line_nos[actor_idx],
                      "unknown parent \"" + parent_ids[actor_idx] + "\"");
    }
    dict.actors_[actor_idx].parent = it->second;
  }
  // A parent cycle would make Root() loop: reject it here, once.
  for (size_t actor_idx = 0; actor_idx < dict.actors_.size(); ++actor_idx) {
    int node = static_cast<int>(actor_idx);
    for (size_t steps = 0; node >= 0; ++steps) {
      if (steps > dict.actors_.size()) {
        return RowError(actors_path, line_nos[actor_idx], "parent chain has a cycle");
      }
      node = dict.actors_[static_cast<size_t>(node)].parent;
    }
  }
  for (size_t actor_idx = 0; actor_idx < dict.actors_.size(); ++actor_idx) {
    const Actor& actor = dict.actors_[actor_idx];
    const int value = static_cast<int>(actor_idx);
    const auto alias_tag = static_cast<uint8_t>(FormKind::kAlias);
    // The canonical name is always a form of the actor, listed or not.
    dict.forms_.Add(actor.name, value, alias_tag, &dict.vocabulary_);
    for (const std::string& alias : actor.aliases) {
      if (!dict.forms_.Add(alias, value, alias_tag, &dict.vocabulary_)) {
        return RowError(actors_path, line_nos[actor_idx], "alias \"" + alias + "\" has no words");
      }
    }
    for (const std::string& adjective : actor.adjectives) {
      if (!dict.forms_.Add(adjective, value, static_cast<uint8_t>(FormKind::kAdjective), &dict.vocabulary_)) {
        return RowError(actors_path, line_nos[actor_idx],
                        "adjective \"" + adjective + "\" has no words");
      }
    }
  }

  struct KindTable {
    const char* file;
    std::string_view format;
    std::string_view header;
    PhraseTrie* trie;
    int (*kind_of)(std::string_view);
  };
  const KindTable tables[] = {
      {"titles.tsv", kTitlesFormat, kTitlesHeader, &dict.titles_,
       [](std::string_view kind) { return IndexOf(kTitleKinds, kind); }},
      {"roles.tsv", kRolesFormat, kRolesHeader, &dict.roles_,
       [](std::string_view kind) { return IndexOf(kRoleKinds, kind); }},
      {"cues.tsv", kCuesFormat, kCuesHeader, &dict.cues_,
       [](std::string_view kind) { return IndexOf(kCueKinds, kind); }},
  };
  for (const KindTable& table : tables) {
    const std::string path = dir + "/" + table.file;
    Result<std::vector<Row>> rows = ReadTable(path, table.format, table.header, 2);
    if (!rows.ok()) return rows.status();
    for (const Row& row : *rows) {
      int kind = table.kind_of(row.fields[1]);
      if (kind < 0) return RowError(path, row.line_no, "unknown kind \"" + row.fields[1] + "\"");
      if (!table.trie->Add(row.fields[0], kind, 0, &dict.vocabulary_)) {
        return RowError(path, row.line_no, "entry \"" + row.fields[0] + "\" has no words");
      }
    }
  }
  dict.BuildWordFacts();
  dict.version_ = ReadVersion(dir + "/MANIFEST");
  return dict;
}

void ActorDictionary::BuildWordFacts() {
  static_assert(kCueKindCount <= 16, "one bit per cue kind in a uint16_t");
  word_facts_.assign(vocabulary_.size(), WordFacts{});
  for (uint32_t id = 0; id < vocabulary_.size(); ++id) {
    WordFacts& facts = word_facts_[id];
    const PhraseTrie::OneWordValueBits cues = cues_.OneWordValuesOf(id);
    facts.cues_any_case = static_cast<uint16_t>(cues.any_case);
    facts.cues_capital = static_cast<uint16_t>(cues.capital);
    facts.cues_all_caps = static_cast<uint16_t>(cues.all_caps);
    if (forms_.WordMayStart(id)) facts.starts |= WordFacts::kStartsForm;
    if (roles_.WordMayStart(id) || titles_.WordMayStart(id)) facts.starts |= WordFacts::kStartsRole;
    if (cues_.WordMayStartValue(id, static_cast<int32_t>(CueKind::kIntroducer))) {
      facts.starts |= WordFacts::kStartsIntroducer;
    }
  }
}

int ActorDictionary::FindById(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? -1 : it->second;
}

std::vector<int> ActorDictionary::FindByForm(std::string_view surface) const {
  text::TokenStream stream = text::Tokenize(surface);
  std::vector<uint32_t> ids = vocabulary_.Encode(stream);
  std::vector<int> found;
  PhraseTrie::Match match;
  const uint32_t size = static_cast<uint32_t>(stream.tokens.size());
  if (size == 0 || !forms_.LongestAt(stream, ids, 0, size, &match) || match.end_token != size) return found;
  for (const PhraseTrie::Entry* entry : match.entries) {
    bool seen = false;
    for (int index : found) seen = seen || index == entry->value;
    if (!seen) found.push_back(entry->value);
  }
  return found;
}

int ActorDictionary::Root(int index) const {
  while (index >= 0 && actors_[static_cast<size_t>(index)].parent >= 0) index = actors_[static_cast<size_t>(index)].parent;
  return index;
}

bool ActorDictionary::IsWithin(int index, int ancestor) const {
  for (int node = index; node >= 0; node = actors_[static_cast<size_t>(node)].parent) {
    if (node == ancestor) return true;
  }
  return false;
}

bool ActorDictionary::SameParty(int a, int b) const {
  if (a < 0 || b < 0) return false;
  return Root(a) == Root(b);
}

int ActorDictionary::MilitaryOf(int index) const {
  for (size_t actor_idx = 0; actor_idx < actors_.size(); ++actor_idx) {
    if (actors_[actor_idx].parent == index && actors_[actor_idx].type == "military") return static_cast<int>(actor_idx);
  }
  return -1;
}

}  // namespace crosscheck::actors
