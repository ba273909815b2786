// SPDX-License-Identifier: GPL-2.0-only
// Tests for the driver catalogs. The coverage tests read the bundled boards
// themselves (through `dtc -O dts`, which resolves the &label overrides and
// /delete-node/ of the preprocessed files into one plain tree), find every
// enabled MAC, MDIO bus, PHY and DSA switch, and check that the catalogs know
// each one, so a board added later, or a catalog entry dropped, fails here.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "lifeline/net/catalog/dsa_catalog.h"
#include "lifeline/net/catalog/mac_catalog.h"
#include "lifeline/net/catalog/mdio_catalog.h"
#include "lifeline/net/catalog/phy_catalog.h"

namespace lifeline::net {
namespace {

// ---------------------------------------------------------------------------
// A small reader for dtc's normalized dts output: one node or property per
// line, so a line scanner is enough.

struct Node {
  std::string name;  // with unit address
  std::string path;
  std::map<std::string, std::string> props;  // raw value text, "" for booleans
  std::vector<std::unique_ptr<Node>> children;
  Node* parent = nullptr;

  std::string base_name() const { return name.substr(0, name.find('@')); }
  bool has(const std::string& prop) const { return props.count(prop) != 0; }
  const Node* child(std::string_view base) const {
    for (const auto& c : children)
      if (c->base_name() == base) return c.get();
    return nullptr;
  }
};

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> strings_of(const std::string& value) {
  std::vector<std::string> out;
  size_t i = 0;
  while ((i = value.find('"', i)) != std::string::npos) {
    const size_t j = value.find('"', i + 1);
    if (j == std::string::npos) break;
    out.push_back(value.substr(i + 1, j - i - 1));
    i = j + 1;
  }
  return out;
}

std::vector<uint32_t> cells_of(const std::string& value) {
  std::vector<uint32_t> out;
  size_t i = 0;
  while (i < value.size()) {
    if (value[i] == '<') {
      const size_t j = value.find('>', i);
      std::string inner = value.substr(i + 1, j - i - 1);
      size_t k = 0;
      while (k < inner.size()) {
        if (std::isxdigit(static_cast<unsigned char>(inner[k]))) {
          size_t used = 0;
          out.push_back(static_cast<uint32_t>(std::stoul(inner.substr(k), &used, 0)));
          k += used;
        } else {
          ++k;
        }
      }
      i = j + 1;
    } else {
      ++i;
    }
  }
  return out;
}

struct Board {
  std::string name;
  std::unique_ptr<Node> root;
  std::map<std::string, const Node*> by_path;
};

std::optional<std::string> run_dtc(const std::string& file) {
  const std::string cmd = "dtc -q -I dts -O dts '" + file + "' 2>/dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  std::string out;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  if (pclose(pipe) != 0) return std::nullopt;
  return out;
}

void index_nodes(Board& b, const Node* n) {
  b.by_path[n->path] = n;
  for (const auto& c : n->children) index_nodes(b, c.get());
}

std::unique_ptr<Board> load_board(const std::string& name) {
  const auto text = run_dtc(std::string(LIFELINE_BOARDS_DIR) + "/" + name + ".dts");
  if (!text) return nullptr;
  auto board = std::make_unique<Board>();
  board->name = name;
  board->root = std::make_unique<Node>();
  board->root->path = "/";
  std::vector<Node*> stack;
  size_t pos = 0;
  while (pos < text->size()) {
    size_t eol = text->find('\n', pos);
    if (eol == std::string::npos) eol = text->size();
    const std::string line = trim(text->substr(pos, eol - pos));
    pos = eol + 1;
    if (line.empty() || line.rfind("/dts-v1/", 0) == 0 || line.rfind("/memreserve/", 0) == 0)
      continue;
    if (line == "/ {") {
      stack = {board->root.get()};
      continue;
    }
    if (line == "};") {
      if (!stack.empty()) stack.pop_back();
      continue;
    }
    if (line.back() == '{' && line.find('=') == std::string::npos) {
      // "label: other-label: name {"
      std::string head = trim(line.substr(0, line.size() - 1));
      const size_t colon = head.rfind(": ");
      if (colon != std::string::npos) head = trim(head.substr(colon + 1));
      Node* parent = stack.back();
      auto node = std::make_unique<Node>();
      node->name = head;
      node->parent = parent;
      node->path = (parent->path == "/" ? "" : parent->path) + "/" + head;
      stack.push_back(node.get());
      parent->children.push_back(std::move(node));
      continue;
    }
    if (line.back() == ';' && !stack.empty()) {
      const std::string body = line.substr(0, line.size() - 1);
      const size_t eq = body.find(" = ");
      if (eq == std::string::npos)
        stack.back()->props[trim(body)] = "";
      else
        stack.back()->props[trim(body.substr(0, eq))] = trim(body.substr(eq + 3));
    }
  }
  index_nodes(*board, board->root.get());
  return board;
}

constexpr std::array kBoardNames = {
    "armada-385-turris-omnia",
    "armada-388-clearfog-pro",
    "armada-8040-mcbin",
    "at91-sama5d3_ksz9477_evb",
    "bcm2711-rpi-4-b",
    "fsl-ls1028a-rdb",
    "fsl-ls1046a-rdb",
    "fsl-lx2160a-clearfog-cx",
    "imx8mp-evk",
    "k3-am642-evm",
    "mt7986a-bananapi-bpi-r3",
    "r9a06g032-rzn1d400-db",
    "stm32mp151a-prtt1c",
    "xlnx-versal-virt",
    "xlnx-versal-virt-shared-mdio",
};

const std::vector<std::unique_ptr<Board>>& boards() {
  static const auto* all = [] {
    auto* v = new std::vector<std::unique_ptr<Board>>;
    for (const char* name : kBoardNames) {
      auto b = load_board(name);
      if (b) v->push_back(std::move(b));
    }
    return v;
  }();
  return *all;
}

bool enabled(const Node* n) {
  for (; n != nullptr; n = n->parent) {
    auto it = n->props.find("status");
    if (it == n->props.end()) continue;
    const auto s = strings_of(it->second);
    if (s.empty() || (s[0] != "okay" && s[0] != "ok")) return false;
  }
  return true;
}

std::vector<std::string> compatibles(const Node* n) {
  auto it = n->props.find("compatible");
  return it == n->props.end() ? std::vector<std::string>{} : strings_of(it->second);
}

// Whether `compatible` names the board: one entry of its root compatible.
bool names_board(const Board& b, std::string_view compatible) {
  for (const std::string& c : compatibles(b.root.get()))
    if (c == compatible) return true;
  return false;
}

template <typename F>
void walk(const Node* n, F&& f) {
  f(n);
  for (const auto& c : n->children) walk(c.get(), f);
}

// ---------------------------------------------------------------------------
// Classifying the nodes of a board, the way boards/SOURCES.md counts them.

// A DSA switch: a node whose "ports"/"ethernet-ports" child holds a port with
// an "ethernet" (CPU port) property.
const Node* ports_container(const Node* n) {
  for (const char* c : {"ports", "ethernet-ports"})
    if (const Node* p = n->child(c)) return p;
  return nullptr;
}

bool is_dsa_switch(const Node* n) {
  const Node* ports = ports_container(n);
  if (ports == nullptr) return false;
  for (const auto& p : ports->children)
    if (p->has("ethernet")) return true;
  return false;
}

bool is_dsa_port(const Node* n) {
  return n->parent != nullptr && n->parent->parent != nullptr && is_dsa_switch(n->parent->parent) &&
         ports_container(n->parent->parent) == n->parent;
}

bool is_mac(const Node* n) {
  if (n->base_name().rfind("ethernet-phy", 0) == 0) return false;  // a PHY with an sfp
  if (is_dsa_port(n)) return false;
  for (const char* p :
       {"phy-mode", "phy-connection-type", "phy-handle", "phy", "sfp", "pcs-handle"})
    if (n->has(p)) return true;
  return n->child("fixed-link") != nullptr;
}

bool is_mdio(const Node* n) {
  const std::string base = n->base_name();
  if (base.size() >= 4 && base.compare(base.size() - 4, 4, "pins") == 0) return false;
  if (base.rfind("mdio", 0) == 0) return true;
  for (const auto& c : compatibles(n))
    if (c.find("mdio") != std::string::npos) return true;
  return false;
}

std::optional<uint32_t> id_from_compatible(const Node* n) {
  for (const auto& c : compatibles(n)) {
    constexpr std::string_view kPrefix = "ethernet-phy-id";
    if (c.rfind(kPrefix, 0) == 0 && c.size() == kPrefix.size() + 9 && c[kPrefix.size() + 4] == '.')
      return static_cast<uint32_t>(std::stoul(c.substr(kPrefix.size(), 4), nullptr, 16) << 16 |
                                   std::stoul(c.substr(kPrefix.size() + 5, 4), nullptr, 16));
  }
  return std::nullopt;
}

bool is_c45_node(const Node* n) {
  const auto c = compatibles(n);
  return std::find(c.begin(), c.end(), "ethernet-phy-ieee802.3-c45") != c.end();
}

std::set<uint32_t> pcs_targets(const Board& b) {
  std::set<uint32_t> out;
  walk(b.root.get(), [&](const Node* n) {
    for (const char* p : {"pcs-handle", "pcsphy-handle"}) {
      auto it = n->props.find(p);
      if (it == n->props.end()) continue;
      for (uint32_t ph : cells_of(it->second)) out.insert(ph);
    }
  });
  return out;
}

// PCS nodes that no pcs-handle names: LS1046A mEMAC1's own SGMII PCS
// ("pcsphy0"), left in place while the MAC points at the QSGMII PCS instead.
// boards/SOURCES.md counts it as PCS, not PHY.
bool unreferenced_pcs(const Board& b, const Node* n) {
  return b.name == "fsl-ls1046a-rdb" && n->path == "/soc/fman@1a00000/mdio@e1000/ethernet-phy@0";
}

// Ethernet PHY nodes that are not PCS (boards/SOURCES.md's count).
std::vector<const Node*> phy_nodes(const Board& b) {
  const auto pcs = pcs_targets(b);
  std::vector<const Node*> out;
  walk(b.root.get(), [&](const Node* n) {
    if (!enabled(n) || n->base_name() != "ethernet-phy" || n->parent == nullptr ||
        !is_mdio(n->parent) || unreferenced_pcs(b, n))
      return;
    auto ph = n->props.find("phandle");
    if (ph != n->props.end()) {
      const auto cells = cells_of(ph->second);
      if (!cells.empty() && pcs.count(cells[0])) return;
    }
    out.push_back(n);
  });
  return out;
}

// The catalog entry that drives a MAC node: its own compatible, or for a port
// child of a multi-port controller, the controller's (parent or grandparent).
struct MacMatch {
  const MacInfo* info = nullptr;
  const Node* device = nullptr;  // the node carrying the matched compatible
};

MacMatch match_mac(const Node* n) {
  int depth = 0;
  for (const Node* d = n; d != nullptr && depth < 3; d = d->parent, ++depth)
    for (const auto& c : compatibles(d))
      if (const MacInfo* m = find_mac(c)) return {m, d};
  return {};
}

const MacInfo* mac_of_node(const Node* n) {
  for (const auto& c : compatibles(n))
    if (const MacInfo* m = find_mac(c)) return m;
  return nullptr;
}

const DsaSwitchInfo* dsa_of_node(const Board& b, const Node* n) {
  for (const auto& c : compatibles(n))
    if (const DsaSwitchInfo* d = find_dsa_switch(c)) return d;
  if (compatibles(n).empty())
    if (const BoardPciId* id = find_board_pci_id(compatibles(b.root.get()), n->path))
      return find_dsa_switch(id->pci_id);
  return nullptr;
}

const MdioControllerInfo* mdio_of_node(const Node* n) {
  for (const auto& c : compatibles(n))
    if (const MdioControllerInfo* m = find_mdio_controller(c)) return m;
  return nullptr;
}

std::set<std::string> as_set(std::initializer_list<const char*> l) { return {l.begin(), l.end()}; }

class BoardsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(boards().size(), kBoardNames.size())
        << "could not read every board in " << LIFELINE_BOARDS_DIR
        << " through `dtc -I dts -O dts` (is dtc installed?)";
  }
};

