// Finds place names in a token stream and resolves them. Three passes: candidate spans
// (longest folded key from a capitalised word), resolution of countries and regions, then
// of towns against the document's context (countries named, regions, other places).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <optional>
#include <unordered_set>

#include <absl/container/inlined_vector.h>

#include "core/packed_word.h"
#include "places/country_set.h"
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
// Words shorter than this are not tried with their doubled letters written once: "Harra"
// would become "Hara", a different place.
constexpr size_t kMinCollapsedWordLength = 6;

// "nusseirat" -> "nuseirat"; false when no letter is doubled.
bool CollapseDoubledLetters(std::string_view word, std::string* out) {
  out->clear();
  bool changed = false;
  for (size_t pos = 0; pos < word.size(); ++pos) {
    if (pos > 0 && word[pos] == word[pos - 1] && std::isalpha(static_cast<unsigned char>(word[pos]))) {
      changed = true;
      continue;
    }
    out->push_back(word[pos]);
  }
  return changed;
}

// All-caps words shorter than this are acronyms, not datelines.
constexpr size_t kMinAllCapsTownLength = 4;
// Stop list reasons (stoplist.tsv) the matcher reads: words that open a longer name
// ("North", "Fort"), personal titles, and hand-listed words such as given names.
constexpr std::string_view kNamePrefix = "title";
constexpr std::string_view kHonorific = "honorific";
constexpr std::string_view kListed = "manual";
// Relation of the cues.tsv rows that are reporting verbs ("Kirby said"): no relation of a place.
constexpr std::string_view kSpeaker = "speaker";
// "the town of X": the words before name X a settlement, even a dictionary word ("Sake").
// The cue writes no relation of its own.
constexpr std::string_view kSettlement = "settlement";
constexpr std::string_view kDictionary = "dictionary";
constexpr uint32_t kNoReason = 0xFFFFFFFFu;  // PlacesData::short_stop_words: not a stop word
// Feature codes and cue relations the matcher tests (GeoNames, cues.tsv): views, so that a
// string of another length is refused on its length.
constexpr std::string_view kAdmin1Code = "ADM1";
constexpr std::string_view kSeaCode = "SEA";
constexpr std::string_view kBetween = "between";
constexpr std::string_view kBorder = "border";
bool IsTitle(std::string_view reason) { return reason == kNamePrefix || reason == kHonorific; }
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

double CosLat(double lat) { return std::cos(lat * kDegToRad); }

// Haversine; the cosines of both latitudes come precomputed (CosLat): a place is measured
// against every context point, and those cosines never change.
double DistanceKm(double lat1, double lon1, double cos_lat1, double lat2, double lon2, double cos_lat2) {
  double p1 = lat1 * kDegToRad, p2 = lat2 * kDegToRad;
  double dp = p2 - p1, dl = (lon2 - lon1) * kDegToRad;
  double half_dp = std::sin(dp / 2), half_dl = std::sin(dl / 2);
  double h = half_dp * half_dp + cos_lat1 * cos_lat2 * half_dl * half_dl;
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(std::min(1.0, h)));
}

// Two ASCII letters of a country code as one number; 0 for none. Lets the document context be
// a bitmap instead of a set of strings probed once per posting.
uint16_t CountryKey(const EntryRecord& e) {
  return static_cast<uint16_t>((static_cast<unsigned char>(e.country[0]) << 8) | static_cast<unsigned char>(e.country[1]));
}

// The code's bytes, then the NUL padding (unless the code fills the field): the same answer
// as comparing with strnlen's length, without the library call Score made up to five times a
// town per round.
bool FeatureIs(const EntryRecord& e, std::string_view code) {
  return code.size() <= sizeof(e.feature_code) && std::memcmp(e.feature_code, code.data(), code.size()) == 0 &&
         (code.size() == sizeof(e.feature_code) || e.feature_code[code.size()] == '\0');
}

std::string CountryOf(const EntryRecord& e) {
  if (e.country[0] == 0) return "";
  return std::string(e.country, e.country[1] == 0 ? 1 : 2);
}

