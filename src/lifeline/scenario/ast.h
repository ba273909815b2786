// SPDX-License-Identifier: GPL-2.0-only
// The scenario language's syntax tree: what the parser hands to the runner.
//
// Every name the user wrote (a device, an interface, a module, a driver, a
// bus, a knob) is kept as written, with its position, because resolving it
// needs a board and happens in the runner; the runner reports an unknown name
// at the place it was written.
//
// Equality is about meaning, not position: two Names are equal when their
// text is, and two Commands when their bodies are, so a parsed scenario
// compares equal to the one its printed form parses back to.
#ifndef LIFELINE_SCENARIO_AST_H_
#define LIFELINE_SCENARIO_AST_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "lifeline/net/link_mode.h"
#include "lifeline/sim/finding.h"
#include "lifeline/sim/time.h"

namespace lifeline::scenario {

// 1-based line and column (in bytes) in the scenario file; {0, 0} for
// something the user did not write (the implicit boot).
struct Loc {
  int line = 0;
  int column = 0;
  bool operator==(const Loc&) const = default;
};

struct Name {
  std::string text;
  Loc loc;
  bool operator==(const Name& other) const { return text == other.text; }
};

struct SpeedDuplex {
  int speed = 0;  // Mb/s, > 0
  net::Duplex duplex = net::DUPLEX_FULL;
  bool operator==(const SpeedDuplex&) const = default;
};

// ---- Board configuration: only before the board boots ----

// set KNOB VALUE; both are checked against net::knob_table().
struct SetKnob {
  Name knob;
  Name value;
  bool operator==(const SetKnob&) const = default;
};

enum class ModuleMode : uint8_t {
  kBuiltin,  // in the kernel image: its drivers register before any probe
  kLate,     // loaded from the rootfs `time` after boot starts
  kAbsent,   // never loaded unless the scenario says `modprobe`
};

// module NAME builtin | late TIME | absent
struct ModuleCmd {
  Name module;
  ModuleMode mode = ModuleMode::kBuiltin;
  sim::Time time = 0;  // kLate only
  bool operator==(const ModuleCmd&) const = default;
};

// phy-id DEV 0xAAAABBBB: the ID the PHY answers in registers 2 and 3, a board
// profile fact that a device tree does not always give.
struct PhyId {
  Name dev;
  uint32_t id = 0;
  bool operator==(const PhyId&) const = default;
};

// mac-facts DEV NAME: the MAC at DEV follows NAME, the ethtool, ndo_stop and
// remove() facts of another real driver (net::mac_facts_variants(): a driver
// no bundled board has, or one before a fix), a board fact like phy-id.
struct MacFacts {
  Name dev;
  Name variant;
  bool operator==(const MacFacts&) const = default;
};

// boot. Exactly one per Scenario: the parser adds it before the first action
// when the file does not say it (Scenario::explicit_boot is then false and
// its Command has Loc{}).
struct Boot {
  bool operator==(const Boot&) const = default;
};

// ---- Driver lifecycle ----

// unbind DEV [DRIVER] [bus BUS], or echo DEV > /sys/bus/BUS/drivers/DRV/unbind.
// A driver or bus, when given, is what the user believes DEV is bound to; as
// in sysfs, the write fails (-ENODEV) when it is not.
struct Unbind {
  Name dev;
  std::optional<Name> driver;
  std::optional<Name> bus;
  bool operator==(const Unbind&) const = default;
};

// bind DEV [DRIVER] [bus BUS], or echo DEV > /sys/bus/BUS/drivers/DRV/bind.
// Without a driver: whichever driver matches, as a device_attach() would.
struct Bind {
  Name dev;
  std::optional<Name> driver;
  std::optional<Name> bus;
  bool operator==(const Bind&) const = default;
};

// rmmod NAME, or modprobe -r NAME.
struct Rmmod {
  Name module;
  bool operator==(const Rmmod&) const = default;
};

struct Modprobe {
  Name module;
  bool operator==(const Modprobe&) const = default;
};

// ---- Network configuration ----

// ip link set [dev] IF up|down
struct LinkSet {
  Name iface;
  bool up = false;
  bool operator==(const LinkSet&) const = default;
};

// advertise 0xMASK | MODE... ; `names` keeps the modes as written (empty for
// a hex mask), `modes` is the mask either way.
struct Advertise {
  net::LinkModes modes;
  std::vector<Name> names;
  bool operator==(const Advertise&) const = default;
};

// ethtool -s IF [speed N] [duplex half|full] [autoneg on|off] [advertise ...]
// in any order, at least one. These are one request in the kernel
// (ETHTOOL_MSG_LINKMODES_SET, ->set_link_ksettings), hence one node.
struct EthtoolSettings {
  Name iface;
  std::optional<int> speed;  // Mb/s, > 0
  std::optional<net::Duplex> duplex;
  std::optional<bool> autoneg;
  std::optional<Advertise> advertise;
  bool operator==(const EthtoolSettings&) const = default;
};

// Wake-on-LAN flags: the WAKE_* bits of include/uapi/linux/ethtool.h, written
// as ethtool's letters.
inline constexpr uint32_t kWakePhy = 1 << 0;          // p
inline constexpr uint32_t kWakeUcast = 1 << 1;        // u
inline constexpr uint32_t kWakeMcast = 1 << 2;        // m
inline constexpr uint32_t kWakeBcast = 1 << 3;        // b
inline constexpr uint32_t kWakeArp = 1 << 4;          // a
inline constexpr uint32_t kWakeMagic = 1 << 5;        // g
inline constexpr uint32_t kWakeMagicSecure = 1 << 6;  // s

// ethtool -s IF wol FLAGS; flags == 0 is `wol d` (disable). A separate
// kernel request (->set_wol) from the link settings, so a separate node.
struct EthtoolWol {
  Name iface;
  uint32_t flags = 0;
  bool operator==(const EthtoolWol&) const = default;
};

// The ethtool get requests: `ethtool IF` (ETHTOOL_MSG_LINKMODES_GET and
// LINKSTATE_GET), `ethtool --show-eee IF`, `ethtool -i IF` (the driver
// info) and `ethtool --show-pause IF` (-a). Each is one ethtool_ops call.
// The PSE requests go through netdev->phydev->psec instead (PSE_GET,
// PSE_SET): `ethtool --show-pse IF` and `ethtool --set-pse IF
// podl-pse-admin-control|c33-pse-admin-control enable|disable`, which runs
// the same way (a process of its own, under rtnl).
enum class EthtoolQuery : uint8_t {
  kLinkSettings,
  kEee,
  kDriverInfo,
  kPause,
  kModule,
  kPse,
  kSetPse
};

struct EthtoolGet {
  EthtoolQuery query = EthtoolQuery::kLinkSettings;
  Name iface;
  // kSetPse: which admin control ("podl-pse-admin-control" or
  // "c33-pse-admin-control") and the value.
  std::string pse_control{};
  bool pse_enable = false;
  bool operator==(const EthtoolGet&) const = default;
};

// ---- The physical world ----

// cable IF|DEV plug [SPEED/DUPLEX] | unplug. `target` names an interface or
// the device whose port the cable is in (a PHY, a MAC, a DSA port).
// `partner`: the link partner advertises only this mode; nullopt means it
// advertises everything it can.
struct Cable {
  Name target;
  bool plug = false;
  std::optional<SpeedDuplex> partner;
  bool operator==(const Cable&) const = default;
};

enum class SfpAction : uint8_t { kInsert, kRemove, kLos, kTxFault };

// sfp CAGE insert PROFILE | remove | los on|off | tx-fault on|off
struct Sfp {
  Name cage;
  SfpAction action = SfpAction::kRemove;
  std::optional<Name> profile;  // kInsert: a module profile name, resolved by the runner
  bool on = false;              // kLos, kTxFault: the signal asserted
  bool operator==(const Sfp&) const = default;
};

// ---- Time ----

// wait DURATION: let virtual time pass.
struct Wait {
  sim::Time duration = 0;
  bool operator==(const Wait&) const = default;
};

// settle: run until nothing is runnable and nothing is pending.
struct Settle {
  bool operator==(const Settle&) const = default;
};

// ---- Checks ----

struct ExpectCarrier {
  Name iface;
  bool on = false;
  bool operator==(const ExpectCarrier&) const = default;
};

// expect link IF SPEED/DUPLEX | up | down; `mode` only when up with a speed.
struct ExpectLink {
  Name iface;
  bool up = false;
  std::optional<SpeedDuplex> mode;
  bool operator==(const ExpectLink&) const = default;
};

struct ExpectBound {
  Name dev;
  std::optional<Name> driver;  // any driver when absent
  bool operator==(const ExpectBound&) const = default;
};

struct ExpectUnbound {
  Name dev;
  bool operator==(const ExpectUnbound&) const = default;
};

struct ExpectNetdev {
  Name iface;
  bool present = false;
  bool operator==(const ExpectNetdev&) const = default;
};

// expect phy IF DEV|none: which PHY netdev->phydev (or phylink) has attached.
struct ExpectPhy {
  Name iface;
  std::optional<Name> phy;  // nullopt: none attached
  bool operator==(const ExpectPhy&) const = default;
};

// expect finding none  -> {nullopt, false}: no finding of any kind so far
// expect finding KIND  -> {KIND, true}: at least one finding of KIND so far
// expect no-finding KIND -> {KIND, false}
struct ExpectFinding {
  std::optional<sim::FindingKind> kind;
  bool present = false;
  bool operator==(const ExpectFinding&) const = default;
};

// expect sfp CAGE module|state|device STATE, expect sfp CAGE bus
// registered|unregistered|released, expect sfp CAGE phys N,
// expect sfp CAGE module-path "STATE ...": the cage driver's state machines
// (their kernel names: waitdev, link_up, ...), its bus (released: freed
// exactly once so far, as the kref reaching 0 once), how many module PHYs
// it has registered in this run, and the module states it went through.
enum class SfpField : uint8_t { kModule, kState, kDevice, kBus, kPhys, kModulePath };
struct ExpectSfp {
  Name cage;
  SfpField field = SfpField::kModule;
  std::string value;
  bool operator==(const ExpectSfp&) const = default;
};

// expect probe-storm DEV probes N cycles M: what fwnode_mdio's PSE coupling
// cost the MDIO bus that DEV's driver registers (DEV: the MDIO bus driver's
// device, or its node) before the first PSE controller module loaded (to
// now, while none has): DEV's probe attempts (really_probe()) and the PHYs
// created and destroyed on the bus (phy_device_remove()).
struct ExpectProbeStorm {
  Name dev;
  uint64_t probes = 0;
  uint64_t cycles = 0;
  bool operator==(const ExpectProbeStorm&) const = default;
};

struct Command;

// expect fail [ERRNO] COMMAND: the command must fail at run time (with that
// errno, when one is given), as `! COMMAND` would in a shell script. Without
// it, a command that fails stops the run. COMMAND is an action that returns
// an error: unbind, bind, rmmod, modprobe, ip link set, ethtool.
struct ExpectFail {
  int err = 0;  // positive errno value (EINVAL); 0 for any error
  std::shared_ptr<const Command> command;
  bool operator==(const ExpectFail& other) const;
};

using Check = std::variant<ExpectCarrier, ExpectLink, ExpectBound, ExpectUnbound, ExpectNetdev,
                           ExpectPhy, ExpectFinding, ExpectFail, ExpectSfp, ExpectProbeStorm>;

struct Expect {
  Check check;
  bool operator==(const Expect&) const = default;
};

// ---- Concurrency ----

// One task of a `concurrently` block: a single line, or a `thread` ... `end`
// block whose lines run in order. `loc` is the line's or the `thread`'s.
struct Thread {
  Loc loc;
  bool block = false;  // written as thread ... end
  std::vector<Command> commands;
  bool operator==(const Thread& other) const;
};

// concurrently ... end: every thread starts at the same virtual time. Inner
// commands are never SetKnob, ModuleCmd, PhyId, MacFacts, Boot, Settle or
// Concurrently.
struct Concurrently {
  std::vector<Thread> threads;
  bool operator==(const Concurrently&) const = default;
};

using Body = std::variant<SetKnob, ModuleCmd, PhyId, MacFacts, Boot, Unbind, Bind, Rmmod, Modprobe,
                          LinkSet, EthtoolSettings, EthtoolWol, EthtoolGet, Cable, Sfp, Wait,
                          Settle, Concurrently, Expect>;

struct Command {
  Loc loc;           // of its first word
  std::string text;  // the source line without its comment, trimmed ("boot" when implicit)
  Body body;
  bool operator==(const Command& other) const { return body == other.body; }
};

inline bool ExpectFail::operator==(const ExpectFail& other) const {
  if (err != other.err || !command != !other.command) return false;
  return !command || *command == *other.command;
}

inline bool Thread::operator==(const Thread& other) const {
  return block == other.block && commands == other.commands;
}

struct Scenario {
  std::string file;
  // Configuration (SetKnob, ModuleCmd, PhyId, MacFacts), then the one Boot,
  // then actions.
  std::vector<Command> commands;
  bool explicit_boot = false;
  size_t boot_index = 0;  // commands[boot_index] is the Boot
};

// True when `Visitor` can be called with every alternative of `Variant`
// (Body, Check). The visitors over commands have one overload per
// alternative and no template or `auto` fallback, and say
// static_assert(visits_every_alternative<...>): a command added to Body that
// one of them does not handle then fails to compile, naming the visitor.
template <class Visitor, class... Ts>
constexpr bool visits_every_alternative_of(const std::variant<Ts...>*) {
  return (std::is_invocable_v<Visitor, const Ts&> && ...);
}
template <class Visitor, class Variant>
inline constexpr bool visits_every_alternative =
    visits_every_alternative_of<Visitor>(static_cast<const Variant*>(nullptr));

// True for the commands that configure the board and must precede the boot.
bool is_configuration(const Body& body);

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_AST_H_
