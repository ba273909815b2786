// SPDX-License-Identifier: GPL-2.0-only
// The provider-lifecycle protocol (net/provider_lifecycle.h) on its own: a
// consumer that counts what it is told, a bare device as the provider.
#include "lifeline/net/provider_lifecycle.h"

#include <gtest/gtest.h>

#include "lifeline/core/notifier.h"
#include "lifeline/net/test_rig.h"

namespace lifeline::net {
namespace {

using testing::NetRig;

struct Counting : ProviderConsumer {
  int going_away = 0, reconnects = 0, restarts = 0;
  bool rtnl_held_in_callbacks = true;
  core::Device* reconnect_to = nullptr;  // what reconnect() holds again
};

Counting* counting(ProviderConsumer* c) { return static_cast<Counting*>(c); }

constexpr ProviderConsumerOps kCountingOps = {
    .name = [](const ProviderConsumer*) { return std::string("eth9"); },
    .going_away =
        [](ProviderConsumer* c, core::Device*) {
          ++counting(c)->going_away;
          counting(c)->rtnl_held_in_callbacks &= rtnl_is_locked();
        },
    .reconnect =
        [](ProviderConsumer* c, core::Device* p) {
          ++counting(c)->reconnects;
          counting(c)->rtnl_held_in_callbacks &= rtnl_is_locked();
          provider_hold(c, p);
          return 0;
        },
    .restart = [](ProviderConsumer* c, core::Device*) { ++counting(c)->restarts; },
};

struct Protocol {
  explicit Protocol(bool listen = true) {
    node = rig.tree.add_node(rig.tree.root(), "ethernet-phy@1");
    rig.run([this, listen] {
      if (listen) provider_lifecycle_listen(ProviderKind::kPhy, /*replay=*/false);
      provider = sim::kzalloc<core::Device>();
      core::device_initialize(provider);
      core::dev_set_name(provider, "phy0");
      provider->fwnode = node;
      provider->registered = true;
      provider->driver = sim::kzalloc<core::Driver>("drv");
      c.ProviderConsumer::kind = ProviderKind::kPhy;
      c.ops = &kCountingOps;
      c.owner = &c;
    });
  }
  void run(std::function<void()> fn) { rig.run(std::move(fn)); }

  NetRig rig;
  core::FwNode* node = nullptr;
  core::Device* provider = nullptr;
  Counting c;
};

TEST(ProviderLifecycle, GoingAwayReachesTheHolderUnderRtnlAndRecordsWhatItLost) {
  Protocol p;
  p.run([&] {
    provider_hold(&p.c, p.provider);
    EXPECT_TRUE(provider_is_held(ProviderKind::kPhy, p.provider));
    provider_going_away(ProviderKind::kPhy, p.provider);
  });
  EXPECT_EQ(p.c.going_away, 1);
  EXPECT_TRUE(p.c.rtnl_held_in_callbacks);
  EXPECT_EQ(p.c.held, nullptr);
  EXPECT_EQ(p.c.lost, p.node);
}

// An ifdown releases genphy after the consumer let go (phy_detach() from
// phy_disconnect()): nobody is told, and the chain is not even entered, so
// that no lock is taken under the ifdown's rtnl.
TEST(ProviderLifecycle, AProviderNobodyHoldsNotifiesNobody) {
  Protocol p;
  int chain_calls = 0;
  core::NotifierBlock spy;
  spy.name = "spy";
  spy.notifier_call = [&chain_calls](unsigned long, void*) {
    ++chain_calls;
    return core::NOTIFY_DONE;
  };
  p.run([&] {
    core::blocking_notifier_chain_register(provider_notifier(ProviderKind::kPhy), &spy);
    provider_hold(&p.c, p.provider);
    provider_release(&p.c);
    provider_going_away(ProviderKind::kPhy, p.provider);
  });
  EXPECT_EQ(p.c.going_away, 0);
  EXPECT_EQ(chain_calls, 0);
  EXPECT_EQ(p.c.lost, nullptr);
}

TEST(ProviderLifecycle, ArrivalReconnectsTheConsumerThatLostThatNodeFromAWorkItem) {
  Protocol p;
  int reconnects_before_work = -1;
  p.run([&] {
    provider_hold(&p.c, p.provider);
    provider_going_away(ProviderKind::kPhy, p.provider);
    provider_arrived(ProviderKind::kPhy, p.provider);
    reconnects_before_work = p.c.reconnects;
    sim::msleep(10);  // the work item runs
  });
  EXPECT_EQ(reconnects_before_work, 0) << "delivered from the caller, not a work item";
  EXPECT_EQ(p.c.reconnects, 1);
  EXPECT_EQ(p.c.restarts, 1);
  EXPECT_TRUE(p.c.rtnl_held_in_callbacks);
  EXPECT_EQ(p.c.held, p.provider);
  EXPECT_EQ(p.c.lost, nullptr);
}

// A PHY found by scanning a bus (a DSA switch's user MII bus) has no
// firmware node: the consumer waits for the same device, which a driver
// unbind leaves in place; another node-less provider is not it.
TEST(ProviderLifecycle, AProviderWithoutANodeIsWaitedForAsTheSameDevice) {
  Protocol p;
  core::Device* other = nullptr;
  int reconnects_after_other = -1;
  p.run([&] {
    p.provider->fwnode = nullptr;
    other = sim::kzalloc<core::Device>();
    core::device_initialize(other);
    core::dev_set_name(other, "phy1");
    provider_hold(&p.c, p.provider);
    provider_going_away(ProviderKind::kPhy, p.provider);
    provider_arrived(ProviderKind::kPhy, other);
    sim::msleep(10);
    reconnects_after_other = p.c.reconnects;
    provider_arrived(ProviderKind::kPhy, p.provider);
    sim::msleep(10);
  });
  EXPECT_EQ(p.c.lost, nullptr);
  EXPECT_EQ(p.c.lost_device, nullptr);  // held again
  EXPECT_EQ(reconnects_after_other, 0);
  EXPECT_EQ(p.c.reconnects, 1);
  EXPECT_EQ(p.c.held, p.provider);
}

TEST(ProviderLifecycle, AnUnregisteredConsumerHearsNothing) {
  Protocol p;
  p.run([&] {
    provider_hold(&p.c, p.provider);
    rtnl_lock();
    provider_consumer_unregister(&p.c);
    rtnl_unlock();
    provider_going_away(ProviderKind::kPhy, p.provider);
    provider_arrived(ProviderKind::kPhy, p.provider);
    sim::msleep(10);
  });
  EXPECT_EQ(p.c.going_away, 0);
  EXPECT_EQ(p.c.reconnects, 0);
}

// Where no design announces the kind (mainline), the consumer's calls take
// no lock and record nothing.
TEST(ProviderLifecycle, WithoutAListeningDesignNothingIsRecorded) {
  Protocol p(/*listen=*/false);
  p.run([&] {
    provider_hold(&p.c, p.provider);
    provider_going_away(ProviderKind::kPhy, p.provider);
  });
  EXPECT_FALSE(p.c.registered);
  EXPECT_EQ(p.c.going_away, 0);
}

TEST(ProviderLifecycle, KindsAreIndependent) {
  Protocol p;
  p.run([&] {
    provider_hold(&p.c, p.provider);
    provider_going_away(ProviderKind::kPcs, p.provider);  // nobody listens to PCS
  });
  EXPECT_EQ(p.c.going_away, 0);
  EXPECT_STREQ(provider_kind_name(ProviderKind::kPcs), "PCS");
}

}  // namespace
}  // namespace lifeline::net
