// SPDX-License-Identifier: GPL-2.0-or-later
// SignatureVerifier and the minisign formats, against signatures made by the real minisign tool.
#include "signatureverifier.h"

#include "minisignfortests.h"

#include <QTemporaryDir>
#include <QTest>

using namespace SendGuard;
using Delivery::SignatureVerifier;
using Outcome = SignatureVerifier::Outcome;

class SignatureVerifierTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Tests::MinisignKey> m_key;
    std::unique_ptr<Tests::MinisignKey> m_otherKey;
    QByteArray m_bundle = "{\"id\": \"incheon\", \"version\": 7}\n";

    QString write(const QString &name, const QByteArray &bytes)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(name));
        return file.fileName();
    }
    QList<Core::MinisignPublicKey> trusted(const Tests::MinisignKey &key)
    {
        return {*Core::MinisignPublicKey::parse(key.publicFile())};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_key = std::make_unique<Tests::MinisignKey>(QDir(m_dir.path()), QStringLiteral("it"));
        m_otherKey = std::make_unique<Tests::MinisignKey>(QDir(m_dir.path()), QStringLiteral("other"));
    }

    void shouldReadKeysAsMinisignWritesThem()
    {
        const auto fromFile = Core::MinisignPublicKey::parse(m_key->publicFile());
        const auto fromLine = Core::MinisignPublicKey::parse(m_key->publicKey().toLatin1());
        QVERIFY(fromFile && fromLine);
        QCOMPARE(*fromFile, *fromLine);
        QCOMPARE(fromFile->key.size(), 32);
        QCOMPARE(fromFile->keyIdText(), m_key->keyId());
    }

    void shouldRejectWhatIsNotAKey_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("ssh key") << QByteArray("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9v");
        QTest::newRow("short") << QByteArray("RWQFmz0FyYLYSRMfwtvf");
        QTest::newRow("not base64") << QByteArray("RWQFmz0FyYLYSRMfwtvfmPQmNaVa7Jp13FKhdSD0L6AlkZb/GNQVcr!!");
        QTest::newRow("two lines") << QByteArray("RWQFmz0FyYLYSRMfwtvfmPQmNaVa7Jp13FKhdSD0L6AlkZb/GNQVcrlq\n"
                                                 "RWQFmz0FyYLYSRMfwtvfmPQmNaVa7Jp13FKhdSD0L6AlkZb/GNQVcrlq");
    }
    void shouldRejectWhatIsNotAKey()
    {
        QFETCH(QByteArray, text);
        QString error;
        QVERIFY(!Core::MinisignPublicKey::parse(text, &error));
        QVERIFY(!error.isEmpty());
    }

    void shouldAcceptWhatTheKeySigned()
    {
        const QString file = write(QStringLiteral("bundle.json"), m_bundle);
        const QByteArray signature = m_key->sign(file, QStringLiteral("incheon policy 7"));
        const auto result = SignatureVerifier::verify(m_bundle, signature, trusted(*m_key));
        QCOMPARE(result.outcome, Outcome::Valid);
        QCOMPARE(result.keyId, m_key->keyId());
        QCOMPARE(result.trustedComment, QByteArray("incheon policy 7"));
    }

    void shouldRefuseLegacySignatures()
    {
        // Valid under the legacy algorithm, but the algorithm tag is not signed: only prehashed goes.
        const QString file = write(QStringLiteral("bundle.json"), m_bundle);
        const QByteArray signature = m_key->sign(file, QStringLiteral("incheon policy 7"), true);
        QVERIFY(QByteArray::fromBase64(signature.split('\n').value(1)).startsWith("Ed"));
        const auto result = SignatureVerifier::verify(m_bundle, signature, trusted(*m_key));
        QCOMPARE(result.outcome, Outcome::LegacyAlgorithm);
        QVERIFY(!result.isValid());
        QCOMPARE(result.keyId, m_key->keyId());
    }

    void shouldRejectAnyChange_data()
    {
        QTest::addColumn<int>("bundleByte"); // -1: none
        QTest::addColumn<QByteArray>("commentEdit");
        QTest::newRow("one byte of the bundle") << 20 << QByteArray();
        QTest::newRow("a byte appended") << int(m_bundle.size()) << QByteArray();
        QTest::newRow("the trusted comment") << -1 << QByteArray("incheon policy 8");
    }
    void shouldRejectAnyChange()
    {
        QFETCH(int, bundleByte);
        QFETCH(QByteArray, commentEdit);
        const QString file = write(QStringLiteral("bundle.json"), m_bundle);
        QByteArray signature = m_key->sign(file, QStringLiteral("incheon policy 7"));
        QByteArray bundle = m_bundle;
        if (bundleByte >= bundle.size())
            bundle.append(' ');
        else if (bundleByte >= 0)
            bundle[bundleByte] = char(bundle[bundleByte] ^ 1);
        if (!commentEdit.isEmpty())
            signature.replace("incheon policy 7", commentEdit);
        QCOMPARE(SignatureVerifier::verify(bundle, signature, trusted(*m_key)).outcome, Outcome::BadSignature);
    }

    void shouldNotTrustAnUnknownKey()
    {
        const QString file = write(QStringLiteral("bundle.json"), m_bundle);
        const QByteArray signature = m_otherKey->sign(file);
        const auto result = SignatureVerifier::verify(m_bundle, signature, trusted(*m_key));
        QCOMPARE(result.outcome, Outcome::UnknownKey);
        QCOMPARE(result.keyId, m_otherKey->keyId());
        QCOMPARE(SignatureVerifier::verify(m_bundle, signature, trusted(*m_key) + trusted(*m_otherKey)).outcome,
                 Outcome::Valid);
        QCOMPARE(SignatureVerifier::verify(m_bundle, signature, {}).outcome, Outcome::UnknownKey);
    }

    void shouldRejectAMalformedSignature_data()
    {
        QTest::addColumn<QByteArray>("signature");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("three lines") << QByteArray("untrusted comment: x\nRWQ=\ntrusted comment: y\n");
        QTest::newRow("pgp") << QByteArray("-----BEGIN PGP SIGNATURE-----\nabc\n-----END PGP SIGNATURE-----\n\n");
    }
    void shouldRejectAMalformedSignature()
    {
        QFETCH(QByteArray, signature);
        const auto result = SignatureVerifier::verify(m_bundle, signature, trusted(*m_key));
        QCOMPARE(result.outcome, Outcome::Malformed);
        QVERIFY(!result.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(SignatureVerifierTest)
#include "signatureverifiertest.moc"
