// The store suite: every test runs on SQLite and on PostgreSQL (CROSSCHECK_TEST_PG).
#include "store/ledger_store.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <random>
#include <set>

#include "incidents/ledger_json.h"
#include "incidents/reconcile.h"
#include "store/candidate_json.h"
#include "store/store_test_env.h"

namespace crosscheck::store {
namespace {

// Ledgers are long: say how they differ, not what they hold.
::testing::AssertionResult SameLedger(const std::vector<std::string>& actual, const std::vector<std::string>& expected) {
  if (actual == expected) return ::testing::AssertionSuccess();
  size_t differ = 0;
  while (differ < actual.size() && differ < expected.size() && actual[differ] == expected[differ]) ++differ;
  return ::testing::AssertionFailure() << actual.size() << " incidents vs " << expected.size() << " expected; first difference at "
                                       << differ << ": " << (differ < actual.size() ? actual[differ].substr(0, 300) : "(none)")
                                       << " vs " << (differ < expected.size() ? expected[differ].substr(0, 300) : "(none)");
}

using testing::SeedItems;
using testing::Snapshot;

class LedgerStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { ASSERT_GE(SeedItems().size(), 8u) << "the seeds and examples could not be analysed"; }
};

// The reference: BuildIncidents over every candidate in canonical (document, index) order.
std::vector<std::string> BatchReference(const std::vector<IngestItem>& items = SeedItems()) {
  std::vector<std::pair<std::pair<std::string, size_t>, claims::CandidateIncident>> keyed;
  for (const IngestItem& item : items) {
    for (size_t idx = 0; idx < item.candidates.size(); ++idx) keyed.push_back({{item.doc.id, idx}, item.candidates[idx]});
  }
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<claims::CandidateIncident> candidates;
  for (auto& entry : keyed) candidates.push_back(entry.second);
  std::vector<std::string> out;
  for (const auto& incident : incidents::BuildIncidents(candidates)) out.push_back(incidents::IncidentJson(incident).dump());
  std::sort(out.begin(), out.end());
  return out;
}

TEST_P(LedgerStoreTest, MigratesOnceAndReopens) {
  CC_OPEN_FRESH_STORE(store, GetParam());
  EXPECT_EQ(*store->SchemaVersion(), kSchemaVersion);
  store.reset();
  auto again = LedgerStore::Open(fresh_store.uri);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*(*again)->SchemaVersion(), kSchemaVersion);
}

TEST_P(LedgerStoreTest, StoredCandidatesRoundTrip) {
  CC_OPEN_FRESH_STORE(store, GetParam());
  ASSERT_TRUE(store->Ingest(SeedItems()).ok());
  for (const IngestItem& item : SeedItems()) {
    auto stored = store->GetDocument(item.doc.id);
    ASSERT_TRUE(stored.ok() && stored->has_value()) << item.doc.id;
    const StoredDocument& doc = **stored;
    EXPECT_EQ(doc.doc.text, item.doc.text);
    EXPECT_EQ(doc.doc.title, item.doc.title);
    EXPECT_EQ(doc.revision, 1);
    ASSERT_EQ(doc.candidates.size(), item.candidates.size());
    for (size_t idx = 0; idx < doc.candidates.size(); ++idx) {
      EXPECT_EQ(CandidateToJson(doc.candidates[idx]), CandidateToJson(item.candidates[idx])) << item.doc.id << "#" << idx;
    }
    if (!item.candidates.empty()) {
      EXPECT_FALSE(doc.incidents.empty()) << item.doc.id;
    }
  }
}

TEST_P(LedgerStoreTest, SameContentTwiceIsANoOp) {
  CC_OPEN_FRESH_STORE(store, GetParam());
  auto first = store->Ingest(SeedItems());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->added, SeedItems().size());
  StoreCounts before = *store->Counts();
  std::vector<std::string> snapshot = Snapshot(*store);
  auto second = store->Ingest(SeedItems());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->unchanged, SeedItems().size());
  EXPECT_EQ(second->added, 0u);
  StoreCounts after = *store->Counts();
  EXPECT_EQ(before.documents, after.documents);
  EXPECT_EQ(before.candidates, after.candidates);
  EXPECT_EQ(before.incidents, after.incidents);
  EXPECT_EQ(before.history, after.history);
  EXPECT_TRUE(SameLedger(Snapshot(*store), snapshot));
}

