// Differential test of the ASCII sentence path: on every text it must give exactly
// the boundaries of ICU's filtered iterator (BreakEngine::kIcuOnly). Texts: tricky
// cases written here, random strings over the characters the rules care about, the
// examples/, and the seeds and dev corpus of ../shared (skipped with a message when
// absent, a failure under CI). CROSSCHECK_SENTENCE_DIFF names more JSON Lines files
// (e.g. the benchmark corpus) to compare on.
#include "text/sentence_breaks.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "text/normalize.h"
#include "text/tokenize.h"

namespace crosscheck::text {
namespace {

namespace fs = std::filesystem;

const char* kAbbreviationsPath = "data/lexicon/abbreviations.tsv";

class SentenceBreaksDiff : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(LoadSentenceAbbreviations(kAbbreviationsPath).ok()); }

  // Compares both engines on `text`, raw and cleaned; returns the number of texts compared.
  static int Compare(const std::string& text, const std::string& where) {
    int compared = 0;
    for (const std::string& variant : {text, Clean(text).text}) {
      const std::vector<uint32_t> fast = SentenceBoundaries(variant, BreakEngine::kFast);
      const std::vector<uint32_t> icu = SentenceBoundaries(variant, BreakEngine::kIcuOnly);
      EXPECT_EQ(fast, icu) << where << ": " << variant.substr(0, 300);
      ++compared;
      if (fast != icu) break;
    }
    return compared;
  }
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The "text" (or "html") field of every line of a JSON Lines file.
std::vector<std::string> JsonLinesTexts(const fs::path& path) {
  std::vector<std::string> texts;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json object = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!object.is_object()) continue;
    for (const char* field : {"text", "html"}) {
      if (object.contains(field) && object[field].is_string()) texts.push_back(object[field].get<std::string>());
    }
  }
  return texts;
}

int CompareTree(const fs::path& root, int (*compare)(const std::string&, const std::string&)) {
  int compared = 0;
  if (fs::is_regular_file(root)) {
    if (root.extension() == ".jsonl") {
      int line_idx = 0;
      for (const std::string& text : JsonLinesTexts(root)) compared += compare(text, root.string() + ":" + std::to_string(++line_idx));
    } else {
      compared += compare(ReadFile(root), root.string());
    }
    return compared;
  }
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    const std::string extension = entry.path().extension().string();
    if (extension == ".txt" || extension == ".jsonl") compared += CompareTree(entry.path(), compare);
  }
  return compared;
}

bool UnderCi() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

TEST_F(SentenceBreaksDiff, WrittenCases) {
  const std::vector<std::string> cases = {
      "The U.S. Army said so. Then it left.",
      "He met Maj. Gen. Yuri Popov and Lt. Gen. Smith on Monday. It was late.",
      "A Ph.D. student spoke. Another did not.",
      "Lt.Cdr. Jones arrived. Hon.B.A. Smith too.",
      "It happened at 10 a.m. Police came. At 5 p.m. They left.",
      "See e.g. the report. I.e. This one.",
      "Dr. Smith treated No. 4 ward. Done",
      "Dr.\n\nSmith went home. (18.06.2018) was the date.",
      "\"Stop!\" he said. \"Why?\" she asked.",
      "He said: \"It is over.\" Then he left.",
      "It cost 2.5 million. The U.N. said U.S.A. troops left.",
      "etc. (and so on) Then. ) The end",
      "They fled to the U.K.\nThen back.",
      "Headline Without Stop\n\nFirst line. second line? Third!  Fourth.\tFifth.",
      "Mr.  Brown came.  Mrs. Green too.",
      "In the S.A.R. region. The S.E. corner. The S. region.",
      "Approx. 50 died. Est. 60 more. vs. last year.",
      "The U. S. Army. The U.S.C. code.",
      "...and then. . . nothing.  Really?! Yes.",
      "A.B.C. D. E.F. G",
      "word.\"\n\"Next\" one.",
      "- first bullet\n- second bullet",
      "Ends with abbreviation Gen.",
      ". . .",
      "",
  };
  for (const std::string& text : cases) Compare(text, "written case");
}

// Random strings over the characters and words the rules and filters turn on.
TEST_F(SentenceBreaksDiff, RandomStrings) {
  const std::vector<std::string> pieces = {
      "a", "b", "Z", "Q", "1", "7", ".", ".", ".", "!", "?", " ", " ", " ", "  ", "\n", "\n\n", "\t", "\"", "'",
      "(", ")", "[", "]", ",", "-", ":", ";", "#", "U.S.", "U.", "S.", "Dr.", "Gen.", "Lt.", "Lt.Cdr.", "Ph.D.",
      "a.m.", "p.m.", "e.g.", "I.e.", "No.", "vs.", "Mr.", "S.A.R.", "Hon.B.A.", "Mt.", "etc", "The", "he", "U.N.",
      "Maj.Gen.", "Brig.", "L.A.", "x.", "MR.", "Sept.", "Jan.", "A.", "AB.",
      // Bytes that send a line to ICU, so that both paths meet in one text.
      "\r", "\r\n", "\x01", "\xC3\xA9", "\xE2\x80\x99", "\xE2\x80\x9D", "\xC2\xA0", "\v", "\f"};
  std::mt19937 random(20261127);
  for (int case_idx = 0; case_idx < 20000; ++case_idx) {
    std::string text;
    const int count = 1 + static_cast<int>(random() % 24);
    for (int piece_idx = 0; piece_idx < count; ++piece_idx) text += pieces[random() % pieces.size()];
    const std::vector<uint32_t> fast = SentenceBoundaries(text, BreakEngine::kFast);
    const std::vector<uint32_t> icu = SentenceBoundaries(text, BreakEngine::kIcuOnly);
    ASSERT_EQ(fast, icu) << "random case " << case_idx << ": [" << text << "]";
  }
}

TEST_F(SentenceBreaksDiff, ExamplesSeedsDevAndExtraCorpora) {
  int compared = CompareTree("examples", &SentenceBreaksDiff::Compare);
  EXPECT_GT(compared, 0);
  const std::vector<fs::path> shared = {"../shared/seeds", "../shared/eval/dev/corpus.jsonl"};
  for (const fs::path& path : shared) {
    if (!fs::exists(path)) {
      if (UnderCi()) ADD_FAILURE() << path << " is missing under CI";
      std::cout << "[  SKIPPED ] " << path << " absent: not compared\n";
      continue;
    }
    compared += CompareTree(path, &SentenceBreaksDiff::Compare);
  }
  if (const char* extra = std::getenv("CROSSCHECK_SENTENCE_DIFF"); extra != nullptr) {
    std::stringstream paths(extra);
    std::string path;
    while (std::getline(paths, path, ':')) {
      if (!path.empty()) compared += CompareTree(path, &SentenceBreaksDiff::Compare);
    }
  }
  std::cout << "sentence boundaries compared on " << compared << " texts\n";
}

}  // namespace
}  // namespace crosscheck::text