// ---------------------------------------------------------------------------
// MACs

TEST_F(BoardsTest, EveryEnabledMacIsCatalogued) {
  const std::map<std::string, int> expected_count = {
      {"bcm2711-rpi-4-b", 1},
      {"imx8mp-evk", 2},
      {"armada-388-clearfog-pro", 3},
      {"armada-8040-mcbin", 4},
      {"fsl-lx2160a-clearfog-cx", 18},
      {"fsl-ls1046a-rdb", 8},
      {"fsl-ls1028a-rdb", 3},
      {"armada-385-turris-omnia", 3},
      {"at91-sama5d3_ksz9477_evb", 1},
      {"stm32mp151a-prtt1c", 1},
      {"r9a06g032-rzn1d400-db", 1},
      {"mt7986a-bananapi-bpi-r3", 2},
      {"k3-am642-evm", 3},
      {"xlnx-versal-virt", 1},
      {"xlnx-versal-virt-shared-mdio", 2},
  };
  std::set<std::string> used;
  for (const auto& b : boards()) {
    int count = 0;
    walk(b->root.get(), [&](const Node* n) {
      if (!enabled(n) || !is_mac(n)) return;
      ++count;
      const MacMatch m = match_mac(n);
      ASSERT_NE(m.info, nullptr) << b->name << ": no catalogued compatible for MAC " << n->path;
      used.insert(std::string(m.info->compatible));
      if (m.device == n) {
        EXPECT_EQ(m.info->shape, NetdevShape::kOne) << b->name << ": " << n->path;
        return;
      }
      // A port of a multi-port controller: the entry must say where ports live.
      EXPECT_EQ(m.info->shape, NetdevShape::kPerPort) << b->name << ": " << n->path;
      const Node* container = m.info->ports_container.empty() ? m.device : n->parent;
      EXPECT_EQ(n->parent, container) << n->path;
      if (!m.info->ports_container.empty()) {
        EXPECT_EQ(container->parent, m.device) << n->path;
        EXPECT_EQ(container->base_name(), m.info->ports_container) << n->path;
      }
      const auto c = compatibles(n);
      const bool by_compat = std::find(c.begin(), c.end(), m.info->port_match) != c.end();
      const bool by_name = n->base_name().rfind(std::string(m.info->port_match), 0) == 0;
      EXPECT_TRUE(m.info->port_match == "*" || by_compat || by_name)
          << n->path << " does not match port_match " << m.info->port_match;
    });
    auto it = expected_count.find(b->name);
    ASSERT_NE(it, expected_count.end()) << b->name;
    EXPECT_EQ(count, it->second) << "MAC count of " << b->name << " (boards/SOURCES.md)";
  }
  // The list found by reading the kernel's drivers, checked against the scan
  // both ways: a board MAC the list lacks, or a catalog entry no board uses.
  const auto expected = as_set({
      "brcm,bcm2711-genet-v5",
      "fsl,imx8mq-fec",
      "nxp,imx8mp-dwmac-eqos",
      "st,stm32mp1-dwmac",
      "renesas,rzn1-gmac",
      "marvell,armada-370-neta",
      "marvell,armada-7k-pp22",
      "pci1957,e100",
      "fsl,fman-memac",
      "fsl,qoriq-mc-dpmac",
      "atmel,sama5d3-gem",
      "mediatek,mt7986-eth",
      "ti,am642-cpsw-nuss",
      "ti,am642-icssg-prueth",
      "cdns,zynqmp-gem",
  });
  EXPECT_EQ(used, expected);
  std::set<std::string> catalogued;
  for (const MacInfo& m : mac_catalog()) catalogued.insert(std::string(m.compatible));
  EXPECT_EQ(catalogued, expected);
}