TEST_P(LedgerStoreTest, ChangedVersionOfADocumentIsANewRevision) {
  CC_OPEN_FRESH_STORE(store, GetParam());
  ASSERT_TRUE(store->Ingest(SeedItems()).ok());
  IngestItem changed = SeedItems()[0];
  changed.doc.text += "\n\nThis article was updated.";
  auto report = store->Ingest({changed});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->revised, 1u);
  StoreCounts counts = *store->Counts();
  EXPECT_EQ(counts.documents, static_cast<int64_t>(SeedItems().size()));
  EXPECT_EQ(counts.revisions, static_cast<int64_t>(SeedItems().size()) + 1);
  auto stored = store->GetDocument(changed.doc.id);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->revision, 2);
  EXPECT_EQ((*stored)->doc.text, changed.doc.text);
  // The candidates are the same, so the ledger is too: nothing doubled.
  EXPECT_TRUE(SameLedger(Snapshot(*store), BatchReference()));
}

TEST_P(LedgerStoreTest, BatchEqualsReference) {
  CC_OPEN_FRESH_STORE(store, GetParam());
  ASSERT_TRUE(store->Ingest(SeedItems()).ok());
  EXPECT_TRUE(SameLedger(Snapshot(*store), BatchReference()));
}

// What `ask --db` reads: incidents rebuilt from their stored members are the stored ones.
TEST_P(LedgerStoreTest, IncidentsRebuiltFromTheirCandidatesAreTheStoredOnes) {
  CC_OPEN_FRESH_STORE(store, GetParam());
  ASSERT_TRUE(store->Ingest(SeedItems()).ok());
  auto stored = store->FindIncidents({});
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  ASSERT_GE(stored->size(), 3u);
  auto rebuilt = store->IncidentObjects(*stored);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().ToString();
  ASSERT_EQ(rebuilt->size(), stored->size());
  for (size_t idx = 0; idx < stored->size(); ++idx) {
    EXPECT_EQ(incidents::IncidentJson((*rebuilt)[idx]).dump(), (*stored)[idx].dump()) << idx;
  }
}

TEST_P(LedgerStoreTest, OneAtATimeInAnyOrderEqualsBatch) {
  std::vector<std::string> reference = BatchReference();
  std::vector<IngestItem> order = SeedItems();
  std::mt19937 random(7);
  for (int round = 0; round < 3; ++round) {
    CC_OPEN_FRESH_STORE(store, GetParam());
    if (round == 1) std::reverse(order.begin(), order.end());
    if (round == 2) std::shuffle(order.begin(), order.end(), random);
    for (const IngestItem& item : order) {
      auto report = store->Ingest({item});
      ASSERT_TRUE(report.ok()) << report.status().ToString();
    }
    EXPECT_TRUE(SameLedger(Snapshot(*store), reference)) << "round " << round;
  }
}

