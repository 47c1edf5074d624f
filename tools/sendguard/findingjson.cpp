// SPDX-License-Identifier: GPL-2.0-or-later
#include "findingjson.h"

#include <QStringList>

namespace SendGuard::Tools::FindingJson {

QString quoted(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

QString finding(const Core::Finding &finding, const QString &field)
{
    return QStringLiteral(R"({"detector":%1,"severity":%2,"confidence":%3,"start":%4,"end":%5,"masked":%6%7})")
        .arg(quoted(finding.detector), quoted(Core::severityName(finding.severity)),
             QString::number(finding.confidence, 'g', 3), QString::number(finding.start), QString::number(finding.end),
             quoted(finding.masked), field.isEmpty() ? QString() : QStringLiteral(",\"field\":") + quoted(field));
}

QString findings(const std::vector<Core::Finding> &list)
{
    QStringList items;
    items.reserve(static_cast<qsizetype>(list.size()));
    for (const Core::Finding &f : list)
        items << finding(f);
    return QLatin1Char('[') + items.join(QLatin1Char(',')) + QLatin1Char(']');
}

} // namespace SendGuard::Tools::FindingJson