TEST_F(BoardsTest, MacMdioChildNodesAreWhereTheDriverLooks) {
  // A MAC that registers (or creates) its MDIO bus from a child node finds it
  // by the entry's mdio_child rule; the child is optional for most drivers
  // (fixed-link MACs, ENETC ports on another function's bus), so count them.
  std::set<std::string> found;
  for (const auto& b : boards()) {
    walk(b->root.get(), [&](const Node* n) {
      if (!enabled(n)) return;
      const MacInfo* m = mac_of_node(n);
      if (m == nullptr || m->mdio == MdioRegister::kNone) return;
      for (const auto& c : n->children) {
        const auto cs = compatibles(c.get());
        if (c->base_name() != m->mdio_child &&
            std::find(cs.begin(), cs.end(), m->mdio_child) == cs.end())
          continue;
        found.insert(c->path);
        if (m->mdio == MdioRegister::kSeparateDevice) {
          EXPECT_NE(mdio_of_node(c.get()), nullptr) << c->path << " needs its own driver";
        }
      }
    });
  }
  EXPECT_EQ(found,
            as_set({"/scb/ethernet@7d580000/mdio@e14", "/soc@0/bus@30800000/ethernet@30be0000/mdio",
                    "/soc@0/bus@30800000/ethernet@30bf0000/mdio", "/soc/ethernet@15100000/mdio-bus",
                    "/bus@f4000/ethernet@8000000/mdio@f00", "/ethernet@ff0c0000/mdio"}));
}