TEST_P(LedgerStoreTest, FiltersSelectTheRightIncidents) {
  CC_OPEN_FRESH_STORE(store, GetParam());
  ASSERT_TRUE(store->Ingest(SeedItems()).ok());
  auto all = store->FindIncidents({});
  ASSERT_TRUE(all.ok());
  ASSERT_FALSE(all->empty());
  auto contains = [](const std::vector<Json>& found, const std::string& id) {
    return std::any_of(found.begin(), found.end(), [&](const Json& j) { return j["id"] == id; });
  };
  for (const Json& incident : *all) {
    std::string id = incident["id"];
    IncidentFilter by_type;
    by_type.type = incident["event_type"];
    auto found = store->FindIncidents(by_type);
    ASSERT_TRUE(found.ok());
    EXPECT_TRUE(contains(*found, id));
    for (const Json& other : *found) EXPECT_EQ(other["event_type"], incident["event_type"]);

    IncidentFilter by_status;
    by_status.status = incident["attribution_status"];
    found = store->FindIncidents(by_status);
    EXPECT_TRUE(contains(*found, id));
    for (const Json& other : *found) EXPECT_EQ(other["attribution_status"], incident["attribution_status"]);

    const Json& location = incident["location"];
    if (location.is_object() && location["lat"].is_number()) {
      IncidentFilter near;
      near.near = NearFilter{location["lat"].get<double>(), location["lon"].get<double>(), 5};
      EXPECT_TRUE(contains(*store->FindIncidents(near), id));
      near.near->lat = -location["lat"].get<double>();
      near.near->lon = location["lon"].get<double>() > 0 ? location["lon"].get<double>() - 90 : location["lon"].get<double>() + 90;
      EXPECT_FALSE(contains(*store->FindIncidents(near), id));
      IncidentFilter by_place;
      by_place.place = location["name"].get<std::string>();
      for (char& c : by_place.place) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      EXPECT_TRUE(contains(*store->FindIncidents(by_place), id)) << by_place.place;
    }
    if (incident["date"]["earliest"].is_string()) {
      IncidentFilter window;
      window.from = incident["date"]["earliest"];
      window.to = incident["date"]["latest"];
      EXPECT_TRUE(contains(*store->FindIncidents(window), id));
      window.from = "1900-01-01";
      window.to = "1900-01-02";
      EXPECT_FALSE(contains(*store->FindIncidents(window), id));
    }
    for (const Json& claim : incident["attribution_claims"]) {
      IncidentFilter by_actor;
      by_actor.actor = claim["source"];
      EXPECT_TRUE(contains(*store->FindIncidents(by_actor), id)) << by_actor.actor;
    }
  }
  // Full text: a word of one document's title finds the incidents citing it, and
  // FTS/tsquery syntax in the words is taken literally.
  const IngestItem& item = SeedItems()[0];
  auto stored = store->GetDocument(item.doc.id);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  if (!(*stored)->incidents.empty()) {
    IncidentFilter by_text;
    by_text.text = "killed";
    auto found = store->FindIncidents(by_text);
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    EXPECT_FALSE(found->empty());
  }
  IncidentFilter nonsense;
  nonsense.text = "\"zzqqxx OR NEAR( ' ; DROP TABLE incidents; --";
  auto none = store->FindIncidents(nonsense);
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_TRUE(none->empty());
  IncidentFilter bad;
  bad.status = "maybe";
  EXPECT_FALSE(store->FindIncidents(bad).ok());
  bad = {};
  bad.from = "2020-13-01";
  EXPECT_FALSE(store->FindIncidents(bad).ok());
  IncidentFilter page;
  page.limit = 1;
  page.offset = 1;
  auto one = store->FindIncidents(page);
  ASSERT_TRUE(one.ok());
  if (all->size() > 1) {
    ASSERT_EQ(one->size(), 1u);
    EXPECT_EQ((*one)[0], (*all)[1]);
  }
}

TEST_P(LedgerStoreTest, HistoryRecordsWhenEachClaimArrived) {
  CC_OPEN_FRESH_STORE(store, GetParam());
  for (const IngestItem& item : SeedItems()) ASSERT_TRUE(store->Ingest({item}).ok());
  auto all = store->FindIncidents({});
  ASSERT_TRUE(all.ok());
  size_t with_claims = 0;
  for (const Json& incident : *all) {
    auto history = store->History(incident["id"]);
    ASSERT_TRUE(history.ok());
    std::set<std::string> docs;
    int64_t last_seq = 0;
    for (const HistoryEntry& entry : *history) {
      EXPECT_GT(entry.seq, last_seq);
      last_seq = entry.seq;
      if (entry.kind == "document") docs.insert(entry.doc);
      with_claims += entry.kind == "casualty";
    }
    std::set<std::string> cited(incident["documents"].begin(), incident["documents"].end());
    EXPECT_EQ(docs, cited) << incident["id"];
  }
  EXPECT_GT(with_claims, 0u);
}

TEST_P(LedgerStoreTest, KilledMidTransactionLosesNothingAndDoublesNothing) {
  std::vector<std::string> reference = BatchReference();
  CC_OPEN_FRESH_STORE(store, GetParam());
  store.reset();  // the child opens its own connection
  const std::string uri = fresh_store.uri;
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  constexpr size_t kKillInBatch = 3;
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(pipe_fds[0]);
    auto own = LedgerStore::Open(uri);
    if (!own.ok()) _exit(3);
    size_t batch_idx = 0;
    for (const IngestItem& item : SeedItems()) {
      IngestHooks hooks;
      if (++batch_idx == kKillInBatch) {
        hooks.before_commit = [&] {
          char ready = 'k';
          (void)!write(pipe_fds[1], &ready, 1);
          sleep(30);  // killed here, inside the open transaction
        };
      }
      if (!(*own)->Ingest({item}, "", hooks).ok()) _exit(4);
    }
    _exit(0);
  }
  close(pipe_fds[1]);
  char ready = 0;
  ASSERT_EQ(read(pipe_fds[0], &ready, 1), 1);
  close(pipe_fds[0]);
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));

  auto reopened = LedgerStore::Open(uri);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  StoreCounts partial = *(*reopened)->Counts();
  EXPECT_EQ(partial.documents, static_cast<int64_t>(kKillInBatch - 1));  // the third never committed
  auto rerun = (*reopened)->Ingest(SeedItems());
  ASSERT_TRUE(rerun.ok()) << rerun.status().ToString();
  EXPECT_EQ(rerun->unchanged, kKillInBatch - 1);
  StoreCounts final_counts = *(*reopened)->Counts();
  EXPECT_EQ(final_counts.documents, static_cast<int64_t>(SeedItems().size()));
  EXPECT_EQ(final_counts.revisions, static_cast<int64_t>(SeedItems().size()));
  EXPECT_TRUE(SameLedger(Snapshot(**reopened), reference));
}

