// SPDX-License-Identifier: GPL-2.0-or-later
// MessageMasker: what "mask and send" sends, and that the masked message passes the check it
// must pass before it goes.
#include "check/messagechecker.h"
#include "policy/builtinpolicy.h"

#include "messagesfortests.h"
#include "scannerfortests.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace SendGuard::Core;
using SendGuard::Tests::defaultPolicy;
using SendGuard::Tests::testToday;
using SendGuard::Tests::toAllStaff;

namespace {

MessageAttachment inMemory(const QString &name, const QByteArray &bytes)
{
    return {name, QString(), bytes};
}

std::vector<AttachmentText> texts(const OutgoingMessage &message)
{
    std::vector<AttachmentText> result;
    for (const MessageAttachment &attachment : message.attachments)
        result.push_back(AttachmentText::read(attachment, QString()));
    return result;
}

} // namespace

class MessageMaskerTest : public QObject
{
    Q_OBJECT

    const MessageChecker m_checker {defaultPolicy(), Scanner::Options {testToday()}};

private Q_SLOTS:
    void shouldMaskEveryPartSoThatTheMessageIsAllowed()
    {
        OutgoingMessage m = toAllStaff(QStringLiteral("신청인 900101-1234568"),
                                       QStringLiteral("연락처 010-9876-5432\n주민등록번호 850315-2345678\n"));
        m.attachments = {inMemory(QStringLiteral("명단.csv"), "이름,번호\n가,580412-1011407\n나,620905-2012411\n")};
        const auto before = m_checker.check(m, texts(m), testToday());
        QVERIFY(before.complete);
        QCOMPARE(before.verdict.level, VerdictLevel::Justify);

        const MessageMasker::Result masked = m_checker.mask(m, texts(m));
        QVERIFY(masked.complete);
        QCOMPARE(masked.maskedCount, 5);
        QCOMPARE(masked.message.subject, QStringLiteral("신청인 900101-1******"));
        QCOMPARE(masked.message.body, QStringLiteral("연락처 010-****-5432\n주민등록번호 850315-2******\n"));
        QVERIFY(masked.message.attachments[0].data);
        QCOMPARE(*masked.message.attachments[0].data, QByteArray("이름,번호\n가,580412-1******\n나,620905-2******\n"));
        QCOMPARE(masked.attachments[0].utf8, *masked.message.attachments[0].data);
        // Who it goes to does not change.
        QCOMPARE(masked.message.recipients.size(), m.recipients.size());
        QCOMPARE(masked.message.action, m.action);

        const auto after = m_checker.check(masked.message, masked.attachments, testToday());
        QVERIFY(after.complete);
        QCOMPARE(after.verdict.level, VerdictLevel::Allow);
    }

    // A CSV file's quoted cells are read with their line breaks as spaces, so that a wrapped title
    // heads its column; the masked file keeps its own line breaks.
    void shouldMaskACsvFileReadByItsQuotedCells()
    {
        OutgoingMessage m = toAllStaff(QStringLiteral("명단"), QStringLiteral("첨부"));
        QByteArray csv = "성명,\"입금\n은행\",\"계좌\n번호\",주소\n";
        for (int row = 1; row <= 5; ++row)
            csv += "이름" + QByteArray::number(row) + ",\"농협\n(본점)\",302-1234-5678-9" + QByteArray::number(row) +
                ",\"서울특별시 중구 세종대로 110\n(태평로1가, 서울특별시청)\"\n";
        m.attachments = {inMemory(QStringLiteral("명단.csv"), csv)};
        const auto before = m_checker.check(m, texts(m), testToday());
        QVERIFY(before.complete);
        QCOMPARE(before.verdict.findings.size(), std::size_t(5));
        const MessageMasker::Result masked = m_checker.mask(m, texts(m));
        QVERIFY(masked.complete);
        QCOMPARE(masked.maskedCount, 5);
        QCOMPARE(*masked.message.attachments[0].data, QByteArray(csv).replace("302-1234-5678-9", "***-****-**78-9"));
    }

    void shouldReadAttachmentsFromPathsAndReturnMaskedOnesAsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("roster.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("번호\n580412-1011407\n");
        file.close();
        OutgoingMessage m = toAllStaff(QStringLiteral("명단"), QStringLiteral("첨부 참고"));
        m.attachments = {{QStringLiteral("roster.csv"), path, std::nullopt},
                         {QStringLiteral("clean.txt"), QString(), QByteArray("회의는 3시입니다")}};
        const MessageMasker::Result masked = m_checker.mask(m, texts(m));
        QVERIFY(masked.complete);
        QVERIFY(masked.message.attachments[0].path.isEmpty());
        QCOMPARE(*masked.message.attachments[0].data, QByteArray("번호\n580412-1******\n"));
        // Nothing to mask: the attachment stays exactly as given.
        QCOMPARE(masked.message.attachments[1].data, m.attachments[1].data);
        QCOMPARE(masked.message.subject, m.subject);
        QCOMPARE(masked.message.body, m.body);
    }