// ---------------------------------------------------------------------------
// MDIO

TEST_F(BoardsTest, EveryEnabledMdioBusHasARegistrar) {
  std::set<std::string> used;
  int buses = 0;
  for (const auto& b : boards()) {
    walk(b->root.get(), [&](const Node* n) {
      if (!enabled(n) || !is_mdio(n)) return;
      ++buses;
      if (const MdioControllerInfo* m = mdio_of_node(n)) {
        used.insert(std::string(m->compatible));
        return;
      }
      const Node* parent = n->parent;
      // A child bus of a catalogued mux.
      if (const MdioControllerInfo* mux = mdio_of_node(parent)) {
        EXPECT_TRUE(mux->mux) << n->path;
        return;
      }
      // A bus its MAC registers, found by name or compatible.
      if (const MacInfo* mac = mac_of_node(parent)) {
        const auto cs = compatibles(n);
        EXPECT_TRUE(n->base_name() == mac->mdio_child ||
                    std::find(cs.begin(), cs.end(), mac->mdio_child) != cs.end())
            << b->name << ": " << n->path << " is not the child " << mac->compatible << " uses";
        EXPECT_TRUE(mac->mdio == MdioRegister::kAtProbe || mac->mdio == MdioRegister::kAtNdoInit)
            << n->path;
        return;
      }
      // A bus its DSA switch registers.
      if (const DsaSwitchInfo* sw = dsa_of_node(*b, parent)) {
        EXPECT_TRUE(sw->registers_child_mdio) << n->path;
        EXPECT_EQ(n->base_name(), sw->mdio_child) << n->path;
        return;
      }
      ADD_FAILURE() << b->name << ": nothing registers MDIO bus " << n->path;
    });
  }
  EXPECT_EQ(used, as_set({"brcm,genet-mdio-v5", "marvell,orion-mdio", "marvell,xmdio",
                          "fsl,fman-memac-mdio", "pci1957,ee01", "virtual,mdio-gpio",
                          "mdio-mux-multiplexer", "ti,cpsw-mdio", "ti,davinci_mdio"}));
  EXPECT_EQ(buses, 33);  // boards/SOURCES.md's MDIO column
}

// ---------------------------------------------------------------------------
// DSA

TEST_F(BoardsTest, EveryDsaSwitchIsCatalogued) {
  std::set<std::string> used;
  int switches = 0;
  for (const auto& b : boards()) {
    walk(b->root.get(), [&](const Node* n) {
      if (!enabled(n) || !is_dsa_switch(n)) return;
      ++switches;
      const DsaSwitchInfo* sw = dsa_of_node(*b, n);
      ASSERT_NE(sw, nullptr) << b->name << ": unknown switch " << n->path;
      used.insert(std::string(sw->compatible.empty() ? sw->pci_id : sw->compatible));
      const bool has_mdio_child = !sw->mdio_child.empty() && n->child(sw->mdio_child) != nullptr;
      for (const auto& port : ports_container(n)->children) {
        if (!enabled(port.get()) || port->has("ethernet")) continue;
        if (port->has("phy-handle") || port->has("phy") || port->has("sfp") ||
            port->child("fixed-link") != nullptr)
          continue;
        // A user port with no PHY of its own: only an internal PHY on the
        // user MII bus can serve it, and a catalogued driver must bind that.
        EXPECT_TRUE(sw->internal_phys_via_user_mii_bus) << b->name << ": " << port->path;
        EXPECT_FALSE(has_mdio_child) << port->path;
        EXPECT_FALSE(sw->user_mii_bus_id.empty()) << port->path;
        EXPECT_NE(find_phy_driver(sw->internal_phy_id), nullptr) << port->path;
      }
    });
  }
  EXPECT_EQ(switches, 7);
  EXPECT_EQ(used, as_set({"marvell,mv88e6085", "microchip,ksz9477", "nxp,sja1105q",
                          "renesas,rzn1-a5psw", "mediatek,mt7531", "pci1957,eef0"}));
}

TEST(DsaCatalog, LookupByCompatibleAndPciId) {
  ASSERT_NE(find_dsa_switch("marvell,mv88e6085"), nullptr);
  EXPECT_EQ(find_dsa_switch("marvell,mv88e6085")->driver, "mv88e6085");
  const DsaSwitchInfo* felix = find_dsa_switch("pci1957,eef0");
  ASSERT_NE(felix, nullptr);
  EXPECT_EQ(felix->driver, "mscc_felix");
  EXPECT_TRUE(felix->compatible.empty());
  EXPECT_EQ(find_dsa_switch(""), nullptr);  // an empty compatible must not hit felix
  EXPECT_EQ(find_dsa_switch("renesas,r9a06g032-a5psw"), nullptr);
  EXPECT_NE(find_dsa_switch("renesas,rzn1-a5psw"), nullptr);
  const std::vector<std::string> rdb = {"fsl,ls1028a-rdb", "fsl,ls1028a"};
  EXPECT_EQ(find_board_pci_id(rdb, "/soc/pcie@1f0000000/ethernet-switch@0,5")->pci_id,
            "pci1957,eef0");
  EXPECT_EQ(find_board_pci_id(rdb, "/nope"), nullptr);
  // Keyed by the board's root compatible, not by a file name.
  const std::vector<std::string> by_file_name = {"fsl-ls1028a-rdb"};
  EXPECT_EQ(find_board_pci_id(by_file_name, "/soc/pcie@1f0000000/ethernet-switch@0,5"), nullptr);
}

