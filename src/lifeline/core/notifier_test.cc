// SPDX-License-Identifier: GPL-2.0-only
// Blocking and raw notifier chains.
#include "lifeline/core/notifier.h"

#include <gtest/gtest.h>

#include "lifeline/core/test_rig.h"

namespace lifeline::core {
namespace {

using testing::Rig;

TEST(Notifier, PriorityOrderAndStop) {
  Rig rig;
  BlockingNotifierHead head;
  std::vector<std::string> calls;
  auto block = [&](const char* name, int prio, int ret) {
    auto* nb = new NotifierBlock{[&calls, name, ret](unsigned long, void*) {
                                   calls.push_back(name);
                                   return ret;
                                 },
                                 prio, name};
    return std::unique_ptr<NotifierBlock>(nb);
  };
  auto low = block("low", 0, NOTIFY_OK);
  auto high = block("high", 10, NOTIFY_OK);
  auto mid1 = block("mid1", 5, NOTIFY_DONE);
  auto mid2 = block("mid2", 5, NOTIFY_STOP);
  int ret = 0, ret_after = 0;
  rig.run([&] {
    blocking_init_notifier_head(&head, "test_chain");
    for (auto* nb : {low.get(), high.get(), mid1.get(), mid2.get()})
      blocking_notifier_chain_register(&head, nb);
    ret = blocking_notifier_call_chain(&head, 1, nullptr);
    blocking_notifier_chain_unregister(&head, mid2.get());
    calls.push_back("|");
    ret_after = blocking_notifier_call_chain(&head, 1, nullptr);
  });
  EXPECT_EQ(calls, (std::vector<std::string>{"high", "mid1", "mid2", "|", "high", "mid1", "low"}));
  EXPECT_EQ(ret, NOTIFY_STOP);
  EXPECT_EQ(ret_after, NOTIFY_OK);
  EXPECT_EQ(notifier_to_errno(notifier_from_errno(-EBUSY)), -EBUSY);
}

// A raw chain keeps the same order and stop rule, takes no lock (so a
// callback may unregister itself), and warns on a double register.
TEST(Notifier, RawChainOrderStopAndSelfUnregister) {
  Rig rig;
  RawNotifierHead head{{}, "raw_chain"};
  std::vector<std::string> calls;
  NotifierBlock low{[&](unsigned long, void*) {
                      calls.push_back("low");
                      return NOTIFY_OK;
                    },
                    0, "low"};
  NotifierBlock stop{[&](unsigned long, void*) {
                       calls.push_back("stop");
                       raw_notifier_chain_unregister(&head, &stop);
                       return NOTIFY_STOP;
                     },
                     10, "stop"};
  int first = 0, second = 0, again = 0;
  rig.run([&] {
    raw_notifier_chain_register(&head, &low);
    raw_notifier_chain_register(&head, &stop);
    again = raw_notifier_chain_register(&head, &low);
    first = raw_notifier_call_chain(&head, 1, nullptr);
    second = raw_notifier_call_chain(&head, 1, nullptr);
  });
  EXPECT_EQ(calls, (std::vector<std::string>{"stop", "low"}));
  EXPECT_EQ(first, NOTIFY_STOP);
  EXPECT_EQ(second, NOTIFY_OK);
  EXPECT_EQ(again, -EEXIST);
  EXPECT_EQ(head.chain.size(), 1u);
}

TEST(Notifier, UnregisterFromInsideItsOwnCallbackDeadlocks) {
  Rig rig;
  BlockingNotifierHead head;
  NotifierBlock nb;
  nb.notifier_call = [&](unsigned long, void*) {
    blocking_notifier_chain_unregister(&head, &nb);
    return NOTIFY_OK;
  };
  bool returned = false;
  rig.engine.spawn("caller", [&] {
    blocking_init_notifier_head(&head, "pse_notifier");
    blocking_notifier_chain_register(&head, &nb);
    blocking_notifier_call_chain(&head, 0, nullptr);
    returned = true;
  });
  rig.engine.run();
  EXPECT_FALSE(returned);
  bool deadlock = false;
  for (const sim::Finding& f : rig.engine.findings())
    if (f.kind == sim::FindingKind::kDeadlock && f.message == "deadlock: caller -> caller")
      deadlock = true;
  EXPECT_TRUE(deadlock) << rig.findings();
}

TEST(Notifier, DoubleRegisterWarns) {
  Rig rig;
  BlockingNotifierHead head;
  NotifierBlock nb{[](unsigned long, void*) { return NOTIFY_DONE; }, 0, "nb"};
  rig.run([&] {
    blocking_init_notifier_head(&head, "chain");
    EXPECT_EQ(blocking_notifier_chain_register(&head, &nb), 0);
    EXPECT_EQ(blocking_notifier_chain_register(&head, &nb), -EEXIST);
  });
  ASSERT_EQ(rig.engine.findings().size(), 1u);
  EXPECT_EQ(rig.engine.findings()[0].kind, sim::FindingKind::kWarn);
}

}  // namespace
}  // namespace lifeline::core
