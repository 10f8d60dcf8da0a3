// The report people read: per incident a header (date, place, type, status), who says
// who did it, the figures by source, the conflicts in plain words, and the evidence.
#pragma once

#include <ostream>
#include <vector>

#include "core/document.h"
#include "incidents/incident.h"

namespace crosscheck::app {

void PrintReport(std::ostream& out, const std::vector<Document>& documents,
                 const std::vector<incidents::Incident>& incidents, bool markdown);

}  // namespace crosscheck::app
