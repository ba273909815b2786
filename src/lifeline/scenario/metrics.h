// SPDX-License-Identifier: GPL-2.0-only
// The questions `lifeline compare` answers about a run (RunResult::metrics):
// what the first provider to leave took with it, and whether the links came
// back as they were when it returned. The execution tells the recorder when
// a provider leaves (unbind, rmmod), when it is back (bind, modprobe), when
// the next action starts, and when the run ends; the recorder samples the
// model's netdevs at those points.
#ifndef LIFELINE_SCENARIO_METRICS_H_
#define LIFELINE_SCENARIO_METRICS_H_

#include <map>
#include <string>
#include <vector>

#include "lifeline/scenario/run_result.h"
#include "lifeline/sim/time.h"

namespace lifeline::core {
class Device;
class Module;
}  // namespace lifeline::core

namespace lifeline::net {
class NetDevice;
}

namespace lifeline::scenario {

// "down", "1000/full" (a PHY's or a fixed link's resolved mode) or "up".
std::string link_of(const net::NetDevice* nd);

class MetricsRecorder {
 public:
  void reset() { *this = MetricsRecorder{}; }

  // A provider is about to leave: `dev` unbound, or module `mod` removed.
  // Only the first one counts.
  void provider_leaving(core::Device* dev, core::Module* mod);
  // The provider came back (a bind or a modprobe succeeded).
  void provider_back();
  // The next action starts (or the scenario ended): the system settled after
  // the provider left, as far as the scenario let it.
  void before_action() {
    if (pending_after_left_) sample_after_left();
  }
  // net::Net::carrier_observer: the times each netdev's carrier came on.
  void carrier_changed(const std::string& netdev, bool on, sim::Time now) {
    if (on) carrier_on_times_[netdev].push_back(now);
  }
  // At the end of the run: the links after the provider came back.
  void finish();

  const ProviderMetrics& metrics() const { return metrics_; }

 private:
  struct NetdevBefore {
    std::string name;
    bool carrier = false;
    std::string link;
    bool depends = false;  // its PHY or MAC is the provider or below it
  };
  void sample_after_left();

  ProviderMetrics metrics_;
  bool pending_after_left_ = false;
  std::vector<NetdevBefore> before_left_;
  std::map<std::string, std::vector<sim::Time>> carrier_on_times_;
};

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_METRICS_H_
