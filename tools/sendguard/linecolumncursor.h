// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

#include <string_view>

namespace SendGuard::Tools {

// 1-based line and column (in characters) of ascending byte offsets, for people reading a table.
// It walks forward only, so a text with many findings is read once, not once per finding.
class LineColumnCursor
{
public:
    explicit LineColumnCursor(std::string_view text);

    // "LINE:COLUMN" of offset; offsets must not decrease from one call to the next.
    QString advanceTo(std::size_t offset);

    // Counts the rest of the current text's lines: call it while the text is still there (a
    // stream's block lives only as long as the call that hands it on).
    void finishText() { advanceTo(m_base + m_text.size()); }

    // Goes on with the next piece of a stream, which starts where the current text ends: lines
    // and columns carry over, and offsets stay offsets into the whole stream. The current text
    // must be finished (finishText()): it is not read again, it may be gone.
    void continueWith(std::string_view next);

private:
    std::string_view m_text;
    std::size_t m_base = 0; // stream offset of m_text[0]
    std::size_t m_offset = 0; // in m_text
    qsizetype m_line = 1;
    qsizetype m_column = 1;
};

} // namespace SendGuard::Tools