std::string FeatureCodeOf(const EntryRecord& e) {
  return std::string(e.feature_code, strnlen(e.feature_code, sizeof(e.feature_code)));
}

// Cue words are a few bytes: compared inline, where operator== calls memcmp whenever the
// lengths agree (and they always do for the word a cue was found by).
bool SameWord(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t byte_idx = 0; byte_idx < a.size(); ++byte_idx) {
    if (a[byte_idx] != b[byte_idx]) return false;
  }
  return true;
}

bool IsDataEntry(const EntryRecord& e) { return e.kind == EntryKind::kCountry || e.kind == EntryKind::kRegion; }

struct Candidate {
  uint32_t first = 0, end = 0;  // token range
  uint64_t name_hash = 0;       // of the folded words (the key's hash): the same name, the same hash
  // Most names have a few senses: inline, so that the candidates tried at every capitalised
  // word (most of them dropped by Filter) allocate nothing.
  absl::InlinedVector<uint32_t, 6> postings;
  int best = -1;                // index into postings
  bool embedded = false;        // inside a longer capitalised phrase or after a title
  bool collapsed = false;       // found only with a doubled letter written once ("Nusseirat")
};

struct Context {
  CountrySet countries;
  bool HasCountry(uint16_t key) const { return countries.Has(key); }
  void AddCountry(uint16_t key) { countries.Add(key); }
  struct Point {
    double lat, lon, cos_lat;
    uint32_t candidate;
  };
  std::vector<Point> points;
};

// A lower bound of the haversine distance from the longitude difference alone, without
// trigonometry: h >= cos1 cos2 sin^2(dl/2), sin x >= 2x/pi on [0, pi/2] (Jordan) and
// asin x >= x. A point beyond it cannot be nearer, so its sines need not be computed.
double LongitudeBoundKm(double lon1, double cos_lat1, double lon2, double cos_lat2) {
  double dl = std::fabs(lon2 - lon1);
  if (dl > 180.0) dl = 360.0 - dl;  // the shorter way round
  // Shrunk a little so that rounding in either formula never skips a point that is nearer.
  constexpr double kRoundingSlack = 1.0 - 1e-9;
  return kRoundingSlack * 2 * kEarthRadiusKm * std::sqrt(cos_lat1 * cos_lat2) * (dl / 180.0);
}

// Degrees of latitude per km: a point farther in latitude alone than the nearest so far
// cannot be nearer, which spares most great-circle computations.
constexpr double kDegreesLatPerKm = 1.0 / 111.0;

// The hash of the variant mark alone, where every variant key's hash starts.
const uint64_t kVariantSeed = ExtendKeyHash(kKeyHashSeed, std::string_view(&kVariantMark, 1));

class Matcher {
 public:
  Matcher(const GazetteerData& g, std::string_view text, const TokenStream& tokens)
      : g_(g), text_(text), tokens_(tokens.tokens), sentences_(tokens.sentences) {}

  std::vector<PlaceMention> Run() {
    FindCandidates();
    DropKnownPeople();
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
    if (w.size() > g_.data.max_article_length) return false;
    return g_.data.articles.count(w) != 0 || g_.data.abu_forms.count(w) != 0;
  }
  bool NameWord(size_t i) const {
    const Token& t = tokens_[i];
    return t.capitalized || t.all_caps || IsArabicScript(i);
  }
  std::string_view StopReason(std::string_view folded) const {
    if (folded.size() <= kMaxPackedWordLength) {
      const uint32_t reason = g_.data.short_stop_words.Find(PackShortWord(folded), kNoReason);
      return reason == kNoReason ? std::string_view() : std::string_view(g_.data.stop_reasons[reason]);
    }
    auto it = g_.data.stop_words.find(folded);
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
    return g_.data.abu_forms.count(t.folded) != 0;
  }

