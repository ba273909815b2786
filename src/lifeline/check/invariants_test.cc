// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/check/invariants.h"

#include <gtest/gtest.h>

#include "lifeline/check/test_boot.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"

namespace lifeline::check {
namespace {

net::NetDevice* netdev(const std::string& name) {
  for (net::NetDevice* nd : net::Net::current().netdevs)
    if (nd->name() == name) return nd;
  return nullptr;
}

TEST(Invariants, ABootedBoardBreaksNone) {
  std::vector<std::string> broken = {"not run"};
  testing::BootedBoard b("armada-388-clearfog-pro.dts",
                         [&] { broken = broken_invariants(InvariantScope::kQuiescent); });
  EXPECT_TRUE(broken.empty()) << broken.front();
}

// The carrier raised by a worker before dev_open() set IFF_UP: a state
// every ifup passes through, so not judged at every step.
TEST(Invariants, CarrierWhileDownIsJudgedAtQuiescentPointsOnly) {
  std::vector<std::string> step, quiescent;
  testing::BootedBoard b("armada-388-clearfog-pro.dts", [&] {
    net::NetDevice* eth1 = netdev("eth1");
    ASSERT_NE(eth1, nullptr);
    ASSERT_FALSE(net::netif_running(eth1));
    eth1->carrier = true;
    step = broken_invariants(InvariantScope::kEveryStep);
    quiescent = broken_invariants(InvariantScope::kQuiescent);
    eth1->carrier = false;
  });
  EXPECT_TRUE(step.empty());
  EXPECT_EQ(quiescent, std::vector<std::string>{"eth1: carrier on while the interface is down"});
}

}  // namespace
}  // namespace lifeline::check
