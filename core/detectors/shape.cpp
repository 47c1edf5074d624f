// SPDX-License-Identifier: GPL-2.0-or-later
#include "shape.h"

#include <algorithm>

namespace SendGuard::Core {

Shape &Shape::prefix(std::vector<std::string> alternatives, bool optional)
{
    // Leftmost first: a longer prefix ending at the same digit starts earlier.
    std::stable_sort(alternatives.begin(), alternatives.end(),
                     [](const std::string &a, const std::string &b) { return a.size() > b.size(); });
    m_prefixes = std::move(alternatives);
    m_prefixOptional = optional;
    return *this;
}

Shape &Shape::digits(int min, int max)
{
    Item item;
    item.kind = Item::Kind::Digits;
    item.min = min;
    item.max = max;
    item.mayStartWithDigit = max > 0;
    m_items.push_back(std::move(item));
    return *this;
}

Shape &Shape::digitIn(std::string_view digits)
{
    return byteIn(digits);
}

Shape &Shape::letterIn(std::string_view letters)
{
    return byteIn(letters);
}

Shape &Shape::byteIn(std::string_view bytes)
{
    Item item;
    item.kind = Item::Kind::ByteIn;
    item.mayStartWithDigit = false;
    for (const char c : bytes) {
        item.bytes.set(static_cast<unsigned char>(c));
        item.mayStartWithDigit = item.mayStartWithDigit || (c >= '0' && c <= '9');
    }
    m_items.push_back(std::move(item));
    return *this;
}

Shape &Shape::literal(std::vector<std::string> alternatives)
{
    Item item;
    item.kind = Item::Kind::Literal;
    item.mayStartWithDigit = false;
    for (const std::string &alternative : alternatives) {
        if (alternative.empty()) {
            item.canBeEmpty = true;
        } else {
            item.bytes.set(static_cast<unsigned char>(alternative.front()));
            item.sizesAndFirstBytes |= std::uint64_t(1)
                << Item::sizeAndFirstBit(alternative.size(), static_cast<unsigned char>(alternative.front()));
        }
        item.mayStartWithDigit =
            item.mayStartWithDigit || alternative.empty() || (alternative.front() >= '0' && alternative.front() <= '9');
    }
    // Indexed by their first two bytes when all have two, else by the first (none may be empty).
    const bool indexable = alternatives.size() <= 256 &&
        std::none_of(alternatives.begin(), alternatives.end(), [](const std::string &a) { return a.empty(); });
    item.byFirstByteOnly =
        std::any_of(alternatives.begin(), alternatives.end(), [](const std::string &a) { return a.size() < 2; });
    for (std::size_t i = 0; indexable && i < alternatives.size(); ++i) {
        const std::uint16_t key = *item.indexKey(alternatives[i]);
        auto group = std::find_if(item.byFirstPair.begin(), item.byFirstPair.end(),
                                  [key](const auto &g) { return g.first == key; });
        if (group == item.byFirstPair.end())
            group = item.byFirstPair.insert(item.byFirstPair.end(), {key, {}});
        group->second.push_back(static_cast<std::uint8_t>(i));
    }
    item.literals = std::move(alternatives);
    m_items.push_back(std::move(item));
    return *this;
}

Shape &Shape::masks(int count)
{
    Item item;
    item.kind = Item::Kind::Masks;
    item.mayStartWithDigit = false;
    item.min = item.max = count;
    m_items.push_back(std::move(item));
    return *this;
}

Shape &Shape::optional(const Shape &inner)
{
    Item item;
    item.kind = Item::Kind::Optional;
    item.inner = inner.items();
    m_items.push_back(std::move(item));
    return *this;
}

} // namespace SendGuard::Core