TEST_F(BoardsTest, BoardPciIdsNameNodesWithoutCompatible) {
  for (const BoardPciId& id : board_pci_ids()) {
    auto it = std::find_if(boards().begin(), boards().end(),
                           [&](const auto& b) { return names_board(*b, id.compatible); });
    ASSERT_NE(it, boards().end()) << id.compatible;
    auto node = (*it)->by_path.find(std::string(id.node_path));
    ASSERT_NE(node, (*it)->by_path.end()) << id.node_path;
    EXPECT_TRUE(compatibles(node->second).empty()) << id.node_path;
    EXPECT_FALSE(id.source.empty());
  }
}

// ---------------------------------------------------------------------------
// PHYs

// PHYs whose chip could not be established from the DT, the kernel tree or
// vendor material; the model binds genphy to them and says so.
const std::set<std::pair<std::string, std::string>>& undetermined_phys() {
  static const std::set<std::pair<std::string, std::string>> s = {
      {"fsl-ls1046a-rdb", "/soc/fman@1a00000/mdio@fc000/ethernet-phy@1"},
      {"fsl-ls1046a-rdb", "/soc/fman@1a00000/mdio@fc000/ethernet-phy@2"},
      {"k3-am642-evm", "/bus@f4000/icssg@30080000/mdio@32400/ethernet-phy@f"},
      {"k3-am642-evm", "/mdio-mux-1/mdio@1/ethernet-phy@3"},
      {"r9a06g032-rzn1d400-db", "/soc/switch@44050000/mdio/ethernet-phy@4"},
      {"r9a06g032-rzn1d400-db", "/soc/switch@44050000/mdio/ethernet-phy@5"},
  };
  return s;
}

TEST_F(BoardsTest, EveryBoardPhyHasAnIdOrIsListedAsUnknown) {
  const std::map<std::string, int> expected_count = {
      {"bcm2711-rpi-4-b", 1},
      {"imx8mp-evk", 2},
      {"armada-388-clearfog-pro", 1},
      {"armada-8040-mcbin", 3},
      {"fsl-lx2160a-clearfog-cx", 1},
      {"fsl-ls1046a-rdb", 5},
      {"fsl-ls1028a-rdb", 5},
      {"armada-385-turris-omnia", 1},
      {"at91-sama5d3_ksz9477_evb", 0},
      {"stm32mp151a-prtt1c", 4},
      {"r9a06g032-rzn1d400-db", 2},
      {"mt7986a-bananapi-bpi-r3", 0},
      {"k3-am642-evm", 3},
      {"xlnx-versal-virt", 1},
      {"xlnx-versal-virt-shared-mdio", 1},
  };
  std::set<std::pair<std::string, std::string>> unknown_seen;
  for (const auto& b : boards()) {
    const auto phys = phy_nodes(*b);
    EXPECT_EQ(static_cast<int>(phys.size()), expected_count.at(b->name))
        << "PHY count of " << b->name << " (boards/SOURCES.md)";
    for (const Node* n : phys) {
      const BoardPhyId* entry = find_board_phy_id(compatibles(b->root.get()), n->path);
      if (auto id = id_from_compatible(n)) {
        // The DT states the ID: no board entry may contradict it, and a
        // catalogued driver must bind it.
        EXPECT_EQ(entry, nullptr) << n->path;
        EXPECT_NE(find_phy_driver(*id), nullptr) << n->path;
        continue;
      }
      if (entry == nullptr) {
        EXPECT_TRUE(undetermined_phys().count({b->name, n->path}))
            << b->name << ": PHY " << n->path << " has neither a board entry nor a listing";
        unknown_seen.insert({b->name, n->path});
        continue;
      }
      const PhyDriverInfo* drv = find_phy_driver(entry->phy_id);
      ASSERT_NE(drv, nullptr) << n->path;
      EXPECT_EQ(drv->c45, is_c45_node(n)) << n->path << " binds " << drv->name;
    }
  }
  EXPECT_EQ(unknown_seen, undetermined_phys());
}

TEST_F(BoardsTest, BoardPhyEntriesNameRealPhyNodes) {
  std::set<std::pair<std::string_view, std::string_view>> seen;
  for (const BoardPhyId& e : board_phy_ids()) {
    EXPECT_TRUE(seen.insert({e.compatible, e.node_path}).second) << "duplicate " << e.node_path;
    auto it = std::find_if(boards().begin(), boards().end(),
                           [&](const auto& b) { return names_board(*b, e.compatible); });
    ASSERT_NE(it, boards().end()) << "no bundled board is compatible with " << e.compatible;
    const auto phys = phy_nodes(**it);
    const bool found = std::any_of(phys.begin(), phys.end(),
                                   [&](const Node* n) { return n->path == e.node_path; });
    EXPECT_TRUE(found) << e.compatible << ": " << e.node_path << " is not an enabled PHY node";
    EXPECT_FALSE(e.part.empty());
    EXPECT_FALSE(e.source.empty()) << e.node_path;
  }
}

