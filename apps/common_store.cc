#include "common_store.h"

#include <iostream>

namespace crosscheck::app {

void AddDbOption(CLI::App* command, std::string* db) {
  command->add_option("--db", *db, "The ledger: a SQLite file or postgres://user@host:port/db (default: crosscheck.db)");
}

void AddFilterOptions(CLI::App* command, FilterFlags* flags) {
  command->add_option("--place", flags->place, "Place name or any raw mention (case-insensitive)");
  command->add_option("--near", flags->near, "LAT,LON,KM: within KM of a point");
  command->add_option("--from", flags->from, "Incidents on or after DATE (YYYY-MM-DD)");
  command->add_option("--to", flags->to, "Incidents on or before DATE (YYYY-MM-DD)");
  command->add_option("--actor", flags->actor, "Any source or actor named in the claims");
  command->add_option("--status", flags->status, "claimed, alleged, contested, denied or unknown");
  command->add_option("--type", flags->type, "airstrike, drone_strike, missile_strike, shelling, bombing, explosion, raid, armed_clash, other");
  command->add_option("--text", flags->text, "Words the incident's articles contain (full text)");
}

Result<store::IncidentFilter> ToFilter(const FilterFlags& flags) {
  store::IncidentFilter filter;
  filter.place = flags.place;
  filter.from = flags.from;
  filter.to = flags.to;
  filter.actor = flags.actor;
  filter.status = flags.status;
  filter.type = flags.type;
  filter.text = flags.text;
  if (!flags.near.empty()) {
    Result<store::NearFilter> near = store::ParseNear(flags.near);
    if (!near.ok()) return near.status();
    filter.near = *near;
  }
  Status valid = store::ValidateFilter(filter);
  if (!valid.ok()) return valid;
  return filter;
}

std::unique_ptr<store::LedgerStore> OpenStoreOrReport(const std::string& db) {
  Result<std::unique_ptr<store::LedgerStore>> store = store::LedgerStore::Open(db.empty() ? kDefaultDb : db);
  if (!store.ok()) {
    std::cerr << "crosscheck: " << store.status().ToString() << "\n";
    return nullptr;
  }
  return std::move(*store);
}

std::optional<std::vector<store::Json>> FindIncidentsOrReport(const std::string& db, const FilterFlags& flags,
                                                              std::unique_ptr<store::LedgerStore>* store) {
  Result<store::IncidentFilter> filter = ToFilter(flags);
  if (!filter.ok()) {
    std::cerr << "crosscheck: " << filter.status().message() << "\n";
    return std::nullopt;
  }
  *store = OpenStoreOrReport(db);
  if (!*store) return std::nullopt;
  Result<std::vector<store::Json>> found = (*store)->FindIncidents(*filter);
  if (!found.ok()) {
    std::cerr << "crosscheck: " << found.status().ToString() << "\n";
    return std::nullopt;
  }
  return std::move(*found);
}

}  // namespace crosscheck::app
