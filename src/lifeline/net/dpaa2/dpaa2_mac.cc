// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/dpaa2/dpaa2_mac.h"

#include <fmt/format.h>

#include "lifeline/core/fwnode.h"
#include "lifeline/net/designs/pcs.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/pcs/pcs.h"
#include "lifeline/net/phylink.h"
#include "lifeline/net/rtnl.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

using sim::note;

namespace {

// dpaa2_mac_get_if_mode(): the node's phy mode, else the firmware's eth_if.
// The model's DPL gives a serdes DPMAC DPMAC_ETH_IF_XFI (10gbase-r).
phy_interface_t dpaa2_mac_get_if_mode(const Dpaa2Mac* mac) {
  phy_interface_t interface = PHY_INTERFACE_MODE_NA;
  if (of_get_phy_mode(mac->fw_node, &interface) == 0 && interface != PHY_INTERFACE_MODE_NA)
    return interface;
  return PHY_INTERFACE_MODE_10GBASER;
}

// dpaa2_pcs_create(): "pcs-handle" -> lynx_pcs_create_fwnode(), or the pcs
// design's lookup.
int dpaa2_pcs_create(Dpaa2Mac* mac) {
  LL_FUNC();
  core::FwNode* node = core::parse_phandle(mac->fw_node, "pcs-handle");
  if (!node) {
    // Do not error out on old DTS files.
    note(netdev_label(mac->net_dev) + ": pcs-handle node not found");
    return 0;
  }
  core::Device* consumer = mac->net_dev->parent;
  core::ErrOr<PhylinkPcs*> pcs;
  if (auto get = pcs_ops().mac_pcs_get)
    pcs = get(consumer, mac->fw_node);
  else
    pcs = lynx_pcs_create_fwnode(node);
  if (pcs.err == -EPROBE_DEFER) return -EPROBE_DEFER;  // netdev_dbg "missing PCS device"
  if (pcs.err == -ENODEV) {
    note(netdev_label(mac->net_dev) + ": pcs-handle node not available");
    return pcs.err;
  }
  if (pcs.err) return pcs.err;
  // design: what the lookup takes besides (module-ref, devlink).
  if (auto hold = pcs_ops().pcs_hold) {
    if (int err = hold(consumer, pcs.value)) {
      if (!(pcs_ops().mac_pcs_put && pcs_ops().mac_pcs_put(consumer, pcs.value)))
        lynx_pcs_destroy(pcs.value);
      return err;
    }
  }
  mac->pcs = pcs.value;
  return 0;
}

void dpaa2_pcs_destroy(Dpaa2Mac* mac) {
  LL_FUNC();
  PhylinkPcs* pcs = mac->pcs;
  if (!pcs) return;
  core::Device* consumer = mac->net_dev->parent;
  if (auto unhold = pcs_ops().pcs_unhold) unhold(consumer, pcs);
  if (!(pcs_ops().mac_pcs_put && pcs_ops().mac_pcs_put(consumer, pcs))) lynx_pcs_destroy(pcs);
  mac->pcs = nullptr;
}

}  // namespace

std::string netdev_label(const NetDevice* net_dev) {
  if (!net_dev->name().empty()) return net_dev->name();
  return (net_dev->parent ? net_dev->parent->name() + " " : std::string()) + "(unnamed net_device)";
}

int dpaa2_mac_open(Dpaa2Mac* mac) {
  // dpmac_open(), dpmac_get_attributes(), dpaa2_mac_get_node(). The model's
  // DPL: a DPMAC with a PHY, an SFP cage or in-band management is of link
  // type PHY; one with a fixed-link FIXED.
  mac->fw_node = mac->mc_dev->dt_node;
  const core::FwNode* n = mac->fw_node;
  if (!n) return -ENODEV;
  if (n->child_by_name("fixed-link") || n->has_property("fixed-link"))
    mac->link_type = DpmacLinkType::kFixed;
  else
    mac->link_type = DpmacLinkType::kPhy;
  phy_interface_t interface = PHY_INTERFACE_MODE_NA;
  mac->eth_if_rgmii = of_get_phy_mode(n, &interface) == 0 && phy_interface_mode_is_rgmii(interface);
  return 0;
}

bool dpaa2_mac_is_type_phy(const Dpaa2Mac* mac) {
  return mac &&
         (mac->link_type == DpmacLinkType::kPhy || mac->link_type == DpmacLinkType::kBackplane);
}

int dpaa2_mac_connect(Dpaa2Mac* mac) {
  LL_FUNC();
  NetDevice* net_dev = mac->net_dev;
  if (!mac->fw_node) {
    note(fmt::format("{}: No dpmac@{} node found.", netdev_label(net_dev), mac->mc_dev->obj_id));
    return -ENODEV;
  }
  mac->if_mode = dpaa2_mac_get_if_mode(mac);
  // A PCS for every non-RGMII PHY link and for backplane links.
  if ((mac->link_type == DpmacLinkType::kPhy && !mac->eth_if_rgmii) ||
      mac->link_type == DpmacLinkType::kBackplane) {
    if (int err = dpaa2_pcs_create(mac)) return err;
  }
  PhylinkMacOps ops;
  ops.mac_link_up = [net_dev](int speed, Duplex duplex) {
    note(fmt::format("{}: mac_link_up {}", net_dev->name(), speed_duplex_string(speed, duplex)));
  };
  // dpaa2_mac_select_pcs(): mac->pcs for every interface (may be NULL).
  ops.mac_select_pcs = [mac](phy_interface_t) { return core::ErrOr<PhylinkPcs*>{mac->pcs, 0}; };
  auto r = phylink_create(net_dev, nullptr, mac->fw_node, mac->if_mode, std::move(ops));
  int err = r.err;
  if (!r.ok()) goto err_pcs_destroy;
  mac->phylink = r.value;
  net_dev->phylink = r.value;
  rtnl_lock();
  err = phylink_fwnode_phy_connect(mac->phylink, mac->fw_node, 0);
  rtnl_unlock();
  if (err) {
    note(fmt::format("{}: phylink_fwnode_phy_connect() = {}", netdev_label(net_dev), err));
    goto err_phylink_destroy;
  }
  return 0;

err_phylink_destroy:
  phylink_destroy(mac->phylink);
  mac->phylink = nullptr;
  net_dev->phylink = nullptr;
err_pcs_destroy:
  dpaa2_pcs_destroy(mac);
  return err;
}

void dpaa2_mac_disconnect(Dpaa2Mac* mac) {
  LL_FUNC();
  rtnl_lock();
  phylink_disconnect_phy(mac->phylink);
  rtnl_unlock();
  phylink_destroy(mac->phylink);
  mac->phylink = nullptr;
  mac->net_dev->phylink = nullptr;
  dpaa2_pcs_destroy(mac);
}

void dpaa2_mac_start(Dpaa2Mac* mac) {
  ASSERT_RTNL();
  phylink_start(mac->phylink);
}

void dpaa2_mac_stop(Dpaa2Mac* mac) {
  ASSERT_RTNL();
  phylink_stop(mac->phylink);
}

}  // namespace lifeline::net
