// What the store tests share: the backends to run on (SQLite always; PostgreSQL when
// CROSSCHECK_TEST_PG names a server, required under CI=true), a fresh empty ledger per
// test, and the seeds and examples analysed once by the real engine.
#pragma once

#include <string>
#include <vector>

#include "store/ledger_store.h"

namespace crosscheck::store::testing {

inline constexpr const char* kSqlite = "sqlite";
inline constexpr const char* kPostgres = "postgres";

std::vector<std::string> Backends();

// Empty string and a skip/fail reason when the backend cannot be used here.
struct FreshStore {
  std::string uri;
  std::string unavailable;  // why not, when uri is empty
  bool must_run = false;    // CI=true: unavailable is a failure, not a skip
};
FreshStore MakeFreshStore(const std::string& backend);

// The seeds (../shared/seeds) and examples/, analysed once; in input order.
const std::vector<IngestItem>& SeedItems();

// Every stored incident, each dumped as canonical JSON, sorted: two stores hold the
// same ledger exactly when their snapshots are equal.
std::vector<std::string> Snapshot(LedgerStore& store);

}  // namespace crosscheck::store::testing

// Opens a fresh store for the test's backend or skips (fails under CI) with the reason.
#define CC_OPEN_FRESH_STORE(store_var, backend)                                        \
  ::crosscheck::store::testing::FreshStore fresh_##store_var =                         \
      ::crosscheck::store::testing::MakeFreshStore(backend);                           \
  if (fresh_##store_var.uri.empty()) {                                                 \
    if (fresh_##store_var.must_run) {                                                  \
      FAIL() << fresh_##store_var.unavailable;                                         \
    }                                                                                  \
    GTEST_SKIP() << fresh_##store_var.unavailable;                                     \
  }                                                                                    \
  auto store_var##_open = ::crosscheck::store::LedgerStore::Open(fresh_##store_var.uri); \
  ASSERT_TRUE(store_var##_open.ok()) << store_var##_open.status().ToString();          \
  std::unique_ptr<::crosscheck::store::LedgerStore> store_var = std::move(*store_var##_open)
