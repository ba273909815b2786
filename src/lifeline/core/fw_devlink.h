// SPDX-License-Identifier: GPL-2.0-only
// fw_devlink (drivers/base/core.c): turns the fwnode links that the
// firmware layer inferred from supplier properties into device links, with
// fw_devlink=on's flags (DL_FLAG_INFERRED | DL_FLAG_AUTOPROBE_CONSUMER),
// relaxing dependency cycles, and makes a device whose supplier has no device
// yet wait ("wait for supplier <node>").
#ifndef LIFELINE_CORE_FW_DEVLINK_H_
#define LIFELINE_CORE_FW_DEVLINK_H_

#include <cstdint>

namespace lifeline::core {

class Device;
class FwNode;

inline constexpr uint32_t FW_DEVLINK_FLAGS_PERMISSIVE = (1u << 8) | (1u << 7);  // INFERRED | SYNC_STATE_ONLY
inline constexpr uint32_t FW_DEVLINK_FLAGS_ON = (1u << 8) | (1u << 5);  // INFERRED | AUTOPROBE_CONSUMER

// fw_devlink_link_device(): at device_add(), links the device to its
// consumers and suppliers that already have devices.
void fw_devlink_link_device(Device* dev);
// fwnode_links_check_suppliers(): the first supplier node this device still
// waits for (no device yet), or nullptr.
FwNode* fwnode_links_check_suppliers(FwNode* fwnode);
// At bind: drops the device's remaining supplier fwnode links and moves the
// consumers of its child nodes that will never be devices to it.
void fw_devlink_device_bound(Device* dev);
// fw_devlink_drivers_done(): at the deferred probe timeout, relaxes links to
// suppliers no driver ever matched, so their consumers may probe.
void fw_devlink_drivers_done();
// fw_devlink_unblock_consumers(): a device no driver matched after all
// drivers registered stops blocking its consumers.
void fw_devlink_unblock_consumers(Device* dev);
// fwnode_dev_initialized(): marks a node as handled without a struct device
// (an irqchip or clock initialised early): consumers are never linked to it.
void fwnode_dev_initialized(FwNode* fwnode, bool initialized);

}  // namespace lifeline::core

#endif  // LIFELINE_CORE_FW_DEVLINK_H_
