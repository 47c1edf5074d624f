// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstddef>

// Part of the PDF reader module. Whether a file attached to a PDF came out of its stream whole: a
// stream poppler cannot decode (a broken or unknown filter) comes out empty or short, and would be
// read as if it were the file. declared: the size the file's parameters give (/Params /Size), -1
// when they give none; then only an empty file cannot be told from one that failed.
inline bool unpackedWhole(std::size_t unpacked, long long declared)
{
    return declared >= 0 ? unpacked == std::size_t(declared) : unpacked > 0;
}