TEST(PhyCatalog, MatchesLikePhyBusMatch) {
  auto name = [](uint32_t id) -> std::string_view {
    const PhyDriverInfo* d = find_phy_driver(id);
    return d ? d->name : "";
  };
  EXPECT_EQ(name(0x600d84a2), "Broadcom BCM54210E");  // RPi 4's BCM54213PE
  EXPECT_EQ(name(0x01410dd1), "Marvell 88E1510");     // revision nibble masked
  EXPECT_EQ(name(0x01410ddf), "Marvell 88E1510");
  EXPECT_EQ(name(0x01410eb1), "Marvell 88E1540");
  EXPECT_EQ(name(0x001cc916), "RTL8211F Gigabit Ethernet");
  EXPECT_EQ(name(0x001cc917), "");  // PHY_ID_MATCH_EXACT
  EXPECT_EQ(name(0x004dd072), "Qualcomm Atheros AR8035");
  EXPECT_EQ(name(0x004dd074), "Qualcomm Atheros AR8031/AR8033");
  EXPECT_EQ(name(0x20000181), "TI DP83TD510E");
  EXPECT_EQ(name(0x2000018f), "TI DP83TD510E");
  EXPECT_EQ(name(0x2000a231), "TI DP83867");
  EXPECT_EQ(name(0xff221622),
            "Micrel KSZ9031 Gigabit PHY");  // MICREL_PHY_ID_MASK ignores the top byte
  EXPECT_EQ(name(0x00221631), "Microchip KSZ9477");
  EXPECT_EQ(name(0x03a29441), "MediaTek MT7531 PHY");
  EXPECT_EQ(name(0x002b09aa), "mv88x3310");
  EXPECT_EQ(name(0x0000000), "");
  EXPECT_EQ(name(0xffffffff), "");  // genphy never matches by ID
}

TEST(PhyCatalog, MostSpecificMaskWins) {
  constexpr std::array<int, 1> kSpeeds = {1000};
  const std::array<PhyDriverInfo, 2> model_first = {
      PhyDriverInfo{"model", 0x12345670, 0xfffffff0, "m", false, false, false, kSpeeds, "s"},
      PhyDriverInfo{"exact", 0x12345678, 0xffffffff, "m", false, false, false, kSpeeds, "s"},
  };
  const std::array<PhyDriverInfo, 2> exact_first = {model_first[1], model_first[0]};
  for (const auto& table : {model_first, exact_first}) {
    ASSERT_NE(match_phy_driver(table, 0x12345678), nullptr);
    EXPECT_EQ(match_phy_driver(table, 0x12345678)->name, "exact");
    ASSERT_NE(match_phy_driver(table, 0x12345679), nullptr);
    EXPECT_EQ(match_phy_driver(table, 0x12345679)->name, "model");
    EXPECT_EQ(match_phy_driver(table, 0x12345688), nullptr);
  }
}

TEST(PhyCatalog, GenericDrivers) {
  EXPECT_EQ(genphy_driver_info(false).name, "Generic PHY");
  EXPECT_FALSE(genphy_driver_info(false).c45);
  EXPECT_EQ(genphy_driver_info(true).name, "Generic Clause 45 PHY");
  EXPECT_TRUE(genphy_driver_info(true).c45);
  EXPECT_EQ(genphy_driver_info(true).module, "libphy");
}

TEST(PhyCatalog, EntriesAreWellFormed) {
  std::set<std::string_view> names;
  for (const PhyDriverInfo& d : phy_driver_catalog()) {
    EXPECT_TRUE(names.insert(d.name).second) << "duplicate " << d.name;
    EXPECT_FALSE(d.module.empty()) << d.name;
    EXPECT_THAT(std::string(d.source), ::testing::HasSubstr("drivers/net/phy/")) << d.name;
    ASSERT_FALSE(d.speeds.empty()) << d.name;
    EXPECT_TRUE(std::is_sorted(d.speeds.begin(), d.speeds.end(), std::greater<>())) << d.name;
    // No entry may be shadowed by another for its own ID (the kernel's
    // phy_id may carry bits outside its mask, e.g. DP83867_PHY_ID 0x2000a231).
    if (d.phy_id != 0xffffffff) {
      EXPECT_EQ(find_phy_driver(d.phy_id), &d) << d.name;
    }
  }
  // The drivers the brief names, by .ko: at803x is not qcom-at803x in v6.12.
  std::set<std::string_view> modules;
  for (const PhyDriverInfo& d : phy_driver_catalog()) modules.insert(d.module);
  for (const char* m : {"broadcom", "realtek", "marvell", "marvell10g", "micrel", "dp83867",
                        "dp83869", "dp83td510", "at803x", "mscc", "aquantia", "mtk-ge", "libphy"})
    EXPECT_TRUE(modules.count(m)) << m;
  for (const BoardPhyId& e : board_phy_ids())
    EXPECT_NE(find_phy_driver(e.phy_id), nullptr) << e.node_path;
}

// ---------------------------------------------------------------------------
// Well-formedness of the tables

bool format_ok(std::string_view fmt, BusIdNumber number) {
  static const std::set<std::string_view> kPlaceholders = {"{dev}",  "{pdev}",  "{node}", "{path}",
                                                           "{addr}", "{reg:x}", "{tree}", "{index}",
                                                           "{}",     "{:x}"};
  bool has_number = false;
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] == '}') return false;
    if (fmt[i] != '{') continue;
    const size_t j = fmt.find('}', i);
    if (j == std::string_view::npos) return false;
    const std::string_view ph = fmt.substr(i, j - i + 1);
    if (!kPlaceholders.count(ph)) return false;
    if (ph == "{}" || ph == "{:x}") has_number = true;
    i = j;
  }
  return has_number == (number != BusIdNumber::kNone);
}

