// SPDX-License-Identifier: GPL-2.0-or-later
#include "corpusgenerator.h"

#include <array>
#include <cstdio>
#include <string_view>

namespace SendGuard::Bench {

namespace {

constexpr std::array<std::string_view, 8> departments {
    "주택과", "복지정책과", "청라3동 행정복지센터", "세무과", "교통행정과", "민원여권과", "총무과", "환경보호과"};
constexpr std::array<std::string_view, 8> topics {"주거급여 지원",      "하반기 예산 집행", "민원 처리 개선",
                                                  "청사 시설 점검",     "재난 대비 훈련",   "정보보안 교육",
                                                  "복지 사각지대 발굴", "공공요금 조정"};
constexpr std::array<std::string_view, 8> names {"홍길동", "김예진", "이지영", "박서현",
                                                 "최민준", "정서연", "강도윤", "윤하은"};
constexpr std::array<std::string_view, 8> plainSentences {
    "관련 부서에서는 민원인의 불편이 없도록 협조하여 주시기 바랍니다.",
    "붙임 자료를 참고하시어 소관 업무에 차질이 없도록 하여 주십시오.",
    "본 건은 개인정보 보호 지침에 따라 처리하여야 합니다.",
    "각 부서는 추진 실적을 취합하여 기한 내 제출하여 주시기 바랍니다.",
    "주민 의견을 충분히 수렴한 뒤 최종안을 확정할 예정입니다.",
    "현장 점검 결과 특이 사항은 발견되지 않았습니다.",
    "향후 일정은 추후 별도로 안내해 드리겠습니다.",
    "업무에 참고하시기 바라며, 문의 사항은 담당자에게 연락 바랍니다."};
constexpr std::array<std::string_view, 6> banks {"국민은행", "신한은행", "우리은행", "농협", "하나은행", "기업은행"};

} // namespace

CorpusGenerator::CorpusGenerator(std::uint64_t seed)
    : m_state(seed * 2862933555777941757ULL + 3037000493ULL)
{
}

std::uint64_t CorpusGenerator::next()
{
    // splitmix64: fast, and good enough for test text.
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::string CorpusGenerator::digits(int count)
{
    std::string out;
    for (int i = 0; i < count; ++i)
        out += static_cast<char>('0' + below(10));
    return out;
}

std::string CorpusGenerator::fillerSentence(bool records)
{
    const std::string department(departments[below(departments.size())]);
    const std::string topic(topics[below(topics.size())]);
    const std::string date = "2024. " + std::to_string(1 + below(12)) + ". " + std::to_string(1 + below(28)) + ".";
    if (below(2) == 0) // half of official prose carries no number at all
        return std::string(plainSentences[below(plainSentences.size())]) + " ";
    switch (below(records ? 10 : 7)) {
    case 0:
        return date + " " + department + "에서 " + topic + " 관련 회의를 개최하였습니다. ";
    case 7:
        // Orders and waybills: long runs under their labels, a date first.
        return "주문번호 2024" + digits(4) + "-" + digits(6) + " 건은 운송장번호 " + digits(12) + "(으)로 " +
            std::to_string(2024) + "-" + std::to_string(10 + below(3)) + "-" + std::to_string(10 + below(18)) +
            " 발송되었습니다. ";
    case 8:
        // A company: its corporate registration number (the digit after the date is 0) in
        // parentheses after its name, and its registry number under a label.
        return "계약 상대방 주식회사 한빛건설(" + std::to_string(110111 + below(8)) + "-0" + digits(6) +
            ") 법인등록번호 " + std::to_string(110111 + below(8)) + "-" + std::to_string(1 + below(2)) + digits(6) +
            " 확인 완료. ";
    case 9:
        // Guarantees, insurance policies and notices: numbers of every layout under their labels.
        return "보증번호 " + std::to_string(100 + below(900)) + "-" + digits(3) + "-" + digits(6) + ", 증권번호 " +
            digits(4) + "-" + digits(4) + "-" + digits(4) + "-" + digits(4) + ", 공고 제2024-" +
            std::to_string(100 + below(900)) + "호 (" + std::to_string(2024) + "." + std::to_string(10 + below(3)) +
            "." + std::to_string(10 + below(18)) + ".) 참조. ";
    case 1:
        return "예산 " + std::to_string(1 + below(999)) + "," + digits(3) + "," + digits(3) +
            "원을 집행하였으며, 세부 내역은 붙임 문서(" + department + "-" + digits(5) + ")를 참고하시기 바랍니다. ";
    case 2:
        return "접수번호 2024" + digits(4) + "-" + digits(7) + ", 처리기한은 2024-" + std::to_string(10 + below(3)) +
            "-" + std::to_string(10 + below(18)) + "까지입니다. ";
    case 3:
        return std::to_string(9 + below(9)) + ":" + std::to_string(10 + below(50)) + "에 " + department +
            " 회의실(본관 " + std::to_string(1 + below(9)) + "층)에서 진행할 예정입니다. ";
    case 4:
        return "관련 법령 제" + std::to_string(1 + below(99)) + "조 제" + std::to_string(1 + below(9)) + "항에 따라 " +
            topic + " 업무를 처리합니다. 문의는 대표전화 1588-" + digits(4) + "로 해 주십시오. ";
    case 5:
        return "총 " + std::to_string(10 + below(90)) + "개 부서 " + std::to_string(100 + below(900)) +
            "명이 참석하였고, 만족도는 " + std::to_string(60 + below(40)) + "." + digits(1) + "%로 집계되었습니다. ";
    default:
        return "시스템 버전 " + std::to_string(1 + below(9)) + "." + std::to_string(below(20)) + "." +
            std::to_string(below(30)) + " 적용 후 서버(10." + std::to_string(below(255)) + "." +
            std::to_string(below(255)) + "." + std::to_string(1 + below(254)) + ") 점검을 마쳤습니다.\n";
    }
}

std::string CorpusGenerator::birthDate()
{
    const int year = static_cast<int>(50 + below(50));
    const int month = static_cast<int>(1 + below(12));
    const int day = static_cast<int>(1 + below(28));
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d%02d%02d", year, month, day);
    return buffer;
}

std::string CorpusGenerator::personalItem()
{
    const std::string name(names[below(names.size())]);
    switch (below(4)) {
    case 0:
        return "신청인 " + name + "(주민등록번호 " + birthDate() + "-" + std::to_string(1 + below(2)) + digits(6) +
            ")의 서류를 첨부합니다. ";
    case 1:
        return name + " 주무관 연락처는 010-" + std::to_string(2 + below(8)) + digits(3) + "-" + digits(4) + "입니다. ";
    case 2:
        return "지원금은 " + std::string(banks[below(banks.size())]) + " 계좌 " + std::to_string(100 + below(900)) +
            "-" + digits(3) + "-" + digits(6) + "(예금주 " + name + ")로 입금됩니다. ";
    default:
        return "회신은 " + name + " 담당자(user" + digits(4) + "@incheon.go.kr)에게 보내 주십시오. ";
    }
}

std::string CorpusGenerator::rosterLine(std::size_t index)
{
    return std::to_string(index) + ". " + std::string(names[below(names.size())]) + " " + birthDate() + "-" +
        std::to_string(1 + below(2)) + digits(6) + " 010-" + std::to_string(2 + below(8)) + digits(3) + "-" +
        digits(4) + " " + std::string(banks[below(banks.size())]) + " " + std::to_string(100 + below(900)) + "-" +
        digits(3) + "-" + digits(6) + "\n";
}

CorpusGenerator::Corpus CorpusGenerator::generate(std::size_t bytes, Density density)
{
    Corpus corpus;
    corpus.text.reserve(bytes);
    constexpr std::size_t sparseSpacing = 10 * 1024;
    std::size_t nextItemAt = density == Density::Sparse ? below(sparseSpacing) : 0;
    std::size_t line = 1;
    while (true) {
        std::string piece;
        std::size_t items = 0;
        if (density == Density::Dense) {
            piece = rosterLine(line++);
            items = 3;
        } else if (density == Density::Sparse && corpus.text.size() >= nextItemAt) {
            piece = personalItem();
            items = 1;
            nextItemAt += sparseSpacing;
        } else {
            piece = fillerSentence(density == Density::Records);
        }
        if (!corpus.text.empty() && corpus.text.size() + piece.size() > bytes)
            break; // whole sentences only, so the planted count stays exact
        corpus.text += piece;
        corpus.planted += items;
    }
    return corpus;
}

} // namespace SendGuard::Bench
