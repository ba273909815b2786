// SPDX-License-Identifier: GPL-2.0-only
// The tool never crashes: the lifeline binary explores multi-task races over
// many seeds with the random and PCT strategies, and every run ends as "no
// finding" (exit 0) or "findings" (exit 1), never with a signal. A model
// dereference of a NULL or freed pointer is a finding, not a SIGSEGV of
// lifeline; this test is what would have caught the NULL dev->driver in
// driver_bound() (scenarios/race-rmmod-bind-ifup-clearfog.scn, seeds 3 and 8).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>

#include <string>
#include <vector>

#include "lifeline/cli/test_backend.h"

extern char** environ;

namespace lifeline::cli {
namespace {

struct Exit {
  bool exited = false;
  int status = -1;  // exit status, or the signal that ended it
};

Exit run_binary(const std::vector<std::string>& args) {
  std::vector<std::string> argv_strings = {LIFELINE_BINARY_DIR "/lifeline"};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  Exit e;
  int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) return e;
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return e;
  e.exited = WIFEXITED(status);
  e.status = e.exited ? WEXITSTATUS(status) : WTERMSIG(status);
  return e;
}

struct Race {
  const char* board;
  const char* name;
  const char* text;  // nullptr: the bundled scenario `name`
};

// Races of two to four tasks around a PHY, its driver, its module and its
// MDIO bus, on a phylink MAC (ClearFog) and a plain phylib MAC (GENET).
const Race kRaces[] = {
    {"armada-388-clearfog-pro", "scenarios/race-ifup-unbind-clearfog.scn", nullptr},
    {"armada-388-clearfog-pro", "scenarios/race-rmmod-bind-ifup-clearfog.scn", nullptr},
    {"armada-388-clearfog-pro", "updown-unbind-bind.scn",
     "cable eth0 plug\nip link set eth0 up\nsettle\n"
     "concurrently\n  ip link set eth0 down\n  unbind f1072004.mdio-mii:00\n"
     "  bind f1072004.mdio-mii:00\n  ip link set eth0 up\nend\nsettle\nexpect finding none\n"},
    {"armada-388-clearfog-pro", "mdio-unbind-ifup.scn",
     "cable eth0 plug\n"
     "concurrently\n  ip link set eth0 up\n  unbind f1072004.mdio\n"
     "  ethtool -s eth0 speed 100 duplex full autoneg on\nend\nsettle\nexpect finding none\n"},
    {"bcm2711-rpi-4-b", "genet-unbind-ifup-ethtool.scn",
     "cable eth0 plug\nip link set eth0 up\nsettle\n"
     "concurrently\n  unbind unimac-mdio--19:01\n  ip link set eth0 down\n"
     "  thread\n    ip link set eth0 up\n    ethtool -s eth0 speed 100 duplex full autoneg on\n"
     "  end\nend\nsettle\nexpect finding none\n"},
    {"bcm2711-rpi-4-b", "genet-mac-unbind-ifup.scn",
     "cable eth0 plug\n"
     "concurrently\n  unbind fd580000.ethernet\n  ip link set eth0 up\n"
     "  unbind unimac-mdio--19:01\nend\nsettle\nexpect finding none\n"},
};

constexpr int kSeeds = 100;

TEST(ExploreSeeds, EveryRunEndsOkOrWithFindingsNeverWithASignal) {
  testing::TempDir d;
  std::string replay = d.path("r.replay");
  int runs = 0, with_findings = 0;
  for (const Race& race : kRaces) {
    std::string scn =
        race.text ? d.file(race.name, race.text) : std::string(LIFELINE_SOURCE_DIR "/") + race.name;
    for (const char* strategy : {"random", "pct"}) {
      for (int seed = 1; seed <= kSeeds; ++seed) {
        Exit e = run_binary({"explore", race.board, scn, "--strategy", strategy, "--seed",
                             std::to_string(seed), "--budget", "20", "--replay-out", replay});
        ++runs;
        ASSERT_TRUE(e.exited) << race.name << " --strategy " << strategy << " --seed " << seed
                              << ": killed by signal " << e.status;
        ASSERT_TRUE(e.status == 0 || e.status == 1) << race.name << " --strategy " << strategy
                                                    << " --seed " << seed << ": exit " << e.status;
        with_findings += e.status == 1;
      }
    }
  }
  // The races are real: many of the runs find something.
  EXPECT_GT(with_findings, runs / 10) << with_findings << " of " << runs;
}

}  // namespace
}  // namespace lifeline::cli