// The seeds plus copies under other ids: more documents per block, more merges, more races.
std::vector<IngestItem> ManyItems() {
  std::vector<IngestItem> out = SeedItems();
  constexpr int kCopies = 3;
  for (int copy = 1; copy <= kCopies; ++copy) {
    for (IngestItem item : SeedItems()) {
      std::string id = item.doc.id + "~" + std::to_string(copy);
      item.doc.id = id;
      item.doc.text += "\n\ncopy " + std::to_string(copy);
      if (!item.doc.url.empty()) item.doc.url += "?copy=" + std::to_string(copy);  // else a revision of the original
      for (auto& candidate : item.candidates) {
        candidate.doc = id;
        for (auto& claim : candidate.attributions) claim.doc = id;
        for (auto& claim : candidate.casualties) claim.doc = id;
        for (auto& victim : candidate.victims) victim.doc = id;
      }
      out.push_back(std::move(item));
    }
  }
  return out;
}

TEST_P(LedgerStoreTest, ParallelIngestProcessesBuildOneLedger) {
  const std::vector<IngestItem> items = ManyItems();
  std::vector<std::string> reference = BatchReference(items);
  CC_OPEN_FRESH_STORE(store, GetParam());
  constexpr int kWorkers = 3;
  std::vector<pid_t> children;
  for (int worker = 0; worker < kWorkers; ++worker) {
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      auto own = LedgerStore::Open(fresh_store.uri);
      if (!own.ok()) _exit(3);
      // Every worker ingests everything, each in its own order: the races are on
      // the same documents and the same blocks.
      std::vector<IngestItem> order = items;
      std::mt19937 random(static_cast<unsigned>(worker) + 1);
      std::shuffle(order.begin(), order.end(), random);
      for (const IngestItem& item : order) {
        auto report = (*own)->Ingest({item});
        if (!report.ok()) {
          fprintf(stderr, "worker %d: %s\n", worker, report.status().ToString().c_str());
          _exit(4);
        }
      }
      _exit(0);
    }
    children.push_back(child);
  }
  for (pid_t child : children) {
    int status = 0;
    waitpid(child, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "worker exit status " << status;
  }
  StoreCounts counts = *store->Counts();
  EXPECT_EQ(counts.documents, static_cast<int64_t>(items.size()));
  EXPECT_EQ(counts.revisions, static_cast<int64_t>(items.size()));
  EXPECT_TRUE(SameLedger(Snapshot(*store), reference));
  EXPECT_LT(reference.size(), items.size()) << "copies should merge into the incidents of their originals";
}

