// SPDX-License-Identifier: GPL-2.0-only
// The pse-pd core and its regulator pieces in code, without a board.
#include <gtest/gtest.h>

#include "lifeline/core/devres.h"
#include "lifeline/core/errno.h"
#include "lifeline/net/pse/pse_catalog.h"
#include "lifeline/net/pse/pse_core.h"
#include "lifeline/net/pse/regulator.h"
#include "lifeline/net/test_rig.h"

namespace lifeline::net {
namespace {

using testing::NetRig;

// Every compatible of Documentation/devicetree/bindings/net/pse-pd/ (v6.12).
TEST(PseCatalog, EveryBindingCompatible) {
  for (const char* c : {"podl-pse-regulator", "ti,tps23881", "microchip,pd69200",
                        "microchip,pd69210", "microchip,pd69220"})
    EXPECT_NE(find_pse_controller(c), nullptr) << c;
  EXPECT_EQ(find_pse_controller("acme,pse"), nullptr);
}

int count(const sim::Engine& e, sim::FindingKind kind) {
  int n = 0;
  for (const sim::Finding& f : e.findings()) n += f.kind == kind;
  return n;
}

// An exclusive get refuses a second consumer; devm_regulator_put() of a
// handle whose devres already ran is the kernel's WARN_ON(rc), and the
// handle itself is freed memory.
TEST(PseRegulator, ExclusiveGetAndDevresPut) {
  NetRig rig;
  rig.run([&] {
    core::Device* dev = rig.platform_device(rig.tree.add_node(rig.tree.root(), "pse"), "pse");
    RegulatorDesc desc;
    desc.name = "pi0";
    regulator_register(dev, desc, nullptr);
    int err = 0;
    Regulator* r = devm_regulator_get_exclusive(dev, "pi0", &err);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(regulator_get_exclusive(dev, "pi0", &err), nullptr);
    EXPECT_EQ(err, -EBUSY);
    EXPECT_EQ(regulator_enable(r), 0);
    EXPECT_EQ(regulator_is_enabled(r), 1);
    core::devres_release_all(dev);  // the unbind
    devm_regulator_put(r);
  });
  EXPECT_EQ(count(rig.engine, sim::FindingKind::kWarn), 1) << rig.findings();
  EXPECT_EQ(count(rig.engine, sim::FindingKind::kUseAfterFree), 1) << rig.findings();
}

// No registered controller: -EPROBE_DEFER; no "pses": -ENOENT.
TEST(PseCore, OfPseControlGetErrors) {
  NetRig rig;
  rig.run([&] {
    core::FwNode* ctrl = rig.tree.add_node(rig.tree.root(), "ethernet-pse-1");
    core::FwTree::set_u32s(ctrl, "#pse-cells", {0});
    core::FwNode* phy = rig.tree.add_node(rig.tree.root(), "ethernet-phy@1");
    core::FwNode* plain = rig.tree.add_node(rig.tree.root(), "ethernet-phy@2");
    rig.tree.set_phandles(phy, "pses", {ctrl});
    int err = 0;
    EXPECT_EQ(of_pse_control_get(phy, &err), nullptr);
    EXPECT_EQ(err, -EPROBE_DEFER);
    EXPECT_EQ(of_pse_control_get(plain, &err), nullptr);
    EXPECT_EQ(err, -ENOENT);
  });
  EXPECT_TRUE(rig.engine.findings().empty()) << rig.findings();
}

}  // namespace
}  // namespace lifeline::net
