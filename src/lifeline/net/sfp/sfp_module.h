// SPDX-License-Identifier: GPL-2.0-only
// SFP modules as data: a module is the image of its EEPROM (the fields of
// struct sfp_eeprom_id, include/linux/sfp.h, that the kernel reads) plus
// what it does physically (a PHY behind its I2C at 0x56, how long it takes
// to answer). `sfp CAGE insert PROFILE` puts one into a cage.
#ifndef LIFELINE_NET_SFP_SFP_MODULE_H_
#define LIFELINE_NET_SFP_SFP_MODULE_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lifeline::net {

// SFF-8472 / include/linux/sfp.h constants the model reads.
inline constexpr uint8_t SFF8024_ID_SFP = 0x03;
inline constexpr uint8_t SFF8024_ECC_10GBASE_T_SFI = 0x16;
inline constexpr uint8_t SFF8024_ECC_10GBASE_T_SR = 0x1c;
inline constexpr uint8_t SFF8024_ECC_5GBASE_T = 0x1d;
inline constexpr uint8_t SFF8024_ECC_2_5GBASE_T = 0x1e;
inline constexpr uint8_t SFF8024_CONNECTOR_RJ45 = 0x22;
inline constexpr uint16_t SFP_OPTIONS_HIGH_POWER_LEVEL = 1u << 13;
inline constexpr uint16_t SFP_OPTIONS_POWER_DECL = 1u << 9;
inline constexpr uint16_t SFP_OPTIONS_TX_FAULT = 1u << 3;
inline constexpr uint16_t SFP_OPTIONS_LOS_INVERTED = 1u << 2;
inline constexpr uint16_t SFP_OPTIONS_LOS_NORMAL = 1u << 1;
inline constexpr uint8_t SFP_SFF8472_COMPLIANCE_NONE = 0;
inline constexpr uint8_t SFP_SFF8472_COMPLIANCE_REV10_2 = 0x03;
inline constexpr uint8_t SFP_DIAGMON_DDM = 1u << 6;
inline constexpr uint8_t SFP_DIAGMON_ADDRMODE = 1u << 2;
// Byte 93: what the module reports and obeys in its A2h status byte (110)
// in place of the cage's pins.
inline constexpr uint8_t SFP_ENHOPTS_SOFT_TX_DISABLE = 1u << 6;
inline constexpr uint8_t SFP_ENHOPTS_SOFT_TX_FAULT = 1u << 5;
inline constexpr uint8_t SFP_ENHOPTS_SOFT_RX_LOS = 1u << 4;

// struct sfp_eeprom_id: base (A0h bytes 0-63) and ext (64-95), the fields
// sfp_parse_support(), sfp_sm_mod_probe() and ethtool -m read.
struct SfpEepromId {
  uint8_t phys_id = SFF8024_ID_SFP;
  // Transceiver compliance codes (bytes 3-10) the model parses.
  bool e10g_base_sr = false, e10g_base_lr = false;
  bool e1000_base_sx = false, e1000_base_lx = false, e1000_base_t = false;
  bool sfp_ct_passive = false;  // direct attach copper (DAC)
  uint8_t connector = 0x07;     // SFF8024_CONNECTOR_LC
  uint8_t br_nominal = 0;       // in units of 100 MBd
  std::string vendor_name;      // 16 bytes, space padded
  std::string vendor_pn;
  std::string vendor_rev;
  uint8_t extended_cc = 0;  // byte 36
  // ext
  uint16_t options = 0;  // bytes 64-65
  uint8_t diagmon = 0;   // byte 92
  uint8_t enhopts = 0;   // byte 93
  uint8_t sff8472_compliance = SFP_SFF8472_COMPLIANCE_NONE;
  std::string vendor_sn;
};

enum class MdioI2cProto : uint8_t {
  MDIO_I2C_NONE,
  MDIO_I2C_MARVELL_C22,
  MDIO_I2C_C45,
  MDIO_I2C_ROLLBALL
};

struct SfpModuleProfile {
  std::string_view name;
  std::string_view description;
  SfpEepromId id;
  // The PHY behind the module's I2C (0x56, or RollBall's 0x51 page): its
  // ID, clause 45, and how long after TX_DISABLE is released it answers.
  uint32_t phy_id = 0;
  bool phy_c45 = false;
  // How long after power-up (TX_DISABLE released) the PHY answers; a
  // RollBall module's (its vendor and part are in sfp.c's quirk table)
  // reads all-ones until then.
  int64_t phy_ready_ms = 0;
  // How many EEPROM reads fail (-EAGAIN) before the module answers.
  int eeprom_slow_reads = 0;
  // sfp_quirk_2500basex: the module runs 2500BASE-X though its codes say
  // 1000BASE-X (sfp_quirks[] in sfp.c lists such modules by vendor/part).
  bool quirk_2500basex = false;
};

std::span<const SfpModuleProfile> sfp_module_profiles();
const SfpModuleProfile* find_sfp_module_profile(std::string_view name);
std::vector<std::string> sfp_module_profile_names();

// sfp_module_parse_power(): the power level the EEPROM declares, in mW.
unsigned sfp_module_power_mW(const SfpEepromId& id);
// sfp_sm_mod_probe()'s choice of how the PHY is reached, from the codes
// (a quirk may change it to RollBall afterwards).
MdioI2cProto sfp_mdio_protocol(const SfpEepromId& id);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_SFP_SFP_MODULE_H_
