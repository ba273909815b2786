// SPDX-License-Identifier: GPL-2.0-only
// After drivers/net/pse-pd/pse_core.c (v6.12). The design hooks
// (net/designs/pse.h) are marked "design:"; everything else is v6.12.
#include "lifeline/net/pse/pse_core.h"

#include <fmt/format.h>

#include <algorithm>

#include "lifeline/core/device.h"
#include "lifeline/core/devres.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/module.h"
#include "lifeline/net/designs/pse.h"
#include "lifeline/net/net.h"
#include "lifeline/net/pse/pse_state.h"
#include "lifeline/net/pse/regulator.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

namespace {

using sim::note;

PseState& S() { return pse_state(); }

// A pointer field read out of `obj` after it may have been freed: the access
// is checked (KASAN), and with init_on_free the freed memory reads as zeros.
template <class T, class O>
T* read_field(const sim::Ptr<O>& obj, T* value, const char* what) {
  O* o = obj.at(what);
  if (o->freed() && Net::current().config.init_on_free) return nullptr;
  return value;
}

PseControllerDev* pcdev_of(PseControl* psec) {
  return sim::Ptr<PseControl>(psec).at("psec->pcdev")->pcdev.get();
}

// pcdev->pi[id], as __pse_control_release() and the ethtool helpers read
// it: through pcdev (which the driver may have devm-freed) and the table
// (which pse_release_pis() kfree'd).
PsePi& pi_of(PseControllerDev* pcdev, unsigned id, const char* what) {
  sim::Ptr<PseControllerDev> p(pcdev);
  PsePiTable* table = read_field(p, pcdev->pi.get(), "pcdev->pi");
  if (!table) sim::null_deref(what);
  sim::check_access(table, what);
  return table->pi[id];
}

// pse_release_pis(): drops the node references and frees the table.
void pse_release_pis(PseControllerDev* pcdev) {
  if (PsePiTable* t = pcdev->pi.get()) sim::kfree(t);
}

// of_load_pse_pis(): the table of nr_lines PIs; without a "pse-pis" child
// the controller's own node stands for its lines (no_of_pse_pi).
int of_load_pse_pis(PseControllerDev* pcdev) {
  const core::FwNode* np = pcdev->dev->fwnode;
  if (!np) return -ENODEV;
  pcdev->pi = sim::kzalloc<PsePiTable>(pcdev->dev->name(), pcdev->nr_lines);
  const core::FwNode* pis = np->child_by_name("pse-pis");
  if (!pis) {
    pcdev->no_of_pse_pi = true;
    return 0;
  }
  for (const core::FwNode* node : pis->children) {
    if (node->base_name() != "pse-pi") continue;
    std::optional<uint32_t> id = node->read_u32("reg");
    int ret = 0;
    if (!id) {
      note(pcdev->dev->name() + ": can't get reg property for node '" + node->full_path + "'");
      ret = -EINVAL;
    } else if (*id >= pcdev->nr_lines) {
      note(fmt::format("{}: reg value ({}) is out of range ({}) ({})", pcdev->dev->name(), *id,
                       pcdev->nr_lines, node->full_path));
      ret = -EINVAL;
    } else if (pcdev->pi->pi[*id].np) {
      note(pcdev->dev->name() + ": other node with same reg value was already registered. " +
           node->full_path);
      ret = -EINVAL;
    }
    if (ret) {
      pse_release_pis(pcdev);
      return ret;
    }
    pcdev->pi->pi[*id].np = node;
  }
  return 0;
}

// The regulator ops of a PI (pse_pi_is_enabled(), pse_pi_enable(),
// pse_pi_disable()): the driver's op under pcdev->lock, and the PI's admin
// state in pcdev->pi[id].
int pse_pi_is_enabled(RegulatorDev* rdev) {
  auto* pcdev = static_cast<PseControllerDev*>(rdev_get_drvdata(rdev));
  sim::Ptr<PseControllerDev> p(pcdev);
  const PseControllerOps* ops = p.at("pcdev->ops")->ops;
  if (!ops->pi_is_enabled) return -EOPNOTSUPP;
  sim::mutex_lock(&pcdev->lock);
  int ret = ops->pi_is_enabled(pcdev, rdev_get_id(rdev));
  sim::mutex_unlock(&pcdev->lock);
  return ret;
}

int pse_pi_set(RegulatorDev* rdev, bool enable) {
  auto* pcdev = static_cast<PseControllerDev*>(rdev_get_drvdata(rdev));
  sim::Ptr<PseControllerDev> p(pcdev);
  const PseControllerOps* ops = p.at("pcdev->ops")->ops;
  auto op = enable ? ops->pi_enable : ops->pi_disable;
  if (!op) return -EOPNOTSUPP;
  int id = rdev_get_id(rdev);
  sim::mutex_lock(&pcdev->lock);
  int ret = op(pcdev, id);
  if (!ret) pi_of(pcdev, id, "pcdev->pi[id].admin_state_enabled").admin_state_enabled = enable;
  sim::mutex_unlock(&pcdev->lock);
  return ret;
}

int pse_pi_enable(RegulatorDev* rdev) { return pse_pi_set(rdev, true); }
int pse_pi_disable(RegulatorDev* rdev) { return pse_pi_set(rdev, false); }

constexpr RegulatorOps kPsePiOps = {
    .is_enabled = pse_pi_is_enabled,
    .enable = pse_pi_enable,
    .disable = pse_pi_disable,
};

// devm_pse_pi_regulator_register(): the PI's regulator, a devres of the
// controller's device, supplied by "vpwr".
int devm_pse_pi_regulator_register(PseControllerDev* pcdev, const std::string& name, int id) {
  RegulatorDesc desc;
  desc.name = name;
  desc.id = id;
  desc.ops = &kPsePiOps;
  desc.owner = pcdev->owner;
  desc.supply_name = "vpwr";
  pcdev->pi->pi[id].rdev = devm_regulator_register(pcdev->dev, desc, pcdev);
  return 0;
}

// psec_id_xlate()
int psec_id_xlate(PseControllerDev* pcdev, const core::PhandleArgs& spec) {
  if (!pcdev->of_pse_n_cells) return 0;
  if (pcdev->of_pse_n_cells > 1 || spec.args.empty() || spec.args[0] >= pcdev->nr_lines)
    return -EINVAL;
  return static_cast<int>(spec.args[0]);
}

// of_pse_match_pi()
int of_pse_match_pi(PseControllerDev* pcdev, const core::FwNode* np) {
  for (unsigned i = 0; i < pcdev->nr_lines; ++i)
    if (pi_of(pcdev, i, "pcdev->pi[i].np").np == np) return static_cast<int>(i);
  return -EINVAL;
}

// __pse_control_release(): the last put, under pse_list_mutex. After the
// controller unbound in v6.12, psec->pcdev is freed driver data and
// pcdev->pi the table pse_release_pis() freed: these reads are the
// use-after-free.
void __pse_control_release(PseControl* psec) {
  LL_FUNC();
  sim::lockdep_assert_held(&S().pse_list_mutex);
  PseControllerDev* pcdev = psec->pcdev.get();
  if (pi_of(pcdev, psec->id, "pcdev->pi[psec->id].admin_state_enabled").admin_state_enabled)
    regulator_disable(psec->ps.get());
  // design (RFC 01): a plain regulator_put(); mainline: devm_regulator_put().
  if (auto put = pse_ops().pse_regulator_put)
    put(psec->ps.get());
  else
    devm_regulator_put(psec->ps.get());
  sim::Ptr<PseControllerDev> p(pcdev);
  core::module_put(read_field(p, pcdev->owner, "pcdev->owner"));
  // list_del(&psec->list): writes the neighbours, inside pcdev when it is
  // the only one.
  p.at("psec->list (pcdev->pse_control_head)");
  std::erase(pcdev->pse_control_head, psec);
  note("pse_control " + psec->name() + ": released");
  sim::kfree(psec);
}

// pse_control_get_internal(), under pse_list_mutex.
PseControl* pse_control_get_internal(PseControllerDev* pcdev, unsigned index, int* err) {
  sim::lockdep_assert_held(&S().pse_list_mutex);
  for (PseControl* psec : pcdev->pse_control_head)
    if (psec->id == index) {
      sim::kref_get(&psec->refcnt);
      return psec;
    }
  auto* psec = sim::kzalloc<PseControl>(fmt::format("{}:{}", pcdev->dev->name(), index));
  if (!core::try_module_get(pcdev->owner)) {
    sim::kfree(psec);
    *err = -ENODEV;
    return nullptr;
  }
  const std::string& name = rdev_get_name(pi_of(pcdev, index, "pcdev->pi[index].rdev").rdev);
  int e = 0;
  // design (RFC 01): a plain get, scoped to the kref.
  Regulator* ps = pse_ops().pse_regulator_get ? pse_ops().pse_regulator_get(pcdev->dev, name, &e)
                                              : devm_regulator_get_exclusive(pcdev->dev, name, &e);
  if (!ps) {
    core::module_put(pcdev->owner);
    sim::kfree(psec);
    *err = e;
    return nullptr;
  }
  psec->ps = ps;
  int ret = regulator_is_enabled(ps);
  if (ret < 0) {
    if (pse_ops().pse_regulator_put)
      pse_ops().pse_regulator_put(ps);
    else
      devm_regulator_put(ps);
    core::module_put(pcdev->owner);
    sim::kfree(psec);
    *err = ret;
    return nullptr;
  }
  pcdev->pi->pi[index].admin_state_enabled = ret != 0;
  psec->pcdev = pcdev;
  pcdev->pse_control_head.push_back(psec);
  psec->id = index;
  sim::kref_init(&psec->refcnt, psec);
  return psec;
}

}  // namespace

