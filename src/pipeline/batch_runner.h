// Runs a per-document function over a stream of inputs on N threads, a bounded batch
// at a time, handing results to the sink in input order: output is deterministic and
// memory stays flat however large the input.
#pragma once

#include <algorithm>
#include <atomic>
#include <functional>
#include <optional>
#include <thread>
#include <vector>

#include "ingest/input_source.h"

namespace crosscheck::pipeline {

// Documents are independent until clustering, so a batch is a few per thread.
inline constexpr size_t kDocumentsPerThreadInBatch = 64;

int DefaultThreads();

template <typename Output>
void RunInBatches(ingest::InputSource& source, int threads, const std::function<Output(ingest::RawInput&&)>& work,
                  const std::function<void(Output&&)>& sink) {
  threads = std::max(1, threads);
  const size_t batch_size = kDocumentsPerThreadInBatch * static_cast<size_t>(threads);
  std::vector<ingest::RawInput> inputs;
  std::vector<std::optional<Output>> outputs;
  bool more = true;
  while (more) {
    inputs.clear();
    ingest::RawInput raw;
    while (inputs.size() < batch_size && (more = source.Next(&raw))) inputs.push_back(std::move(raw));
    if (inputs.empty()) break;
    outputs.clear();
    outputs.resize(inputs.size());
    std::atomic<size_t> next{0};
    auto worker = [&] {
      for (size_t input_idx = next++; input_idx < inputs.size(); input_idx = next++) {
        outputs[input_idx].emplace(work(std::move(inputs[input_idx])));
      }
    };
    if (threads == 1 || inputs.size() == 1) {
      worker();
    } else {
      std::vector<std::thread> pool;
      for (int thread_idx = 0; thread_idx < threads; ++thread_idx) pool.emplace_back(worker);
      for (std::thread& thread : pool) thread.join();
    }
    for (std::optional<Output>& output : outputs) sink(std::move(*output));
  }
}

}  // namespace crosscheck::pipeline
