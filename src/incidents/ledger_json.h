// The crosscheck.ledger/1 document (spec/LEDGER.md): documents and incidents as JSON,
// field names and vocabularies fixed by the contract, extra fields added beside them.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "core/document.h"
#include "incidents/incident.h"

namespace crosscheck::incidents {

using Json = nlohmann::ordered_json;

inline constexpr const char* kLedgerSchema = "crosscheck.ledger/1";

Json DocumentEntry(const Document& doc);
Json IncidentJson(const Incident& incident);
Json LedgerJson(const std::vector<Document>& documents, const std::vector<Incident>& incidents,
                const std::vector<Diagnostic>& diagnostics, const std::string& data_version);

}  // namespace crosscheck::incidents
