// SPDX-License-Identifier: GPL-2.0-only
// Loading: blobs and sources, and every way a file can be wrong.
#include "lifeline/dt/load.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <libfdt.h>
#include <stdlib.h>

#include <filesystem>

#include "lifeline/dt/dtb_reader.h"
#include "lifeline/dt/dtc.h"
#include "lifeline/dt/test_boards.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::dt {
namespace {

using ::testing::HasSubstr;
using testing::write_file;

// A blob written with libfdt's sequential-write API.
class BlobWriter {
 public:
  BlobWriter() : buf_(1 << 16) {
    check(fdt_create(buf_.data(), static_cast<int>(buf_.size())));
    check(fdt_finish_reservemap(buf_.data()));
  }
  BlobWriter& begin(const char* name) {
    check(fdt_begin_node(buf_.data(), name));
    return *this;
  }
  BlobWriter& end() {
    check(fdt_end_node(buf_.data()));
    return *this;
  }
  BlobWriter& u32s(const char* name, std::vector<uint32_t> cells) {
    std::vector<uint32_t> be;
    for (uint32_t c : cells) be.push_back(cpu_to_fdt32(c));
    check(fdt_property(buf_.data(), name, be.data(), static_cast<int>(be.size() * 4)));
    return *this;
  }
  BlobWriter& str(const char* name, const char* value) {
    check(fdt_property_string(buf_.data(), name, value));
    return *this;
  }
  std::vector<uint8_t> finish() {
    check(fdt_finish(buf_.data()));
    buf_.resize(fdt_totalsize(buf_.data()));
    return std::vector<uint8_t>(buf_.begin(), buf_.end());
  }

