// SPDX-License-Identifier: GPL-2.0-only
// The fsl_dpaa2_eth driver (drivers/net/ethernet/freescale/dpaa2/
// dpaa2-eth.c, v6.12): it binds DPNI objects of the fsl-mc bus, one netdev
// each, named eth%d in probe order (alloc_etherdev_mq()); a DPNI connected
// to a DPMAC gets a dpaa2_mac with phylink (dpaa2_eth_connect_mac()).
#ifndef LIFELINE_NET_DPAA2_DPAA2_ETH_H_
#define LIFELINE_NET_DPAA2_DPAA2_ETH_H_

namespace lifeline::dt {
class DtDriver;
}

namespace lifeline::net {

struct MacInfo;

// Makes `drv` the fsl_dpaa2_eth driver: DPNI objects, probe, remove.
void dpaa2_eth_driver_setup(dt::DtDriver* drv, const MacInfo* info);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_DPAA2_DPAA2_ETH_H_
