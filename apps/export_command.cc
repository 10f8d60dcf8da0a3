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
  Result<store::IncidentFilter> filter = ToFilter(options.filters);
  if (!filter.ok()) {
    std::cerr << "crosscheck: " << filter.status().message() << "\n";
    return kExitFatal;
  }
  std::unique_ptr<store::LedgerStore> store = OpenStoreOrReport(options.db);
  if (!store) return kExitFatal;
  Result<std::vector<store::Json>> found = store->FindIncidents(*filter);
  Result<store::Json> ledger = found.ok() ? store->Ledger(*found) : Result<store::Json>(found.status());
  if (!ledger.ok()) {
    std::cerr << "crosscheck: " << ledger.status().ToString() << "\n";
    return kExitFatal;
  }
  store::WriteExport(std::cout, options.format, *ledger);
  return kExitOk;
}

}  // namespace crosscheck::app