  // The token after a name word that may continue the name, or kNone.
  size_t NextNameToken(size_t i) const {
    size_t k = i + 1;
    // Hyphens and abbreviation dots join words: "Deir ez-Zor", "W. Va.".
    if (k < tokens_.size() && (IsPunct(k, '-') || IsPunct(k, '.'))) ++k;
    if (!IsWord(k) || tokens_[k].sentence != tokens_[i].sentence) return kNone;
    return k;
  }

  // Whether token i may open a candidate: a name word, or an article before a name word.
  // The cheap tests come first: most lower-case words are longer than any article, and most
  // others come before another lower-case word, which is quicker to see than whether the
  // word is an article.
  bool StartsCandidate(size_t i) const {
    if (!IsWord(i)) return false;
    if (NameWord(i)) return true;
    if (tokens_[i].folded.size() > g_.data.max_article_length) return false;
    const size_t next = NextNameToken(i);
    return next != kNone && NameWord(next) && IsArticle(tokens_[i].folded) && VariantAllowed(i);
  }

  void FindCandidates() {
    const size_t max_words = std::max<uint32_t>(1, g_.index.max_key_words());
    // Reused across candidates: no allocation per token once they have grown.
    GrowingName words(g_.data);
    std::string key, variant;
    std::span<const uint32_t> best_hits;
    for (size_t i = 0; i < tokens_.size();) {
      if (!StartsCandidate(i)) {
        ++i;
        continue;
      }
      const bool variant_allowed = VariantAllowed(i);
      words.Clear();
      // The key (the words joined by spaces) is hashed as the words come and written out only
      // when the index's filter may hold its hash: most probes end at the filter.
      size_t key_size = 0;
      uint64_t key_hash = kKeyHashSeed;
      // The variant key, when VariantKeyInto leaves the words as they are, is the mark and
      // the words run together: its hash grows alongside the key's.
      uint64_t variant_hash = kVariantSeed;
      best_hits = {};
      uint32_t best_end = 0;
      uint64_t best_key_hash = 0;
      uint64_t first_word_hash = 0;
      size_t k = i;
      while (k != kNone && words.size() < max_words) {
        const Token& w = tokens_[k];
        const bool name_word = NameWord(k);
        bool connector = !name_word && w.folded.size() <= kMaxConnectorLength;
        if (!name_word && !connector && !(k == i)) break;
        words.Add(w.folded);
        if (key_size != 0) {
          ++key_size;
          key_hash = ExtendKeyHash(key_hash, " ");
        }
        key_size += w.folded.size();
        ExtendKeyHashes(w.folded, &key_hash, &variant_hash);
        if (k == i) first_word_hash = key_hash;
        if (name_word) {
          std::span<const uint32_t> hits;
          if (g_.index.MayContain(key_hash)) {
            JoinWords(words.words(), &key);
            hits = g_.index.Lookup(key, key_hash);
          }
          // The variant key also finds names that GeoNames writes with an article the text
          // leaves out: "Mayadeen" for "Al-Mayadeen".
          if (hits.empty() && variant_allowed) {
            if (words.VariantKeyIsPlain()) {
              // Most words: the variant key is the mark and the words, hashed as they came, and
              // the index's filter turns most away before the key is written out.
              if (g_.index.MayContain(variant_hash)) {
                variant.assign(1, kVariantMark);
                for (std::string_view word : words.words()) variant.append(word);
                hits = g_.index.Lookup(variant, variant_hash);
              }
            } else {
              const bool transformed = VariantKeyInto(words.words(), g_.data, &variant);
              if (!variant.empty()) hits = transformed ? g_.index.Lookup(variant) : g_.index.Lookup(variant, variant_hash);
            }
          }
          if (!hits.empty()) {
            best_hits = hits;
            best_end = static_cast<uint32_t>(k + 1);
            best_key_hash = key_hash;
          }
        }
        k = NextNameToken(k);
      }
      bool collapsed = false;
      if (best_hits.empty() && NameWord(i)) {
        // Transliterations double letters at will ("Nusseirat", "Nuseirat"): one more try with
        // each doubled letter written once, believed only in a country the document names.
        std::string_view word = tokens_[i].folded;
        if (word.size() >= kMinCollapsedWordLength && CollapseDoubledLetters(word, &variant)) {
          best_hits = g_.index.Lookup(variant);
          best_end = static_cast<uint32_t>(i + 1);
          best_key_hash = first_word_hash;
          collapsed = !best_hits.empty();
        }
      }
      if (best_hits.empty()) {
        ++i;
        continue;
      }
      Candidate best;
      best.first = static_cast<uint32_t>(i);
      best.end = best_end;
      best.collapsed = collapsed;
      best.postings.assign(best_hits.begin(), best_hits.end());
      if (!Filter(&best)) {
        ++i;
        continue;
      }
      // The key's hash is a function of the candidate's words alone: equal names share it.
      best.name_hash = best_key_hash;
      candidates_.push_back(std::move(best));
      i = candidates_.back().end;
    }
  }

