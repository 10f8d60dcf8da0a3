// Who "he", "it", "the group" or "the official" is: the parties a document has named
// so far, by type, so that a pronoun subject resolves to the last fitting source.
// One per document, filled in sentence order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "claims/claim_types.h"
#include "claims/document_view.h"

namespace crosscheck::claims {

// The actor types an anaphor cue's value allows: "armed_group|militia" -> both.
std::vector<std::string> AnaphorTypes(const std::string& value);

class Coreference {
 public:
  // Every resolved actor of the document, so that "the rights group" in a headline can
  // reach an observatory named later.
  explicit Coreference(const DocumentView& view);

  // Remembers a party that spoke (was a source) in sentence order.
  void NoteSource(const Party& party, bool is_person);

  // The antecedent for an anaphor whose allowed types are given (`person`,
  // `organisation`, `any`, or actor types such as `monitor`).
  std::optional<Party> Resolve(const std::vector<std::string>& types) const;

  // The last source, for quotations that continue the previous sentence's speaker; null
  // before the first.
  const Party* last_source() const { return sources_.empty() ? nullptr : &sources_.back(); }

 private:
  // A party of sources_, or nothing.
  std::optional<Party> SourceAt(int source_idx) const {
    if (source_idx < 0) return std::nullopt;
    return sources_[static_cast<size_t>(source_idx)];
  }

  const DocumentView* view_;
  // Every source in order, most recent last; the last person and organisation are indices
  // into it, so that noting a source copies its party once.
  std::vector<Party> sources_;
  int last_person_ = -1;
  int last_organisation_ = -1;
};

}  // namespace crosscheck::claims
