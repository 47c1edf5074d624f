// SPDX-License-Identifier: GPL-2.0-or-later
#include "shapematcher.h"

#include <algorithm>
#include <limits>

namespace SendGuard::Core {

namespace {

using Item = Shape::Item;

constexpr std::size_t Unbounded = std::numeric_limits<std::size_t>::max();

bool isDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

bool isLetter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool onlyDigits(std::string_view s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return isDigit(static_cast<unsigned char>(c)); });
}

// Bytes of the mask character at text[pos] ('*', 'x', 'X', '●', '•'), or 0.
std::size_t maskLength(std::string_view text, std::size_t pos)
{
    const char c = text[pos];
    if (c == '*' || c == 'x' || c == 'X')
        return 1;
    if (pos + 2 < text.size() && text[pos] == '\xE2') {
        const std::string_view three = text.substr(pos, 3);
        if (three == "\xE2\x97\x8F" || three == "\xE2\x80\xA2")
            return 3;
    }
    return 0;
}

struct RunLengths
{
    std::size_t shortest = 0;
    std::size_t longest = 0;
    bool ended = false; // an item after them surely is no digit
    std::bitset<256> next; // when ended: the bytes that item can start with
};

RunLengths firstRunOf(const std::vector<Item> &items);

// How an item adds to the first run of digits; `ended` when it cannot be a digit, longest
// Unbounded when it may or may not continue the run.
RunLengths firstRunOf(const Item &item)
{
    switch (item.kind) {
    case Item::Kind::Digits:
        return {std::size_t(item.min), std::size_t(item.max), false, {}};
    case Item::Kind::ByteIn: {
        std::size_t digits = 0;
        for (int c = '0'; c <= '9'; ++c)
            digits += item.bytes.test(std::size_t(c)) ? 1 : 0;
        if (digits == item.bytes.count())
            return {1, 1, false, {}};
        return {0, digits == 0 ? 0 : Unbounded, digits == 0, item.bytes};
    }
    case Item::Kind::Literal: {
        const bool allDigits = std::all_of(item.literals.begin(), item.literals.end(), onlyDigits);
        if (allDigits) {
            RunLengths lengths {Unbounded, 0, false, {}};
            for (const std::string &literal : item.literals) {
                lengths.shortest = std::min(lengths.shortest, literal.size());
                lengths.longest = std::max(lengths.longest, literal.size());
            }
            return lengths;
        }
        const bool allEnd = std::all_of(item.literals.begin(), item.literals.end(), [](const std::string &literal) {
            return !literal.empty() && !isDigit(static_cast<unsigned char>(literal.front()));
        });
        return {0, allEnd ? 0 : Unbounded, allEnd, item.bytes};
    }
    case Item::Kind::Masks: {
        RunLengths lengths {0, 0, true, {}};
        for (const int c : {int('*'), int('x'), int('X'), 0xE2})
            lengths.next.set(std::size_t(c));
        return lengths;
    }
    case Item::Kind::Optional: {
        const RunLengths inner = firstRunOf(item.inner);
        return {0, inner.ended ? Unbounded : inner.longest, false, {}};
    }
    }
    return {0, Unbounded, false, {}};
}

// The lengths the first run of digits can have when the items match from its start.
RunLengths firstRunOf(const std::vector<Item> &items)
{
    RunLengths total;
    for (const Item &item : items) {
        const RunLengths part = firstRunOf(item);
        total.shortest += part.shortest;
        if (part.ended) {
            total.ended = true;
            total.next = part.next;
            return total;
        }
        if (part.longest == Unbounded) {
            total.longest = Unbounded;
            return total;
        }
        total.longest += part.longest;
    }
    // At the end of the shape a longer run would put a digit right after the match: the scanner
    // never takes such a match, so the run is at most as long as the shape.
    return total;
}

// The bytes the first item can start with.
std::bitset<256> firstBytesOf(const Item &item)
{
    if (item.kind != Item::Kind::Digits)
        return item.bytes; // ByteIn and Literal keep them
    std::bitset<256> digits;
    for (int c = '0'; c <= '9'; ++c)
        digits.set(std::size_t(c));
    return digits;
}

bool startsWithDigit(const std::vector<Item> &items)
{
    if (items.empty())
        return false;
    const Item &first = items.front();
    switch (first.kind) {
    case Item::Kind::Digits:
        return first.min > 0;
    case Item::Kind::ByteIn:
        return first.bytes.any() && firstRunOf(first).shortest == 1;
    case Item::Kind::Literal:
        return !first.literals.empty() && std::all_of(first.literals.begin(), first.literals.end(), [](const auto &l) {
            return !l.empty() && isDigit(static_cast<unsigned char>(l.front()));
        });
    case Item::Kind::Masks:
    case Item::Kind::Optional:
        return false;
    }
    return false;
}

} // namespace

