// Finds place names in a token stream and resolves them. Three passes: candidate spans
// (longest folded key from a capitalised word), resolution of countries and regions, then
// of towns against the document's context (countries named, regions, other places).
#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_set>

#include "places/gazetteer_data.h"
#include "places/place_keys.h"
#include "places/places.h"

namespace crosscheck::places {
namespace {

using text::Token;
using text::TokenKind;
using text::TokenStream;

// A town that is only named alone, in no country the document names and far from its
// other places, must be at least this large to be believed.
constexpr uint32_t kLoneTownMinPopulation = 15000;
// A town name inside a longer capitalised phrase ("Kellogg" in "Curtis Kellogg") is kept
// only for large cities ("New York Times", "Aleppo University").
constexpr uint32_t kEmbeddedTownMinPopulation = 100000;
// All-caps words shorter than this are acronyms, not datelines.
constexpr size_t kMinAllCapsTownLength = 4;
// Connectors allowed lower case inside a name: "Deir ez-Zor", "Bosnia and Herzegovina".
constexpr size_t kMaxConnectorLength = 3;
constexpr double kNearKm = 500.0;
constexpr size_t kNone = SIZE_MAX;
constexpr double kProximityWeight = 4.0;
constexpr double kCountryContextBonus = 3.0;
constexpr double kMainNameBonus = 1.0;
constexpr double kCountryBase = 9.0;
constexpr double kContinentBase = 9.0;
constexpr double kRegionBase = 8.0;
constexpr double kEarthRadiusKm = 6371.0;
constexpr double kDegToRad = 3.14159265358979323846 / 180.0;
constexpr int kPrecisionExact = 1;
constexpr int kPrecisionDistrict = 3;
constexpr int kPrecisionProvince = 4;
constexpr int kPrecisionLargeArea = 5;
constexpr int kPrecisionCountry = 6;
constexpr int kPrecisionWater = 7;

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  double p1 = lat1 * kDegToRad, p2 = lat2 * kDegToRad;
  double dp = p2 - p1, dl = (lon2 - lon1) * kDegToRad;
  double h = std::sin(dp / 2) * std::sin(dp / 2) + std::cos(p1) * std::cos(p2) * std::sin(dl / 2) * std::sin(dl / 2);
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(std::min(1.0, h)));
}

std::string CountryOf(const EntryRecord& e) {
  if (e.country[0] == 0) return "";
  return std::string(e.country, e.country[1] == 0 ? 1 : 2);
}

std::string FeatureCodeOf(const EntryRecord& e) {
  return std::string(e.feature_code, strnlen(e.feature_code, sizeof(e.feature_code)));
}

bool IsDataEntry(const EntryRecord& e) { return e.kind == EntryKind::kCountry || e.kind == EntryKind::kRegion; }

struct Candidate {
  uint32_t first = 0, end = 0;  // token range
  std::vector<uint32_t> postings;
  int best = -1;                // index into postings
  bool embedded = false;        // inside a longer capitalised phrase or after a title
};

struct Context {
  std::unordered_set<std::string> countries;
  struct Point { double lat, lon; uint32_t candidate; };
  std::vector<Point> points;
};

class Matcher {
 public:
  Matcher(const GazetteerData& g, std::string_view text, const TokenStream& tokens)
      : g_(g), text_(text), tokens_(tokens.tokens), sentences_(tokens.sentences) {}

  std::vector<PlaceMention> Run() {
    FindCandidates();
    Resolve();
    return BuildMentions();
  }

