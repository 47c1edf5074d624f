// SPDX-License-Identifier: GPL-2.0-or-later
#include "textplace.h"

namespace SendGuard::Core {

namespace {

using Kind = TextPlace::Kind;

struct KindText
{
    Kind kind;
    const char16_t *wire;
    const char16_t *english; // %1: the value
    const char16_t *korean;
};

constexpr KindText kindTexts[] = {
    {Kind::Entry, u"entry", u"%1", u"%1"},
    {Kind::Sheet, u"sheet", u"%1", u"%1"},
    {Kind::Cell, u"cell", u"cell %1", u"%1칸"},
    {Kind::Page, u"page", u"page %1", u"%1쪽"},
    {Kind::Slide, u"slide", u"slide %1", u"슬라이드 %1"},
    {Kind::Notes, u"notes", u"notes of slide %1", u"슬라이드 %1 메모"},
    {Kind::Paragraph, u"paragraph", u"paragraph %1", u"%1번째 문단"},
    {Kind::Table, u"table", u"table %1", u"표 %1"},
    {Kind::Row, u"row", u"row %1", u"%1행"},
    {Kind::Header, u"header", u"header", u"머리말"},
    {Kind::Footer, u"footer", u"footer", u"꼬리말"},
    {Kind::Footnote, u"footnote", u"footnote %1", u"각주 %1"},
    {Kind::Endnote, u"endnote", u"endnote %1", u"미주 %1"},
    {Kind::Comment, u"comment", u"comment %1", u"메모 %1"},
    {Kind::Deleted, u"deleted", u"tracked deletion", u"변경 추적으로 지운 글"},
    {Kind::Section, u"section", u"section %1", u"구역 %1"},
    {Kind::TextBox, u"textbox", u"text box", u"글상자"},
    {Kind::Preview, u"preview", u"preview text", u"미리보기 글"},
    {Kind::Subject, u"subject", u"subject", u"제목"},
    {Kind::Alternative, u"alternative", u"alternative copy", u"대체 사본"},
    {Kind::FormField, u"field", u"form field %1", u"입력란 %1"},
    {Kind::Note, u"note", u"note %1", u"주석 %1"},
    {Kind::FileName, u"filename", u"file name", u"파일 이름"},
    {Kind::Name, u"name", u"name", u"이름"},
    {Kind::AddressField, u"address", u"%1 field", u"%1 주소란"},
};

const KindText *textOf(Kind kind)
{
    for (const KindText &text : kindTexts) {
        if (text.kind == kind)
            return &text;
    }
    return nullptr;
}

// A value as people may see it: a control character a crafted entry name holds (an escape that
// would drive a terminal, a line break that would fake a line) is shown as U+FFFD.
QString printable(QString value)
{
    for (QChar &c : value) {
        if (c.category() == QChar::Other_Control)
            c = QChar::ReplacementCharacter;
    }
    return value;
}

QString wordOf(const TextPlace::Step &step, bool korean)
{
    const KindText *text = textOf(step.kind);
    if (!text)
        return printable(step.value);
    const QString pattern = QString::fromUtf16(korean ? text->korean : text->english);
    if (!pattern.contains(u"%1"))
        return pattern;
    // A step with no value of its own (the footnotes of a Word 97-2003 file, as one story): its word alone.
    return step.value.isEmpty() ? QString(pattern).remove(u"%1"_qs).trimmed()
                                : QString(pattern).replace(u"%1"_qs, printable(step.value));
}

} // namespace

TextPlace TextPlace::then(Kind kind, const QString &value) const
{
    // A place says where, in a few words: a crafted file cannot make it long (a 400 KB note id, a
    // thousand nested tables), so no output grows with the square of what it holds.
    // A file's name says what its text is (NameMasking): past the bound it takes the last step's place.
    if (steps.size() >= MaxSteps && kind != Kind::FileName)
        return *this;
    TextPlace next = *this;
    if (steps.size() >= MaxSteps)
        next.steps.removeLast();
    next.steps.append({kind, value.size() > MaxValueLength ? value.left(MaxValueLength - 1) + QChar(0x2026) : value});
    return next;
}

qsizetype TextPlace::size() const
{
    qsizetype total = 0;
    for (const Step &step : steps)
        total += step.value.size() + 8;
    return total;
}

QStringList TextPlace::toWire() const
{
    QStringList wire;
    for (const Step &step : steps)
        wire.append(QString::fromUtf16(textOf(step.kind)->wire) + QLatin1Char('=') + step.value);
    return wire;
}

std::optional<TextPlace> TextPlace::fromWire(const QStringList &wire)
{
    TextPlace place;
    for (const QString &item : wire) {
        const qsizetype equals = item.indexOf(QLatin1Char('='));
        if (equals < 0)
            return std::nullopt;
        const QStringView name = QStringView(item).left(equals);
        const KindText *found = nullptr;
        for (const KindText &text : kindTexts) {
            if (name == QStringView(text.wire))
                found = &text;
        }
        if (!found)
            return std::nullopt;
        place.steps.append({found->kind, item.mid(equals + 1)});
    }
    return place;
}

QString TextPlace::describe(QStringView language) const
{
    const bool korean = language.startsWith(u"ko");
    QString result;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const Step &step = steps.at(i);
        const Step *before = i > 0 ? &steps.at(i - 1) : nullptr;
        if (before && before->kind == Kind::Sheet && step.kind == Kind::Cell) {
            result += QLatin1Char('!') + step.value; // Sheet2!C14, as spreadsheets write it
            continue;
        }
        if (before && (step.kind == Kind::Row || (step.kind == Kind::Cell && before->kind == Kind::Row)))
            result += korean ? QStringLiteral(" ") : QStringLiteral(", ");
        else if (!result.isEmpty())
            result += QStringLiteral(" › ");
        result += wordOf(step, korean);
    }
    return result;
}

} // namespace SendGuard::Core
