// SPDX-License-Identifier: GPL-2.0-or-later
// HWP 5.0: the compound file (its sectors, chains and directory), the FileHeader, the sections
// inflated and their records read with every size checked; and one record's paragraph text alone.
#include "documentlimits.h"
#include "fuzzinput.h"

#include "compoundfile.h"
#include "documentextractor.h"
#include "hwpextractor.h"
#include "textsink.h"

using namespace SendGuard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = Fuzz::bytesOf(data, size);
    QString error;
    if (const auto file = Extract::CompoundFile::open(bytes, &error)) {
        for (const QString &stream : file->streams())
            (void)file->stream(stream, 1 << 20, &error);
    }
    Extract::TextSink sink(Fuzz::documentLimits(), [](const Core::TextPlace &, QByteArrayView) {});
    Extract::HwpExtractor::extract(bytes, {}, sink,
                                   [&](const QByteArray &object, const QString &name, const Core::TextPlace &place) {
                                       Extract::DocumentExtractor::extract(object, name, place, sink, 1);
                                   });
    (void)Extract::HwpExtractor::paragraphText(QByteArrayView(bytes));
    return 0;
}
