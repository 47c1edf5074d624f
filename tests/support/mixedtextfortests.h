// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace SendGuard::Tests {

// Text for scanning in blocks: lines of rosters, prose, labels on the line before their numbers,
// numbers wrapped after a hyphen, tables whose header row labels bare numbers (one longer than a
// block's context, ended by a blank line), blank lines, and long lines.
inline std::string mixedScanText(std::size_t bytes)
{
    const char *lines[] = {
        "1. 홍길동 900101-1234567 010-2345-6789 국민 123-456-789012\n",
        "회의는 2024. 6. 11. 10:30에 본관 3층에서 열립니다. 접수번호 20240611-0001234\n",
        "주민등록번호:\n",
        "8501012345678\n",
        "담당자 kim.minsu@korea.kr, 전화 02-123-4567, 여권 M12345678\n",
        "법인등록번호 110111-1234567 (주)한국\n",
        "카드 4111-1111-1111-1111 / 사업자등록번호 220-81-62517\n",
        "900101-1******, 서울 12-345678-90\n",
        "주민등록번호 900101-\n1234567 (줄이 바뀐 번호)\n",
        "\n", // a blank line: the end of any table above it
    };
    std::string text;
    std::uint32_t state = 42;
    while (text.size() < bytes) {
        state = state * 1664525u + 1013904223u;
        if ((state >> 8) % 50 == 1) {
            // A table whose header row labels bare numbers in the rows below it.
            text += "번호,이름,주민번호,연락처\n";
            for (int i = 0; i < 30; ++i)
                text += std::to_string(i + 1) + ",홍길동,21031548273" + std::to_string(10 + i) + ",010-2345-6789\n";
            continue;
        }
        if ((state >> 8) % 50 == 2) {
            // A table of corporations longer than a block's context, ended by a blank line: its
            // header's 법인등록번호 must not reach the person's number after it.
            text += "법인명,법인등록번호\n";
            for (int i = 0; i < 100; ++i)
                text += "주식회사 한빛,110111-1234567\n";
            text += "\n김철수,850315-2345678\n";
            continue;
        }
        if ((state >> 8) % 50 == 0) {
            // A long line with no line break: numbers separated by commas and prose.
            for (int i = 0; i < 400; ++i)
                text += "목록 010-3456-7890, 비고 없음, ";
            text += '\n';
            continue;
        }
        text += lines[(state >> 8) % (sizeof lines / sizeof *lines)];
    }
    return text;
}

} // namespace SendGuard::Tests
