// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/dpaa2/dpaa2_eth.h"

#include <fmt/format.h>

#include "lifeline/core/device.h"
#include "lifeline/core/driver.h"
#include "lifeline/dt/fsl_mc.h"
#include "lifeline/net/dpaa2/dpaa2_mac.h"
#include "lifeline/net/ethtool.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phylink.h"
#include "lifeline/net/rtnl.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

namespace {

using sim::note;

struct Dpaa2EthPriv : sim::Object {
  Dpaa2EthPriv() : sim::Object("dpaa2_eth_priv", "") {}
  NetDevice* net_dev = nullptr;
  Dpaa2Mac* mac = nullptr;  // published under priv->mac_lock in the kernel
  NetDeviceOps ops;
  EthtoolOps ethtool_ops;
};

Dpaa2EthPriv* priv_of(NetDevice* nd) { return static_cast<Dpaa2EthPriv*>(nd->priv); }
bool dpaa2_eth_is_type_phy(const Dpaa2EthPriv* priv) { return dpaa2_mac_is_type_phy(priv->mac); }

// dpaa2_eth_connect_mac(): the DPMAC the firmware connected, and for a PHY
// or backplane link, dpaa2_mac_connect().
int dpaa2_eth_connect_mac(Dpaa2EthPriv* priv, dt::FslMcDevice* dpni) {
  LL_FUNC();
  core::ErrOr<dt::FslMcDevice*> ep = dt::fsl_mc_get_endpoint(dpni);
  if (ep.err == -EPROBE_DEFER) return ep.err;  // "waiting for mac"
  if (!ep.ok()) return 0;                      // no MAC: a DPNI to another object
  auto* mac = sim::kzalloc<Dpaa2Mac>();
  mac->mc_dev = ep.value;
  mac->net_dev = priv->net_dev;
  mac->set_name(ep.value->name());
  int err = dpaa2_mac_open(mac);
  if (!err && dpaa2_mac_is_type_phy(mac)) {
    err = dpaa2_mac_connect(mac);
    if (err && err != -EPROBE_DEFER)
      note(fmt::format("{}: Error connecting to the MAC endpoint: {}", netdev_label(priv->net_dev),
                       core::errno_name(err)));
  }
  if (err) {
    sim::kfree(mac);
    core::put_device(ep.value);
    return err;
  }
  priv->mac = mac;
  return 0;
}

void dpaa2_eth_disconnect_mac(Dpaa2EthPriv* priv) {
  LL_FUNC();
  Dpaa2Mac* mac = priv->mac;
  if (!mac) return;
  if (dpaa2_eth_is_type_phy(priv)) dpaa2_mac_disconnect(mac);
  priv->mac = nullptr;
  // dpaa2_mac_close(): the DPMAC's reference goes.
  core::put_device(mac->mc_dev);
  sim::kfree(mac);
}

int dpaa2_eth_open(NetDevice* nd) {
  LL_FUNC();
  Dpaa2EthPriv* priv = priv_of(nd);
  if (dpaa2_eth_is_type_phy(priv)) {
    dpaa2_mac_start(priv->mac);
  } else {
    // The firmware's link state (dpaa2_eth_link_state_update()): a fixed
    // link, or no MAC, is up as soon as the DPNI is enabled.
    netif_carrier_on(nd);
  }
  return 0;
}

int dpaa2_eth_stop(NetDevice* nd) {
  LL_FUNC();
  Dpaa2EthPriv* priv = priv_of(nd);
  if (dpaa2_eth_is_type_phy(priv))
    dpaa2_mac_stop(priv->mac);
  else
    netif_carrier_off(nd);
  return 0;
}

int dpaa2_eth_probe(dt::FslMcDevice* dpni) {
  LL_FUNC();
  NetDevice* net_dev = alloc_etherdev();
  net_dev->parent = dpni;  // SET_NETDEV_DEV()
  // The kernel gives the netdev no node; the model records its DPMAC's so
  // that a scenario can name the interface by it (&dpmac7).
  if (dpni->endpoint) net_dev->of_node = dpni->endpoint->dt_node;
  auto* priv = sim::kzalloc<Dpaa2EthPriv>();
  priv->net_dev = net_dev;
  net_dev->priv = priv;
  priv->ops.ndo_open = dpaa2_eth_open;
  priv->ops.ndo_stop = dpaa2_eth_stop;
  priv->ops.set_link_ksettings = [](NetDevice* nd, const EthtoolLinkSettings& cmd) {
    Dpaa2EthPriv* p = priv_of(nd);
    return dpaa2_eth_is_type_phy(p) ? phylink_ethtool_ksettings_set(p->mac->phylink, cmd)
                                    : -ENOTSUPP;
  };
  priv->ops.set_wol = [](NetDevice*, uint32_t) { return -EOPNOTSUPP; };
  // dpaa2-ethtool.c: through phylink when a DPMAC of type PHY is connected.
  priv->ethtool_ops.get_link_ksettings = [](NetDevice* nd, EthtoolLinkKsettings* cmd) {
    Dpaa2EthPriv* p = priv_of(nd);
    return dpaa2_eth_is_type_phy(p) ? phylink_ethtool_ksettings_get(p->mac->phylink, cmd) : 0;
  };
  priv->ethtool_ops.get_pauseparam = [](NetDevice* nd, EthtoolPauseparam* pause) {
    Dpaa2EthPriv* p = priv_of(nd);
    if (dpaa2_eth_is_type_phy(p)) phylink_ethtool_get_pauseparam(p->mac->phylink, pause);
  };
  priv->ethtool_ops.get_drvinfo = [](NetDevice*, EthtoolDrvinfo* d) {
    d->driver = "fsl_dpaa2_eth";
  };
  net_dev->netdev_ops = &priv->ops;
  net_dev->ethtool_ops = &priv->ethtool_ops;
  core::dev_set_drvdata(dpni, net_dev);
  int err = dpaa2_eth_connect_mac(priv, dpni);
  if (err) goto err_connect_mac;
  err = register_netdev(net_dev);
  if (err) goto err_netdev_reg;
  return 0;

err_netdev_reg:
  dpaa2_eth_disconnect_mac(priv);
err_connect_mac:
  core::dev_set_drvdata(dpni, nullptr);
  free_netdev(net_dev);
  sim::kfree(priv);
  return err;
}

void dpaa2_eth_remove(dt::FslMcDevice* dpni) {
  LL_FUNC();
  auto* net_dev = core::dev_get_drvdata<NetDevice>(dpni);
  if (!net_dev) return;
  Dpaa2EthPriv* priv = priv_of(net_dev);
  unregister_netdev(net_dev);
  dpaa2_eth_disconnect_mac(priv);
  core::dev_set_drvdata(dpni, nullptr);
  free_netdev(net_dev);
  sim::kfree(priv);
}

}  // namespace

void dpaa2_eth_driver_setup(dt::DtDriver* drv, const MacInfo*) {
  // dpaa2_eth_match_id_table: "dpni".
  drv->fsl_mc_types = {"dpni"};
  drv->probe = [](core::Device* d) { return dpaa2_eth_probe(dt::to_fsl_mc_device(d)); };
  drv->remove = [](core::Device* d) { dpaa2_eth_remove(dt::to_fsl_mc_device(d)); };
}

}  // namespace lifeline::net
