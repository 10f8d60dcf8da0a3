#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/utext.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <unordered_set>

#include "core/tsv.h"
#include "text/tokenize.h"

namespace crosscheck::text {
namespace {

std::mutex g_abbreviations_mutex;
std::vector<std::string> g_abbreviations;
std::atomic<int> g_abbreviations_version{0};

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

struct ThreadSplitter {
  std::unique_ptr<icu::BreakIterator> iterator;
  std::unordered_set<std::string> abbreviations;
  int built_version = -1;
};

// One ICU sentence iterator per thread, rebuilt when the abbreviation list changes.
ThreadSplitter& ThreadSentenceSplitter() {
  thread_local ThreadSplitter splitter;
  int version = g_abbreviations_version.load();
  if (splitter.iterator && splitter.built_version == version) return splitter;
  std::unique_ptr<icu::BreakIterator>& iterator = splitter.iterator;
  splitter.abbreviations.clear();
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale("en@ss=standard");
  std::unique_ptr<icu::BreakIterator> base(icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status)) return splitter;
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createInstance(locale, status));
  if (U_SUCCESS(status)) {
    std::lock_guard<std::mutex> lock(g_abbreviations_mutex);
    for (const std::string& abbreviation : g_abbreviations) {
      UErrorCode add_status = U_ZERO_ERROR;
      builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(abbreviation), add_status);
      splitter.abbreviations.insert(abbreviation);
    }
    iterator.reset(builder->wrapIteratorWithFilter(base.release(), status));
  } else {
    iterator = std::move(base);
  }
  splitter.built_version = version;
  return splitter;
}

// ICU does not suppress a break after an abbreviation that opens a paragraph ("Dr."
// after a blank line): such a piece is joined to what follows on the same line.
bool EndsWithAbbreviation(std::string_view sentence, const std::unordered_set<std::string>& abbreviations) {
  size_t space = sentence.find_last_of(" \n");
  std::string last(space == std::string_view::npos ? sentence : sentence.substr(space + 1));
  return abbreviations.count(last) > 0;
}

uint32_t CountParagraphBreaks(std::string_view text, uint32_t from, uint32_t to) {
  uint32_t breaks = 0;
  for (uint32_t i = from; i + 1 < to; ++i) {
    if (text[i] == '\n' && text[i + 1] == '\n') {
      ++breaks;
      while (i + 1 < to && text[i + 1] == '\n') ++i;
    }
  }
  return breaks;
}

}  // namespace

void SetSentenceAbbreviations(std::vector<std::string> abbreviations) {
  std::lock_guard<std::mutex> lock(g_abbreviations_mutex);
  g_abbreviations = std::move(abbreviations);
  ++g_abbreviations_version;
}

Status LoadSentenceAbbreviations(const std::string& path) {
  Result<TsvTable> table = ReadTsv(path, "crosscheck.abbreviations", 1);
  if (!table.ok()) return table.status();
  std::vector<std::string> abbreviations;
  for (const TsvRow& row : table->rows) abbreviations.push_back(row.fields.at(0));
  SetSentenceAbbreviations(std::move(abbreviations));
  return Status::Ok();
}

std::vector<Sentence> SplitSentences(std::string_view text) {
  std::vector<Sentence> sentences;
  auto add = [&](uint32_t begin, uint32_t end) {
    while (begin < end && IsSpace(text[begin])) ++begin;
    while (end > begin && IsSpace(text[end - 1])) --end;
    if (begin < end) sentences.push_back(Sentence{ByteSpan{begin, end}, 0, 0, 0});
  };
  ThreadSplitter& splitter = ThreadSentenceSplitter();
  icu::BreakIterator* iterator = splitter.iterator.get();
  if (iterator == nullptr || text.empty()) {
    add(0, static_cast<uint32_t>(text.size()));
    return sentences;
  }
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) {
    add(0, static_cast<uint32_t>(text.size()));
    return sentences;
  }
  iterator->setText(utext, status);
  int32_t begin = iterator->first();
  for (int32_t end = iterator->next(); end != icu::BreakIterator::DONE; end = iterator->next()) {
    add(static_cast<uint32_t>(begin), static_cast<uint32_t>(end));
    begin = end;
  }
  utext_close(utext);
  std::vector<Sentence> joined;
  for (const Sentence& sentence : sentences) {
    if (!joined.empty()) {
      Sentence& previous = joined.back();
      std::string_view gap = text.substr(previous.span.end, sentence.span.begin - previous.span.end);
      if (gap.find('\n') == std::string_view::npos &&
          EndsWithAbbreviation(previous.span.Of(text), splitter.abbreviations)) {
        previous.span.end = sentence.span.end;
        continue;
      }
    }
    joined.push_back(sentence);
  }
  sentences = std::move(joined);
  uint32_t paragraph = 0;
  uint32_t previous_end = 0;
  for (Sentence& sentence : sentences) {
    paragraph += CountParagraphBreaks(text, previous_end, sentence.span.begin);
    sentence.paragraph = paragraph;
    previous_end = sentence.span.end;
  }
  return sentences;
}

}  // namespace crosscheck::text
