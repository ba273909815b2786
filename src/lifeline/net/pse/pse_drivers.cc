// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/pse/pse_drivers.h"

#include <fmt/format.h>

#include "lifeline/core/dd.h"
#include "lifeline/core/device.h"
#include "lifeline/core/devres.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/module.h"
#include "lifeline/net/match_data.h"
#include "lifeline/net/pse/pse_catalog.h"
#include "lifeline/net/pse/pse_core.h"
#include "lifeline/net/pse/pse_state.h"
#include "lifeline/net/pse/regulator.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

namespace {

// ---- drivers/net/pse-pd/pse_regulator.c

// struct pse_reg_priv: devm_kzalloc()'d on the platform device, pcdev
// embedded, so that the controller's memory goes with its driver's devres.
struct PseRegPriv : PseControllerDev {
  explicit PseRegPriv(std::string name) : PseControllerDev("pse_reg_priv", std::move(name)) {}
  sim::Ptr<Regulator> ps;  // its power source, the "pse" supply
  uint8_t admin_state = PSE_ADMIN_STATE_UNKNOWN;
};

// to_pse_reg(): container_of; the driver reads priv->ps through it.
Regulator* priv_ps(PseControllerDev* pcdev) {
  sim::Ptr<PseRegPriv> priv(static_cast<PseRegPriv*>(pcdev));
  return priv.at("priv->ps")->ps.get();
}

int pse_reg_pi_enable(PseControllerDev* pcdev, int) {
  int ret = regulator_enable(priv_ps(pcdev));
  if (ret) return ret;
  static_cast<PseRegPriv*>(pcdev)->admin_state = PSE_ADMIN_STATE_ENABLED;
  return 0;
}

int pse_reg_pi_disable(PseControllerDev* pcdev, int) {
  int ret = regulator_disable(priv_ps(pcdev));
  if (ret) return ret;
  static_cast<PseRegPriv*>(pcdev)->admin_state = PSE_ADMIN_STATE_DISABLED;
  return 0;
}

int pse_reg_pi_is_enabled(PseControllerDev* pcdev, int) {
  return regulator_is_enabled(priv_ps(pcdev));
}

int pse_reg_ethtool_get_status(PseControllerDev* pcdev, unsigned long, PseControlStatus* status) {
  int ret = regulator_is_enabled(priv_ps(pcdev));
  if (ret < 0) return ret;
  status->podl_pw_status = ret ? PSE_PW_D_STATUS_DELIVERING : PSE_PW_D_STATUS_DISABLED;
  status->podl_admin_state = static_cast<PseRegPriv*>(pcdev)->admin_state;
  return 0;
}

constexpr PseControllerOps kPseRegOps = {
    .ethtool_get_status = pse_reg_ethtool_get_status,
    .pi_is_enabled = pse_reg_pi_is_enabled,
    .pi_enable = pse_reg_pi_enable,
    .pi_disable = pse_reg_pi_disable,
};

int pse_reg_probe(core::Device* dev) {
  LL_FUNC();
  auto* priv = core::devm_kzalloc<PseRegPriv>(dev, dev->name());
  if (!dev->fwnode) return -ENOENT;
  int err = 0;
  priv->ps = devm_regulator_get_exclusive(dev, "pse", &err);
  if (!priv->ps) {
    if (err == -EPROBE_DEFER)
      if (core::FwNode* np = core::parse_phandle(dev->fwnode, "pse-supply"))
        return core::dev_err_probe_wait_fwnode(dev, np, "failed to get PSE regulator.");
    return core::dev_err_probe(dev, err, "failed to get PSE regulator.");
  }
  core::dev_set_drvdata(dev, priv);
  int ret = regulator_is_enabled(priv->ps.get());
  if (ret < 0) return ret;
  priv->admin_state = ret ? PSE_ADMIN_STATE_ENABLED : PSE_ADMIN_STATE_DISABLED;
  priv->owner = dev->driver ? dev->driver->owner : nullptr;  // THIS_MODULE
  priv->ops = &kPseRegOps;
  priv->dev = dev;
  priv->types = ETHTOOL_PSE_PODL;
  ret = devm_pse_controller_register(dev, priv);
  if (ret)
    sim::note(fmt::format("{}: failed to register PSE controller ({})", dev->name(),
                          core::errno_name(ret)));
  return ret;
}

// ---- a PSE chip (tps23881, pd692x0, the default): its PIs switch as told.

struct PseChipPriv : PseControllerDev {
  explicit PseChipPriv(std::string name) : PseControllerDev("pse_chip_priv", std::move(name)) {}
  std::vector<bool> on;
};

PseChipPriv* chip(PseControllerDev* pcdev) {
  sim::Ptr<PseChipPriv> priv(static_cast<PseChipPriv*>(pcdev));
  return priv.at("priv->port");
}

int chip_pi_set(PseControllerDev* pcdev, int id, bool on) {
  PseChipPriv* p = chip(pcdev);
  if (id < 0 || static_cast<size_t>(id) >= p->on.size()) return -ERANGE;
  p->on[id] = on;
  return 0;
}
int chip_pi_enable(PseControllerDev* pcdev, int id) { return chip_pi_set(pcdev, id, true); }
int chip_pi_disable(PseControllerDev* pcdev, int id) { return chip_pi_set(pcdev, id, false); }
int chip_pi_is_enabled(PseControllerDev* pcdev, int id) {
  PseChipPriv* p = chip(pcdev);
  return id >= 0 && static_cast<size_t>(id) < p->on.size() && p->on[id] ? 1 : 0;
}
int chip_get_status(PseControllerDev* pcdev, unsigned long id, PseControlStatus* status) {
  bool on = chip_pi_is_enabled(pcdev, static_cast<int>(id)) > 0;
  status->c33_admin_state = on ? PSE_ADMIN_STATE_ENABLED : PSE_ADMIN_STATE_DISABLED;
  status->c33_pw_status = on ? PSE_PW_D_STATUS_DELIVERING : PSE_PW_D_STATUS_DISABLED;
  return 0;
}

constexpr PseControllerOps kPseChipOps = {
    .ethtool_get_status = chip_get_status,
    .pi_is_enabled = chip_pi_is_enabled,
    .pi_enable = chip_pi_enable,
    .pi_disable = chip_pi_disable,
};

int pse_chip_probe(const PseControllerInfo& info, core::Device* dev) {
  LL_FUNC();
  auto* priv = core::devm_kzalloc<PseChipPriv>(dev, dev->name());
  core::dev_set_drvdata(dev, priv);
  priv->owner = dev->driver ? dev->driver->owner : nullptr;
  priv->ops = &kPseChipOps;
  priv->dev = dev;
  priv->types = info.types;
  priv->nr_lines = info.nr_lines;
  priv->of_pse_n_cells = info.of_pse_n_cells;
  priv->on.assign(info.nr_lines ? info.nr_lines : 1, false);
  return devm_pse_controller_register(dev, priv);
}

}  // namespace

void pse_controller_driver_setup(core::Driver* drv,
                                 const std::vector<const PseControllerInfo*>& infos) {
  drv->of_match_table = of_match_table_of(infos);
  drv->probe = [infos](core::Device* dev) {
    const PseControllerInfo* info = of_device_get_match_data(dev, infos);
    return info->model == PseModel::kRegulator ? pse_reg_probe(dev) : pse_chip_probe(*info, dev);
  };
  // No remove callback: devres does it all (pse_regulator.c has none).
}

core::Module* pse_module_create(std::string name, std::vector<core::Driver*> drivers) {
  core::Module* mod = core::module_create_drivers(std::move(name), std::move(drivers));
  // module_driver()'s init registers the drivers; the load is noted first,
  // so the counts are the ones before any PSE controller could register.
  mod->init = [register_drivers = mod->init](core::Module* m) {
    pse_module_loading(m);
    return register_drivers(m);
  };
  pse_state().modules.push_back(mod);
  return mod;
}

}  // namespace lifeline::net
