// SPDX-License-Identifier: GPL-2.0-only
// Phandle walks end: interrupt-parent and interrupt-map cycles and
// #interrupt-cells = <0> are refused at load, naming the node, and the walks
// themselves are bounded for trees that never went through the load.
#include "lifeline/dt/walk_check.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "lifeline/dt/boot_test_util.h"
#include "lifeline/dt/fw_devlink_links.h"
#include "lifeline/dt/load.h"
#include "lifeline/dt/of_irq.h"
#include "lifeline/dt/test_boards.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::dt {
namespace {

using ::testing::HasSubstr;
using testing::write_file;

sim::UserError load_error(const std::string& name, const std::string& dts) {
  std::string path = write_file(name, dts);
  try {
    load_device_tree(path);
  } catch (const sim::UserError& e) {
    return e;
  }
  ADD_FAILURE() << name << " loaded";
  return sim::UserError("");
}

// Two nodes that name each other as interrupt parent, neither with
// #interrupt-cells: of_irq_find_parent() goes round for ever in the kernel.
const char kInterruptParentCycle[] = R"(/dts-v1/;
/ {
	a: a { interrupt-parent = <&b>; };
	b: b { interrupt-parent = <&a>; };
	dev { interrupt-parent = <&a>; interrupts = <1>; };
};
)";

TEST(WalkCheck, InterruptParentCycleIsAnErrorNamingTheNode) {
  sim::UserError e = load_error("ip-cycle.dts", kInterruptParentCycle);
  EXPECT_THAT(e.message(), HasSubstr("interrupt-parent cycle"));
  EXPECT_THAT(e.message(), HasSubstr("/a -> /b -> /a"));
  EXPECT_THAT(e.message(), HasSubstr("#interrupt-cells"));
  EXPECT_GT(e.line(), 0);  // the line of the node in the .dts
}

TEST(WalkCheck, ACycleWithoutInterruptsIsRefusedToo) {
  // Nobody has "interrupts", but of_irq_init() asks a controller for its
  // parent, and a node that names an interrupt-parent means to be asked.
  sim::UserError e = load_error("ip-cycle2.dts", R"(/dts-v1/;
/ {
	a: a { interrupt-parent = <&a>; };
};
)");
  EXPECT_THAT(e.message(), HasSubstr("/a: interrupt-parent cycle /a -> /a"));
}