// Synthetic candidates that exercise every way Cluster pairs candidates: fine places on
// both sides of grid-cell borders, coarse (country, province) places, unresolved and
// missing places, close and far dates, named weekdays, shared figures, shared wording.
std::vector<IngestItem> SyntheticItems(unsigned seed, size_t documents, bool country_level = true) {
  std::mt19937 random(seed);
  auto pick = [&](size_t n) { return static_cast<size_t>(random() % n); };
  struct PlaceSpec {
    const char* name;
    const char* country;
    double lat, lon;
    int precision;
    bool resolved;
  };
  static const PlaceSpec kPlaces[] = {
      {"A", "SY", 34.49, 40.99, 1, true}, {"B", "SY", 34.51, 41.01, 2, true}, {"C", "SY", 34.45, 40.92, 1, true},
      {"D", "SY", 35.01, 40.45, 1, true}, {"E", "IQ", 34.38, 40.99, 1, true}, {"Syria", "SY", 35.0, 38.0, 6, true},
      {"Deir ez-Zor", "SY", 35.3, 40.1, 4, true}, {"Iraq", "IQ", 33.0, 44.0, 6, true}, {"X", "", 0, 0, 0, false}};
  static const char* kTypes[] = {"airstrike", "drone_strike", "shelling", "bombing", "explosion", "other"};
  static const char* kWords[] = {"market", "convoy", "hospital", "bridge", "checkpoint", "school", "truck", "depot"};
  std::vector<IngestItem> items;
  for (size_t doc_idx = 0; doc_idx < documents; ++doc_idx) {
    IngestItem item;
    item.doc.id = "syn" + std::to_string(seed) + "-" + std::to_string(doc_idx);
    item.doc.title = "synthetic " + item.doc.id;
    item.doc.text = "synthetic report " + item.doc.id;
    size_t count = 1 + pick(3);
    for (size_t candidate_idx = 0; candidate_idx < count; ++candidate_idx) {
      claims::CandidateIncident c;
      c.doc = item.doc.id;
      c.background = pick(8) == 0;
      c.event_type = kTypes[pick(6)];
      c.type_votes[c.event_type] = 1;
      if (pick(5) != 0) {
        const PlaceSpec* spec_ptr = &kPlaces[pick(9)];
        while (!country_level && spec_ptr->precision >= 4) spec_ptr = &kPlaces[pick(9)];
        const PlaceSpec& spec = *spec_ptr;
        claims::IncidentPlace place;
        place.name = spec.name;
        place.country = spec.country;
        place.lat = spec.lat;
        place.lon = spec.lon;
        place.precision = spec.precision;
        place.resolved = spec.resolved;
        place.geonameid = spec.resolved ? 1000 + pick(3) : 0;
        c.place = place;
        c.place_mentions = {spec.name};
      }
      if (pick(3) != 0) {
        int64_t day = 17700 + static_cast<int64_t>(pick(8));
        c.date.earliest = day;
        c.date.latest = day;
        c.date.precision = 1;
      } else if (pick(2) == 0) {
        c.date.weekday = static_cast<int>(pick(7));
      }
      if (pick(2) == 0) {
        claims::CasualtyClaim k;
        k.source.name = "unattributed";
        k.killed = static_cast<int64_t>(2 + pick(3));
        k.killed_qualifier = "exact";
        k.doc = c.doc;
        c.casualties.push_back(k);
      }
      for (size_t word = 0; word < 2; ++word) c.details.push_back(kWords[pick(8)]);
      c.sentences = {static_cast<uint32_t>(candidate_idx)};
      item.candidates.push_back(std::move(c));
    }
    items.push_back(std::move(item));
  }
  return items;
}

void CheckSyntheticIncrementalEqualsBatch(const std::string& backend, bool country_level) {
  // Small ledgers over many seeds: few redundant paths between candidates, so a pair
  // the store fails to consider shows up as a different incident.
  constexpr unsigned kSeeds = 40;
  for (unsigned seed = 1; seed <= kSeeds; ++seed) {
    std::vector<IngestItem> items = SyntheticItems(seed, 10, country_level);
    std::vector<std::string> reference = BatchReference(items);
    CC_OPEN_FRESH_STORE(store, backend);
    std::mt19937 random(seed);
    std::shuffle(items.begin(), items.end(), random);
    for (size_t start = 0; start < items.size();) {
      size_t size = 1 + (start % 3);  // batches of 1 to 3 documents
      std::vector<IngestItem> batch(items.begin() + start, items.begin() + std::min(items.size(), start + size));
      ASSERT_TRUE(store->Ingest(batch).ok());
      start += size;
    }
    EXPECT_TRUE(SameLedger(Snapshot(*store), reference)) << "seed " << seed;
    // New revisions that lose or move candidates: the incidents they leave are split
    // again exactly as a batch of the final versions would have them.
    for (size_t item_idx = 0; item_idx < items.size(); item_idx += 3) {
      IngestItem& item = items[item_idx];
      item.doc.text += " (revised)";
      if (item.candidates.size() > 1) {
        item.candidates.pop_back();
      } else if (item.candidates[0].date.earliest) {
        *item.candidates[0].date.earliest += 3;
        *item.candidates[0].date.latest += 3;
      }
      auto report = store->Ingest({item});
      ASSERT_TRUE(report.ok());
      EXPECT_EQ(report->revised, 1u);
    }
    EXPECT_TRUE(SameLedger(Snapshot(*store), BatchReference(items))) << "seed " << seed << " after revisions";
  }
}

// Every tier Cluster blocks by: towns in grid cells, country-level places, unplaced.
TEST_P(LedgerStoreTest, SyntheticBlocksIncrementalEqualsBatch) { CheckSyntheticIncrementalEqualsBatch(GetParam(), true); }

// Towns and unplaced accounts only: denser cells, more merges per block.
TEST_P(LedgerStoreTest, SyntheticTownsIncrementalEqualsBatch) { CheckSyntheticIncrementalEqualsBatch(GetParam(), false); }

INSTANTIATE_TEST_SUITE_P(Backends, LedgerStoreTest, ::testing::ValuesIn(testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace crosscheck::store