bool ShapeMatcher::add(const Shape &shape, Boundary boundary, std::size_t tag, QString *error)
{
    if (!startsWithDigit(shape.items())) {
        *error = QStringLiteral("a shape must start with a digit after its prefix");
        return false;
    }
    if (m_shapes.size() >= std::numeric_limits<std::uint16_t>::max()) {
        *error = QStringLiteral("too many shapes");
        return false;
    }
    const RunLengths run = firstRunOf(shape.items());
    const std::bitset<256> firstBytes = firstBytesOf(shape.items().front());
    const auto index = static_cast<std::uint16_t>(m_shapes.size());
    CompiledShape compiled {shape, boundary, tag, {}, {}, {}};
    // What may follow the first run: the item that ends it, or anything when the shape may end there.
    if (run.ended)
        compiled.afterFirstRun = run.next;
    else
        compiled.afterFirstRun.set();
    for (const std::string &prefix : shape.prefixes()) {
        compiled.prefixLastBytes.set(static_cast<unsigned char>(prefix.back()));
        if (prefix.size() >= 2)
            compiled.prefixSecondLastBytes.set(static_cast<unsigned char>(prefix[prefix.size() - 2]));
        else
            compiled.prefixSecondLastBytes.set(); // a one-byte prefix: any byte before it
    }
    m_shapes.push_back(std::move(compiled));
    for (std::size_t length = std::max<std::size_t>(1, run.shortest); length <= LongestTrackedRun; ++length) {
        if (run.longest != Unbounded && length > run.longest)
            break;
        for (int digit = 0; digit < 10; ++digit) {
            if (firstBytes.test(std::size_t('0' + digit)))
                m_byFirstRun[length * 10 + std::size_t(digit)].push_back(index);
        }
    }
    return true;
}

// Whether the items of `rest` can start with a digit (conservatively: true when unsure).
bool ShapeMatcher::mayTakeDigit(const Continuation &rest)
{
    if (rest.next == rest.items->size())
        return rest.then == nullptr || mayTakeDigit(*rest.then);
    return (*rest.items)[rest.next].mayStartWithDigit;
}

bool ShapeMatcher::leadAllows(Boundary boundary, char lead)
{
    const auto c = static_cast<unsigned char>(lead);
    switch (boundary) {
    case Boundary::Digits:
        return !isDigit(c);
    case Boundary::Alphanumeric:
        return !isDigit(c) && !isLetter(c);
    case Boundary::AddressCharacters:
        return !isDigit(c) && !isLetter(c) && c != '.' && c != '_' && c != '%' && c != '+' && c != '-';
    }
    return false;
}

// Backtracking in the order of preference: the first complete match is the regular expression's.
// Shapes are short and their quantities small, so the search is bounded by a few dozen steps.
bool ShapeMatcher::matchItems(const Continuation &rest, std::string_view text, std::size_t pos, std::size_t *end)
{
    if (rest.next == rest.items->size()) {
        if (rest.then == nullptr) {
            *end = pos;
            return true;
        }
        return matchItems(*rest.then, text, pos, end);
    }
    const Item &item = (*rest.items)[rest.next];
    const Continuation after {rest.items, rest.next + 1, rest.then};
    switch (item.kind) {
    case Item::Kind::Digits: {
        std::size_t available = 0;
        while (available < std::size_t(item.max) && pos + available < text.size() &&
               isDigit(static_cast<unsigned char>(text[pos + available])))
            ++available;
        // Fewer digits leave a digit next, which only an item that takes digits can use: without
        // one, only the greedy count is worth trying (backtracking would fail the same way).
        const bool shorterCanMatch = mayTakeDigit(after);
        for (std::size_t count = available; count >= std::size_t(item.min); --count) {
            if (matchItems(after, text, pos + count, end))
                return true;
            if (count == 0 || !shorterCanMatch)
                break;
        }
        return false;
    }
    case Item::Kind::ByteIn:
        return pos < text.size() && item.bytes.test(static_cast<unsigned char>(text[pos])) &&
            matchItems(after, text, pos + 1, end);
    case Item::Kind::Literal: {
        // Most starts fail on the first byte: look at it before comparing the alternatives.
        if ((pos == text.size() || !item.bytes.test(static_cast<unsigned char>(text[pos]))) && !item.canBeEmpty)
            return false;
        if (!item.byFirstPair.empty()) {
            if (text.size() - pos < 2)
                return false;
            const auto key = static_cast<std::uint16_t>(static_cast<unsigned char>(text[pos]) << 8 |
                                                        static_cast<unsigned char>(text[pos + 1]));
            for (const auto &[first, indices] : item.byFirstPair) {
                if (first != key)
                    continue;
                for (const std::uint8_t i : indices) {
                    const std::string &literal = item.literals[i];
                    if (endsAt(text, pos + literal.size(), literal) &&
                        matchItems(after, text, pos + literal.size(), end))
                        return true;
                }
                return false;
            }
            return false;
        }
        for (const std::string &literal : item.literals) {
            if (endsAt(text, pos + literal.size(), literal) && matchItems(after, text, pos + literal.size(), end))
                return true;
        }
        return false;
    }
    case Item::Kind::Masks: {
        for (int i = 0; i < item.min; ++i) {
            const std::size_t length = pos < text.size() ? maskLength(text, pos) : 0;
            if (length == 0)
                return false;
            pos += length;
        }
        return matchItems(after, text, pos, end);
    }
    case Item::Kind::Optional: {
        const Continuation inner {&item.inner, 0, &after};
        return matchItems(inner, text, pos, end) || matchItems(after, text, pos, end);
    }
    }
    return false;
}

} // namespace SendGuard::Core
