// SPDX-License-Identifier: GPL-2.0-only
// The fsl-mc bus of NXP Layerscape DPAA2 SoCs (drivers/bus/fsl-mc/): the
// Management Complex firmware owns the data-path objects; the kernel learns
// them from it, not from the device tree. fsl_mc_bus_probe() (the driver of
// the "fsl,qoriq-mc" node) adds the root container "dprc.1"; the DPRC driver
// then adds the container's objects (dprc_scan_container()).
//
// The model's container holds one "dpmac.<id>" per dpmac node of the tree
// (fsl_mc_dpmac_nodes()): the MACs a board's firmware layout declares are the
// ones its tree describes. Its firmware layout (the DPL) connects one
// "dpni.<n>" to each DPMAC whose node the board configures (a phy-handle,
// an sfp, a fixed-link, managed or a phy mode: fsl_mc_connected_dpmacs()),
// numbered from 0 in DPMAC order and added after the DPMACs, so that
// fsl_mc_get_endpoint() finds its DPMAC. The DPIOs, DPBPs and DPCONs a
// real layout also has are not modelled.
#ifndef LIFELINE_DT_FSL_MC_H_
#define LIFELINE_DT_FSL_MC_H_

#include <vector>

#include "lifeline/core/device.h"
#include "lifeline/core/errno.h"
#include "lifeline/dt/bus_devices.h"

namespace lifeline::dt {

// fsl_mc_bus_probe(): the root DPRC "dprc.1" on the fsl-mc bus, child of
// `mc_dev` (the platform device of the fsl-mc node); its fwnode is set to the
// node after it is added, as the kernel does (so fw_devlink ignores it).
// nullptr on failure.
FslMcDevice* fsl_mc_bus_probe(core::Device* mc_dev);
// fsl_mc_bus_remove(): removes the root DPRC (and with it its objects).
void fsl_mc_bus_remove(core::Device* mc_dev);

// The DPRC driver's probe and remove (dprc_probe()/dprc_remove()): adds
// "dpmac.<id>" objects (no fwnode, FslMcDevice::dt_node set), removes them.
int dprc_probe(core::Device* dprc);
// The DPMAC nodes the model's DPL connects to a DPNI.
std::vector<core::FwNode*> fsl_mc_connected_dpmacs(const core::FwNode& fsl_mc);
// fsl_mc_get_endpoint(): the DPMAC object connected to a DPNI, with a
// reference (put_device() it); -EPROBE_DEFER while it is not added.
core::ErrOr<FslMcDevice*> fsl_mc_get_endpoint(FslMcDevice* dpni);
void dprc_remove(core::Device* dprc);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_FSL_MC_H_