PseState::PseState() : sim::Object("pse_state", "net") {
  sim::mutex_init(&pse_list_mutex, "pse_list_mutex");
  sim::mutex_init(&pse_phy_mutex, "pse_phy_mutex");
}

PseState& pse_state() { return *Net::current().pse; }

void pse_state_init() { Net::current().pse = sim::kzalloc<PseState>(); }

int pse_controller_register(PseControllerDev* pcdev) {
  LL_FUNC();
  sim::mutex_init(&pcdev->lock, "&pcdev->lock");
  pcdev->pse_control_head.clear();
  if (!pcdev->nr_lines) pcdev->nr_lines = 1;
  int ret = of_load_pse_pis(pcdev);
  if (ret) return ret;
  // Register a regulator per described PI ("pse-<dev>_pi<i>").
  for (unsigned i = 0; i < pcdev->nr_lines; ++i) {
    if (!pcdev->no_of_pse_pi && !pcdev->pi->pi[i].np) continue;
    ret = devm_pse_pi_regulator_register(pcdev, fmt::format("pse-{}_pi{}", pcdev->dev->name(), i),
                                         static_cast<int>(i));
    if (ret) return ret;  // v6.12 leaks pcdev->pi here
  }
  sim::mutex_lock(&S().pse_list_mutex);
  S().pse_controller_list.insert(S().pse_controller_list.begin(), pcdev);  // list_add()
  pcdev->on_list = true;
  sim::mutex_unlock(&S().pse_list_mutex);
  note("PSE controller " + pcdev->dev->name() + ": registered");
  if (auto registered = pse_ops().pse_registered) registered(pcdev);  // design: PSE_REGISTERED
  return 0;
}