    void shouldMaskSameNamedAttachmentsEachWithItsOwnFindings()
    {
        OutgoingMessage m = toAllStaff(QString(), QString());
        m.attachments = {inMemory(QStringLiteral("명단.csv"), "a 580412-1011407"),
                         inMemory(QStringLiteral("명단.csv"), "longer prefix before it: 620905-2012411 end")};
        const MessageMasker::Result masked = m_checker.mask(m, texts(m));
        QCOMPARE(*masked.message.attachments[0].data, QByteArray("a 580412-1******"));
        QCOMPARE(*masked.message.attachments[1].data, QByteArray("longer prefix before it: 620905-2****** end"));
    }

    void shouldLeaveAttachmentsItCannotReadAsTheyAre()
    {
        OutgoingMessage m = toAllStaff(QStringLiteral("신청서"), QStringLiteral("900101-1234568"));
        m.attachments = {inMemory(QStringLiteral("신청서.docx"), QByteArray("PK\x03\x04 not text"))};
        const MessageMasker::Result masked = m_checker.mask(m, texts(m));
        QVERIFY(masked.complete);
        QCOMPARE(masked.message.attachments[0].data, m.attachments[0].data);
        QCOMPARE(masked.attachments[0].status, AttachmentText::Status::NotScanned);
        QCOMPARE(masked.message.body, QStringLiteral("900101-1******"));
    }

    void shouldNeverReplaceADocumentWithItsText()
    {
        // A document's text, as the extraction helper gives it: masking it would send plain text
        // named 신청서.docx. Not masked, and so not offered; a document without findings is fine.
        OutgoingMessage m = toAllStaff(QStringLiteral("신청서"), QStringLiteral("첨부 참고"));
        m.attachments = {inMemory(QStringLiteral("신청서.docx"), QByteArray("PK\x03\x04", 4))};
        AttachmentText document;
        document.name = QStringLiteral("신청서.docx");
        document.status = AttachmentText::Status::Text;
        document.append(TextPlace {}.then(TextPlace::Kind::Paragraph, QStringLiteral("2")),
                        QByteArray("주민등록번호 900101-1234568"));
        const MessageMasker::Result masked = m_checker.mask(m, {document});
        QVERIFY(!masked.complete);
        QVERIFY2(masked.error.contains(QStringLiteral("a document is not masked")), qPrintable(masked.error));
        QCOMPARE(masked.message.attachments[0].data, m.attachments[0].data);

        AttachmentText clean = document;
        clean.utf8 = "신청인 성명";
        QVERIFY(m_checker.mask(m, {clean}).complete);
    }

    void shouldKeepAllowListedNumbers()
    {
        Policy policy = defaultPolicy();
        policy.allowList.phoneNumbers = {QStringLiteral("032-440-2114")};
        const MessageChecker checker(policy, Scanner::Options {testToday()});
        const OutgoingMessage m = toAllStaff(QString(), QStringLiteral("대표 032-440-2114, 담당 010-9876-5432"));
        const MessageMasker::Result masked = checker.mask(m, {});
        QCOMPARE(masked.message.body, QStringLiteral("대표 032-440-2114, 담당 010-****-5432"));
        QCOMPARE(masked.maskedCount, 1);
    }

    void shouldMaskFreeText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("secret");
        QTest::newRow("rrn") << QStringLiteral("민원인 900101-1234568 요청") << QStringLiteral("1234568");
        QTest::newRow("phone") << QStringLiteral("연락처 010-9876-5432로 회신") << QStringLiteral("9876");
        QTest::newRow("card") << QStringLiteral("카드 4111-1111-1111-1111 결제") << QStringLiteral("1111-1111-1111");
        QTest::newRow("email") << QStringLiteral("hong.gildong@example.com 요청") << QStringLiteral("hong.gildong");
        QTest::newRow("account") << QStringLiteral("농협 계좌 302-1234-5678-91") << QStringLiteral("302-1234");
    }
    void shouldMaskFreeText()
    {
        QFETCH(QString, text);
        QFETCH(QString, secret);
        QVERIFY(text.contains(secret));
        const QString masked = m_checker.maskText(text);
        QVERIFY2(!masked.contains(secret), qPrintable(masked));
        QCOMPARE(m_checker.maskText(QStringLiteral("업무상 필요한 공지입니다")),
                 QStringLiteral("업무상 필요한 공지입니다"));
    }
};

QTEST_GUILESS_MAIN(MessageMaskerTest)
#include "messagemaskertest.moc"