bool lsmod_name(std::string_view m) { return !m.empty() && m.find('-') == std::string_view::npos; }

TEST(MacCatalog, EntriesAreWellFormed) {
  std::set<std::string_view> seen;
  for (const MacInfo& m : mac_catalog()) {
    EXPECT_TRUE(seen.insert(m.compatible).second) << "duplicate " << m.compatible;
    EXPECT_EQ(find_mac(m.compatible), &m);
    EXPECT_FALSE(m.driver.empty()) << m.compatible;
    EXPECT_TRUE(lsmod_name(m.module)) << m.compatible << ": " << m.module;
    EXPECT_THAT(std::string(m.source), ::testing::HasSubstr("drivers/net/ethernet/"))
        << m.compatible;
    EXPECT_FALSE(m.pcs.empty()) << m.compatible;
    EXPECT_EQ(m.shape == NetdevShape::kPerPort, !m.port_match.empty()) << m.compatible;
    EXPECT_EQ(m.mdio == MdioRegister::kNone, m.mdio_child.empty()) << m.compatible;
    if (m.mdio == MdioRegister::kAtProbe || m.mdio == MdioRegister::kAtNdoInit) {
      EXPECT_FALSE(m.mdio_bus_id.empty()) << m.compatible;
    }
    if (m.mdio != MdioRegister::kSeparateDevice) {
      EXPECT_TRUE(m.mdio_device.empty()) << m.compatible;
      EXPECT_FALSE(m.mdio_device_owned_by_mac) << m.compatible;
    }
    EXPECT_TRUE(format_ok(m.mdio_bus_id, m.mdio_bus_number)) << m.compatible;
  }
  EXPECT_EQ(find_mac("fsl,imx8mp-fec"), nullptr);    // binds through fsl,imx8mq-fec
  EXPECT_EQ(find_mac("mediatek,eth-mac"), nullptr);  // a port, not a device
  EXPECT_EQ(find_mac(""), nullptr);
}

TEST(MacCatalog, KeyFacts) {
  // The facts lifecycle hinges on, spelled out so a careless edit fails.
  const MacInfo* genet = find_mac("brcm,bcm2711-genet-v5");
  ASSERT_NE(genet, nullptr);
  EXPECT_EQ(genet->phy_api, PhyApi::kPhylib);
  EXPECT_EQ(genet->connect, PhyConnect::kAtOpen);
  EXPECT_EQ(genet->mdio, MdioRegister::kSeparateDevice);
  EXPECT_TRUE(genet->mdio_device_owned_by_mac);
  EXPECT_EQ(genet->mdio_bus_number, BusIdNumber::kEthAliasOrErrno);
  const MacInfo* dpmac = find_mac("fsl,qoriq-mc-dpmac");
  ASSERT_NE(dpmac, nullptr);
  EXPECT_EQ(dpmac->connect, PhyConnect::kAtProbe);
  const MacInfo* icssg = find_mac("ti,am642-icssg-prueth");
  ASSERT_NE(icssg, nullptr);
  EXPECT_EQ(icssg->connect, PhyConnect::kAtProbe);
  EXPECT_EQ(icssg->phy_api, PhyApi::kPhylib);
  const MacInfo* fman = find_mac("fsl,fman-memac");
  ASSERT_NE(fman, nullptr);
  EXPECT_EQ(fman->netdev_driver, "fsl_dpa");
  EXPECT_EQ(fman->pcs, "lynx");
  EXPECT_EQ(find_mac("nxp,imx8mp-dwmac-eqos")->mdio_bus_id, "stmmac-{:x}");
  EXPECT_EQ(find_mac("mediatek,mt7986-eth")->mdio_child, "mdio-bus");
}

TEST(MacCatalog, LifecycleFactsAreConsistent) {
  for (const MacInfo& m : mac_catalog()) {
    const MacLifecycle& lc = m.lifecycle;
    // Each entry names the functions its lifecycle facts were read from.
    EXPECT_THAT(std::string(lc.source), ::testing::HasSubstr("()")) << m.compatible;
    // A phylink MAC's ops go through phylink_ethtool_*() (or are absent),
    // and phylink's stop never dereferences netdev->phydev.
    if (m.phy_api == PhyApi::kPhylink) {
      for (PhydevUse u : {lc.get_link_ksettings, lc.get_eee, lc.get_pauseparam})
        EXPECT_TRUE(u == PhydevUse::kPhylink || u == PhydevUse::kAbsent) << m.compatible;
      EXPECT_TRUE(lc.stop_checks_phydev) << m.compatible;
    } else {
      for (PhydevUse u : {lc.get_link_ksettings, lc.get_eee, lc.get_pauseparam})
        EXPECT_NE(u, PhydevUse::kPhylink) << m.compatible;
    }
    EXPECT_TRUE(lc.eee_no_phydev_err == ENODEV || lc.eee_no_phydev_err == EOPNOTSUPP)
        << m.compatible;
    // No bundled board's v6.12 driver has either bug of the variants.
    EXPECT_NE(lc.get_eee, PhydevUse::kUnchecked) << m.compatible;
    EXPECT_EQ(lc.remove_order, RemoveOrder::kNetdevFirst) << m.compatible;
  }
}

