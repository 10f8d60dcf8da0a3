#include "text/fold.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <memory>

#include "text/tokenize.h"

namespace crosscheck::text {
namespace {

// Any script to Latin, then to ASCII where a close form exists, then lower case.
// Created once per thread: ICU transliterators are not thread-safe and costly to build.
icu::Transliterator* ThreadTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    return t;
  }();
  return transliterator.get();
}

bool IsDroppedInsideWord(char c) { return c == '\'' || c == '.' || c == '-' || c == '`'; }

}  // namespace

void AppendFoldedWord(std::string_view word, std::string* out) {
  if (IsAscii(word)) {
    for (char c : word) {
      if (IsDroppedInsideWord(c)) continue;
      out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
    }
    return;
  }
  icu::Transliterator* transliterator = ThreadTransliterator();
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  if (transliterator != nullptr) {
    transliterator->transliterate(unicode);
  } else {
    unicode.foldCase();
  }
  std::string folded;
  unicode.toUTF8String(folded);
  for (char c : folded) {
    // Transliteration leaves ʿayn/hamza marks and apostrophes: they vary across spellings.
    if (IsDroppedInsideWord(c) || c == '\x60' || c == ' ') continue;
    out->push_back(c);
  }
}

std::string FoldPhrase(std::string_view phrase) {
  TokenStream tokens = Tokenize(phrase);
  std::string out;
  for (const Token& token : tokens.tokens) {
    if (token.kind == TokenKind::kPunct) continue;
    if (!out.empty()) out.push_back(' ');
    out.append(token.folded);
  }
  return out;
}

}  // namespace crosscheck::text
