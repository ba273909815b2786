// SPDX-License-Identifier: GPL-2.0-only
// The report of `lifeline kernel-check`: one table, kernel against model,
// each row a step's result, a check point's value or a finding class, with
// agree / DIFFER / excluded (a QEMU artefact, with the reason) / model only
// (a check the guest kernel cannot make), then the verdict.
#ifndef LIFELINE_REPORT_KERNEL_CHECK_TEXT_H_
#define LIFELINE_REPORT_KERNEL_CHECK_TEXT_H_

#include <string>

#include "lifeline/scenario/kernel_check.h"

namespace lifeline::report {

std::string format_kernel_check(const scenario::KernelCheckResult& r);
std::string kernel_check_json(const scenario::KernelCheckResult& r);

}  // namespace lifeline::report

#endif  // LIFELINE_REPORT_KERNEL_CHECK_TEXT_H_
