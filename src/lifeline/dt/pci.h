// SPDX-License-Identifier: GPL-2.0-only
// The PCI core's device side for device-tree host bridges
// (drivers/pci/probe.c, bus.c, remove.c, controller/pci-host-common.c): a
// host controller's driver registers a host bridge, enumerates the functions
// below it and hands them to drivers; unbinding it removes them all.
//
// A device tree cannot say which functions the hardware has, only which it
// describes: the model enumerates the described ones (pci_function_nodes()).
// Functions the tree leaves out (a root port of a DesignWare controller, the
// device in a slot) are not modelled.
#ifndef LIFELINE_DT_PCI_H_
#define LIFELINE_DT_PCI_H_

#include <string>

#include "lifeline/core/device.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/dt/bus_devices.h"

namespace lifeline::dt {

// of_pci_bus_find_domain_nr(): "linux,pci-domain" if the host node has one
// (-EBUSY if taken); otherwise the lowest number not taken dynamically and
// not any node's linux,pci-domain (reserved on the first call).
int pci_bus_find_domain_nr(const core::FwNode* host_node);
void pci_bus_release_domain_nr(const core::FwNode* host_node, int domain);

// "0000:00:00.5": pci_setup_device()'s name.
std::string pci_dev_name(int domain, int bus, uint8_t devfn);

// A host controller driver's probe (pci_host_probe()): registers the host
// bridge "pci<domain %04x>:<bus %02x>" (root bus number from "bus-range",
// 0 without one) as a child of `host_dev`, scans the functions
// (pci_function_nodes(); a bridge's secondary bus is the next free number,
// depth first, as pci_scan_bridge_extend() assigns them), registers each
// one (pci_device_add()), then lets drivers bind bus by bus
// (pci_bus_add_devices(), match_driver = node available). Returns the
// bridge, or nullptr with *err set.
PciHostBridge* pci_host_probe(core::Device* host_dev, int* err = nullptr);

// pci_host_common_remove(): pci_stop_root_bus() (unbinds every function,
// the last one first, a bridge's children before it), pci_remove_root_bus()
// (unregisters them), then the host bridge; frees the domain number.
void pci_host_remove(core::Device* host_dev);

// The PCI function with the given name below any host, or nullptr.
PciDev* pci_find_dev(const std::string& name);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_PCI_H_
