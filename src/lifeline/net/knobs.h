// SPDX-License-Identifier: GPL-2.0-only
// The knob registry (docs/architecture.md, "How a design is modelled"): the
// one definition of every knob. Where the kernel has several candidate
// designs, a knob selects the one the model follows: each value names the
// design it models, the netdev thread or RFC it comes from, and (for a
// design knob) the ops table in net/designs/ that implements it. --help,
// a scenario's `set`, --set, --vary, validation, "did you mean" and
// NetConfig::set()/get() all read this table. A knob whose provider is not
// modelled yet is listed (so that --help can say what is coming) but
// refused wherever knobs are accepted: its values would change nothing.
#ifndef LIFELINE_NET_KNOBS_H_
#define LIFELINE_NET_KNOBS_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace lifeline::net {

struct NetConfig;

struct KnobValue {
  std::string_view name;
  std::string_view design;  // the design it models, one line
  std::string_view source;  // the netdev thread, RFC or kernel file it comes from
  // The design's ops table (net/designs/), for a design knob; null else.
  const void* ops = nullptr;
};

struct KnobInfo {
  std::string_view name;
  std::string_view default_value;
  std::span<const KnobValue> values;
  std::string_view help;
  // Something in the model reads it. When false, setting it is an error
  // ("not modelled yet") rather than a value that silently changes nothing.
  bool modelled;
  // Stores values[i] in the configuration / reads which one it holds; null
  // for a knob that is not modelled.
  void (*set)(NetConfig& config, size_t i) = nullptr;
  size_t (*get)(const NetConfig& config) = nullptr;
};

std::span<const KnobInfo> knob_table();
const KnobInfo* find_knob(std::string_view name);
bool knob_has_value(const KnobInfo& knob, std::string_view value);

// The one check of a knob and its value, for every place that accepts knobs
// (--set, --vary, a scenario's `set`, a replay file's knobs): what is wrong,
// without a location, or nothing. `value` absent checks the knob alone
// (`--vary KNOB`). An unknown knob or value gets a suggestion; a knob that is
// not modelled says so.
struct KnobError {
  bool in_value;  // the value is wrong (else the knob)
  std::string message;
};
std::optional<KnobError> knob_error(std::string_view knob,
                                    std::optional<std::string_view> value = std::nullopt);
// knob_error() as a sim::UserError: "<what>: <message>", or the message alone
// when `what` is empty.
void validate_knob(std::string_view knob, std::optional<std::string_view> value,
                   std::string_view what = {});

}  // namespace lifeline::net

#endif  // LIFELINE_NET_KNOBS_H_
