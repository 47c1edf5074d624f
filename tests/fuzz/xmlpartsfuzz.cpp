// SPDX-License-Identifier: GPL-2.0-or-later
// An XML part without the ZIP around it (so the fuzzer reaches the XML itself): walked as a
// WordprocessingML body, and for all its text as the parts no extractor knows are read.
#include "documentlimits.h"
#include "fuzzinput.h"

#include "textsink.h"
#include "xmltextwalker.h"

using namespace SendGuard;

namespace {

const Extract::XmlTextWalker::Dialect &wordLike()
{
    static const Extract::XmlTextWalker::Dialect dialect = [] {
        Extract::XmlTextWalker::Dialect d;
        d.paragraphs = {QStringLiteral("p")};
        d.texts = {QStringLiteral("t")};
        d.deletedTexts = {QStringLiteral("delText")};
        d.skipped = {QStringLiteral("instrText")};
        d.lineBreaks = {QStringLiteral("br"), QStringLiteral("cr")};
        d.tabs = {QStringLiteral("tab")};
        d.symbol = QStringLiteral("sym");
        d.spaces = QStringLiteral("s");
        d.table = QStringLiteral("tbl");
        d.row = QStringLiteral("tr");
        d.cell = QStringLiteral("tc");
        d.containers.insert(QStringLiteral("txbxContent"), {Core::TextPlace::Kind::TextBox, QString()});
        return d;
    }();
    return dialect;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray xml = Fuzz::bytesOf(data, size);
    QString error;
    Extract::TextSink walked(Fuzz::documentLimits(), [](const Core::TextPlace &, QByteArrayView) {});
    (void)Extract::XmlTextWalker::walk(xml, wordLike(), {}, walked, &error);
    Extract::TextSink all(Fuzz::documentLimits(), [](const Core::TextPlace &, QByteArrayView) {});
    (void)Extract::XmlTextWalker::allText(xml, {}, all, &error);
    (void)Extract::XmlTextWalker::relationshipTarget(xml, u"/officeDocument");
    return 0;
}
