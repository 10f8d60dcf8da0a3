// The store's schema as versioned migrations, one SQL script per version and dialect:
// migration N takes a database from version N-1 to N and is recorded in schema_version.
#pragma once

#include <string>
#include <vector>

#include "store/sql.h"

namespace crosscheck::store {

// Index i holds the script that takes the schema to version i + 1.
std::vector<std::string> Migrations(Dialect dialect);

}  // namespace crosscheck::store