  // The words joined as the key grew: a space before each word but when the key is still empty.
  static void JoinWords(std::span<const std::string_view> words, std::string* key) {
    key->clear();
    for (std::string_view word : words) {
      if (!key->empty()) key->push_back(' ');
      key->append(word);
    }
  }

  // One name, one sense per article: a surname seen after a listed given name or an
  // honorific anywhere in it ("John Kirby", "Mr Paterson") is no town where it stands alone,
  // before that mention too. Other capitalised neighbours are weaker evidence ("North
  // Powderly High School", "Karak Castle") and count only from there on (person_words_).
  void DropKnownPeople() {
    if (surnames_.empty()) return;
    std::erase_if(candidates_, [&](Candidate& c) {
      if (c.end != c.first + 1 || surnames_.count(tokens_[c.first].folded) == 0) return false;
      c.postings.erase(std::remove_if(c.postings.begin(), c.postings.end(),
                                      [&](uint32_t posting) { return !IsDataEntry(g_.index.entry(posting & kPostingIndexMask)); }),
                       c.postings.end());
      return c.postings.empty();
    });
  }

  // Applies the rules that keep ordinary words and people's names out. False drops it.
  bool Filter(Candidate* c) {
    const Token& first = tokens_[c->first];
    const bool single = c->end == c->first + 1;
    const size_t prev = c->first;
    bool after_title = false;
    bool prev_capital = false;
    bool after_listed_name = false;  // "John Kirby": a hand-listed given name just before
    bool after_honorific = false;    // "Mr Paterson", "Gen. Kellogg"
    if (prev > 0 && IsWord(prev - 1) && tokens_[prev - 1].sentence == first.sentence) {
      const Token& p = tokens_[prev - 1];
      const std::string_view reason = StopReason(p.folded);
      after_title = IsTitle(reason) && p.capitalized;
      after_honorific = reason == kHonorific && p.capitalized;
      // Hand-listed stop words (given names, organisation words) still open a longer name:
      // "John Kirby", "Army Brig."; dictionary and function words do not ("Strikes Hit Aleppo").
      // In capitals ("FINOTE SALAM -"), any capitalised word before is part of the name,
      // even the first of the sentence.
      const bool caps_name = p.all_caps && first.all_caps && p.folded.size() > 1;
      prev_capital = p.capitalized && (caps_name || (!p.all_caps && !SentenceInitial(prev - 1))) &&
                     (reason.empty() || reason == kListed);
      after_listed_name = prev_capital && reason == kListed;
    } else if (prev > 1 && IsPunct(prev - 1, '.') && IsWord(prev - 2)) {
      const std::string_view reason = StopReason(tokens_[prev - 2].folded);
      after_title = IsTitle(reason);  // "Maj. Kellogg"
      after_honorific = reason == kHonorific;
    }
    bool next_capital = false;
    if (IsWord(c->end) && tokens_[c->end].sentence == first.sentence && tokens_[c->end].capitalized &&
        !tokens_[c->end].all_caps && !IsAfterCue(c->end)) {
      next_capital = true;
    }
    c->embedded = prev_capital || next_capital || after_title;
    const std::string_view stop_reason = single ? StopReason(first.folded) : std::string_view();
    const bool stop = !stop_reason.empty() &&
                      !(stop_reason == kDictionary && first.capitalized && !first.all_caps && AfterSettlementCue(c->first));
    const bool short_caps = single && first.all_caps && first.folded.size() < kMinAllCapsTownLength;
    // A single candidate's key is its one word (candidates start on a word).
    const bool known_person = single && !person_words_.empty() && person_words_.count(first.folded) != 0;
    // '"...," Kirby said': a small town does not speak; a person with its name does.
    const bool speaker = single && OpensClause(c->first) && IsAfterCue(c->end, kSpeaker);
    const bool comma_before = c->first > 0 && IsPunct(c->first - 1, ',');
    const bool dot_after = IsPunct(c->end, '.');
    // Kept postings are compacted in place, in order: no second vector per candidate.
    size_t kept = 0;
    for (uint32_t posting : c->postings) {
      const EntryRecord& e = g_.index.entry(posting & kPostingIndexMask);
      if ((posting & kPostingDottedAbbrev) && !(comma_before && dot_after)) continue;
      if (e.kind == EntryKind::kCountry) {
        if (after_title && !(posting & kPostingDemonym)) continue;
        c->postings[kept++] = posting;
        continue;
      }
      if (after_title) continue;
      if (e.kind == EntryKind::kRegion) {
        c->postings[kept++] = posting;
        continue;
      }
      if (stop || short_caps || known_person) continue;
      if ((c->embedded || speaker) && e.population < kEmbeddedTownMinPopulation) continue;
      // "A resident, Gul Rahman, said": inside a run of capitalised words, only a town's own
      // name, not one of its by-names ("Gul" for Gulu).
      if (c->embedded && (posting & kPostingAlternate) != 0) continue;
      c->postings[kept++] = posting;
    }
    c->postings.resize(kept);
    if (kept == 0) {
      if (c->embedded || after_title) {
        for (uint32_t k = c->first; k < c->end; ++k) {
          if (IsWord(k) && tokens_[k].capitalized) person_words_.emplace(tokens_[k].folded);
        }
      }
      if (single && (after_listed_name || after_honorific || speaker)) surnames_.emplace(first.folded);
      return false;
    }
    return true;
  }

