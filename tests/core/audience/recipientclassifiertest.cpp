// SPDX-License-Identifier: GPL-2.0-or-later
#include "audience/recipientclassifier.h"
#include "message/outgoingmessagereader.h"

#include <QTest>

using namespace SendGuard::Core;

namespace {

AudienceSettings settings()
{
    AudienceSettings s;
    s.memberThreshold = 50;
    s.audienceThreshold = 50;
    s.allStaffNamePatterns = {QStringLiteral("전체"), QStringLiteral("전 직원"), QStringLiteral("all staff"),
                              QStringLiteral("everyone")};
    s.broadcastIds = {QStringLiteral("grp:press-pool")};
    s.organisationDomains = {QStringLiteral("incheon.go.kr")};
    return s;
}

// recipients: the JSON array of the message form, for readable rows.
OutgoingMessage message(const QString &recipients, const QString &original = QStringLiteral("[]"))
{
    const QByteArray json =
        QStringLiteral(R"({"action":"forward","sender":{"id":"me"},"recipients":%1,"originalRecipients":%2})")
            .arg(recipients, original)
            .toUtf8();
    auto result = OutgoingMessageReader::read({json.constData(), std::size_t(json.size())});
    if (!result.message)
        qFatal("test data: %s", qPrintable(result.errors.front().toString(QStringLiteral("row"))));
    return *result.message;
}

QString why(const RecipientAssessment &r)
{
    QStringList names;
    for (AudienceReason reason : r.why)
        names << audienceReasonName(reason);
    return names.join(QLatin1Char(','));
}

QString persons(int count, int from = 0)
{
    QStringList list;
    for (int i = from; i < from + count; ++i)
        list << QStringLiteral(R"({"id":"p%1","type":"person"})").arg(i);
    return QLatin1Char('[') + list.join(QLatin1Char(',')) + QLatin1Char(']');
}

} // namespace

class RecipientClassifierTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // One recipient per row: is it a broadcast audience, external, how many people, and why.
    void shouldClassifyEachRecipient_data()
    {
        QTest::addColumn<QString>("recipient");
        QTest::addColumn<bool>("broadcast");
        QTest::addColumn<bool>("external");
        QTest::addColumn<qint64>("audience"); // -1: unknown
        QTest::addColumn<QString>("why");
        auto row = [](const char *name, const char *recipient, bool broadcast, bool external, qint64 audience,
                      const char *why) {
            QTest::newRow(name) << QString::fromUtf8(recipient) << broadcast << external << audience
                                << QString::fromUtf8(why);
        };
        row("person", R"({"id":"lee","type":"person"})", false, false, 1, "");
        row("broadcast type, no count", R"({"id":"b","type":"broadcast"})", true, false, -1, "broadcast-type");
        row("broadcast type, small", R"({"id":"b","type":"broadcast","memberCount":3})", true, false, 3,
            "broadcast-type");
        row("group at the threshold", R"({"id":"g","type":"group","memberCount":50})", true, false, 50,
            "member-threshold");
        row("group below the threshold", R"({"id":"g","type":"group","memberCount":49})", false, false, 49, "");
        row("channel over the threshold", R"({"id":"c","type":"channel","memberCount":4812})", true, false, 4812,
            "member-threshold");
        row("all-staff name, unknown size", R"({"id":"g","name":"서구청 전 직원","type":"group"})", true, false, -1,
            "all-staff-name");
        row("all-staff name, large", R"({"id":"g","name":"인천광역시 전체","type":"group","memberCount":4812})", true,
            false, 4812, "member-threshold,all-staff-name");
        row("all-staff name, known small team", R"({"id":"g","name":"총무과 전체","type":"group","memberCount":12})",
            false, false, 12, "");
        row("all-staff name spelt with a hyphen", R"({"id":"grp:All-Staff","type":"channel"})", true, false, -1,
            "all-staff-name");
        row("all-staff name without the space", R"({"id":"g","name":"EVERYONE","type":"group"})", true, false, -1,
            "all-staff-name");
        row("unknown group with an ordinary name", R"({"id":"g","name":"민원팀","type":"group"})", false, false, -1,
            "");
        row("person named like a group", R"({"id":"jeon","name":"전체","type":"person"})", false, false, 1, "");
        row("listed broadcast id", R"({"id":"GRP:press-pool","type":"group","memberCount":5})", true, false, 5,
            "listed-id");
        row("external type", R"({"id":"vendor","type":"external"})", false, true, 1, "external-type");
        row("address outside the organisation", R"({"id":"kim@gmail.com","type":"person"})", false, true, 1,
            "outside-organisation");
        row("address inside", R"({"id":"kim@incheon.go.kr","type":"person"})", false, false, 1, "");
        row("address in a subdomain", R"({"id":"a","address":"kim@seo.incheon.go.kr","type":"person"})", false, false,
            1, "");
        row("look-alike domain", R"({"id":"a","address":"kim@evilincheon.go.kr","type":"person"})", false, true, 1,
            "outside-organisation");
    }

    void shouldClassifyEachRecipient()
    {
        QFETCH(QString, recipient);
        QFETCH(bool, broadcast);
        QFETCH(bool, external);
        QFETCH(qint64, audience);
        QFETCH(QString, why);
        const RecipientClassifier classifier(settings());
        const Audience result = classifier.classify(message(QLatin1Char('[') + recipient + QLatin1Char(']')));
        QCOMPARE(result.recipients.size(), std::size_t(1));
        const RecipientAssessment &r = result.recipients.front();
        QCOMPARE(r.broadcast, broadcast);
        QCOMPARE(r.external, external);
        QCOMPARE(r.audience.value_or(-1), audience);
        QCOMPARE(::why(r), why);
        QCOMPARE(result.broadcast, broadcast);
        QCOMPARE(result.external, external);
        QCOMPARE(result.total.exact, audience >= 0);
    }

    // Whole recipient lists: the total, each person once, and the audience threshold.
    void shouldCountTheWholeAudience_data()
    {
        QTest::addColumn<QString>("recipients");
        QTest::addColumn<qint64>("atLeast");
        QTest::addColumn<bool>("exact");
        QTest::addColumn<bool>("broadcast");
        QTest::addColumn<int>("distinct");
        QTest::newRow("49 people") << persons(49) << qint64(49) << true << false << 49;
        QTest::newRow("50 people: a broadcast by number") << persons(50) << qint64(50) << true << true << 50;
        QTest::newRow("a hand-picked 60") << persons(60) << qint64(60) << true << true << 60;
        QTest::newRow("the same person twice")
            << QStringLiteral(R"([{"id":"lee","type":"person"},{"id":"Lee","type":"person"}])") << qint64(1) << true
            << false << 1;
        QTest::newRow("30 people and a team of 30")
            << persons(30).chopped(1) + QStringLiteral(R"(,{"id":"g","type":"group","memberCount":30}])") << qint64(60)
            << true << true << 31;
        QTest::newRow("the same group twice")
            << QStringLiteral(
                   R"([{"id":"g","type":"group","memberCount":30},{"id":"g","type":"group","memberCount":30}])")
            << qint64(30) << true << false << 1;
        QTest::newRow("a person and a group of unknown size")
            << QStringLiteral(R"([{"id":"a","type":"person"},{"id":"g","type":"group"}])") << qint64(1) << false
            << false << 2;
        QTest::newRow("nobody") << QStringLiteral("[]") << qint64(0) << true << false << 0;
    }

    void shouldCountTheWholeAudience()
    {
        QFETCH(QString, recipients);
        QFETCH(qint64, atLeast);
        QFETCH(bool, exact);
        QFETCH(bool, broadcast);
        QFETCH(int, distinct);
        const Audience result = RecipientClassifier(settings()).classify(message(recipients));
        QCOMPARE(result.total.atLeast, atLeast);
        QCOMPARE(result.total.exact, exact);
        QCOMPARE(result.broadcast, broadcast);
        QCOMPARE(int(result.recipients.size()), distinct);
        const bool byNumber =
            std::find(result.why.begin(), result.why.end(), AudienceReason::AudienceThreshold) != result.why.end();
        QCOMPARE(byNumber, broadcast);
        QVERIFY(result.broadcastRecipientIds().empty()); // no single recipient is a broadcast in these rows
    }

    void shouldComputeTheAudienceChangeOfAForward()
    {
        const Audience result =
            RecipientClassifier(settings())
                .classify(message(
                    QStringLiteral(R"([{"id":"grp:all","name":"인천광역시 전체","type":"group","memberCount":4812}])"),
                    QStringLiteral(R"([{"id":"park","type":"person"}])")));
        QVERIFY(result.original);
        QCOMPARE(result.original->atLeast, 1);
        QVERIFY(result.original->exact);
        QCOMPARE(result.total.atLeast, 4812);
        QCOMPARE(result.broadcastRecipientIds(), std::vector<QString> {QStringLiteral("grp:all")});
    }

    void shouldHaveNoOriginalAudienceForANewMessage()
    {
        const Audience result = RecipientClassifier(settings()).classify(message(persons(2)));
        QVERIFY(!result.original);
    }

    void shouldReportAnUnknownOriginalSizeAsUnknown()
    {
        const Audience result = RecipientClassifier(settings())
                                    .classify(message(persons(1), QStringLiteral(R"([{"id":"g","type":"channel"}])")));
        QVERIFY(result.original);
        QVERIFY(!result.original->exact);
        QCOMPARE(result.original->atLeast, 0);
    }

    void shouldMarkNothingExternalWithoutOrganisationDomains()
    {
        AudienceSettings s = settings();
        s.organisationDomains.clear();
        const Audience result =
            RecipientClassifier(s).classify(message(QStringLiteral(R"([{"id":"kim@gmail.com","type":"person"}])")));
        QVERIFY(!result.external);
    }

    void shouldFoldNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("folded");
        QTest::newRow("case") << "All Staff"
                              << "all staff";
        QTest::newRow("separators") << "  all--staff_.x "
                                    << "all staff x";
        QTest::newRow("Korean") << "전  직원"
                                << "전 직원";
    }

    void shouldFoldNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, folded);
        QCOMPARE(RecipientClassifier::foldName(name), folded);
    }
};

QTEST_GUILESS_MAIN(RecipientClassifierTest)
#include "recipientclassifiertest.moc"
