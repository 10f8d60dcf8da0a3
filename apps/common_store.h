// What the ledger commands share: --db, the incident filters, opening the store.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/ledger_store.h"

namespace crosscheck::app {

inline constexpr const char* kDefaultDb = "crosscheck.db";

struct FilterFlags {
  std::string place, near, from, to, actor, status, type, text;
};

void AddDbOption(CLI::App* command, std::string* db);
void AddFilterOptions(CLI::App* command, FilterFlags* flags);
Result<store::IncidentFilter> ToFilter(const FilterFlags& flags);

// The store, or null after one line on stderr saying why.
std::unique_ptr<store::LedgerStore> OpenStoreOrReport(const std::string& db);

// The incidents the flags select, with the store opened in *store; nullopt after one
// line on stderr saying why.
std::optional<std::vector<store::Json>> FindIncidentsOrReport(const std::string& db, const FilterFlags& flags,
                                                              std::unique_ptr<store::LedgerStore>* store);

}  // namespace crosscheck::app
