#include "ingest/html_extract.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/boilerplate_lexicon.h"
#include "ingest/html_input.h"

namespace crosscheck {
namespace {

// A body long enough to be an article: several sentences with commas.
std::string ArticleParagraphs() {
  return "<p>Shelling hit the northern market of an invented town on Tuesday morning, killing four people "
         "and wounding eleven, according to the regional health office.</p>"
         "<p>Witnesses said the first shell landed near the bakery, where dozens of people were queueing, "
         "and a second one struck the car park a few minutes later.</p>"
         "<p>The army denied that its units had fired at the town, saying its artillery had been silent "
         "all week, while a local militia blamed government forces for the attack.</p>"
         "<p>Aid workers, who asked not to be named, said the clinic was short of blood, bandages and fuel "
         "for its generator, and that two of the wounded were children.</p>";
}

std::string NavAndClutter() {
  return "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>"
         "<li><a href='/sport'>Sport</a></li></ul></nav>"
         "<div class='sidebar'><h3>Most read</h3><ul><li><a href='/x'>Some other story about a thing</a></li>"
         "<li><a href='/y'>Another story that is popular today</a></li></ul></div>"
         "<script>var tracking = 'should never appear';</script><style>p{color:red}</style>"
         "<!-- a comment that should never appear -->";
}

HtmlExtractOptions WithLexicon() {
  HtmlExtractOptions options;
  options.boilerplate = std::make_shared<const BoilerplateLexicon>(
      std::vector<std::string>{"share this article", "sign up for our newsletter", "read more", "we use cookies"});
  return options;
}

// CountWordsUpTo reads sixteen bytes at a time: it must count as a byte-by-byte walk does,
// across block edges, tabs, control bytes and UTF-8, and stop at limit + 1.
TEST(Boilerplate, CountsWordsAsAByteWalkDoes) {
  const auto walk = [](std::string_view s, size_t limit) {
    size_t words = 0;
    bool in_word = false;
    for (char c : s) {
      const bool space = static_cast<unsigned char>(c) <= ' ';
      if (!space && !in_word && ++words > limit) return words;
      in_word = !space;
    }
    return words;
  };
  const std::string pieces[] = {" ", "a", "word", "\t", "\n", "\x01", "\xC3\xA9t\xC3\xA9", "  ", "longerwordhere", ".", "\x7F"};
  uint32_t state = 12345;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int count = round % 40;
    for (int piece_idx = 0; piece_idx < count; ++piece_idx) {
      state = state * 1103515245u + 12345u;
      text += pieces[(state >> 16) % std::size(pieces)];
    }
    for (size_t limit : {size_t{0}, size_t{3}, size_t{14}, size_t{1000}}) {
      EXPECT_EQ(CountWordsUpTo(text, limit), walk(text, limit)) << "limit " << limit << ": \"" << text << "\"";
    }
  }
  EXPECT_EQ(CountWordsUpTo("one two three four five six seven eight", 3), 4u);
  EXPECT_EQ(CountWordsUpTo("                 x", 3), 1u);  // a word after a full block of spaces
}

TEST(HtmlExtract, ReadsMetadataFromMetaTagsAndLinks) {
  const std::string html =
      "<!doctype html><html lang='en-GB'><head><title>Market shelled | Invented Times</title>"
      "<meta property='og:title' content='Market shelled in invented town'>"
      "<meta property='og:site_name' content='Invented Times'>"
      "<meta property='article:published_time' content='2018-06-18T10:00:00Z'>"
      "<link rel='canonical' href='https://example.org/market'>"
      "</head><body><article>" + ArticleParagraphs() + "</article></body></html>";
  auto article = ExtractArticle(html);
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_EQ(article->title, "Market shelled in invented town");
  EXPECT_EQ(article->published, "2018-06-18T10:00:00Z");
  EXPECT_EQ(article->outlet, "Invented Times");
  EXPECT_EQ(article->url, "https://example.org/market");
  EXPECT_EQ(article->language, "en-GB");
}

TEST(HtmlExtract, FallsBackToTitleTagAndOgUrl) {
  const std::string html = "<html><head><title>  Plain   title </title>"
                           "<meta property='og:url' content='https://example.org/a'></head><body>" +
                           ArticleParagraphs() + "</body></html>";
  auto article = ExtractArticle(html);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->title, "Plain title");
  EXPECT_EQ(article->url, "https://example.org/a");
  EXPECT_EQ(article->published, "");
}

struct DateCase {
  const char* name;
  const char* head;
  const char* expected;
};

