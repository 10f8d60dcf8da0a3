#include "incidents_command.h"

namespace crosscheck::app {
namespace {

std::string Text(const store::Json& value) { return value.is_string() ? value.get<std::string>() : (value.is_null() ? "?" : value.dump()); }

}  // namespace

void AddIncidentsCommand(CLI::App* app, IncidentsOptions* options) {
  CLI::App* command = app->add_subcommand("incidents", "List stored incidents matching filters");
  AddDbOption(command, &options->db);
  AddFilterOptions(command, &options->filters);
  command->add_option("--format", options->format, "text or json (default: text on a terminal, else json)")
      ->check(CLI::IsMember({"json", "text"}));
}

int RunIncidents(const IncidentsOptions& options) {
  std::unique_ptr<store::LedgerStore> store;
  std::optional<std::vector<store::Json>> found = FindIncidentsOrReport(options.db, options.filters, &store);
  if (!found) return kExitFatal;
  std::string format = options.format.empty() ? (StdoutIsTerminal() ? "text" : "json") : options.format;
  if (format == "json") {
    Result<store::Json> ledger = store->Ledger(*found);
    if (!ledger.ok()) {
      std::cerr << "crosscheck: " << ledger.status().ToString() << "\n";
      return kExitFatal;
    }
    std::cout << ledger->dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  for (const store::Json& incident : *found) {
    const store::Json& location = incident["location"];
    std::cout << Text(incident["id"]) << "  " << Text(incident["date"]["earliest"]) << "  " << Text(incident["event_type"])
              << "  " << (location.is_object() ? Text(location["name"]) : "?") << "  " << Text(incident["attribution_status"])
              << "  killed " << Text(incident["killed"]["min"]) << "-" << Text(incident["killed"]["max"]) << "  "
              << incident["documents"].size() << " report(s)" << (incident.value("background", false) ? "  (background)" : "")
              << "\n";
  }
  std::cout << found->size() << " incident(s)\n";
  return kExitOk;
}

}  // namespace crosscheck::app
