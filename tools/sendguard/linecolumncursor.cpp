// SPDX-License-Identifier: GPL-2.0-or-later
#include "linecolumncursor.h"

namespace SendGuard::Tools {

LineColumnCursor::LineColumnCursor(std::string_view text)
    : m_text(text)
{
}

QString LineColumnCursor::advanceTo(std::size_t offset)
{
    offset = offset > m_base ? offset - m_base : 0;
    for (; m_offset < offset && m_offset < m_text.size(); ++m_offset) {
        if (m_text[m_offset] == '\n') {
            ++m_line;
            m_column = 1;
        } else if ((m_text[m_offset] & 0xC0) != 0x80) {
            ++m_column;
        }
    }
    return QStringLiteral("%1:%2").arg(m_line).arg(m_column);
}

void LineColumnCursor::continueWith(std::string_view next)
{
    Q_ASSERT(m_offset == m_text.size());
    m_base += m_text.size();
    m_text = next;
    m_offset = 0;
}

} // namespace SendGuard::Tools
