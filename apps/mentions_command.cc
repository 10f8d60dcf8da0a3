#include "mentions_command.h"

#include "json_output.h"
#include "pipeline/engine.h"

namespace crosscheck::app {
namespace {

Json SpanJson(const ByteSpan& span) { return Json::array({span.begin, span.end}); }

Json MentionsJson(const pipeline::AnalyzedDocument& a) {
  Json sentences = Json::array();
  for (const text::Sentence& sentence : a.tokens.sentences) sentences.push_back(Json{{"span", SpanJson(sentence.span)}});
  Json places = Json::array();
  for (const places::PlaceMention& p : a.places) {
    places.push_back(Json{{"text", p.text},
                          {"span", SpanJson(p.span)},
                          {"geonameid", p.geonameid != 0 ? Json(p.geonameid) : Json(nullptr)},
                          {"name", p.resolved ? Json(p.name) : Json(nullptr)},
                          {"country", OrNull(p.country)},
                          {"lat", p.resolved ? Json(p.lat) : Json(nullptr)},
                          {"lon", p.resolved ? Json(p.lon) : Json(nullptr)},
                          {"relation", OrNull(p.relation)},
                          {"precision", p.precision},
                          {"feature_code", OrNull(p.feature_code)}});
  }
  Json actors = Json::array();
  for (const actors::ActorMention& m : a.actors) {
    actors.push_back(Json{{"text", std::string(m.span.Of(a.doc.text))},
                          {"span", SpanJson(m.span)},
                          {"name", m.name},
                          {"type", OrNull(m.type)},
                          {"country", OrNull(m.country)},
                          {"person", OrNull(m.person)},
                          {"role", OrNull(m.role)},
                          {"resolved", m.actor >= 0},
                          {"adjective", m.adjective},
                          {"anonymous", m.anonymous}});
  }
  Json diagnostics = Json::array();
  for (const Diagnostic& d : a.doc.diagnostics) diagnostics.push_back(DiagnosticJson(d));
  return Json{{"id", a.doc.id},         {"chars", a.doc.text.size()}, {"sentences", sentences},
              {"places", places},       {"actors", actors},           {"diagnostics", diagnostics}};
}

// The sentence with each mention bracketed and resolved: [Al Bukamal -> Ālbū Kamāl, SY].
void PrintMentionsText(const pipeline::AnalyzedDocument& a) {
  std::cout << "== " << a.doc.id << "  " << a.doc.title << "\n";
  struct Mark {
    uint32_t begin, end;
    std::string label;
  };
  std::vector<Mark> marks;
  for (const auto& p : a.places) {
    marks.push_back({p.span.begin, p.span.end,
                     p.resolved ? "place " + p.name + ", " + p.country + (p.relation.empty() ? "" : ", " + p.relation)
                                : std::string("place ?")});
  }
  for (const auto& m : a.actors) {
    marks.push_back({m.span.begin, m.span.end, "party " + m.name + (m.person.empty() ? "" : " (" + m.person + ")")});
  }
  std::sort(marks.begin(), marks.end(), [](const Mark& x, const Mark& y) { return x.begin < y.begin; });
  for (const text::Sentence& sentence : a.tokens.sentences) {
    std::string line;
    uint32_t at = sentence.span.begin;
    for (const Mark& mark : marks) {
      if (mark.begin < at || mark.end > sentence.span.end) continue;
      line += a.doc.text.substr(at, mark.begin - at);
      line += "[" + a.doc.text.substr(mark.begin, mark.end - mark.begin) + " -> " + mark.label + "]";
      at = mark.end;
    }
    line += a.doc.text.substr(at, sentence.span.end - at);
    std::cout << "[" << sentence.span.begin << "," << sentence.span.end << ") " << line << "\n";
  }
  std::cout << "\n";
}

}  // namespace

void AddMentionsCommand(CLI::App* app, MentionsOptions* options) {
  CLI::App* command = app->add_subcommand("mentions", "List the places and parties each document names");
  AddCommonOptions(command, options, /*needs_gazetteer=*/true);
  command->add_option("--format", options->format, "json (default when piped) or text")
      ->check(CLI::IsMember({"json", "text"}));
}

int RunMentions(const MentionsOptions& options) {
  Result<std::unique_ptr<pipeline::Engine>> engine = pipeline::Engine::Create(options.Paths(), pipeline::Depth::kMentions);
  if (!engine.ok()) {
    std::cerr << "crosscheck: " << engine.status().ToString() << "\n";
    return kExitFatal;
  }
  const bool as_text = options.format == "text" || (options.format.empty() && StdoutIsTerminal());
  bool first = true;
  if (!as_text) std::cout << "{\"documents\": [\n";
  bool skipped_any = AnalyzeInputs(options, **engine, [&](std::unique_ptr<pipeline::AnalyzedDocument>&& analyzed) {
    if (analyzed->doc.skipped) return;
    if (as_text) {
      PrintMentionsText(*analyzed);
      return;
    }
    // Streamed one document at a time: memory stays flat on large inputs.
    std::cout << (first ? "" : ",\n")
              << MentionsJson(*analyzed).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    first = false;
  });
  if (!as_text) std::cout << "\n]}\n";
  return skipped_any ? kExitSomeSkipped : kExitOk;
}

}  // namespace crosscheck::app