TEST(MacCatalog, LifecycleKeyFacts) {
  // bcmgenet.c: both get ops check, get_link_ksettings also netif_running().
  const MacLifecycle& genet = find_mac("brcm,bcm2711-genet-v5")->lifecycle;
  EXPECT_EQ(genet.get_link_ksettings, PhydevUse::kChecked);
  EXPECT_TRUE(genet.link_ksettings_needs_running);
  EXPECT_EQ(genet.get_eee, PhydevUse::kChecked);
  EXPECT_FALSE(genet.stop_checks_phydev);  // bcmgenet_close(): phy_disconnect(dev->phydev)
  // fec_enet_get_eee(): -ENETDOWN first, then ndev->phydev unchecked.
  EXPECT_EQ(find_mac("fsl,imx8mq-fec")->lifecycle.get_eee, PhydevUse::kRunning);
  // emac_get_eee(): -EOPNOTSUPP without a PHY; emac_ndo_stop() checks it.
  const MacLifecycle& icssg = find_mac("ti,am642-icssg-prueth")->lifecycle;
  EXPECT_EQ(icssg.eee_no_phydev_err, EOPNOTSUPP);
  EXPECT_TRUE(icssg.stop_checks_phydev);
  EXPECT_EQ(icssg.get_pauseparam, PhydevUse::kAbsent);
  // macb in v6.12: no .get_eee, no .get_pauseparam.
  EXPECT_EQ(find_mac("cdns,zynqmp-gem")->lifecycle.get_eee, PhydevUse::kAbsent);
  EXPECT_EQ(find_mac("cdns,zynqmp-gem")->lifecycle.get_pauseparam, PhydevUse::kAbsent);
}

TEST(MacCatalog, FactsVariants) {
  std::set<std::string_view> seen;
  for (const MacFactsVariant& v : mac_facts_variants()) {
    EXPECT_TRUE(seen.insert(v.name).second) << "duplicate " << v.name;
    EXPECT_EQ(find_mac_facts(v.name), &v);
    EXPECT_FALSE(v.driver.empty()) << v.name;
    EXPECT_FALSE(v.lifecycle.source.empty()) << v.name;
  }
  const MacFactsVariant* lan = find_mac_facts("lan78xx-v4.14");
  ASSERT_NE(lan, nullptr);
  EXPECT_EQ(lan->lifecycle.get_eee, PhydevUse::kUnchecked);
  EXPECT_EQ(lan->lifecycle.get_link_ksettings, PhydevUse::kUnchecked);
  EXPECT_EQ(lan->lifecycle.get_pauseparam, PhydevUse::kUnchecked);
  EXPECT_THAT(std::string(lan->lifecycle.source), ::testing::HasSubstr("issue #2457"));
  const MacFactsVariant* axi = find_mac_facts("axienet-v5.2");
  ASSERT_NE(axi, nullptr);
  EXPECT_EQ(axi->lifecycle.remove_order, RemoveOrder::kMdioFirst);
  EXPECT_EQ(find_mac_facts("lan78xx"), nullptr);
}

TEST(MdioCatalog, EntriesAreWellFormed) {
  std::set<std::string_view> seen;
  for (const MdioControllerInfo& m : mdio_controller_catalog()) {
    EXPECT_TRUE(seen.insert(m.compatible).second) << "duplicate " << m.compatible;
    EXPECT_EQ(find_mdio_controller(m.compatible), &m);
    EXPECT_FALSE(m.driver.empty()) << m.compatible;
    EXPECT_TRUE(lsmod_name(m.module)) << m.compatible << ": " << m.module;
    EXPECT_THAT(std::string(m.source), ::testing::HasSubstr("drivers/net/")) << m.compatible;
    EXPECT_FALSE(m.bus_id.empty()) << m.compatible;
    EXPECT_TRUE(format_ok(m.bus_id, m.bus_id_number)) << m.compatible;
    EXPECT_EQ(m.mux, m.bus_id.find("{reg:x}") != std::string_view::npos) << m.compatible;
  }
  EXPECT_TRUE(find_mdio_controller("marvell,xmdio")->c45);
  EXPECT_FALSE(find_mdio_controller("marvell,orion-mdio")->c45);
  EXPECT_EQ(find_mdio_controller("snps,dwmac-mdio"), nullptr);  // stmmac's own bus
}

TEST(DsaCatalog, EntriesAreWellFormed) {
  std::set<std::string_view> seen;
  for (const DsaSwitchInfo& d : dsa_catalog()) {
    const std::string_view key = d.compatible.empty() ? d.pci_id : d.compatible;
    ASSERT_FALSE(key.empty()) << d.driver << " has neither compatible nor PCI ID";
    EXPECT_TRUE(seen.insert(key).second) << "duplicate " << key;
    EXPECT_EQ(find_dsa_switch(key), &d);
    EXPECT_TRUE(lsmod_name(d.module)) << key;
    EXPECT_THAT(std::string(d.source), ::testing::HasSubstr("drivers/net/dsa/")) << key;
    EXPECT_FALSE(d.pcs.empty()) << key;
    EXPECT_EQ(d.registers_child_mdio, !d.child_mdio_bus_id.empty()) << key;
    EXPECT_EQ(d.registers_child_mdio, !d.mdio_child.empty()) << key;
    EXPECT_EQ(d.internal_phys_via_user_mii_bus, !d.user_mii_bus_id.empty()) << key;
    EXPECT_EQ(d.internal_phys_via_user_mii_bus, d.internal_phy_id != 0) << key;
    EXPECT_TRUE(format_ok(d.user_mii_bus_id, d.user_mii_bus_number)) << key;
    const bool child_numbered = d.child_mdio_bus_id.find("{}") != std::string_view::npos;
    EXPECT_TRUE(format_ok(d.child_mdio_bus_id,
                          child_numbered ? BusIdNumber::kDriverCounter : BusIdNumber::kNone))
        << key;
  }
}

}  // namespace
}  // namespace lifeline::net
