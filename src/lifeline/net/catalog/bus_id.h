// SPDX-License-Identifier: GPL-2.0-only
// How the catalogs write MDIO bus ids (mii_bus->id) and device names, so that
// the model prints the same names the kernel does. A PHY on a bus is then
// named "<bus id>:<address as %02x>" (PHY_ID_FMT in include/linux/phy.h), so
// a user can name "stmmac-1:01" or "f1072004.mdio-mii:00" and find it.
//
// A format is literal text with these placeholders:
//   {dev}    dev_name() of the device that owns the bus ("f1072004.mdio",
//            "0000:00:00.3"; DT-made platform devices are named by
//            of_device_make_bus_id(): "<translated address>.<node name>")
//   {pdev}   platform_device->name: the same as {dev} for devices made from
//            DT nodes (of_device_add() sets name = dev_name()); the literal
//            name for platform devices a driver allocates itself
//   {node}   the MDIO node's name without unit address (%pOFn)
//   {path}   the MDIO node's full path (%pOF)
//   {addr}   start of the controller's first MMIO resource, printed by %pa:
//            "0x" and 16 hex digits on 64-bit ("0x0000000001afc000")
//   {reg:x}  the "reg" of an MDIO mux's child bus node, in hex
//   {tree}   {index}  a DSA switch's tree index (dst->index) and its index in
//            the tree (ds->index), in decimal
//   {}       a number, in decimal; {:x} the same number in hex as the kernel's
//            %x prints an int: -1 comes out as "ffffffff"
// BusIdNumber says where {} / {:x} come from.
#ifndef LIFELINE_NET_CATALOG_BUS_ID_H_
#define LIFELINE_NET_CATALOG_BUS_ID_H_

namespace lifeline::net {

enum class BusIdNumber : unsigned char {
  kNone,  // the format has no {} / {:x}
  // platform_device->id: -1 (PLATFORM_DEVID_NONE) for devices made from DT
  // nodes, so macb's "%s-%x" gives "f0028000.ethernet-ffffffff".
  kPlatformDeviceId,
  // of_alias_get_id(MAC node, "eth"), which is -19 (-ENODEV) when the board
  // has no "ethN" alias: GENET names its unimac-mdio child "unimac-mdio.-19"
  // and the bus "unimac-mdio--19" on a Raspberry Pi 4 ("ethernet0" is not
  // an "eth" alias).
  kEthAliasOrErrno,
  // stmmac_probe_config_dt(): of_alias_get_id(np, "ethernet"); without one, a
  // driver-global counter that starts one past the highest "ethernetN" alias
  // (at 0 when there is none) and counts up per device.
  kEthernetAliasOrNext,
  // fec_probe(): a driver-global count of probed FEC devices (0-based, so
  // probe order decides it, not aliases), plus one.
  kProbeCounterPlusOne,
  // A driver-global counter, 0-based, bumped on every registration attempt,
  // so a probe that defers and retries gets a new number.
  kDriverCounter,
  // mdio-gpio: of_alias_get_id(np, "mdio-gpio"), 0 without such an alias.
  kMdioGpioAliasOrZero,
};

}  // namespace lifeline::net

#endif  // LIFELINE_NET_CATALOG_BUS_ID_H_
