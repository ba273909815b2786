// SPDX-License-Identifier: GPL-2.0-only
// placeholder until the layer has code
namespace lifeline::net {}