 private:
  static void check(int err) { ASSERT_EQ(err, 0) << fdt_strerror(err); }
  std::vector<uint8_t> buf_;
};

// The UserError that `f` throws (a test failure if it throws none).
template <typename F>
sim::UserError user_error(F f) {
  try {
    f();
  } catch (const sim::UserError& e) {
    return e;
  }
  ADD_FAILURE() << "no UserError";
  return sim::UserError("");
}

const char kSmallDts[] =
    "/dts-v1/;\n"
    "/ {\n"
    "\t#address-cells = <1>;\n"
    "\t#size-cells = <1>;\n"
    "\tclk: clock {\n"
    "\t\tcompatible = \"fixed-clock\";\n"
    "\t\t#clock-cells = <0>;\n"
    "\t};\n"
    "\teth0: ethernet@1000 {\n"
    "\t\tcompatible = \"vendor,mac\";\n"
    "\t\treg = <0x1000 0x100>;\n"
    "\t\tclocks = <&clk>;\n"
    "\t\tphy-handle = <&phy>;\n"
    "\t\tmdio {\n"
    "\t\t\t#address-cells = <1>;\n"
    "\t\t\t#size-cells = <0>;\n"
    "\t\t\tphy: ethernet-phy@1 { reg = <1>; };\n"
    "\t\t};\n"
    "\t};\n"
    "};\n";

TEST(Load, SmallDtsAndItsBlobGiveTheSameTree) {
  std::string dts = write_file("small.dts", kSmallDts);
  auto from_dts = load_device_tree(dts);
  EXPECT_EQ(from_dts->source, dts);
  std::string dtb = write_file("small.dtb", compile_dts(dts));
  auto from_dtb = load_device_tree(dtb);
  EXPECT_EQ(from_dtb->source, dtb);
  ASSERT_EQ(from_dts->nodes().size(), from_dtb->nodes().size());
  for (size_t i = 0; i < from_dts->nodes().size(); ++i) {
    const core::FwNode& a = *from_dts->nodes()[i];
    const core::FwNode& b = *from_dtb->nodes()[i];
    EXPECT_EQ(a.full_path, b.full_path);
    EXPECT_EQ(a.labels, b.labels);
    EXPECT_EQ(a.phandle, b.phandle);
    ASSERT_EQ(a.properties.size(), b.properties.size());
  }
  // Labels, phandles, no __symbols__ node.
  const core::FwNode* eth = from_dtb->find_by_label("eth0");
  ASSERT_NE(eth, nullptr);
  EXPECT_EQ(eth->full_path, "/ethernet@1000");
  EXPECT_EQ(core::parse_phandle(eth, "phy-handle"), from_dtb->find_by_label("phy"));
  EXPECT_EQ(from_dtb->find_by_path("/__symbols__"), nullptr);
  EXPECT_EQ(from_dtb->root()->children.size(), 2u);
  // fw_devlink ran: clocks is a link, phy-handle is not.
  ASSERT_EQ(eth->suppliers.size(), 1u);
  EXPECT_EQ(eth->suppliers[0]->supplier, from_dtb->find_by_label("clk"));
  // Sources know where each node was written; blobs do not.
  const core::FwNode* phy = from_dts->find_by_label("phy");
  EXPECT_EQ(phy->source_file, dts);
  EXPECT_EQ(phy->source_line, 17);
  EXPECT_EQ(from_dts->find_by_label("eth0")->source_line, 9);
  EXPECT_TRUE(from_dtb->find_by_label("phy")->source_file.empty());
}

TEST(Load, BoardNodesKnowTheirKernelSourceFile) {
  const core::FwTree& t = testing::board("bcm2711-rpi-4-b.dts");
  const core::FwNode* genet = t.find_by_label("genet");
  EXPECT_EQ(genet->source_file, "arch/arm/boot/dts/broadcom/bcm2711.dtsi");
  EXPECT_GT(genet->source_line, 0);
  const core::FwNode* phy = t.find_by_label("phy1");
  EXPECT_EQ(phy->source_file, "arch/arm/boot/dts/broadcom/bcm2711-rpi-4-b.dts");
}

TEST(Load, MissingFile) {
  std::string path = testing::scratch_dir() + "/no-such-board.dts";
  sim::UserError e = user_error([&] { load_device_tree(path); });
  EXPECT_EQ(e.file(), path);
  EXPECT_THAT(e.message(), HasSubstr("cannot read the device tree"));
  EXPECT_THAT(e.message(), HasSubstr("No such file or directory"));
  e = user_error([&] { load_device_tree(testing::scratch_dir()); });
  EXPECT_THAT(e.message(), HasSubstr("directory"));
}

TEST(Load, DtsSyntaxErrorShowsFileAndLine) {
  std::string path =
      write_file("syntax.dts", "/dts-v1/;\n/ {\n\tnode {\n\t\tprop = <1>\n\t};\n};\n");
  sim::UserError e = user_error([&] { load_device_tree(path); });
  EXPECT_EQ(e.file(), path);
  EXPECT_EQ(e.line(), 5);  // dtc notices the missing ';' at the next token
  EXPECT_GT(e.column(), 0);
  EXPECT_THAT(e.message(), HasSubstr("syntax error"));
  EXPECT_THAT(std::string(e.what()), HasSubstr(path + ":5:"));
}

TEST(Load, DtsReferenceToAMissingLabel) {
  std::string path =
      write_file("badref.dts", "/dts-v1/;\n/ {\n\teth { phy-handle = <&nophy>; };\n};\n");
  sim::UserError e = user_error([&] { load_device_tree(path); });
  EXPECT_EQ(e.file(), path);
  EXPECT_EQ(e.line(), 3);
  EXPECT_THAT(e.message(), HasSubstr("nophy"));
}

TEST(Load, TruncatedBlob) {
  std::vector<uint8_t> blob = compile_dts(write_file("t.dts", kSmallDts));
  std::vector<uint8_t> half(blob.begin(), blob.begin() + static_cast<long>(blob.size() / 2));
  std::string path = write_file("truncated.dtb", half);
  sim::UserError e = user_error([&] { load_device_tree(path); });
  EXPECT_EQ(e.file(), path);
  EXPECT_THAT(e.message(), HasSubstr("truncated device tree blob"));
  EXPECT_THAT(e.message(), HasSubstr("the header says " + std::to_string(blob.size())));
  // Shorter than the header.
  std::vector<uint8_t> tiny(blob.begin(), blob.begin() + 12);
  e = user_error([&] { read_dtb(tiny, "tiny.dtb"); });
  EXPECT_THAT(e.message(), HasSubstr("smaller than the 40-byte header"));
}

TEST(Load, BadMagicAndGarbage) {
  std::vector<uint8_t> garbage(4096);
  for (size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<uint8_t>(i * 7 + 3);
  std::string dtb = write_file("garbage.dtb", garbage);
  sim::UserError e = user_error([&] { load_device_tree(dtb); });
  EXPECT_EQ(e.file(), dtb);
  EXPECT_THAT(e.message(), HasSubstr("bad magic 0x030a1118 (expected 0xd00dfeed)"));
  std::string bin = write_file("garbage.img", garbage);
  e = user_error([&] { load_device_tree(bin); });
  EXPECT_THAT(e.message(), HasSubstr("neither a blob"));
  e = user_error([&] { load_device_tree(write_file("empty.dts", "")); });
  EXPECT_THAT(e.message(), HasSubstr("empty"));
}

TEST(Load, CorruptStructureBlock) {
  std::vector<uint8_t> blob = compile_dts(write_file("c.dts", kSmallDts));
  uint32_t off_struct = fdt_off_dt_struct(blob.data());
  // The first tag must be FDT_BEGIN_NODE; make it an unknown tag.
  blob[off_struct + 3] = 0x7f;
  sim::UserError e = user_error([&] { read_dtb(blob, "corrupt.dtb"); });
  EXPECT_EQ(e.file(), "corrupt.dtb");
  EXPECT_THAT(e.message(), HasSubstr("malformed device tree blob"));
}

TEST(Load, DanglingPhandleInABlob) {
  std::vector<uint8_t> blob = BlobWriter()
                                  .begin("")
                                  .u32s("#address-cells", {1})
                                  .begin("ethernet@1000")
                                  .u32s("reg", {0x1000, 0x100})
                                  .u32s("phy-handle", {0x42})
                                  .end()
                                  .end()
                                  .finish();
  std::string path = write_file("dangling.dtb", blob);
  sim::UserError e = user_error([&] { load_device_tree(path); });
  EXPECT_EQ(e.file(), path);
  EXPECT_THAT(e.message(), HasSubstr("dangling phandle"));
  EXPECT_THAT(e.message(), HasSubstr("/ethernet@1000"));
  EXPECT_THAT(e.message(), HasSubstr("'phy-handle'"));
  EXPECT_THAT(e.message(), HasSubstr("0x42"));
}

TEST(Load, DanglingPhandlesInSupplierLists) {
  // The second clock's phandle only dangles after the first entry's
  // argument cells are skipped correctly.
  std::vector<uint8_t> clocks = BlobWriter()
                                    .begin("")
                                    .begin("clk")
                                    .u32s("#clock-cells", {1})
                                    .u32s("phandle", {1})
                                    .end()
                                    .begin("dev")
                                    .u32s("clocks", {1, 5, 9})
                                    .end()
                                    .end()
                                    .finish();
  sim::UserError e = user_error([&] { read_dtb(clocks, "clocks.dtb"); });
  EXPECT_THAT(e.message(), HasSubstr("/dev property 'clocks' names phandle 0x9"));
  std::vector<uint8_t> supply =
      BlobWriter().begin("").begin("dev").u32s("vdd-supply", {7}).end().end().finish();
  e = user_error([&] { read_dtb(supply, "supply.dtb"); });
  EXPECT_THAT(e.message(), HasSubstr("'vdd-supply' names phandle 0x7"));
  // Unknown properties may hold anything, and 0 is an empty entry.
  std::vector<uint8_t> fine = BlobWriter()
                                  .begin("")
                                  .begin("dev")
                                  .u32s("vendor,magic", {0x1234})
                                  .u32s("snps,nr-gpios", {32})
                                  .u32s("clocks", {0})
                                  .end()
                                  .end()
                                  .finish();
  EXPECT_NO_THROW(read_dtb(fine, "fine.dtb"));
}

TEST(Load, SymbolsFixupsAndLegacyPhandles) {
  std::vector<uint8_t> blob = BlobWriter()
                                  .begin("")
                                  .begin("soc")
                                  .begin("gpio@10")
                                  .u32s("linux,phandle", {5})
                                  .u32s("#gpio-cells", {2})
                                  .end()
                                  .end()
                                  .begin("led")
                                  .u32s("gpios", {5, 3, 0})
                                  .end()
                                  .begin("__symbols__")
                                  .str("gpio0", "/soc/gpio@10")
                                  .str("stale", "/no/such/node")
                                  .end()
                                  .begin("__fixups__")
                                  .str("x", "/led:gpios:0")
                                  .end()
                                  .begin("__local_fixups__")
                                  .begin("led")
                                  .u32s("gpios", {0})
                                  .end()
                                  .end()
                                  .end()
                                  .finish();
  auto tree = read_dtb(blob, "sym.dtb");
  EXPECT_EQ(tree->nodes().size(), 4u);  // /, /soc, /soc/gpio@10, /led
  EXPECT_EQ(tree->find_by_path("/__symbols__"), nullptr);
  EXPECT_EQ(tree->find_by_path("/__fixups__"), nullptr);
  EXPECT_EQ(tree->find_by_path("/__local_fixups__/led"), nullptr);
  const core::FwNode* gpio = tree->find_by_label("gpio0");
  ASSERT_NE(gpio, nullptr);
  EXPECT_EQ(gpio->full_path, "/soc/gpio@10");
  EXPECT_EQ(gpio->phandle, 5u);
  EXPECT_EQ(tree->find_by_phandle(5), gpio);
  EXPECT_EQ(tree->find_by_label("stale"), nullptr);
}

TEST(Load, DuplicatePhandle) {
  std::vector<uint8_t> blob = BlobWriter()
                                  .begin("")
                                  .begin("a")
                                  .u32s("phandle", {3})
                                  .end()
                                  .begin("b")
                                  .u32s("phandle", {3})
                                  .end()
                                  .end()
                                  .finish();
  sim::UserError e = user_error([&] { read_dtb(blob, "dup.dtb"); });
  EXPECT_THAT(e.message(), HasSubstr("duplicate phandle 0x00000003: /a and /b"));
}

TEST(Load, UnalignedBufferIsRead) {
  std::vector<uint8_t> blob = compile_dts(write_file("u.dts", kSmallDts));
  std::vector<uint8_t> shifted(blob.size() + 1);
  std::copy(blob.begin(), blob.end(), shifted.begin() + 1);
  auto tree = read_dtb(std::span<const uint8_t>(shifted).subspan(1), "u.dtb");
  EXPECT_NE(tree->find_by_label("eth0"), nullptr);
}

// Sets an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = getenv(name)) old_ = old;
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_)
      setenv(name_, old_->c_str(), 1);
    else
      unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(Dtc, MissingDtcSaysHowToInstallIt) {
  std::string dts = write_file("nodtc.dts", kSmallDts);
  std::string empty = testing::scratch_dir() + "/empty-path";
  std::filesystem::create_directories(empty);
  ScopedEnv path("PATH", empty);
  EXPECT_EQ(find_dtc(), std::nullopt);
  sim::UserError e = user_error([&] { load_device_tree(dts); });
  EXPECT_THAT(e.message(), HasSubstr("make deps"));
  EXPECT_THAT(e.message(), HasSubstr("apt-get install device-tree-compiler"));
}

TEST(Dtc, TemporaryFilesAreRemoved) {
  std::string tmp = testing::scratch_dir() + "/tmp";
  std::filesystem::create_directories(tmp);
  std::string good = write_file("tmp-good.dts", kSmallDts);
  std::string bad = write_file("tmp-bad.dts", "/dts-v1/;\n/ { x = <; };\n");
  ScopedEnv env("TMPDIR", tmp);
  EXPECT_FALSE(compile_dts(good).empty());
  EXPECT_FALSE(dts_source_positions(good).empty());
  EXPECT_THROW(compile_dts(bad), sim::UserError);
  EXPECT_TRUE(std::filesystem::is_empty(tmp));
}

TEST(Dtc, AnnotatedOutputParser) {
  SourceMap m = parse_annotated_dts(
      "/dts-v1/;\n"
      "\n"
      "/ { /* a/base.dtsi:10:3-99:3, board.dts:5:3-9:3 */\n"
      "\tmodel = \"x { y\"; /* board.dts:6:2-6:20 */\n"
      "\n"
      "\tl1: l2: soc@0 { /* a/base.dtsi:20:7-40:4 */\n"
      "\t\tgone { /* c.dtsi:1:1-2:2 */\n"
      "\t\t}; /* c.dtsi:2:2 */\n"
      "\t\tplain {\n"
      "\t\t};\n"
      "\t}; /* a/base.dtsi:40:4 */\n"
      "};\n");
  ASSERT_EQ(m.count("/"), 1u);
  EXPECT_EQ(m["/"].file, "a/base.dtsi");
  EXPECT_EQ(m["/"].line, 10);
  EXPECT_EQ(m["/soc@0"].line, 20);
  EXPECT_EQ(m["/soc@0/gone"].file, "c.dtsi");
  EXPECT_EQ(m.count("/soc@0/plain"), 0u);
  EXPECT_EQ(m.size(), 3u);
}

TEST(Load, EndlessFileIsRefusedAtTheSizeLimit) {
  sim::UserError e = user_error([&] { load_device_tree("/dev/zero"); });
  EXPECT_EQ(e.file(), "/dev/zero");
  EXPECT_THAT(e.message(), HasSubstr("larger than 64 MiB, lifeline's limit for a device tree"));
}

TEST(Load, DtsWithIncludeSaysToRunThePreprocessor) {
  std::string path =
      write_file("inc.dts", "/dts-v1/;\n\n#include <dt-bindings/gpio/gpio.h>\n/ { };\n");
  sim::UserError e = user_error([&] { load_device_tree(path); });
  EXPECT_EQ(e.file(), path);
  EXPECT_EQ(e.line(), 3);
  EXPECT_THAT(e.message(), HasSubstr("'#include <dt-bindings/gpio/gpio.h>'"));
  EXPECT_THAT(e.message(), HasSubstr("cpp -nostdinc -undef -x assembler-with-cpp -D__DTS__ -I " +
                                     testing::scratch_dir() +
                                     " -I scripts/dtc/include-prefixes -o board.pre.dts " + path));
  // Property names that start with '#' are no directives.
  EXPECT_NO_THROW(load_device_tree(write_file(
      "hash.dts", "/dts-v1/;\n/ {\n#address-cells = <1>;\n#interrupt-cells = <1>;\n};\n")));
}

TEST(Load, PreprocessedDtsErrorPointsAtTheGivenFileAndNamesTheOriginal) {
  // cpp output: line markers make dtc count lines of the original files.
  std::string path = write_file("pre.dts",
                                "/dts-v1/;\n"
                                "# 1 \"arch/arm/boot/dts/foo.dts\"\n"
                                "# 1 \"<built-in>\"\n"
                                "# 1 \"arch/arm/boot/dts/foo.dts\"\n"
                                "\n"
                                "/ {\n"
                                "# 10 \"arch/arm/boot/dts/foo.dtsi\" 1\n"
                                "\tfoo = <1>\n"
                                "\tbar;\n"
                                "};\n");
  sim::UserError e = user_error([&] { load_device_tree(path); });
  EXPECT_EQ(e.file(), path);
  EXPECT_EQ(e.line(), 9);  // dtc: foo.dtsi:11, the line of "bar;"
  EXPECT_THAT(e.message(), HasSubstr("syntax error"));
  EXPECT_THAT(e.message(), HasSubstr("name arch/arm/boot/dts/foo.dtsi line 11 as the original"));
  EXPECT_THAT(std::string(e.what()), HasSubstr(path + ":9:"));
}

}  // namespace
}  // namespace lifeline::dt
