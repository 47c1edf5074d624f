// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace SendGuard::Bench {

// Generates Korean civil-service prose (notices, minutes, budget lines, receipts) with a known
// number of planted personal-data items. Deterministic for a given seed. The filler is full of the
// numbers such text really has (dates, amounts, document and receipt numbers, times, business
// phone numbers), so a prefilter cannot win by skipping digits.
class CorpusGenerator
{
public:
    enum class Density {
        None, // no personal data at all
        Records, // none either, and more numbers that are no one's: orders, waybills, guarantees,
                 // insurance policies and companies under their labels (the false-alarm corpus)
        Sparse, // about one item per 10 KB
        Dense, // a roster: every line a person with RRN, phone and bank account
    };

    struct Corpus
    {
        std::string text;
        std::size_t planted = 0; // items a correct scanner must find
    };

    explicit CorpusGenerator(std::uint64_t seed);

    Corpus generate(std::size_t bytes, Density density);

private:
    std::uint64_t next();
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    std::string digits(int count);
    std::string fillerSentence(bool records);
    std::string personalItem();
    std::string rosterLine(std::size_t index);
    std::string birthDate();

    std::uint64_t m_state;
};

} // namespace SendGuard::Bench