  // The after-cues that may start at token i (a hyphen may come first), in file order: the
  // list of the first word, read in place.
  std::span<const uint32_t> AfterCuesAt(size_t i) const {
    const size_t first_word = IsPunct(i, '-') ? i + 1 : i;
    if (!IsWord(first_word)) return {};
    return g_.data.after_cues_by_first_word.Of(tokens_[first_word].folded);
  }

  // Whether a settlement cue ("the town of") ends right before token i.
  bool AfterSettlementCue(size_t i) const {
    if (i == 0 || !IsWord(i - 1)) return false;
    for (uint32_t cue_idx : g_.data.before_cues_by_last_word.Of(tokens_[i - 1].folded)) {
      const Cue& cue = g_.data.cues[cue_idx];
      if (cue.relation == kSettlement && MatchWordsBefore(i, cue.words) != SIZE_MAX) return true;
    }
    return false;
  }

  // Whether an after-cue starts at token i; with a relation, only a cue of that relation.
  bool IsAfterCue(size_t i, std::optional<std::string_view> relation = std::nullopt) const {
    for (uint32_t cue_idx : AfterCuesAt(i)) {
      const Cue& cue = g_.data.cues[cue_idx];
      if ((!relation || cue.relation == *relation) && MatchWords(i, cue.words) != 0) return true;
    }
    return false;
  }

