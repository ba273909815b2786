// SPDX-License-Identifier: GPL-2.0-only
// docs/json.md stays true: its example has the shape the reports produce, and
// every key they produce is documented.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "lifeline/report/json.h"
#include "lifeline/report/test_data.h"

namespace lifeline::report {
namespace {

std::string doc() {
  std::ifstream in(std::string(LIFELINE_SOURCE_DIR) + "/docs/json.md");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every key path ("findings[].kind"), in order.
void shape(const Json& j, const std::string& at, std::vector<std::string>& out) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      // Maps keyed by names (knobs, netdevs) are data, not schema.
      if (at == "knobs" || at == "findings_by_kind" || at.ends_with("carrier_after_left") ||
          at.ends_with("link_before") || at.ends_with("link_after")) {
        out.push_back(at + ".*");
        return;
      }
      out.push_back(at.empty() ? k : at + "." + k);
      shape(v, at.empty() ? k : at + "." + k, out);
    }
  } else if (j.is_array() && !j.empty()) {
    shape(j.front(), at + "[]", out);
  }
}

TEST(JsonDocs, ExampleHasTheShapeOfARun) {
  std::string text = doc();
  size_t start = text.find("```json\n");
  ASSERT_NE(start, std::string::npos);
  start += 8;
  Json example = Json::parse(text.substr(start, text.find("\n```", start) - start));
  Json produced = document("run", to_json(testing::run_result()));
  produced["replay_file"] = nullptr;
  std::vector<std::string> a, b;
  shape(example, "", a);
  shape(produced, "", b);
  EXPECT_EQ(a, b);
}

TEST(JsonDocs, EveryKeyIsDocumented) {
  std::string text = doc();
  std::vector<Json> documents = {
      document("run", to_json(testing::run_result())),
      document("compare", to_json(testing::compare_result())),
      document("explore", to_json(testing::explore_result())),
      document("graph", to_json(testing::graph())),
  };
  std::set<std::string> keys = {"replay_file", "replay_command"};
  for (const Json& d : documents) {
    std::vector<std::string> paths;
    shape(d, "", paths);
    for (const std::string& p : paths) {
      std::string last =
          p.substr(p.find_last_of(".]") == std::string::npos ? 0 : p.find_last_of(".]") + 1);
      if (last != "*" && !last.empty()) keys.insert(last);
    }
  }
  for (const std::string& k : keys)
    EXPECT_NE(text.find("`" + k + "`"), std::string::npos) << "docs/json.md does not mention " << k;
}

}  // namespace
}  // namespace lifeline::report
