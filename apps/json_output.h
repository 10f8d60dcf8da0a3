// JSON forms of documents and diagnostics shared by the commands.
#pragma once

#include <nlohmann/json.hpp>

#include "core/document.h"

namespace crosscheck::app {

using Json = nlohmann::ordered_json;

Json DiagnosticJson(const Diagnostic& diagnostic);
// The ledger's document entry; with_text adds the cleaned text and diagnostics.
Json DocumentJson(const Document& doc, bool with_text);
// A string field, or null when empty.
Json OrNull(const std::string& value);

}  // namespace crosscheck::app