  // Token i begins a clause: the sentence's first word, or after a comma, a colon, a quote
  // mark or a spaced dash ("BEIRUT, April 19 (Reuters) - Kirby said").
  bool OpensClause(size_t i) const {
    if (SentenceInitial(i)) return true;
    if (i == 0) return false;
    if (IsPunct(i - 1, '-')) return tokens_[i].space_before;
    return IsPunct(i - 1, ',') || IsPunct(i - 1, ':') || IsPunct(i - 1, '"') || IsPunct(i - 1, '\'');
  }

  // Number of tokens the words cover starting at token i (words only, hyphens skipped), or 0.
  size_t MatchWords(size_t i, const std::vector<std::string>& words) const {
    size_t k = i;
    for (const std::string& word : words) {
      if (k < tokens_.size() && IsPunct(k, '-')) ++k;
      if (!IsWord(k) || !SameWord(tokens_[k].folded, word)) return 0;
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
      if (!IsWord(k) || !SameWord(tokens_[k].folded, words[w])) return SIZE_MAX;
    }
    return k;
  }

  double Score(const Candidate& c, uint32_t posting, const Context& ctx) const {
    const EntryRecord& e = g_.index.entry(posting & kPostingIndexMask);
    const uint16_t country = CountryKey(e);
    double in_context = ctx.HasCountry(country) ? kCountryContextBonus : 0.0;
    if (e.kind == EntryKind::kCountry) return kCountryBase + in_context;
    if (e.kind == EntryKind::kRegion) {
      return (country == 0 ? kContinentBase : kRegionBase + in_context);
    }
    double score = std::log10(static_cast<double>(e.population) + 1.0) + in_context;
    if (FeatureIs(e, "PPLC")) score += 2.0;
    else if (FeatureIs(e, "PPLA") || FeatureIs(e, "ADM1")) score += 1.5;
    else if (FeatureIs(e, "PPLA2") || FeatureIs(e, "ADM2")) score += 0.8;
    if (!(posting & kPostingAlternate)) score += kMainNameBonus;
    double nearest = NearestKm(e, ctx, &c);
    if (nearest < kNearKm) score += kProximityWeight * (1.0 - nearest / kNearKm);
    return score;
  }

  bool SameName(const Candidate& a, const Candidate& b) const {
    if (a.name_hash != b.name_hash || a.end - a.first != b.end - b.first) return false;
    for (uint32_t k = 0; k < a.end - a.first; ++k) {
      if (tokens_[a.first + k].folded != tokens_[b.first + k].folded) return false;
    }
    return true;
  }

