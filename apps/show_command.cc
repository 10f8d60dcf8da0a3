#include "show_command.h"

namespace crosscheck::app {

void AddShowCommand(CLI::App* app, ShowOptions* options) {
  CLI::App* command = app->add_subcommand("show", "One stored incident, with the history of its claims");
  command->add_option("incident", options->id, "Incident id (as listed by `crosscheck incidents`)")->required();
  AddDbOption(command, &options->db);
  command->add_option("--format", options->format, "text or json (default: text on a terminal, else json)")
      ->check(CLI::IsMember({"json", "text"}));
}

int RunShow(const ShowOptions& options) {
  std::unique_ptr<store::LedgerStore> store = OpenStoreOrReport(options.db);
  if (!store) return kExitFatal;
  Result<std::optional<store::Json>> incident = store->GetIncident(options.id);
  Result<std::vector<store::HistoryEntry>> history = store->History(options.id);
  if (!incident.ok() || !history.ok()) {
    std::cerr << "crosscheck: " << (incident.ok() ? history.status() : incident.status()).ToString() << "\n";
    return kExitFatal;
  }
  if (!incident->has_value()) {
    std::cerr << "crosscheck: no incident '" << options.id << "' in the ledger\n";
    return kExitFatal;
  }
  store::Json out = **incident;
  store::Json entries = store::Json::array();
  for (const auto& entry : *history) {
    entries.push_back(store::Json{{"arrived_at", entry.arrived_at}, {"doc", entry.doc}, {"revision", entry.revision},
                                  {"kind", entry.kind}, {"detail", entry.detail}});
  }
  out["history"] = entries;
  std::string format = options.format.empty() ? (StdoutIsTerminal() ? "text" : "json") : options.format;
  if (format == "json") {
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  std::cout << out["id"].get<std::string>() << "  " << out["event_type"].get<std::string>() << "  attribution "
            << out["attribution_status"].get<std::string>() << "\n";
  if (out["location"].is_object()) std::cout << "  place: " << out["location"]["name"].get<std::string>() << "\n";
  std::cout << "  date: " << out["date"]["earliest"].dump() << " .. " << out["date"]["latest"].dump() << "\n";
  for (const auto& claim : out["attribution_claims"]) {
    std::cout << "  " << claim["source"].get<std::string>() << " " << claim["stance"].get<std::string>() << " "
              << (claim["actor"].is_string() ? claim["actor"].get<std::string>() : "(unknown)")
              << (claim["hedged"].get<bool>() ? " (hedged)" : "") << "  [" << claim["doc"].get<std::string>() << "]\n";
  }
  for (const auto& claim : out["casualty_claims"]) {
    std::cout << "  " << claim["source"].get<std::string>() << ": killed " << claim["killed"].dump() << ", injured "
              << claim["injured"].dump() << "  [" << claim["doc"].get<std::string>() << "]\n";
  }
  for (const auto& conflict : out["conflicts"]) {
    std::cout << "  conflict (" << conflict["field"].get<std::string>() << "): " << conflict["detail"].get<std::string>() << "\n";
  }
  std::cout << "history:\n";
  for (const auto& entry : entries) {
    std::cout << "  " << entry["arrived_at"].get<std::string>() << "  " << entry["doc"].get<std::string>() << " r"
              << entry["revision"].get<int64_t>() << "  " << entry["kind"].get<std::string>() << "  "
              << entry["detail"].dump() << "\n";
  }
  return kExitOk;
}

}  // namespace crosscheck::app