void pse_controller_unregister(PseControllerDev* pcdev) {
  LL_FUNC();
  // design: PSE_UNREGISTERED, while pcdev->pi is still there.
  if (auto going = pse_ops().pse_unregistering) going(pcdev);
  pse_release_pis(pcdev);
  sim::mutex_lock(&S().pse_list_mutex);
  std::erase(S().pse_controller_list, pcdev);
  pcdev->on_list = false;
  sim::mutex_unlock(&S().pse_list_mutex);
  note("PSE controller " + pcdev->dev->name() + ": unregistered");
}

int devm_pse_controller_register(core::Device* dev, PseControllerDev* pcdev) {
  int ret = pse_controller_register(pcdev);
  if (ret) return ret;
  core::devm_add_action(dev, "devm_pse_controller_release",
                        [pcdev] { pse_controller_unregister(pcdev); });
  return 0;
}

PseControl* of_pse_control_get(const core::FwNode* node, int* err) {
  LL_FUNC();
  if (!node) {
    *err = -EINVAL;
    return nullptr;
  }
  std::optional<core::PhandleArgs> args =
      core::parse_phandle_with_args(node, "pses", "#pse-cells", 0);
  if (!args) {
    *err = -ENOENT;
    return nullptr;
  }
  sim::mutex_lock(&S().pse_list_mutex);
  PseControllerDev* pcdev = nullptr;
  int psec_id = 0;
  for (PseControllerDev* r : S().pse_controller_list) {
    if (!r->no_of_pse_pi) {
      int ret = of_pse_match_pi(r, args->node);
      if (ret >= 0) {
        pcdev = r;
        psec_id = ret;
        break;
      }
    } else if (args->node == r->dev->fwnode) {
      pcdev = r;
      break;
    }
  }
  PseControl* psec = nullptr;
  *err = 0;
  if (!pcdev) {
    *err = -EPROBE_DEFER;
  } else if (sim::warn_on(
                 static_cast<int>(args->args.size()) != pcdev->of_pse_n_cells,
                 "WARNING: of_pse_control_get: #pse-cells mismatch for " + node->full_path)) {
    *err = -EINVAL;
  } else {
    if (pcdev->no_of_pse_pi) psec_id = psec_id_xlate(pcdev, *args);
    if (psec_id < 0)
      *err = psec_id;
    else
      psec = pse_control_get_internal(pcdev, static_cast<unsigned>(psec_id), err);
  }
  sim::mutex_unlock(&S().pse_list_mutex);
  return psec;
}

