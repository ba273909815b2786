// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/ethtool_get.h"

#include <fmt/format.h>

#include <cstring>
#include <memory>

#include "lifeline/core/errno.h"
#include "lifeline/net/ethtool.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/pse/ethtool_pse.h"
#include "lifeline/net/sfp/sfp_ethtool.h"
#include "lifeline/sim/completion.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::scenario {

namespace {

std::string on_off(bool b) { return b ? "on" : "off"; }

// ethtool(8)'s "Speed:" and "Duplex:" lines.
std::string speed_text(int speed) {
  return speed > 0 ? fmt::format("{}Mb/s", speed) : std::string("Unknown!");
}
std::string duplex_text(net::Duplex d) {
  return d == net::DUPLEX_FULL ? "Full" : d == net::DUPLEX_HALF ? "Half" : "Unknown!";
}

std::string modes_text(net::LinkModes m) {
  m &= net::speed_link_modes();
  return m.any() ? net::link_modes_string(m) : std::string("Not reported");
}

// The request, in the ethtool task; the output line on success.
int query(EthtoolQuery q, net::NetDevice* nd, std::string* out) {
  const std::string& ifname = nd->name();
  switch (q) {
    case EthtoolQuery::kLinkSettings: {
      net::EthtoolLinkKsettings ks;
      int err = net::ethtool_get_link_ksettings(nd, &ks);
      if (!err)
        *out = fmt::format(
            "Settings for {}: Speed: {}, Duplex: {}, Auto-negotiation: {}, Link detected: {}",
            ifname, speed_text(ks.speed), duplex_text(ks.duplex),
            on_off(ks.autoneg == net::AUTONEG_ENABLE), ks.link ? "yes" : "no");
      return err;
    }
    case EthtoolQuery::kEee: {
      net::EthtoolKeee e;
      int err = net::ethtool_get_eee(nd, &e);
      if (!err) {
        std::string status = e.supported.none() ? "not supported"
                             : !e.eee_enabled
                                 ? "disabled"
                                 : (e.eee_active ? "enabled - active" : "enabled - inactive");
        *out = fmt::format(
            "EEE settings for {}: EEE status: {}, Supported EEE link modes: {}, Advertised EEE "
            "link modes: {}, Link partner advertised EEE link modes: {}",
            ifname, status, modes_text(e.supported), modes_text(e.advertised),
            modes_text(e.lp_advertised));
      }
      return err;
    }
    case EthtoolQuery::kDriverInfo: {
      net::EthtoolDrvinfo d;
      int err = net::ethtool_get_drvinfo(nd, &d);
      if (!err) *out = fmt::format("driver: {}, bus-info: {}", d.driver, d.bus_info);
      return err;
    }
    case EthtoolQuery::kModule: {
      std::string info;
      int err = net::ethtool_get_module_eeprom(nd, &info);
      if (!err) *out = "Module EEPROM of " + ifname + ": " + info;
      return err;
    }
    case EthtoolQuery::kPse:
    case EthtoolQuery::kSetPse:
      return -EINVAL;  // run_ethtool_pse()
    default: {
      net::EthtoolPauseparam p;
      int err = net::ethtool_get_pauseparam(nd, &p);
      if (!err)
        *out = fmt::format("Pause parameters for {}: Autonegotiate: {}, RX: {}, TX: {}", ifname,
                           on_off(p.autoneg), on_off(p.rx_pause), on_off(p.tx_pause));
      return err;
    }
  }
}

}  // namespace

namespace {

// The PSE requests, in the ethtool task: ethtool(8)'s --show-pse lines, or
// nothing for --set-pse (the kernel sends no reply). `extack` is the
// kernel's message on failure.
int query_pse(const EthtoolGet& q, net::NetDevice* nd, std::string* out, std::string* extack) {
  if (q.query == EthtoolQuery::kSetPse) {
    net::PseControlConfig config;
    uint8_t v = q.pse_enable ? net::PSE_ADMIN_STATE_ENABLED : net::PSE_ADMIN_STATE_DISABLED;
    if (q.pse_control == "c33-pse-admin-control")
      config.c33_admin_control = v;
    else
      config.podl_admin_control = v;
    return net::ethtool_set_pse(nd, config, extack);
  }
  net::PseControlStatus st;
  int err = net::ethtool_get_pse(nd, &st, extack);
  if (err) return err;
  std::string s = "PSE attributes for " + nd->name() + ":";
  if (st.podl_admin_state)
    s += " PoDL PSE Admin State: " + net::pse_admin_state_name(st.podl_admin_state) + ",";
  if (st.podl_pw_status)
    s += " PoDL PSE Power Detection Status: " + net::pse_pw_status_name(st.podl_pw_status) + ",";
  if (st.c33_admin_state)
    s += " Clause 33 PSE Admin State: " + net::pse_admin_state_name(st.c33_admin_state) + ",";
  if (st.c33_pw_status)
    s +=
        " Clause 33 PSE Power Detection Status: " + net::pse_pw_status_name(st.c33_pw_status) + ",";
  if (s.back() == ',') s.pop_back();
  *out = s;
  return 0;
}

}  // namespace

EthtoolGetResult run_ethtool_get(const EthtoolGet& q, net::NetDevice* nd) {
  // ethtool -i asks through the ioctl (ETHTOOL_GDRVINFO), the others through
  // netlink; the error lines are theirs.
  auto failure = [&](int err) {
    std::string why = std::strerror(-err);
    return EthtoolGetResult{err, q.query == EthtoolQuery::kDriverInfo
                                     ? "Cannot get driver information: " + why
                                     : "netlink error: " + why};
  };
  if (!nd) return failure(-ENODEV);
  auto done = std::make_shared<sim::Completion>();
  sim::init_completion(done.get(), "ethtool");
  auto err = std::make_shared<int>(0);
  auto returned = std::make_shared<bool>(false);  // false: an oops killed the process
  auto out = std::make_shared<std::string>();
  auto extack = std::make_shared<std::string>();
  bool pse = q.query == EthtoolQuery::kPse || q.query == EthtoolQuery::kSetPse;
  sim::Task* task =
      sim::Engine::current().spawn("ethtool", [q, pse, nd, err, returned, out, extack] {
        *err = pse ? query_pse(q, nd, out.get(), extack.get()) : query(q.query, nd, out.get());
        *returned = true;
      });
  task->on_exit = [done] { sim::complete(done.get()); };
  done->completers.push_back(task);
  sim::wait_for_completion(done.get());
  if (!*returned) return EthtoolGetResult{-EFAULT, "Segmentation fault: ethtool died of an oops"};
  if (*err) {
    EthtoolGetResult r = failure(*err);
    if (!extack->empty()) r.message = "netlink error: " + *extack + ": " + std::strerror(-*err);
    return r;
  }
  if (!out->empty()) sim::note(*out);
  return {};
}

}  // namespace lifeline::scenario
