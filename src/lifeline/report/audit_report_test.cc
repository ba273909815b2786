// SPDX-License-Identifier: GPL-2.0-only
// The audit's reports from a hand-built result: the matrix, the worst cells
// with their commands, the design lines, the JSON keys docs/json.md
// documents, and the HTML page's links.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "lifeline/report/audit.h"

namespace lifeline::report {
namespace {

using scenario::AuditCell;
using scenario::AuditProvider;
using scenario::AuditResult;
using scenario::OutcomeClass;

AuditCell cell(size_t provider, const std::string& id_base, const std::string& tmpl,
               const std::string& value, OutcomeClass cls, const std::string& reason) {
  AuditCell c;
  c.id = id_base + "/" + tmpl + "/" + value;
  c.provider = provider;
  c.template_name = tmpl;
  c.value = value;
  c.scenario = "set phy-loss " + value + "\nboot\n";
  c.outcome.cls = cls;
  c.outcome.reason = reason;
  c.outcome.provider_left = true;
  return c;
}

AuditResult result() {
  AuditResult r;
  r.board = "clearfog";
  r.providers.push_back(AuditProvider{"phy",
                                      "f1072004.mdio-mii:00",
                                      "f1072004.mdio-mii:00",
                                      "&phy",
                                      "Marvell 88E1510",
                                      "marvell",
                                      {"eth0"},
                                      {"eth0"},
                                      false,
                                      {},
                                      {},
                                      {},
                                      {},
                                      {}});
  r.providers.push_back(AuditProvider{"mac",
                                      "f4000000.ethernet",
                                      "f4000000.ethernet",
                                      "",
                                      "mvpp2",
                                      "mvpp2",
                                      {"eth1", "eth2"},
                                      {"eth1", "eth2"},
                                      false,
                                      {},
                                      {},
                                      {},
                                      {},
                                      {}});
  r.unconsumed.push_back(AuditProvider{
      "dsa", "spi0.0", "spi0.0", "", "sja1105", "sja1105", {}, {}, false, {}, {}, {}, {}, {}});
  const std::string phy = "phy/f1072004.mdio-mii:00";
  AuditCell uaf =
      cell(0, phy, "up", "mainline", OutcomeClass::kCrash, "use-after-free in phy_detach");
  uaf.outcome.findings = {"use-after-free in phy_detach"};
  r.cells.push_back(uaf);
  AuditCell nd = cell(0, phy, "up", "notify-down", OutcomeClass::kLinkLost, "link lost (eth0)");
  nd.outcome.carrier_lost = {"eth0"};
  r.cells.push_back(nd);
  AuditCell back =
      cell(0, phy, "rebind", "mainline", OutcomeClass::kRecoveredIfup, "link lost until ifup");
  back.outcome.carrier_lost = {"eth0"};
  back.outcome.provider_back = true;
  r.cells.push_back(back);
  AuditCell rb = cell(0, phy, "rebind", "notify-down", OutcomeClass::kRecovered, "link back in 2s");
  rb.outcome.carrier_lost = {"eth0"};
  rb.outcome.provider_back = true;
  rb.outcome.link_back_by_itself = true;
  rb.outcome.recovery_time = 2 * sim::kSec;
  r.cells.push_back(rb);
  AuditCell lost = cell(1, "mac/f4000000.ethernet", "up", "mainline", OutcomeClass::kNetdevsLost,
                        "3 netdevs lost (eth1 eth2 eth3)");
  lost.outcome.netdevs_lost = {"eth1", "eth2", "eth3"};
  lost.outcome.unrelated_lost = {"eth3"};
  r.cells.push_back(lost);
  return r;
}

const AuditCommand kCmd{"clearfog", "", "", 0};

TEST(AuditReport, Text) {
  std::string t = format_audit(result(), kCmd);
  EXPECT_NE(t.find("lifeline audit clearfog: 2 providers, 5 cells"), std::string::npos) << t;
  EXPECT_NE(t.find("PHYs (phy-loss"), std::string::npos) << t;
  EXPECT_NE(t.find("f1072004.mdio-mii:00 (&phy)"), std::string::npos) << t;
  EXPECT_NE(t.find("crash: use-after-free in phy_detach"), std::string::npos) << t;
  EXPECT_NE(t.find("recovered: link back in 2s"), std::string::npos) << t;
  EXPECT_NE(t.find("no consumer, not audited: spi0.0 (dsa)"), std::string::npos) << t;
  // The worst cell first, with its command.
  size_t worst = t.find("WORST CELLS (2 ");
  ASSERT_NE(worst, std::string::npos) << t;
  EXPECT_LT(t.find("phy/f1072004.mdio-mii:00/up/mainline", worst),
            t.find("mac/f4000000.ethernet/up/mainline", worst));
  EXPECT_NE(t.find("lifeline audit clearfog --print-scenarios --cell "
                   "phy/f1072004.mdio-mii:00/up/mainline > cell.scn && lifeline run clearfog "
                   "cell.scn"),
            std::string::npos)
      << t;
  EXPECT_NE(t.find("    mainline: 1 finding, 1 link lost and recovered, 1 netdev lost\n"),
            std::string::npos)
      << t;
  EXPECT_NE(t.find("    notify-down: 0 findings, 1 link lost and recovered, 0 netdevs lost\n"),
            std::string::npos)
      << t;
  EXPECT_EQ(t, format_audit(result(), kCmd));
}

// Every key path, as json_docs_test.cc reads them.
void keys(const Json& j, std::set<std::string>& out) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      out.insert(k);
      keys(v, out);
    }
  } else if (j.is_array() && !j.empty()) {
    keys(j.front(), out);
  }
}

TEST(AuditReport, JsonKeysAreDocumented) {
  std::ifstream in(std::string(LIFELINE_SOURCE_DIR) + "/docs/json.md");
  std::ostringstream doc;
  doc << in.rdbuf();
  std::string text = doc.str();
  size_t section = text.find("## audit");
  ASSERT_NE(section, std::string::npos);
  std::set<std::string> k;
  keys(to_json(result(), kCmd), k);
  for (const std::string& key : k)
    EXPECT_NE(text.find("`" + key + "`", section), std::string::npos)
        << "docs/json.md's audit section does not mention " << key;
  EXPECT_EQ(dump(to_json(result(), kCmd)), dump(to_json(result(), kCmd)));
}

TEST(AuditReport, HtmlLinksEveryCellToItsSection) {
  std::string h = format_audit_html(result(), kCmd, "<?xml version=\"1.0\"?>\n<svg>g</svg>\n");
  EXPECT_EQ(h.find("<?xml"), std::string::npos);  // the prolog has no place in a body
  EXPECT_NE(h.find("<svg>g</svg>"), std::string::npos);
  EXPECT_EQ(h.find("<script"), std::string::npos);
  EXPECT_EQ(h.find("http"), std::string::npos);  // nothing fetched
  std::set<std::string> ids, hrefs;
  std::smatch m;
  for (std::string s = h; std::regex_search(s, m, std::regex("id=\"([^\"]+)\"")); s = m.suffix())
    ids.insert(m[1]);
  for (std::string s = h; std::regex_search(s, m, std::regex("href=\"#([^\"]+)\"")); s = m.suffix())
    hrefs.insert(m[1]);
  EXPECT_EQ(hrefs.size(), result().cells.size());
  for (const std::string& href : hrefs) EXPECT_TRUE(ids.count(href)) << href;
  EXPECT_NE(h.find("id=\"matrix-phy\""), std::string::npos);
  EXPECT_NE(h.find("id=\"matrix-mac\""), std::string::npos);
}

}  // namespace
}  // namespace lifeline::report