void pse_control_put(PseControl* psec) {
  if (!psec) return;
  sim::mutex_lock(&S().pse_list_mutex);
  sim::kref_put(&psec->refcnt, [psec](sim::Kref*) { __pse_control_release(psec); });
  sim::mutex_unlock(&S().pse_list_mutex);
}

int pse_ethtool_get_status(PseControl* psec, PseControlStatus* status) {
  LL_FUNC();
  PseControllerDev* pcdev = pcdev_of(psec);
  sim::Ptr<PseControllerDev> p(pcdev);
  const PseControllerOps* ops = read_field(p, pcdev->ops, "pcdev->ops");
  if (!ops) sim::null_deref("pcdev->ops->ethtool_get_status");
  if (!ops->ethtool_get_status) return -EOPNOTSUPP;
  sim::mutex_lock(&pcdev->lock);
  int err = ops->ethtool_get_status(pcdev, psec->id, status);
  sim::mutex_unlock(&pcdev->lock);
  return err;
}

bool pse_has_podl(PseControl* psec) {
  sim::Ptr<PseControllerDev> p(pcdev_of(psec));
  return p.at("psec->pcdev->types")->types & ETHTOOL_PSE_PODL;
}

bool pse_has_c33(PseControl* psec) {
  sim::Ptr<PseControllerDev> p(pcdev_of(psec));
  return p.at("psec->pcdev->types")->types & ETHTOOL_PSE_C33;
}

int pse_ethtool_set_config(PseControl* psec, const PseControlConfig& config) {
  LL_FUNC();
  // pse_ethtool_c33_set_config() / pse_ethtool_podl_set_config(): look at
  // admin_state_enabled so as not to enable or disable twice.
  auto set = [psec](uint8_t control) {
    bool enabled = pi_of(pcdev_of(psec), psec->id, "psec->pcdev->pi[psec->id]").admin_state_enabled;
    switch (control) {
      case PSE_ADMIN_STATE_ENABLED:
        return enabled ? 0 : regulator_enable(psec->ps.get());
      case PSE_ADMIN_STATE_DISABLED:
        return enabled ? regulator_disable(psec->ps.get()) : 0;
      default:
        return -EOPNOTSUPP;
    }
  };
  int err = 0;
  if (pse_has_c33(psec) && config.c33_admin_control) {
    err = set(config.c33_admin_control);
    if (err) return err;
  }
  if (pse_has_podl(psec) && config.podl_admin_control) err = set(config.podl_admin_control);
  return err;
}

PseControllerDev* pse_controller_for(const core::FwNode* phy_node) {
  std::optional<core::PhandleArgs> args =
      core::parse_phandle_with_args(phy_node, "pses", "#pse-cells", 0);
  if (!args) return nullptr;
  for (PseControllerDev* r : S().pse_controller_list) {
    if (r->no_of_pse_pi ? args->node == r->dev->fwnode
                        : std::any_of(r->pi->pi.begin(), r->pi->pi.end(),
                                      [&](const PsePi& pi) { return pi.np == args->node; }))
      return r;
  }
  return nullptr;
}

std::vector<PseControllerDev*> pse_controllers() { return S().pse_controller_list; }

}  // namespace lifeline::net