class PublishedDate : public ::testing::TestWithParam<DateCase> {};

TEST_P(PublishedDate, IsFound) {
  const std::string html = std::string("<html><head>") + GetParam().head + "</head><body>" +
                           ArticleParagraphs() + "</body></html>";
  auto article = ExtractArticle(html);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->published, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Variants, PublishedDate,
    ::testing::Values(
        DateCase{"og_article", "<meta property='og:article:published_time' content='2019-01-02'>", "2019-01-02"},
        DateCase{"itemprop", "<meta itemprop='datePublished' content='2019-01-03'>", "2019-01-03"},
        DateCase{"pubdate", "<meta name='pubdate' content='2019-01-04'>", "2019-01-04"},
        DateCase{"dc_date", "<meta name='DC.date' content='2019-01-05'>", "2019-01-05"},
        DateCase{"json_ld_object",
                 "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":"
                 "\"2019-01-06T08:00:00+01:00\"}</script>",
                 "2019-01-06T08:00:00+01:00"},
        DateCase{"json_ld_array",
                 "<script type='application/ld+json'>[{\"@type\":\"WebSite\"},{\"@type\":\"Article\","
                 "\"datePublished\":\"2019-01-07\"}]</script>",
                 "2019-01-07"},
        DateCase{"json_ld_graph",
                 "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":["
                 "{\"@type\":\"WebPage\"},{\"@type\":\"ReportageNewsArticle\",\"datePublished\":\"2019-01-08\","
                 "\"publisher\":{\"name\":\"Graph News\"}}]}</script>",
                 "2019-01-08"},
        DateCase{"json_ld_malformed_then_meta",
                 "<script type='application/ld+json'>{\"datePublished\": </script>"
                 "<meta name='date' content='2019-01-09'>",
                 "2019-01-09"},
        DateCase{"meta_beats_json_ld",
                 "<meta property='article:published_time' content='2019-01-10'>"
                 "<script type='application/ld+json'>{\"@type\":\"Article\",\"datePublished\":\"2000-01-01\"}"
                 "</script>",
                 "2019-01-10"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(HtmlExtract, JsonLdPublisherIsOutletFallback) {
  const std::string html =
      "<html><head><script type='application/ld+json'>{\"@graph\":[{\"@type\":\"NewsArticle\","
      "\"headline\":\"H\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"Graph News\"}}]}</script>"
      "</head><body>" + ArticleParagraphs() + "</body></html>";
  auto article = ExtractArticle(html);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->outlet, "Graph News");
  EXPECT_EQ(article->title, "H");
}

TEST(HtmlExtract, KeepsArticleDropsNavigationScriptsAndComments) {
  const std::string html = "<html><body><header class='site-header'><a href='/'>Invented Times</a></header>" +
                           NavAndClutter() + "<div class='article-body'>" + ArticleParagraphs() +
                           "</div><footer>Copyright Invented Times</footer></body></html>";
  auto article = ExtractArticle(html);
  ASSERT_TRUE(article.ok());
  const std::string& text = article->text;
  EXPECT_NE(text.find("Shelling hit the northern market"), std::string::npos);
  EXPECT_NE(text.find("two of the wounded were children."), std::string::npos);
  for (const char* absent : {"Home", "tracking", "a comment", "Most read", "Copyright", "color:red",
                             "Another story"})
    EXPECT_EQ(text.find(absent), std::string::npos) << absent;
}

TEST(HtmlExtract, ParagraphsAreSeparatedAndWhiteSpaceCollapsed) {
  const std::string html = "<html><body><article><p>First   paragraph,\n  with <b>bold</b>\ttext and "
                           "enough words to count as prose in an article.</p><h2>A sub heading</h2>"
                           "<p>Second paragraph, also long enough to be scored as part of the story.</p>"
                           "</article></body></html>";
  auto article = ExtractArticle(html);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->text,
            "First paragraph, with bold text and enough words to count as prose in an article.\n\n"
            "A sub heading\n\nSecond paragraph, also long enough to be scored as part of the story.");
}

TEST(HtmlExtract, TitleRepeatedAsFirstBlockIsDropped) {
  const std::string html = "<html><head><title>Market shelled in invented town</title></head><body><article>"
                           "<h1>Market shelled in invented town</h1>" + ArticleParagraphs() +
                           "</article></body></html>";
  auto article = ExtractArticle(html);
  ASSERT_TRUE(article.ok());
  EXPECT_TRUE(article->text.starts_with("Shelling hit the northern market")) << article->text;
}

TEST(HtmlExtract, BoilerplatePhrasesAndLinkLinesAreDropped) {
  const std::string html = "<html><body><article>" + ArticleParagraphs() +
                           "<p>Share this article</p><p><a href='/n'>Sign up for our newsletter</a></p>"
                           "<p><a href='/other'>Another unrelated headline elsewhere</a></p>"
                           "<p>Read more:</p></article>"
                           "<div class='cookie-banner'>We use cookies to improve your experience.</div>"
                           "</body></html>";
  auto article = ExtractArticle(html, WithLexicon());
  ASSERT_TRUE(article.ok());
  for (const char* absent : {"Share this", "newsletter", "unrelated headline", "Read more", "cookies"})
    EXPECT_EQ(article->text.find(absent), std::string::npos) << absent << " in " << article->text;
  EXPECT_NE(article->text.find("Aid workers"), std::string::npos);
}

TEST(HtmlExtract, PicksArticleOverLongCommentSection) {
  std::string comments = "<div id='comments' class='comments'>";
  for (int comment_idx = 0; comment_idx < 3; ++comment_idx)
    comments += "<p>I think this is a very short comment, honestly, but it has commas, you see.</p>";
  comments += "</div>";
  const std::string html = "<html><body><div class='story'>" + ArticleParagraphs() + "</div>" + comments +
                           "</body></html>";
  auto article = ExtractArticle(html);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->text.find("very short comment"), std::string::npos);
  EXPECT_NE(article->text.find("Shelling hit"), std::string::npos);
}

TEST(HtmlExtract, HiddenElementsAreDropped) {
  const std::string html = "<html><body><article>" + ArticleParagraphs() +
                           "<p style='display: none'>Invisible paragraph that must not be output at all.</p>"
                           "<p hidden>Another hidden paragraph that must not be in the text.</p>"
                           "</article></body></html>";
  auto article = ExtractArticle(html);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->text.find("Invisible"), std::string::npos);
  EXPECT_EQ(article->text.find("hidden paragraph"), std::string::npos);
}

