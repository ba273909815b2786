// SPDX-License-Identifier: GPL-2.0-only
// The bundled module profiles. The EEPROM fields are those of real modules
// of each kind (vendor names are illustrative); what the kernel does with
// them is sfp_sm_mod_probe(), sfp_module_parse_power() and
// sfp_parse_support() (drivers/net/phy/sfp.c, sfp-bus.c, v6.12).
#include "lifeline/net/sfp/sfp_module.h"

namespace lifeline::net {

namespace {

constexpr uint8_t SFP_SFF8472_COMPLIANCE_REV11_4 = 0x07;

SfpEepromId fiber(bool sx, bool lx, uint8_t br, const char* pn) {
  SfpEepromId id;
  id.e1000_base_sx = sx;
  id.e1000_base_lx = lx;
  id.br_nominal = br;
  id.vendor_name = "LIFELINE";
  id.vendor_pn = pn;
  id.vendor_rev = "A";
  id.vendor_sn = "LL0001";
  id.options = SFP_OPTIONS_LOS_NORMAL | SFP_OPTIONS_TX_FAULT;
  id.diagmon = SFP_DIAGMON_DDM;
  // Soft TX_DISABLE, TX_FAULT and RX_LOS in the A2h status byte.
  id.enhopts = SFP_ENHOPTS_SOFT_TX_DISABLE | SFP_ENHOPTS_SOFT_TX_FAULT | SFP_ENHOPTS_SOFT_RX_LOS;
  id.sff8472_compliance = SFP_SFF8472_COMPLIANCE_REV10_2;
  return id;
}

const std::vector<SfpModuleProfile>& profiles() {
  static const std::vector<SfpModuleProfile> kProfiles = [] {
    std::vector<SfpModuleProfile> p;
    p.push_back({"fiber-1000base-x", "1000BASE-SX optical module, LOS and TX_FAULT wired",
                 fiber(true, false, 13, "SFP-1G-SX")});
    // 2500BASE-X modules declare 1000BASE-SX/LX codes with a 2.5 GBd rate:
    // sfp_parse_support() adds 2500baseX when br_nominal is 25..31.
    p.push_back({"fiber-2500base-x", "2.5G optical module (1000BASE-LX codes, sfp_quirk_2500basex)",
                 fiber(false, true, 31, "SFP-2.5G-LX"), 0, false, 0, 0, true});
    SfpEepromId sr = fiber(false, false, 103, "SFP-10G-SR");
    sr.e10g_base_sr = true;
    p.push_back({"fiber-10gbase-r", "10GBASE-SR optical module", sr});
    SfpEepromId dac;
    dac.sfp_ct_passive = true;
    dac.connector = 0x21;  // SFF8024_CONNECTOR_COPPER_PIGTAIL
    dac.br_nominal = 103;
    dac.vendor_name = "LIFELINE";
    dac.vendor_pn = "DAC-10G-1M";
    dac.vendor_rev = "A";
    dac.vendor_sn = "LL0002";
    p.push_back({"dac-10g", "10G passive direct attach copper cable (no LOS, no PHY)", dac});
    SfpEepromId ct;
    ct.e1000_base_t = true;
    ct.connector = 0x22;  // SFF8024_CONNECTOR_RJ45
    ct.br_nominal = 12;
    ct.vendor_name = "LIFELINE";
    ct.vendor_pn = "SFP-1G-T";
    ct.vendor_rev = "A";
    ct.vendor_sn = "LL0003";
    ct.options = 0;  // LOS not implemented: sfp_sm_link_check_los() ignores the pin
    p.push_back({"copper-1000base-t",
                 "1000BASE-T module: a Marvell 88E1111 behind the module's I2C at 0x56 (clause 22)",
                 ct, 0x01410cc0, false, 0});
    SfpEepromId t10 = ct;
    t10.e1000_base_t = false;
    t10.extended_cc = SFF8024_ECC_10GBASE_T_SFI;
    t10.br_nominal = 103;
    t10.vendor_pn = "SFP-10G-T";
    t10.options = 0;
    p.push_back({"copper-10gbase-t",
                 "10GBASE-T module: a clause 45 PHY (88X3310) behind the module's I2C, answering "
                 "after 1 s",
                 t10, 0x002b09a0, true, 1000});
    // A RollBall module: the PHY is reached through the module's 0x51
    // page 3 (mdio-i2c's RollBall protocol), and it keeps its registers
    // locked for seconds after power-up. Its vendor and part are in sfp.c's
    // quirk table (sfp_fixup_rollball_wait4s(): PHY probe every 1 s after a
    // 4 s wait); without the quirk the cage would give up after 25 tries
    // 50 ms apart.
    SfpEepromId rb = t10;
    rb.vendor_name = "FS";
    rb.vendor_pn = "SFP-10GM-T";
    rb.vendor_sn = "LL0004";
    p.push_back({"copper-10gbase-t-rollball",
                 "10GBASE-T RollBall module (FS SFP-10GM-T): its PHY over RollBall I2C, answering "
                 "8 s after power-up",
                 rb, 0x002b09a0, true, 8000});
    SfpEepromId hp = fiber(false, true, 103, "SFP-10G-LR-HP");
    hp.e10g_base_lr = true;
    hp.options |= SFP_OPTIONS_HIGH_POWER_LEVEL | SFP_OPTIONS_POWER_DECL;
    hp.sff8472_compliance = SFP_SFF8472_COMPLIANCE_REV11_4;
    p.push_back({"fiber-10gbase-lr-2w", "10GBASE-LR module declaring power level 3 (2 W)", hp});
    return p;
  }();
  return kProfiles;
}

}  // namespace

std::span<const SfpModuleProfile> sfp_module_profiles() { return profiles(); }

const SfpModuleProfile* find_sfp_module_profile(std::string_view name) {
  for (const SfpModuleProfile& p : profiles())
    if (p.name == name) return &p;
  return nullptr;
}

std::vector<std::string> sfp_module_profile_names() {
  std::vector<std::string> names;
  for (const SfpModuleProfile& p : profiles()) names.emplace_back(p.name);
  return names;
}

unsigned sfp_module_power_mW(const SfpEepromId& id) {
  unsigned power_mW = 1000;
  if (id.sff8472_compliance >= SFP_SFF8472_COMPLIANCE_REV10_2 &&
      (id.options & SFP_OPTIONS_POWER_DECL))
    power_mW = 1500;
  if (id.sff8472_compliance >= SFP_SFF8472_COMPLIANCE_REV11_4 &&
      (id.options & SFP_OPTIONS_HIGH_POWER_LEVEL))
    power_mW = 2000;
  return power_mW;
}

MdioI2cProto sfp_mdio_protocol(const SfpEepromId& id) {
  if (id.extended_cc == SFF8024_ECC_10GBASE_T_SFI || id.extended_cc == SFF8024_ECC_10GBASE_T_SR ||
      id.extended_cc == SFF8024_ECC_5GBASE_T || id.extended_cc == SFF8024_ECC_2_5GBASE_T)
    return MdioI2cProto::MDIO_I2C_C45;
  if (id.e1000_base_t) return MdioI2cProto::MDIO_I2C_MARVELL_C22;
  return MdioI2cProto::MDIO_I2C_NONE;
}

}  // namespace lifeline::net
