// SPDX-License-Identifier: GPL-2.0-only
#include <iostream>

#include "lifeline/cli/cli.h"

int main(int argc, char** argv) { return lifeline::cli::run_cli(argc, argv, std::cout, std::cerr); }
