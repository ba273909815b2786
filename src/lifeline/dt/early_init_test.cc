// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/early_init.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "lifeline/dt/test_boards.h"

namespace lifeline::dt {
namespace {

using core::FwNode;
using core::FwTree;

std::vector<std::string> of_kind(const std::vector<EarlyInit>& all, EarlyKind kind) {
  std::vector<std::string> out;
  for (const EarlyInit& e : all)
    if (e.kind == kind) out.push_back(e.node->full_path);
  return out;
}

TEST(EarlyInit, Rpi4) {
  std::vector<EarlyInit> all = early_init_nodes(testing::board("bcm2711-rpi-4-b.dts"));
  // The GIC; the ARM local interrupt controller (brcm,bcm2836-l1-intc) is in
  // the table but lacks "interrupt-controller" in bcm2711.dtsi, so
  // of_irq_init() passes it by.
  EXPECT_THAT(of_kind(all, EarlyKind::kIrqchip),
              ::testing::ElementsAre("/soc/interrupt-controller@40041000"));
  EXPECT_THAT(of_kind(all, EarlyKind::kClock), ::testing::Contains("/clocks/clk-osc"));
  EXPECT_THAT(of_kind(all, EarlyKind::kTimer),
              ::testing::ElementsAre("/soc/timer@7e003000", "/timer"));
}

TEST(EarlyInit, Lx2160aClocksAndExtirq) {
  std::vector<EarlyInit> all = early_init_nodes(testing::board("fsl-lx2160a-clearfog-cx.dts"));
  EXPECT_THAT(of_kind(all, EarlyKind::kClock),
              ::testing::Contains("/soc/clock-controller@1300000"));
  EXPECT_THAT(of_kind(all, EarlyKind::kIrqchip),
              ::testing::Contains("/soc/syscon@1f70000/interrupt-controller@14"));
}

// of_irq_init(): parents first; a controller whose parent is not in the
// table (a platform-driver irqchip) is never set up early.
TEST(EarlyInit, IrqchipsRootFirstAndOrphansLeftOut) {
  FwTree t;
  FwNode* root = t.add_node(nullptr, "");
  FwNode* child = t.add_node(root, "child");  // written before its parent
  FwNode* gic = t.add_node(root, "gic");
  FwNode* other = t.add_node(root, "other");
  FwNode* orphan = t.add_node(root, "orphan");
  for (FwNode* n : {child, gic, other, orphan}) {
    FwTree::set_property(n, "interrupt-controller", {});
    FwTree::set_u32s(n, "#interrupt-cells", {1});
  }
  FwTree::set_string(gic, "compatible", "arm,gic-400");
  FwTree::set_string(child, "compatible", "marvell,odmi-controller");
  t.set_phandles(child, "interrupt-parent", {gic});
  FwTree::set_string(other, "compatible", "acme,platform-intc");  // not in the table
  FwTree::set_string(orphan, "compatible", "arm,gic-v3");
  t.set_phandles(orphan, "interrupt-parent", {other});
  FwNode* clk = t.add_node(root, "clk");
  FwTree::set_string(clk, "compatible", "fixed-clock");
  FwNode* off = t.add_node(root, "off");
  FwTree::set_string(off, "compatible", "fixed-clock");
  FwTree::set_string(off, "status", "disabled");
  std::vector<EarlyInit> all = of_early_init(t);
  EXPECT_THAT(of_kind(all, EarlyKind::kIrqchip), ::testing::ElementsAre("/gic", "/child"));
  EXPECT_THAT(of_kind(all, EarlyKind::kClock), ::testing::ElementsAre("/clk"));
  EXPECT_TRUE(gic->flags & core::FWNODE_FLAG_INITIALIZED);
  EXPECT_TRUE(clk->flags & core::FWNODE_FLAG_INITIALIZED);
  EXPECT_FALSE(orphan->flags & core::FWNODE_FLAG_INITIALIZED);
  EXPECT_FALSE(off->flags & core::FWNODE_FLAG_INITIALIZED);
}

}  // namespace
}  // namespace lifeline::dt
