// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/core/errno.h"

#include <gtest/gtest.h>

namespace lifeline::core {
namespace {

// The names are what the kernel's errno headers call the values, so that a
// failed command reads as a shell's "-EFAULT", not "(-14)".
TEST(Errno, NamesTheValuesTheModelReturns) {
  EXPECT_EQ(errno_name(-EFAULT), "-EFAULT");  // an ethtool an oops killed
  EXPECT_EQ(errno_name(-EPROBE_DEFER), "-EPROBE_DEFER");
  EXPECT_EQ(errno_name(ENODEV), "ENODEV");
  EXPECT_EQ(errno_name(0), "0");
  EXPECT_EQ(errno_name(-4242), "-4242");  // unknown: the number
}

TEST(Errno, ValueIsTheInverseOfName) {
  for (const std::string& name : errno_names()) {
    int v = errno_value(name);
    ASSERT_NE(v, 0) << name;
    EXPECT_EQ(errno_name(-v), "-" + name);
  }
  EXPECT_EQ(errno_value("-EFAULT"), EFAULT);
  EXPECT_EQ(errno_value("EWOULDBLOCK"), EAGAIN);
  EXPECT_EQ(errno_value("ENOTANERRNO"), 0);
}

}  // namespace
}  // namespace lifeline::core
