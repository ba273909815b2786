// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/phy_journal.h"

#include "lifeline/net/phy_device.h"

namespace lifeline::net {

bool PhyJournal::empty() const {
  return !autoneg && !speed && !duplex && !advertising && !wolopts && !eee_enabled &&
         !pause_autoneg && !interrupts;
}

std::string PhyJournal::describe() const {
  std::vector<std::string> parts;
  if (autoneg || speed || duplex || advertising) {
    std::string s;
    if (speed) s += "speed " + std::to_string(*speed) + " ";
    if (duplex) s += std::string("duplex ") + (*duplex == DUPLEX_FULL ? "full " : "half ");
    if (autoneg) s += std::string("autoneg ") + (*autoneg ? "on" : "off");
    if (advertising)
      s += (s.empty() ? "" : " ") + std::string("advertise ") + link_modes_string(*advertising);
    while (!s.empty() && s.back() == ' ') s.pop_back();
    parts.push_back(s);
  }
  if (wolopts) parts.push_back(*wolopts ? "wol on" : "wol d");
  if (eee_enabled) parts.push_back(*eee_enabled ? "eee on" : "eee off");
  if (pause_autoneg) parts.push_back(*pause_autoneg ? "pause autoneg on" : "pause autoneg off");
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
  return out.empty() ? "(empty)" : out;
}

void PhyJournal::replay(core::Device* provider) const { replay_to(to_phy_device(provider)); }

std::vector<std::string> PhyJournal::replay_to(PhyDevice* phydev) const {
  std::vector<std::string> done;
  if (autoneg || speed || duplex || advertising) {
    EthtoolLinkSettings cmd;
    cmd.autoneg = autoneg.value_or(phydev->autoneg);
    cmd.speed = speed.value_or(phydev->speed);
    cmd.duplex = duplex.value_or(phydev->duplex);
    if (advertising) {
      cmd.advertising = *advertising;
    } else if (cmd.autoneg == AUTONEG_ENABLE && speed && duplex) {
      // `ethtool -s speed S duplex D autoneg on` advertises exactly S/D.
      cmd.advertising = link_mode_for(*speed, *duplex);
      linkmode_set_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, cmd.advertising);
    }
    if (phy_ethtool_ksettings_set(phydev, cmd) == 0) done.push_back("link settings");
  }
  if (wolopts && phy_ethtool_set_wol(phydev, *wolopts) == 0) done.push_back("wol");
  if (eee_enabled) {
    phydev->eee_enabled = *eee_enabled;
    done.push_back("eee");
  }
  return done;
}

}  // namespace lifeline::net