TEST(HtmlExtract, EmptyInputIsKEmpty) {
  EXPECT_EQ(ExtractArticle("").status().code(), StatusCode::kEmpty);
  EXPECT_EQ(ExtractArticle(" \n\t ").status().code(), StatusCode::kEmpty);
}

TEST(HtmlExtract, ScriptOnlyPageIsKEmpty) {
  std::string html = "<html><script>";
  for (int i = 0; i < 1000; ++i) html += "var a=1;";
  html += "</script></html>";
  EXPECT_EQ(ExtractArticle(html).status().code(), StatusCode::kEmpty);
}

TEST(HtmlExtract, BinaryJunkIsKBinary) {
  std::string junk;
  for (int round = 0; round < 16; ++round)
    for (int byte = 0; byte < 256; ++byte) junk.push_back(static_cast<char>(byte));
  EXPECT_EQ(ExtractArticle(junk).status().code(), StatusCode::kBinary);
}

TEST(HtmlExtract, InvalidUtf8IsRepairedAndReported) {
  const std::string html = "<html><body><p>Before \xff\xfe after \xe2\x82 cut and \xed\xa0\x80 surrogate, "
                           "with enough words to be the article body here.</p></body></html>";
  auto article = ExtractArticle(html);
  ASSERT_TRUE(article.ok());
  EXPECT_NE(article->text.find("Before \xEF\xBF\xBD\xEF\xBF\xBD after"), std::string::npos) << article->text;
  ASSERT_FALSE(article->diagnostics.empty());
  EXPECT_NE(article->diagnostics[0].find("invalid UTF-8"), std::string::npos);
  std::string repaired;
  EXPECT_EQ(RepairUtf8(article->text, &repaired), 0u);
}

TEST(HtmlExtract, DeepNestingIsFlattenedQuickly) {
  constexpr int kDepth = 200000;
  std::string html;
  html.reserve(kDepth * 11 + 16);
  for (int i = 0; i < kDepth; ++i) html += "<div>";
  html += "deep text";
  for (int i = 0; i < kDepth; ++i) html += "</div>";
  auto article = ExtractArticle(html);
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_EQ(article->text, "deep text");
  ASSERT_FALSE(article->diagnostics.empty());
  EXPECT_NE(article->diagnostics.back().find("nested deeper"), std::string::npos);
}

TEST(HtmlExtract, UnclosedFormattingTagsDoNotExplode) {
  std::string html = "<html><head><title>T</title><body><p>Shelling hit a market";
  for (int i = 0; i < 5000; ++i) html += "<b><i>";
  auto article = ExtractArticle(html);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->text, "Shelling hit a market");
}