  // Distance to the nearest context point when it is under kNearKm, else kNearKm: callers
  // only ask whether a place is near and how near, so starting the search at that bound
  // lets the latitude test skip the great-circle computation for every farther point.
  double NearestKm(const EntryRecord& e, const Context& ctx, const Candidate* self) const {
    double nearest = kNearKm;
    double cos_lat = 0.0;
    bool have_cos = false;
    for (const Context::Point& point : ctx.points) {
      if (std::fabs(point.lat - e.lat) > nearest * kDegreesLatPerKm) continue;
      if (self != nullptr && SameName(*self, candidates_[point.candidate])) continue;  // not itself
      if (!have_cos) {
        cos_lat = CosLat(e.lat);
        have_cos = true;
      }
      if (LongitudeBoundKm(e.lon, cos_lat, point.lon, point.cos_lat) > nearest) continue;
      nearest = std::min(nearest, DistanceKm(e.lat, e.lon, cos_lat, point.lat, point.lon, point.cos_lat));
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
    // Every score is finite: a lone eligible posting wins without being scored, which spares
    // its nearness search (most candidates have one sense left to choose from in a round).
    const auto eligible = [&](uint32_t posting) {
      const EntryRecord& e = g_.index.entry(posting & kPostingIndexMask);
      return IsDataEntry(e) || (towns && !has_country);
    };
    int first_eligible = -1;
    bool several_eligible = false;
    for (size_t p = 0; p < c->postings.size() && !several_eligible; ++p) {
      if (!eligible(c->postings[p])) continue;
      several_eligible = first_eligible >= 0;
      if (first_eligible < 0) first_eligible = static_cast<int>(p);
    }
    if (!several_eligible) {
      c->best = first_eligible;
      return;
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
    // A provincial seat whose size GeoNames does not give ("Parachinar", population 0) is no
    // hamlet: taken on its own name, under its main name only.
    if (e.population == 0 && FeatureIs(e, "PPLA") && !(c.postings[c.best] & kPostingAlternate)) return true;
    if (ctx.HasCountry(CountryKey(e))) return true;
    return NearestKm(e, ctx, &c) < kNearKm;
  }

  void Resolve() {
    Context ctx;
    // Countries named without ambiguity set the first context.
    for (const Candidate& c : candidates_) {
      bool all_one_country = true;
      uint16_t country = 0;
      for (uint32_t posting : c.postings) {
        const EntryRecord& e = g_.index.entry(posting & kPostingIndexMask);
        if (e.kind != EntryKind::kCountry || (country != 0 && country != CountryKey(e))) all_one_country = false;
        country = CountryKey(e);
      }
      if (all_one_country) ctx.AddCountry(country);
    }
    for (Candidate& c : candidates_) Choose(&c, ctx, /*towns=*/false);
    for (uint32_t idx = 0; idx < candidates_.size(); ++idx) {
      const Candidate& c = candidates_[idx];
      if (c.best < 0) continue;
      const EntryRecord& e = g_.index.entry(c.postings[c.best] & kPostingIndexMask);
      ctx.AddCountry(CountryKey(e));
      if (e.kind == EntryKind::kRegion && CountryKey(e) != 0) ctx.points.push_back({e.lat, e.lon, CosLat(e.lat), idx});
    }
    // Towns twice: the second time with the towns of the first as neighbours.
    for (Candidate& c : candidates_) Choose(&c, ctx, /*towns=*/true);
    // The second round has the same countries and more points: the points are copied, the
    // countries are not.
    std::vector<Context::Point> second_points = ctx.points;
    for (uint32_t idx = 0; idx < candidates_.size(); ++idx) {
      const Candidate& c = candidates_[idx];
      if (c.best < 0 || !Believable(c, ctx)) continue;
      const EntryRecord& e = g_.index.entry(c.postings[c.best] & kPostingIndexMask);
      if (e.kind == EntryKind::kTown || e.kind == EntryKind::kAdmin) second_points.push_back({e.lat, e.lon, CosLat(e.lat), idx});
    }
    Context& second = ctx;
    second.points = std::move(second_points);
    for (Candidate& c : candidates_) {
      Choose(&c, second, /*towns=*/true);
      if (c.best >= 0 && !Believable(c, second)) c.best = -1;
      if (c.best >= 0 && c.collapsed &&
          !second.HasCountry(CountryKey(g_.index.entry(c.postings[c.best] & kPostingIndexMask)))) {
        c.best = -1;
      }
    }
  }

  // After m->feature_code is set.
  void BaseRelation(const EntryRecord& e, uint32_t posting, PlaceMention* m) const {
    const std::string_view code = m->feature_code;
    if (e.kind == EntryKind::kCountry) {
      m->relation = (posting & kPostingDemonym) ? "demonym" : "country";
      m->precision = kPrecisionCountry;
    } else if (e.kind == EntryKind::kRegion) {
      m->relation = "region";
      m->precision = code == kAdmin1Code ? kPrecisionProvince : code == kSeaCode ? kPrecisionWater : kPrecisionLargeArea;
    } else if (e.kind == EntryKind::kAdmin) {
      m->relation = "region";
      m->precision = code == kAdmin1Code ? kPrecisionProvince : kPrecisionDistrict;
    } else {
      m->precision = kPrecisionExact;
    }
  }

  void ApplyCues(PlaceMention* m) const {
    for (uint32_t cue_idx : AfterCuesAt(m->end_token)) {
      const Cue& cue = g_.data.cues[cue_idx];
      if (cue.relation == kSpeaker) continue;
      size_t n = MatchWords(m->end_token, cue.words);
      if (n == 0) continue;
      if (!cue.relation.empty()) m->relation = cue.relation;
      m->precision = cue.precision;
      m->relation_span = ByteSpan{tokens_[m->end_token].span.begin, tokens_[m->end_token + n - 1].span.end};
      return;
    }
    // Before-cues end right before the place or right before a "the" that precedes it. The
    // cues listed under the word two before the place can only match across such a "the"
    // (or are listed under the word right before it too), so that list is read only then.
    const size_t first = m->first_token;
    const bool after_the = first > 0 && tokens_[first - 1].folded == "the";
    const std::vector<uint32_t>* right_before = first > 0 && IsWord(first - 1) ? BeforeCuesEndingWith(first - 1) : nullptr;
    const std::vector<uint32_t>* before_the = after_the && first > 1 && IsWord(first - 2) ? BeforeCuesEndingWith(first - 2) : nullptr;
    // Each list is in file order; two are merged into it.
    std::span<const uint32_t> before;
    if (right_before != nullptr && before_the != nullptr) {
      std::vector<uint32_t>& merged = cue_buffer_;
      merged.assign(right_before->begin(), right_before->end());
      merged.insert(merged.end(), before_the->begin(), before_the->end());
      std::sort(merged.begin(), merged.end());
      merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
      before = merged;
    } else if (right_before != nullptr || before_the != nullptr) {
      before = right_before != nullptr ? *right_before : *before_the;
    }
    for (uint32_t cue_idx : before) {
      const Cue& cue = g_.data.cues[cue_idx];
      size_t start = MatchWordsBefore(first, cue.words);
      if (start == SIZE_MAX && after_the) start = MatchWordsBefore(first - 1, cue.words);
      if (start == SIZE_MAX) continue;
      if (!cue.relation.empty() && cue.relation != kSettlement) m->relation = cue.relation;
      m->precision = std::max(m->precision, cue.precision);
      size_t last = start + cue.words.size() - 1;
      m->relation_span = ByteSpan{tokens_[start].span.begin, tokens_[last].span.end};
      return;
    }
  }

  // The before-cues whose last word is token i's, in file order, or null.
  const std::vector<uint32_t>* BeforeCuesEndingWith(size_t i) const {
    return g_.data.before_cues_by_last_word.ListOf(tokens_[i].folded);
  }

  std::vector<PlaceMention> BuildMentions() {
    std::vector<PlaceMention> out;
    out.reserve(candidates_.size());  // mentions are large: never moved by growth
    for (const Candidate& c : candidates_) {
      if (c.best < 0) continue;
      uint32_t posting = c.postings[c.best];
      const EntryRecord& e = g_.index.entry(posting & kPostingIndexMask);
      PlaceMention& m = out.emplace_back();  // built in place: its strings are not moved again
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
    }
    LinkPairs(&out);
    return out;
  }

  // "between X and Y" and "the X-Y border" relate both places.
  void LinkPairs(std::vector<PlaceMention>* mentions) const {
    for (size_t idx = 0; idx + 1 < mentions->size(); ++idx) {
      PlaceMention& a = (*mentions)[idx];
      PlaceMention& b = (*mentions)[idx + 1];
      if (a.relation == kBetween && IsWord(a.end_token) && tokens_[a.end_token].folded == "and" &&
          b.first_token == a.end_token + 1) {
        b.relation = a.relation;
        b.precision = a.precision;
        b.relation_span = a.relation_span;
      }
      if (b.relation == kBorder && IsPunct(a.end_token, '-') && b.first_token == a.end_token + 1) {
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
  StringSet person_words_;
  StringSet surnames_;  // single words rejected after a listed given name or an honorific
  mutable std::vector<uint32_t> cue_buffer_;
};

}  // namespace

std::vector<PlaceMention> FindPlaces(const Gazetteer& gazetteer, std::string_view text, const TokenStream& tokens) {
  return Matcher(gazetteer.data(), text, tokens).Run();
}

}  // namespace crosscheck::places
