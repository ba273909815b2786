// SPDX-License-Identifier: GPL-2.0-only
// The Lynx PCS library (drivers/net/pcs/pcs-lynx.c, v6.12): no driver and
// no device of its own. An instance wraps an MDIO device and holds one
// reference to it; every register access goes through that device's bus
// (mdiodev_read(), mdiobus_c45_read()), which the reference does not keep:
// when the bus's controller is unbound, the next access reads a freed or
// unmapped bus, and the model's lifetime checks see it.
#include <fmt/format.h>

#include "lifeline/core/device.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/net/mdio_bus.h"
#include "lifeline/net/net.h"
#include "lifeline/net/pcs/pcs.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

namespace {

struct LynxPcs : PhylinkPcs {
  LynxPcs() : PhylinkPcs("lynx_pcs") {}
  MdioDevice* mdio = nullptr;
};

// container_of(): the instance's memory is read, so a freed one is a
// use-after-free.
LynxPcs* phylink_pcs_to_lynx(PhylinkPcs* pcs, const char* what) {
  sim::check_access(pcs, what);
  return static_cast<LynxPcs*>(pcs);
}

// lynx_pcs_get_state(): the decoders for each interface read BMSR (and LPA,
// or the c45 PCS status) through the MDIO device's bus.
void lynx_pcs_get_state(PhylinkPcs* pcs, PhylinkLinkState* state) {
  LL_FUNC();
  LynxPcs* lynx = phylink_pcs_to_lynx(pcs, "lynx_pcs_get_state");
  ++lynx->reads;
  switch (state->interface) {
    case PHY_INTERFACE_MODE_1000BASEX:
    case PHY_INTERFACE_MODE_SGMII:
    case PHY_INTERFACE_MODE_QSGMII:
    case PHY_INTERFACE_MODE_2500BASEX:
    case PHY_INTERFACE_MODE_USXGMII:
    case PHY_INTERFACE_MODE_10GBASER:
      if (mdio_access(lynx->mdio, "lynx_pcs_get_state: mdiodev_read(MII_BMSR)") < 0) {
        state->link = false;
        return;
      }
      pcs_decode_lane(pcs, state);
      break;
    default:
      break;
  }
}

int lynx_pcs_config(PhylinkPcs* pcs, unsigned, phy_interface_t interface, const LinkModes&) {
  LynxPcs* lynx = phylink_pcs_to_lynx(pcs, "lynx_pcs_config");
  switch (interface) {
    case PHY_INTERFACE_MODE_1000BASEX:
    case PHY_INTERFACE_MODE_SGMII:
    case PHY_INTERFACE_MODE_QSGMII:
    case PHY_INTERFACE_MODE_2500BASEX:
    case PHY_INTERFACE_MODE_USXGMII:
      // lynx_pcs_config_giga()/_usxgmii(): IF_MODE, link timer, BMCR.
      return mdio_access(lynx->mdio, "lynx_pcs_config: mdiodev_modify(IF_MODE)");
    default:
      // 10GBASE-R: nothing to configure.
      return 0;
  }
}

void lynx_pcs_an_restart(PhylinkPcs* pcs) {
  LynxPcs* lynx = phylink_pcs_to_lynx(pcs, "lynx_pcs_an_restart");
  mdio_access(lynx->mdio, "lynx_pcs_an_restart: mdiodev_modify(MII_BMCR)");
}

void lynx_pcs_link_up(PhylinkPcs* pcs, unsigned neg_mode, phy_interface_t interface, int, Duplex) {
  LynxPcs* lynx = phylink_pcs_to_lynx(pcs, "lynx_pcs_link_up");
  // SGMII/QSGMII and 2500base-x without in-band AN: the speed is forced in
  // IF_MODE. Everything else has nothing to do.
  bool forced = neg_mode != PHYLINK_PCS_NEG_INBAND_ENABLED;
  if (forced && (interface == PHY_INTERFACE_MODE_SGMII || interface == PHY_INTERFACE_MODE_QSGMII ||
                 interface == PHY_INTERFACE_MODE_2500BASEX))
    mdio_access(lynx->mdio, "lynx_pcs_link_up: mdiodev_modify(IF_MODE)");
}

constexpr PhylinkPcsOps kLynxPcsPhylinkOps = {
    .pcs_get_state = lynx_pcs_get_state,
    .pcs_config = lynx_pcs_config,
    .pcs_an_restart = lynx_pcs_an_restart,
    .pcs_link_up = lynx_pcs_link_up,
};

}  // namespace

// lynx_pcs_create(): takes a reference to the MDIO device.
PhylinkPcs* lynx_pcs_create(MdioDevice* mdio) {
  auto* lynx = sim::kzalloc<LynxPcs>();
  core::get_device(mdio);  // mdio_device_get()
  lynx->mdio = mdio;
  lynx->set_name("lynx " + mdio->name());
  lynx->ops = &kLynxPcsPhylinkOps;
  lynx->neg_mode = true;
  lynx->poll = true;
  lynx->provider = mdio;
  if (MiiBus* bus = mdio->bus.get()) lynx->supplier = bus->parent_dev;
  for (phy_interface_t i :
       {PHY_INTERFACE_MODE_SGMII, PHY_INTERFACE_MODE_QSGMII, PHY_INTERFACE_MODE_1000BASEX,
        PHY_INTERFACE_MODE_2500BASEX, PHY_INTERFACE_MODE_USXGMII, PHY_INTERFACE_MODE_10GBASER})
    lynx->supported_interfaces.set(i);
  return lynx;
}

core::ErrOr<PhylinkPcs*> lynx_pcs_create_fwnode(core::FwNode* node) {
  LL_FUNC();
  if (!node || !node->is_available()) return {nullptr, -ENODEV};
  MdioDevice* mdio = fwnode_mdio_find_device(node);
  if (!mdio) return {nullptr, -EPROBE_DEFER};
  core::get_device(mdio);  // bus_find_device_by_fwnode()'s reference
  PhylinkPcs* pcs = lynx_pcs_create(mdio);
  core::put_device(mdio);  // mdio_device_put(): the instance keeps its own
  return {pcs, 0};
}

core::ErrOr<PhylinkPcs*> lynx_pcs_create_mdiodev(MiiBus* bus, int addr) {
  LL_FUNC();
  // mdio_device_create(): initialised, never registered.
  auto* mdio = sim::kzalloc<MdioDevice>();
  core::device_initialize(mdio);
  mdio->bus = bus;
  mdio->addr = addr;
  core::dev_set_name(mdio, fmt::format("{}:{:02x}", bus->id, addr));
  mdio->release = [](core::Device* d) { sim::kfree(d); };
  PhylinkPcs* pcs = lynx_pcs_create(mdio);
  core::put_device(mdio);
  return {pcs, 0};
}

void lynx_pcs_destroy(PhylinkPcs* pcs) {
  LL_FUNC();
  if (!pcs) return;
  LynxPcs* lynx = phylink_pcs_to_lynx(pcs, "lynx_pcs_destroy");
  core::put_device(lynx->mdio);  // mdio_device_put()
  sim::kfree(lynx);
}

MdioDevice* lynx_pcs_mdiodev(const PhylinkPcs* pcs) {
  return pcs_is_lynx(pcs) ? static_cast<const LynxPcs*>(pcs)->mdio : nullptr;
}

bool pcs_is_lynx(const PhylinkPcs* pcs) { return pcs && pcs->ops == &kLynxPcsPhylinkOps; }

}  // namespace lifeline::net