TEST(HtmlExtract, OversizedInputIsCutWithDiagnostic) {
  HtmlExtractOptions options;
  options.max_input_bytes = 1000;
  std::string html = "<p>";
  for (int i = 0; i < 10000; ++i) html += "word ";
  auto article = ExtractArticle(html, options);
  ASSERT_TRUE(article.ok());
  EXPECT_LE(article->text.size(), 1000u);
  ASSERT_FALSE(article->diagnostics.empty());
  EXPECT_NE(article->diagnostics[0].find("cut"), std::string::npos);
}

TEST(HtmlExtract, Utf16WithBomIsConverted) {
  const std::string ascii = "<html><body><p>A short page written in UTF-16 with a byte order mark.</p></body></html>";
  std::string utf16 = "\xFF\xFE";
  for (char c : ascii) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  auto article = ExtractArticle(utf16);
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_EQ(article->text, "A short page written in UTF-16 with a byte order mark.");
}

TEST(HtmlExtract, DeclaredLegacyCharsetIsConverted) {
  const std::string html = "<html><head><meta charset='windows-1252'></head><body><p>Caf\xe9 owners said "
                           "the road was closed.</p></body></html>";
  auto article = ExtractArticle(html);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->text, "Caf\xC3\xA9 owners said the road was closed.");
}

TEST(CapTagNesting, LeavesOrdinaryPagesAlone) {
  std::string out;
  EXPECT_EQ(CapTagNesting("<div><p>a<p>b<br><img src=x><ul><li>c<li>d</ul></div>", 3, &out), 0u);
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(CapTagNesting("<script>if (a<b) { '<div><div><div><div>' }</script>", 2, &out), 0u);
}

TEST(CapTagNesting, DropsTagsPastTheLimitKeepsText) {
  std::string out;
  EXPECT_EQ(CapTagNesting("<div><div><div>x</div></div></div>", 2, &out), 2u);
  EXPECT_EQ(out, "<div><div>x</div></div>");
}

TEST(Boilerplate, MatchesOnWordBoundariesIgnoringCaseAndPunctuation) {
  const BoilerplateLexicon lexicon({"read more", "share this"});
  EXPECT_TRUE(lexicon.Matches("READ MORE >>"));
  EXPECT_TRUE(lexicon.Matches("Share this:"));
  EXPECT_FALSE(lexicon.Matches("already more"));
  EXPECT_FALSE(lexicon.Matches("spread moreover"));
}

TEST(Boilerplate, LoadsTheShippedPhraseFile) {
  auto lexicon = LoadBoilerplate(std::string(CROSSCHECK_SOURCE_DIR) + "/data/boilerplate/phrases.tsv");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  EXPECT_GT(lexicon->size(), 20u);
  EXPECT_TRUE(lexicon->Matches("Sign up for our newsletter"));
}

TEST(Boilerplate, RejectsAFileWithoutFormatTag) {
  const std::string path = ::testing::TempDir() + "/bad_phrases.tsv";
  FILE* f = std::fopen(path.c_str(), "w");
  ASSERT_NE(f, nullptr);
  std::fputs("phrase\nread more\n", f);
  std::fclose(f);
  EXPECT_EQ(LoadBoilerplate(path).status().code(), StatusCode::kDataFormat);
  EXPECT_EQ(LoadBoilerplate(path + ".missing").status().code(), StatusCode::kNotFound);
}

TEST(Boilerplate, StripsNoticeAndMenuLinesFromPlainText) {
  const BoilerplateLexicon lexicon({"share this article", "sign up for our newsletter"});
  const std::string text =
      "Home\nWorld\nSport\nBusiness\n\nMarket shelled\n\nShelling hit the market on Tuesday, officials said.\n"
      "Share this article\n\nThe army denied it.\nSign up for our newsletter\n";
  EXPECT_EQ(StripPlainTextBoilerplate(text, lexicon),
            "Market shelled\n\nShelling hit the market on Tuesday, officials said.\n\nThe army denied it.\n");
}

TEST(Boilerplate, KeepsSentencesThatMentionPhrases) {
  const BoilerplateLexicon lexicon({"read more"});
  const std::string text = "Officials said residents should read more about the evacuation routes, which are "
                           "posted at every school and clinic in the district.";
  EXPECT_EQ(StripPlainTextBoilerplate(text, lexicon), text);
}

}  // namespace
}  // namespace crosscheck