 private:
  bool IsWord(size_t i) const { return i < tokens_.size() && tokens_[i].kind == TokenKind::kWord; }
  bool IsPunct(size_t i, char c) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::kPunct && tokens_[i].folded.size() == 1 &&
           tokens_[i].folded[0] == c;
  }
  bool SentenceInitial(size_t i) const {
    const Token& t = tokens_[i];
    if (t.sentence >= sentences_.size()) return i == 0;
    for (size_t k = sentences_[t.sentence].first_token; k < i; ++k) {
      if (tokens_[k].kind == TokenKind::kWord || tokens_[k].kind == TokenKind::kNumber) return false;
    }
    return true;
  }
  bool IsArabicScript(size_t i) const {
    unsigned char lead = static_cast<unsigned char>(text_[tokens_[i].span.begin]);
    return lead >= 0xD8 && lead <= 0xDB;  // UTF-8 lead bytes of U+0600..U+06FF
  }
  bool IsArticle(std::string_view w) const {
    return g_.data.articles.count(std::string(w)) != 0 || g_.data.abu_forms.count(std::string(w)) != 0;
  }
  bool NameWord(size_t i) const {
    const Token& t = tokens_[i];
    return t.capitalized || t.all_caps || IsArabicScript(i);
  }
  std::string_view StopReason(std::string_view folded) const {
    auto it = g_.data.stop_words.find(std::string(folded));
    return it == g_.data.stop_words.end() ? std::string_view() : std::string_view(it->second);
  }

  // An article opens a variant lookup when hyphenated ("al-Bukamal", "Ad-Dana") or when it is
  // one that is also written apart ("Al Bukamal"); "at", "as", "an" alone are English words.
  bool VariantAllowed(size_t i) const {
    const Token& t = tokens_[i];
    if (!IsArticle(t.folded)) return true;
    if (IsPunct(i + 1, '-')) return true;
    for (const std::string& a : g_.data.attached_articles) {
      if (t.folded == a) return true;
    }
    return g_.data.abu_forms.count(std::string(t.folded)) != 0;
  }

  // The token after a name word that may continue the name, or kNone.
  size_t NextNameToken(size_t i) const {
    size_t k = i + 1;
    // Hyphens and abbreviation dots join words: "Deir ez-Zor", "W. Va.".
    if (k < tokens_.size() && (IsPunct(k, '-') || IsPunct(k, '.'))) ++k;
    if (!IsWord(k) || tokens_[k].sentence != tokens_[i].sentence) return kNone;
    return k;
  }

  void FindCandidates() {
    const size_t max_words = std::max<uint32_t>(1, g_.index.max_key_words());
    std::vector<std::string> words;
    for (size_t i = 0; i < tokens_.size();) {
      const Token& t = tokens_[i];
      bool starts = IsWord(i) && (NameWord(i) || (IsArticle(t.folded) && VariantAllowed(i) &&
                                                  NextNameToken(i) != kNone && NameWord(NextNameToken(i))));
      if (!starts) {
        ++i;
        continue;
      }
      words.clear();
      Candidate best;
      size_t k = i;
      bool last_was_name = false;
      while (k != kNone && words.size() < max_words) {
        const Token& w = tokens_[k];
        bool connector = !NameWord(k) && w.folded.size() <= kMaxConnectorLength;
        if (!NameWord(k) && !connector && !(k == i)) break;
        words.emplace_back(w.folded);
        last_was_name = NameWord(k);
        if (last_was_name) {
          std::string key = JoinKey(words);
          std::span<const uint32_t> hits = g_.index.Lookup(key);
          if (hits.empty() && VariantAllowed(i)) {
            bool transformed = false;
            std::string variant = VariantKey(words, g_.data, &transformed);
            if (transformed && !variant.empty()) hits = g_.index.Lookup(variant);
          }
          if (!hits.empty()) {
            best.first = static_cast<uint32_t>(i);
            best.end = static_cast<uint32_t>(k + 1);
            best.postings.assign(hits.begin(), hits.end());
          }
        }
        k = NextNameToken(k);
      }
      if (best.postings.empty() || !Filter(&best)) {
        ++i;
        continue;
      }
      candidates_.push_back(std::move(best));
      i = candidates_.back().end;
    }
  }

  // Applies the rules that keep ordinary words and people's names out. False drops it.
  bool Filter(Candidate* c) {
    const Token& first = tokens_[c->first];
    const bool single = c->end == c->first + 1;
    const size_t prev = c->first;
    bool after_title = false;
    bool prev_capital = false;
    if (prev > 0 && IsWord(prev - 1) && tokens_[prev - 1].sentence == first.sentence) {
      const Token& p = tokens_[prev - 1];
      after_title = StopReason(p.folded) == "title" && p.capitalized;
      prev_capital = p.capitalized && !p.all_caps && !SentenceInitial(prev - 1) && StopReason(p.folded).empty();
    } else if (prev > 1 && IsPunct(prev - 1, '.') && IsWord(prev - 2)) {
      after_title = StopReason(tokens_[prev - 2].folded) == "title";  // "Maj. Kellogg"
    }
    bool next_capital = false;
    if (IsWord(c->end) && tokens_[c->end].sentence == first.sentence && tokens_[c->end].capitalized &&
        !tokens_[c->end].all_caps && !IsAfterCue(c->end)) {
      next_capital = true;
    }
    c->embedded = prev_capital || next_capital || after_title;
    std::string key;
    for (uint32_t k = c->first; k < c->end; ++k) {
      if (IsWord(k)) key.append(tokens_[k].folded);
    }
    const bool stop = single && !StopReason(first.folded).empty();
    const bool short_caps = single && first.all_caps && first.folded.size() < kMinAllCapsTownLength;
    const bool known_person = single && person_words_.count(key) != 0;
    const bool comma_before = c->first > 0 && IsPunct(c->first - 1, ',');
    const bool dot_after = IsPunct(c->end, '.');
    std::vector<uint32_t> kept;
    for (uint32_t posting : c->postings) {
      const EntryRecord& e = g_.index.entry(posting & kPostingIndexMask);
      if ((posting & kPostingDottedAbbrev) && !(comma_before && dot_after)) continue;
      if (e.kind == EntryKind::kCountry) {
        if (after_title && !(posting & kPostingDemonym)) continue;
        kept.push_back(posting);
        continue;
      }
      if (after_title) continue;
      if (e.kind == EntryKind::kRegion) {
        kept.push_back(posting);
        continue;
      }
      if (stop || short_caps || known_person) continue;
      if (c->embedded && e.population < kEmbeddedTownMinPopulation) continue;
      kept.push_back(posting);
    }
    if (kept.empty()) {
      if (c->embedded || after_title) {
        for (uint32_t k = c->first; k < c->end; ++k) {
          if (IsWord(k) && tokens_[k].capitalized) person_words_.insert(std::string(tokens_[k].folded));
        }
      }
      return false;
    }
    c->postings = std::move(kept);
    return true;
  }

  bool IsAfterCue(size_t i) const {
    for (const Cue& cue : g_.data.cues) {
      if (cue.position == CuePosition::kAfter && MatchWords(i, cue.words) != 0) return true;
    }
    return false;
  }

  // Number of tokens the words cover starting at token i (words only, hyphens skipped), or 0.
  size_t MatchWords(size_t i, const std::vector<std::string>& words) const {
    size_t k = i;
    for (const std::string& word : words) {
      if (k < tokens_.size() && IsPunct(k, '-')) ++k;
      if (!IsWord(k) || tokens_[k].folded != word) return 0;
      ++k;
    }
    return k - i;
  }
  // Start token of the words when they end right before token i, or SIZE_MAX.
  size_t MatchWordsBefore(size_t i, const std::vector<std::string>& words) const {
    size_t k = i;
    for (size_t w = words.size(); w-- > 0;) {
      if (k == 0) return SIZE_MAX;
      --k;
      if (!IsWord(k) || tokens_[k].folded != words[w]) return SIZE_MAX;
    }
    return k;
  }

  double Score(const Candidate& c, uint32_t posting, const Context& ctx) const {
    const EntryRecord& e = g_.index.entry(posting & kPostingIndexMask);
    std::string country = CountryOf(e);
    double in_context = ctx.countries.count(country) != 0 ? kCountryContextBonus : 0.0;
    if (e.kind == EntryKind::kCountry) return kCountryBase + in_context;
    if (e.kind == EntryKind::kRegion) {
      return (country.empty() ? kContinentBase : kRegionBase + in_context);
    }
    double score = std::log10(static_cast<double>(e.population) + 1.0) + in_context;
    std::string code = FeatureCodeOf(e);
    if (code == "PPLC") score += 2.0;
    else if (code == "PPLA" || code == "ADM1") score += 1.5;
    else if (code == "PPLA2" || code == "ADM2") score += 0.8;
    if (!(posting & kPostingAlternate)) score += kMainNameBonus;
    double nearest = NearestKm(e, ctx, &c);
    if (nearest < kNearKm) score += kProximityWeight * (1.0 - nearest / kNearKm);
    return score;
  }

  bool SameName(const Candidate& a, const Candidate& b) const {
    if (a.end - a.first != b.end - b.first) return false;
    for (uint32_t k = 0; k < a.end - a.first; ++k) {
      if (tokens_[a.first + k].folded != tokens_[b.first + k].folded) return false;
    }
    return true;
  }

  double NearestKm(const EntryRecord& e, const Context& ctx, const Candidate* self) const {
    double nearest = 1e9;
    for (const Context::Point& point : ctx.points) {
      if (self != nullptr && SameName(*self, candidates_[point.candidate])) continue;  // not itself
      nearest = std::min(nearest, DistanceKm(e.lat, e.lon, point.lat, point.lon));
    }
    return nearest;
  }

  void Choose(Candidate* c, const Context& ctx, bool towns) {
    double best_score = -1e9;
    c->best = -1;
    // A country's name or demonym means the country, never a town of that name.
    bool has_country = false;
    for (uint32_t posting : c->postings) {
      has_country |= g_.index.entry(posting & kPostingIndexMask).kind == EntryKind::kCountry;
    }
    for (size_t p = 0; p < c->postings.size(); ++p) {
      const EntryRecord& e = g_.index.entry(c->postings[p] & kPostingIndexMask);
      if (!towns && !IsDataEntry(e)) continue;
      if (has_country && !IsDataEntry(e)) continue;
      double score = Score(*c, c->postings[p], ctx);
      if (score > best_score) {
        best_score = score;
        c->best = static_cast<int>(p);
      }
    }
  }

  bool Believable(const Candidate& c, const Context& ctx) const {
    const EntryRecord& e = g_.index.entry(c.postings[c.best] & kPostingIndexMask);
    if (IsDataEntry(e)) return true;
    if (e.population >= kLoneTownMinPopulation) return true;
    if (ctx.countries.count(CountryOf(e)) != 0) return true;
    return NearestKm(e, ctx, &c) < kNearKm;
  }

  void Resolve() {
    Context ctx;
    // Countries named without ambiguity set the first context.
    for (const Candidate& c : candidates_) {
      bool all_one_country = true;
      std::string country;
      for (uint32_t posting : c.postings) {
        const EntryRecord& e = g_.index.entry(posting & kPostingIndexMask);
        if (e.kind != EntryKind::kCountry || (!country.empty() && country != CountryOf(e))) all_one_country = false;
        country = CountryOf(e);
      }
      if (all_one_country && !country.empty()) ctx.countries.insert(country);
    }
    for (Candidate& c : candidates_) Choose(&c, ctx, /*towns=*/false);
    for (uint32_t idx = 0; idx < candidates_.size(); ++idx) {
      const Candidate& c = candidates_[idx];
      if (c.best < 0) continue;
      const EntryRecord& e = g_.index.entry(c.postings[c.best] & kPostingIndexMask);
      if (!CountryOf(e).empty()) ctx.countries.insert(CountryOf(e));
      if (e.kind == EntryKind::kRegion && !CountryOf(e).empty()) ctx.points.push_back({e.lat, e.lon, idx});
    }
    // Towns twice: the second time with the towns of the first as neighbours.
    for (Candidate& c : candidates_) Choose(&c, ctx, /*towns=*/true);
    Context second = ctx;
    for (uint32_t idx = 0; idx < candidates_.size(); ++idx) {
      const Candidate& c = candidates_[idx];
      if (c.best < 0 || !Believable(c, ctx)) continue;
      const EntryRecord& e = g_.index.entry(c.postings[c.best] & kPostingIndexMask);
      if (e.kind == EntryKind::kTown || e.kind == EntryKind::kAdmin) second.points.push_back({e.lat, e.lon, idx});
    }
    for (Candidate& c : candidates_) {
      Choose(&c, second, /*towns=*/true);
      if (c.best >= 0 && !Believable(c, second)) c.best = -1;
    }
  }

  void BaseRelation(const EntryRecord& e, uint32_t posting, PlaceMention* m) const {
    std::string code = FeatureCodeOf(e);
    if (e.kind == EntryKind::kCountry) {
      m->relation = (posting & kPostingDemonym) ? "demonym" : "country";
      m->precision = kPrecisionCountry;
    } else if (e.kind == EntryKind::kRegion) {
      m->relation = "region";
      m->precision = code == "ADM1" ? kPrecisionProvince : code == "SEA" ? kPrecisionWater : kPrecisionLargeArea;
    } else if (e.kind == EntryKind::kAdmin) {
      m->relation = "region";
      m->precision = code == "ADM1" ? kPrecisionProvince : kPrecisionDistrict;
    } else {
      m->precision = kPrecisionExact;
    }
  }

  void ApplyCues(PlaceMention* m) const {
    for (const Cue& cue : g_.data.cues) {
      if (cue.position == CuePosition::kAfter) {
        size_t n = MatchWords(m->end_token, cue.words);
        if (n == 0) continue;
        if (!cue.relation.empty()) m->relation = cue.relation;
        m->precision = cue.precision;
        m->relation_span = ByteSpan{tokens_[m->end_token].span.begin, tokens_[m->end_token + n - 1].span.end};
        return;
      }
    }
    for (const Cue& cue : g_.data.cues) {
      if (cue.position != CuePosition::kBefore) continue;
      size_t start = MatchWordsBefore(m->first_token, cue.words);
      if (start == SIZE_MAX && m->first_token > 0 && tokens_[m->first_token - 1].folded == "the") {
        start = MatchWordsBefore(m->first_token - 1, cue.words);
      }
      if (start == SIZE_MAX) continue;
      if (!cue.relation.empty()) m->relation = cue.relation;
      m->precision = std::max(m->precision, cue.precision);
      size_t last = start + cue.words.size() - 1;
      m->relation_span = ByteSpan{tokens_[start].span.begin, tokens_[last].span.end};
      return;
    }
  }

  std::vector<PlaceMention> BuildMentions() {
    std::vector<PlaceMention> out;
    for (const Candidate& c : candidates_) {
      if (c.best < 0) continue;
      uint32_t posting = c.postings[c.best];
      const EntryRecord& e = g_.index.entry(posting & kPostingIndexMask);
      PlaceMention m;
      m.first_token = c.first;
      m.end_token = c.end;
      m.span = ByteSpan{tokens_[c.first].span.begin, tokens_[c.end - 1].span.end};
      m.text = std::string(m.span.Of(text_));
      m.geonameid = e.geonameid;
      m.name = g_.index.String(e.name_offset);
      m.country = CountryOf(e);
      m.admin1 = g_.index.String(e.admin1_offset);
      m.feature_code = FeatureCodeOf(e);
      m.lat = e.lat;
      m.lon = e.lon;
      m.population = e.population;
      m.resolved = true;
      BaseRelation(e, posting, &m);
      ApplyCues(&m);
      out.push_back(std::move(m));
    }
    LinkPairs(&out);
    return out;
  }

  // "between X and Y" and "the X-Y border" relate both places.
  void LinkPairs(std::vector<PlaceMention>* mentions) const {
    for (size_t idx = 0; idx + 1 < mentions->size(); ++idx) {
      PlaceMention& a = (*mentions)[idx];
      PlaceMention& b = (*mentions)[idx + 1];
      if (a.relation == "between" && IsWord(a.end_token) && tokens_[a.end_token].folded == "and" &&
          b.first_token == a.end_token + 1) {
        b.relation = a.relation;
        b.precision = a.precision;
        b.relation_span = a.relation_span;
      }
      if (b.relation == "border" && IsPunct(a.end_token, '-') && b.first_token == a.end_token + 1) {
        a.relation = b.relation;
        a.precision = b.precision;
        a.relation_span = b.relation_span;
      }
    }
  }

  const GazetteerData& g_;
  std::string_view text_;
  const std::vector<Token>& tokens_;
  const std::vector<text::Sentence>& sentences_;
  std::vector<Candidate> candidates_;
  std::unordered_set<std::string> person_words_;
};

}  // namespace

std::vector<PlaceMention> FindPlaces(const Gazetteer& gazetteer, std::string_view text, const TokenStream& tokens) {
  return Matcher(gazetteer.data(), text, tokens).Run();
}

}  // namespace crosscheck::places
