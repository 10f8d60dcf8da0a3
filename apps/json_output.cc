#include "json_output.h"

namespace crosscheck::app {

Json OrNull(const std::string& value) { return value.empty() ? Json(nullptr) : Json(value); }

Json DiagnosticJson(const Diagnostic& diagnostic) {
  return Json{{"document", diagnostic.document},
              {"origin", diagnostic.origin},
              {"code", diagnostic.code},
              {"message", diagnostic.message},
              {"skipped", diagnostic.skipped}};
}

Json DocumentJson(const Document& doc, bool with_text) {
  Json out{{"id", doc.id},           {"title", OrNull(doc.title)},     {"published", OrNull(doc.published)},
           {"outlet", OrNull(doc.outlet)}, {"url", OrNull(doc.url)}, {"language", OrNull(doc.language)}};
  if (with_text) {
    out["text"] = doc.skipped ? Json(nullptr) : Json(doc.text);
    Json diagnostics = Json::array();
    for (const Diagnostic& diagnostic : doc.diagnostics) diagnostics.push_back(DiagnosticJson(diagnostic));
    out["diagnostics"] = diagnostics;
  }
  return out;
}

}  // namespace crosscheck::app
