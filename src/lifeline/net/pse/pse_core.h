// SPDX-License-Identifier: GPL-2.0-only
// The pse-pd core (drivers/net/pse-pd/pse_core.c, include/linux/pse-pd/pse.h,
// v6.12): PSE controllers registered on a global list under pse_list_mutex,
// one PSE PI (and one regulator) per line, and the pse_control handles PHYs
// hold. Every pointer the kernel follows is a model pointer: pcdev->pi is a
// kcalloc'd table that pse_controller_unregister() frees, a driver's pcdev is
// devm-allocated, so a pse_control that outlives its controller reads freed
// memory where the kernel does (__pse_control_release(),
// pse_ethtool_get_status()) and the finding is a use-after-free of that
// memory.
//
// The pse knob (net/designs/pse.h) changes what happens around it: who looks
// the controller up, and whether consumers are told it goes away.
#ifndef LIFELINE_NET_PSE_PSE_CORE_H_
#define LIFELINE_NET_PSE_PSE_CORE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "lifeline/sim/kref.h"
#include "lifeline/sim/mutex.h"
#include "lifeline/sim/object.h"

namespace lifeline::core {
class Device;
class FwNode;
class Module;
}  // namespace lifeline::core

namespace lifeline::net {

class PhyDevice;
struct Regulator;
struct RegulatorDev;

// enum ethtool_pse_types
inline constexpr uint32_t ETHTOOL_PSE_PODL = 1u << 0;
inline constexpr uint32_t ETHTOOL_PSE_C33 = 1u << 1;

// enum ethtool_podl_pse_admin_state / ethtool_c33_pse_admin_state
enum PseAdminState : uint8_t {
  PSE_ADMIN_STATE_UNKNOWN = 1,
  PSE_ADMIN_STATE_DISABLED,
  PSE_ADMIN_STATE_ENABLED,
};
// enum ethtool_podl_pse_pw_d_status / ethtool_c33_pse_pw_d_status, reduced
enum PsePwDStatus : uint8_t {
  PSE_PW_D_STATUS_UNKNOWN = 1,
  PSE_PW_D_STATUS_DISABLED,
  PSE_PW_D_STATUS_SEARCHING,
  PSE_PW_D_STATUS_DELIVERING,
};

// struct pse_control_status, reduced.
struct PseControlStatus {
  uint8_t podl_admin_state = 0;
  uint8_t podl_pw_status = 0;
  uint8_t c33_admin_state = 0;
  uint8_t c33_pw_status = 0;
};

// struct pse_control_config.
struct PseControlConfig {
  uint8_t podl_admin_control = 0;
  uint8_t c33_admin_control = 0;
};

// struct pse_pi: the PSE Power Interface of one line.
struct PsePi {
  const core::FwNode* np = nullptr;  // its "pse-pi" node
  RegulatorDev* rdev = nullptr;
  bool admin_state_enabled = false;
};

// pcdev->pi: kcalloc(nr_lines, sizeof(struct pse_pi)).
struct PsePiTable : sim::Object {
  explicit PsePiTable(std::string name, unsigned n)
      : sim::Object("pse_pi[]", std::move(name)), pi(n) {}
  std::vector<PsePi> pi;
};

struct PseControllerDev;

// struct pse_controller_ops.
struct PseControllerOps {
  int (*ethtool_get_status)(PseControllerDev* pcdev, unsigned long id,
                            PseControlStatus* status) = nullptr;
  int (*pi_is_enabled)(PseControllerDev* pcdev, int id) = nullptr;
  int (*pi_enable)(PseControllerDev* pcdev, int id) = nullptr;
  int (*pi_disable)(PseControllerDev* pcdev, int id) = nullptr;
};

struct PseControl;

// struct pse_controller_dev. A driver embeds it in its private data (the
// model object a driver allocates derives from it: `kind` names that).
struct PseControllerDev : sim::Object {
  PseControllerDev(const char* kind, std::string name) : sim::Object(kind, std::move(name)) {}
  const PseControllerOps* ops = nullptr;
  core::Module* owner = nullptr;
  core::Device* dev = nullptr;
  int of_pse_n_cells = 0;
  unsigned nr_lines = 0;
  sim::Mutex lock;
  uint32_t types = 0;
  sim::Ptr<PsePiTable> pi;
  bool no_of_pse_pi = false;
  std::vector<PseControl*> pse_control_head;
  bool on_list = false;  // on pse_controller_list (list_add() .. list_del())
};

// struct pse_control.
struct PseControl : sim::Object {
  explicit PseControl(std::string name) : sim::Object("pse_control", std::move(name)) {}
  sim::Ptr<PseControllerDev> pcdev;
  sim::Ptr<Regulator> ps;
  unsigned id = 0;
  sim::Kref refcnt;
  // The PHY it was handed to (the RFC's phy core records it; v6.12 does not
  // have the field, the model keeps it for reports only).
  PhyDevice* attached_phydev = nullptr;
};

// pse_controller_register() / pse_controller_unregister() and the devm form
// (its devres entry added after a successful register, so that at unbind it
// runs before the PI regulators' devres).
int pse_controller_register(PseControllerDev* pcdev);
void pse_controller_unregister(PseControllerDev* pcdev);
int devm_pse_controller_register(core::Device* dev, PseControllerDev* pcdev);

// of_pse_control_get(): the control `node`'s "pses" names. *err: -ENOENT
// without "pses", -EPROBE_DEFER while no registered controller serves it,
// -EINVAL on a cell-count mismatch (a WARN), -ENODEV when the controller's
// module is going away; nullptr then.
PseControl* of_pse_control_get(const core::FwNode* node, int* err);
// pse_control_put(): NULL ignored; the last put releases the control
// (__pse_control_release(), under pse_list_mutex).
void pse_control_put(PseControl* psec);

int pse_ethtool_get_status(PseControl* psec, PseControlStatus* status);
int pse_ethtool_set_config(PseControl* psec, const PseControlConfig& config);
bool pse_has_podl(PseControl* psec);
bool pse_has_c33(PseControl* psec);

// The registered controller (on pse_controller_list) that serves the
// "pses" of `phy_node`, or nullptr: for the invariant and the reports.
PseControllerDev* pse_controller_for(const core::FwNode* phy_node);
// The registered controllers, newest first (the list's order).
std::vector<PseControllerDev*> pse_controllers();

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PSE_PSE_CORE_H_
