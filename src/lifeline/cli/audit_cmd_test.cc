// SPDX-License-Identifier: GPL-2.0-only
// `lifeline audit` with the real runner: the same bytes whatever the number
// of threads, a printed cell that `lifeline run` plays to the same outcome,
// bad input, and the HTML page in a real browser (headless Chromium, when it
// is installed: tools/deps.sh installs it).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "lifeline/cli/cli.h"
#include "lifeline/cli/test_backend.h"

namespace lifeline::cli {
namespace {

using testing::TempDir;

testing::Output real(std::vector<std::string> args) {
  std::vector<std::string> argv_strings = {"lifeline"};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_strings) argv.push_back(s.data());
  std::ostringstream out, err;
  testing::Output o;
  o.status = run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  o.out = out.str();
  o.err = err.str();
  return o;
}

std::string run_command(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  pclose(p);
  return out;
}

TEST(Audit, TheSameBytesWhateverTheJobs) {
  auto one = real({"audit", "armada-8040-mcbin", "-j", "1", "--json"});
  auto three = real({"audit", "armada-8040-mcbin", "-j", "3", "--json"});
  ASSERT_EQ(one.status, 0) << one.err;
  EXPECT_EQ(one.out, three.out);
  auto j = nlohmann::json::parse(one.out);
  EXPECT_EQ(j["command"], "audit");
  EXPECT_GT(j["cells"].size(), 50u);
}

// The worst cell on the ClearFog Pro (its PHY unbound under a running
// interface, mainline, then ifdown), printed and run by hand, shows the
// finding the audit reports.
TEST(Audit, APrintedCellRunsAgainWithRun) {
  const std::string cell = "phy/f1072004.mdio-mii:00/up/mainline";
  auto audit = real({"audit", "armada-388-clearfog-pro", "--cell", cell, "--json"});
  ASSERT_EQ(audit.status, 0) << audit.err;
  auto j = nlohmann::json::parse(audit.out);
  ASSERT_EQ(j["cells"].size(), 1u);
  EXPECT_EQ(j["cells"][0]["class"], "crash");
  auto printed = real({"audit", "armada-388-clearfog-pro", "--print-scenarios", "--cell", cell});
  ASSERT_EQ(printed.status, 0) << printed.err;
  EXPECT_NE(printed.out.find("unbind f1072004.mdio-mii:00\n"), std::string::npos) << printed.out;
  TempDir d;
  std::string scn = d.file("cell.scn", printed.out);
  auto run = real({"run", "armada-388-clearfog-pro", scn, "--json"});
  auto r = nlohmann::json::parse(run.out);
  ASSERT_FALSE(r["findings"].empty()) << run.out;
  EXPECT_EQ(r["findings"][0]["kind"], "use-after-free");
}

TEST(Audit, BadInput) {
  auto cell = real({"audit", "armada-388-clearfog-pro", "--cell", "phy/nosuch/up/mainline"});
  EXPECT_EQ(cell.status, 2);
  EXPECT_NE(cell.err.find("--cell phy/nosuch/up/mainline: no such cell"), std::string::npos)
      << cell.err;
  auto jobs = real({"audit", "armada-388-clearfog-pro", "-j", "0"});
  EXPECT_EQ(jobs.status, 2);
  EXPECT_NE(jobs.err.find("-j 0: expected 1 to 1024 jobs"), std::string::npos) << jobs.err;
  auto knob = real({"audit", "armada-388-clearfog-pro", "--set", "phy-loss=replay"});
  EXPECT_EQ(knob.status, 2);
  EXPECT_NE(knob.err.find("knob 'phy-loss' is what audit varies"), std::string::npos) << knob.err;
}

TEST(Audit, BudgetOnlyWithExplore) {
  auto o = real({"audit", "armada-388-clearfog-pro", "--budget", "8"});
  EXPECT_EQ(o.status, 2);
  EXPECT_NE(o.err.find("--budget 8: only with --explore"), std::string::npos) << o.err;
}

// The progress line is for a person at a terminal: stderr a tty (script(1)
// gives the binary one) shows "audit: N/M cells", a pipe or --json nothing.
TEST(Audit, ProgressOnlyOnATerminal) {
  if (run_command("command -v script").empty()) GTEST_SKIP() << "script(1) is not installed";
  std::string audit = std::string(LIFELINE_BINARY_DIR) +
                      "/lifeline audit armada-388-clearfog-pro --cell "
                      "phy/f1072004.mdio-mii:00/up/mainline";
  std::string tty = run_command("script -qec '" + audit + " >/dev/null' /dev/null");
  EXPECT_NE(tty.find("audit: 1/1 cells"), std::string::npos) << tty;
  std::string json = run_command("script -qec '" + audit + " --json >/dev/null' /dev/null");
  EXPECT_EQ(json.find("cells"), std::string::npos) << json;
  std::string pipe = run_command(audit + " 2>&1 >/dev/null");
  EXPECT_EQ(pipe, "");
}

// --explore: the racing variant of a template runs under the explorer; the
// cell whose ifup races the PHY's unbind gets the schedule's oops (the
// plain template, ifup after the unbind, finds none), with the commands
// that find the schedule again. The variant prints with --print-scenarios.
TEST(Audit, ExploreFindsTheRacingSchedule) {
  std::string id = "phy/f1072004.mdio-mii:00/down/mainline";
  auto plain = real({"audit", "armada-388-clearfog-pro", "--cell", id, "--json"});
  ASSERT_EQ(plain.status, 0) << plain.err;
  auto p = nlohmann::json::parse(plain.out)["cells"][0];
  EXPECT_TRUE(p["explore"].is_null());
  auto o = real({"audit", "armada-388-clearfog-pro", "--cell", id, "--explore", "--json"});
  ASSERT_EQ(o.status, 0) << o.err;
  auto c = nlohmann::json::parse(o.out)["cells"][0];
  ASSERT_FALSE(c["explore"].is_null());
  EXPECT_TRUE(c["explore"]["found"]) << c.dump(2);
  EXPECT_TRUE(c["explore"]["decides"]) << c.dump(2);
  EXPECT_LE(c["explore"]["executions"].get<int>(), 48);
  EXPECT_NE(c["reason"].get<std::string>().find("when ifup races the removal"), std::string::npos)
      << c.dump(2);
  EXPECT_NE(c["reason"].get<std::string>(), p["reason"].get<std::string>());
  std::string cmd = c["explore"]["command"];
  EXPECT_NE(cmd.find("--explore --print-scenarios --cell " + id), std::string::npos) << cmd;
  EXPECT_NE(cmd.find("lifeline explore armada-388-clearfog-pro race.scn --strategy dpor"),
            std::string::npos)
      << cmd;
  // The same again: bounded and deterministic.
  auto again = real({"audit", "armada-388-clearfog-pro", "--cell", id, "--explore", "--json"});
  EXPECT_EQ(again.out, o.out);
  auto print =
      real({"audit", "armada-388-clearfog-pro", "--cell", id, "--explore", "--print-scenarios"});
  ASSERT_EQ(print.status, 0) << print.err;
  EXPECT_NE(print.out.find("racing variant"), std::string::npos) << print.out;
  EXPECT_NE(
      print.out.find("concurrently\n  ip link set eth0 up\n  unbind f1072004.mdio-mii:00\nend"),
      std::string::npos)
      << print.out;
}

// The page as a browser shows it: no console error, the matrices in the
// DOM, and a screenshot (kept beside the page in the build folder, to look
// at: build/release/audit-page.png).
TEST(Audit, ThePageRendersInChromium) {
  if (run_command("command -v chromium").empty()) GTEST_SKIP() << "chromium is not installed";
  if (run_command("command -v dot").empty()) GTEST_SKIP() << "graphviz is not installed";
  TempDir d;
  std::string page = d.path("audit.html");
  auto o = real({"audit", "armada-388-clearfog-pro", "--html", page});
  ASSERT_EQ(o.status, 0) << o.err;
  std::string flags =
      "chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions "
      "--user-data-dir=" +
      d.path("profile") + " --window-size=1600,1200 --enable-logging=stderr --v=0 ";
  std::string url = "file://" + page;
  std::string log = run_command(flags + "--screenshot=" + d.path("shot.png") + " " + url + " 2>&1");
  EXPECT_EQ(log.find("CONSOLE"), std::string::npos) << log;
  EXPECT_EQ(log.find("Uncaught"), std::string::npos) << log;
  ASSERT_TRUE(std::filesystem::exists(d.path("shot.png"))) << log;
  EXPECT_GT(std::filesystem::file_size(d.path("shot.png")), 10000u);
  // Into the build folder whatever the test's working directory (a run
  // from the source tree must not leave it there).
  std::filesystem::copy_file(d.path("shot.png"),
                             std::string(LIFELINE_BINARY_DIR) + "/audit-page.png",
                             std::filesystem::copy_options::overwrite_existing);
  std::string dom = run_command(flags + "--dump-dom " + url + " 2>/dev/null");
  EXPECT_NE(dom.find("<table class=\"matrix\" id=\"matrix-phy\">"), std::string::npos);
  EXPECT_NE(dom.find("<svg"), std::string::npos);
  EXPECT_NE(dom.find("crash: use-after-free"), std::string::npos);
}

}  // namespace
}  // namespace lifeline::cli