TEST(WalkCheck, InterruptCellsZeroWithInterrupts) {
  sim::UserError e = load_error("zero-cells.dts", R"(/dts-v1/;
/ {
	intc: intc { interrupt-controller; #interrupt-cells = <0>; };
	dev { interrupt-parent = <&intc>; interrupts = <1 2>; };
};
)");
  EXPECT_THAT(e.message(), HasSubstr("/dev: 'interrupts'"));
  EXPECT_THAT(e.message(), HasSubstr("#interrupt-cells = <0>"));
  EXPECT_THAT(e.message(), HasSubstr("/intc"));
}

TEST(WalkCheck, InterruptsExtendedToAZeroCellControllerIsFine) {
  // Each entry is a bare phandle there: a finite list, as the kernel reads it.
  std::string path = write_file("zero-ext.dts", R"(/dts-v1/;
/ {
	intc: intc { interrupt-controller; #interrupt-cells = <0>; };
	dev { interrupts-extended = <&intc &intc>; };
};
)");
  std::unique_ptr<core::FwTree> t = load_device_tree(path);
  std::vector<IrqSpec> irqs = of_irq_parse_all(t->find_by_path("/dev"));
  ASSERT_EQ(irqs.size(), 2u);
  EXPECT_EQ(irqs[0].np, t->find_by_path("/intc"));
}

// Two nexus nodes whose interrupt-maps send each other's interrupt back.
const char kInterruptMapCycle[] = R"(/dts-v1/;
/ {
	na: nexus-a { #interrupt-cells = <1>; #address-cells = <0>; interrupt-map = <5 &nb 5>; };
	nb: nexus-b { #interrupt-cells = <1>; #address-cells = <0>; interrupt-map = <5 &na 5>; };
	dev { interrupt-parent = <&na>; interrupts = <5>; };
};
)";

TEST(WalkCheck, InterruptMapCycle) {
  sim::UserError e = load_error("imap-cycle.dts", kInterruptMapCycle);
  EXPECT_THAT(e.message(), HasSubstr("/dev: interrupt-map cycle"));
  EXPECT_THAT(e.message(), HasSubstr("never to an interrupt-controller"));
}

// The walks are bounded on their own: a tree built in code, never checked.
TEST(WalkCheck, WalksOnAnUncheckedTreeEnd) {
  core::FwTree t;
  core::FwNode* root = t.add_node(nullptr, "");
  core::FwNode* a = t.add_node(root, "a");
  core::FwNode* b = t.add_node(root, "b");
  core::FwNode* dev = t.add_node(root, "dev");
  t.set_u32s(a, "interrupt-parent", {t.phandle_of(b)});
  t.set_u32s(b, "interrupt-parent", {t.phandle_of(a)});
  t.set_u32s(dev, "interrupt-parent", {t.phandle_of(a)});
  t.set_u32s(dev, "interrupts", {1});
  IrqWalkError why;
  EXPECT_EQ(of_irq_find_parent(dev, &why), nullptr);
  EXPECT_EQ(why.node, dev);
  EXPECT_THAT(why.what, HasSubstr("/a -> /b -> /a"));
  EXPECT_FALSE(of_irq_parse_one(dev, 0));
  add_fw_devlink_links(t);  // parse_interrupts() ends too
  EXPECT_TRUE(dev->suppliers.empty());

  // #interrupt-cells = <0>: no index is "found", so fw_devlink's loop ends.
  core::FwNode* intc = t.add_node(root, "intc");
  t.set_property(intc, "interrupt-controller", {});
  t.set_u32s(intc, "#interrupt-cells", {0});
  core::FwNode* dev2 = t.add_node(root, "dev2");
  t.set_u32s(dev2, "interrupt-parent", {t.phandle_of(intc)});
  t.set_u32s(dev2, "interrupts", {1});
  EXPECT_TRUE(of_irq_parse_all(dev2).empty());
  of_fwnode_add_links(*dev2);
  EXPECT_TRUE(dev2->suppliers.empty());
  EXPECT_THROW(check_phandle_walks(t, "code"), sim::UserError);
}

TEST(WalkCheck, BundledBoardsPass) {
  for (const char* b : testing::kBoards) {
    const core::FwTree& t = testing::board(b);
    EXPECT_NO_THROW(check_phandle_walks(t, b)) << b;
  }
}

TEST(WalkCheck, NestingDeeperThanTheKernelsLimit) {
  std::string dts = "/dts-v1/;\n/ {\n";
  for (int i = 0; i < 70; ++i) dts += "n" + std::to_string(i) + " {\n";
  for (int i = 0; i < 70; ++i) dts += "};\n";
  dts += "};\n";
  sim::UserError e = load_error("deep.dts", dts);
  EXPECT_THAT(e.message(), HasSubstr("FDT_MAX_DEPTH"));
  // 62 levels below the root load, as in the kernel.
  dts = "/dts-v1/;\n/ {\n";
  for (int i = 0; i < 62; ++i) dts += "n" + std::to_string(i) + " {\n";
  for (int i = 0; i < 62; ++i) dts += "};\n";
  dts += "};\n";
  EXPECT_NO_THROW(load_device_tree(write_file("deep-ok.dts", dts)));
}

// fw_devlink's cycle check (__fw_devlink_relax_cycles()) follows supplier
// links as deep as they go: a device at the head of a chain of 3000
// supplier nodes walked it 3000 calls deep and overflowed its fiber's stack
// (SIGSEGV). It keeps its own stack now.
TEST(WalkCheck, LongSupplierChainDoesNotOverflowTheStack) {
  std::string dts =
      "/dts-v1/;\n/ {\n\tdev { compatible = \"acme,dev\"; clocks = <&c0>; };\n"
      "\tclocks {\n";
  const int n = 3000;
  for (int i = 0; i < n; ++i)
    dts += "\t\tc" + std::to_string(i) + ": clk" + std::to_string(i) + " { #clock-cells = <0>;" +
           (i + 1 < n ? " clocks = <&c" + std::to_string(i + 1) + ">;" : std::string()) + " };\n";
  dts += "\t};\n};\n";
  auto b = testing::boot_tree(load_device_tree(write_file("chain.dts", dts)));
  EXPECT_EQ(b->stop, sim::StopReason::kIdle);
  EXPECT_EQ(b->findings(), "");
  ASSERT_NE(b->dev("/dev"), nullptr);
  EXPECT_EQ(b->dev("/dev")->driver, nullptr);  // waits for /clocks/clk0, for ever
}

}  // namespace
}  // namespace lifeline::dt
