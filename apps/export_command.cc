#include "export_command.h"

#include "store/export.h"

namespace crosscheck::app {

void AddExportCommand(CLI::App* app, ExportOptions* options) {
  CLI::App* command = app->add_subcommand("export", "Export stored incidents: ledger JSON, CSV, GeoJSON or ACLED-compatible CSV");
  AddDbOption(command, &options->db);
  AddFilterOptions(command, &options->filters);
  command->add_option("--format", options->format, "ledger, csv, geojson or acled (default: ledger)")
      ->check(CLI::IsMember({"ledger", "csv", "geojson", "acled"}));
}

int RunExport(const ExportOptions& options) {
  std::unique_ptr<store::LedgerStore> store;
  std::optional<std::vector<store::Json>> found = FindIncidentsOrReport(options.db, options.filters, &store);
  if (!found) return kExitFatal;
  Result<store::Json> ledger = store->Ledger(*found);
  if (!ledger.ok()) {
    std::cerr << "crosscheck: " << ledger.status().ToString() << "\n";
    return kExitFatal;
  }
  store::WriteExport(std::cout, options.format, *ledger);
  return kExitOk;
}

}  // namespace crosscheck::app
