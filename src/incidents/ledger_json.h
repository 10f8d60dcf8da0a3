// The crosscheck.ledger/1 document (spec/LEDGER.md): documents and incidents as JSON,
// field names and vocabularies fixed by the contract, extra fields added beside them.
#pragma once

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "core/document.h"
#include "incidents/incident.h"

namespace crosscheck::incidents {

using Json = nlohmann::ordered_json;

inline constexpr const char* kLedgerSchema = "crosscheck.ledger/1";

// An earlier attack told in passing with no date: written under "background_mentions",
// apart from the ledger's incidents.
bool BackgroundMention(const Incident& incident);

Json DocumentEntry(const Document& doc);
Json IncidentJson(const Incident& incident);
Json DiagnosticJson(const Diagnostic& diagnostic);
Json LedgerJson(const std::vector<Document>& documents, const std::vector<Incident>& incidents,
                const std::vector<Diagnostic>& diagnostics, const std::string& data_version);

// LedgerJson(...).dump(2) written one document and one incident at a time, byte for byte
// the same: a ledger of 100,000 articles never exists as one JSON tree in memory.
void WriteLedgerJson(std::ostream& out, const std::vector<Document>& documents, const std::vector<Incident>& incidents,
                     const std::vector<Diagnostic>& diagnostics, const std::string& data_version);

}  // namespace crosscheck::incidents
