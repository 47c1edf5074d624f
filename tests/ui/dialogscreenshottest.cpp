// SPDX-License-Identifier: GPL-2.0-or-later
// Renders SendGuard's dialogs offscreen in Korean and English to PNG (build/screenshots/, kept as
// CI artifacts) and checks that no text is cut off: every visible label and button gets at least
// the size its text needs. ctest runs it at 100% and, with QT_SCALE_FACTOR=2, at 200%.
#include "confirmationdialog.h"
#include "uncheckedmessagedialog.h"

#include "dialogrequests.h"

#include <QAbstractButton>
#include <QDir>
#include <QFontDatabase>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace SendGuard;
using namespace SendGuard::Tests;

namespace {

// The names of the widgets whose text does not fit; empty when everything fits.
QStringList clippedWidgets(const QWidget *dialog)
{
    QStringList clipped;
    for (const QLabel *label : dialog->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(dialog) || label->text().isEmpty())
            continue;
        const bool fits = label->wordWrap()
            ? label->heightForWidth(label->width()) <= label->height()
            : label->sizeHint().width() <= label->width() && label->sizeHint().height() <= label->height();
        if (!fits)
            clipped.append(QStringLiteral("%1 (%2x%3 for \"%4\")")
                               .arg(label->objectName())
                               .arg(label->width())
                               .arg(label->height())
                               .arg(label->text().left(30)));
    }
    for (const QAbstractButton *button : dialog->findChildren<QAbstractButton *>()) {
        if (button->isVisibleTo(dialog) && button->sizeHint().width() > button->width())
            clipped.append(button->objectName());
    }
    return clipped;
}

QString screenshotPath(const QString &name)
{
    const double scale = qEnvironmentVariable("QT_SCALE_FACTOR", QStringLiteral("1")).toDouble();
    const QString folder = QStringLiteral(SENDGUARD_SCREENSHOT_DIR);
    QDir().mkpath(folder);
    return QStringLiteral("%1/%2-%3x.png").arg(folder, name).arg(scale);
}

} // namespace

class DialogScreenshotTest : public QObject
{
    Q_OBJECT

    void render(QWidget *dialog, const QString &name)
    {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const QStringList clipped = clippedWidgets(dialog);
        QVERIFY2(clipped.isEmpty(), qPrintable(name + QLatin1String(": ") + clipped.join(QLatin1String(", "))));
        const QPixmap pixmap = dialog->grab();
        const double scale = qEnvironmentVariable("QT_SCALE_FACTOR", QStringLiteral("1")).toDouble();
        QCOMPARE(pixmap.devicePixelRatio(), scale);
        QVERIFY(pixmap.save(screenshotPath(name)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // fonts-noto-cjk (scripts/setup): without a Korean font the screenshots show boxes.
        QVERIFY2(!QFontDatabase::families(QFontDatabase::Korean).isEmpty(), "no Korean font installed");
    }

    void shouldFitEveryTextOfTheConfirmationDialog_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("kind");
        for (const char *language : {"ko", "en"}) {
            QTest::addRow("%s-justify", language) << language << 0;
            QTest::addRow("%s-block", language) << language << 1;
            QTest::addRow("%s-warn", language) << language << 2;
            QTest::addRow("%s-documents", language) << language << 3;
            QTest::addRow("%s-masked-documents", language) << language << 4;
        }
    }
    void shouldFitEveryTextOfTheConfirmationDialog()
    {
        QFETCH(QString, language);
        QFETCH(int, kind);
        const InstalledTranslation translation(language);
        const auto message = kind == 0 || kind >= 3 ? incidentForward()
            : kind == 1                             ? rosterToAllStaff()
                                                    : contactsToAllStaff();
        auto request = confirmationRequest(message, language);
        request.canRemoveBroadcastRecipients = true; // every button at once: the widest row
        request.afterMasking = kind == 2;
        request.notScannedAttachments = {QStringLiteral("신청서.docx")};
        if (kind >= 3) {
            // The application forwarded as documents: findings inside them, with their places;
            // an HWP and a workbook (kind 3, only left out), or two documents masked in place (4).
            using Kind = Core::TextPlace::Kind;
            Core::MessageFinding inHwp = request.verdict.findings.front();
            inHwp.field = QStringLiteral("attachment:주거급여 신청서.hwp");
            inHwp.place = Core::TextPlace {}
                              .then(Kind::Section, QStringLiteral("1"))
                              .then(Kind::Table, QStringLiteral("1"))
                              .then(Kind::Row, QStringLiteral("3"))
                              .then(Kind::Cell, QStringLiteral("2"));
            Core::MessageFinding inSheet = inHwp;
            inSheet.field = QStringLiteral("attachment:대상자 명단.xlsx");
            inSheet.place =
                Core::TextPlace {}.then(Kind::Sheet, QStringLiteral("명단")).then(Kind::Cell, QStringLiteral("C14"));
            if (kind == 4) {
                inHwp.field = QStringLiteral("attachment:주거급여 신청서.docx");
                inHwp.place = Core::TextPlace {}
                                  .then(Kind::Table, QStringLiteral("1"))
                                  .then(Kind::Row, QStringLiteral("3"))
                                  .then(Kind::Cell, QStringLiteral("2"));
            }
            // A PDF's sticky note (kind 3): read, but it cannot be masked in place.
            Core::MessageFinding inNote = inHwp;
            inNote.field = QStringLiteral("attachment:동의서.pdf");
            inNote.place =
                Core::TextPlace {}.then(Kind::Page, QStringLiteral("2")).then(Kind::Note, QStringLiteral("1"));
            // And a scan of a card saved under its holder's number (kind 3): found in its name,
            // which the dialog shows masked.
            Core::MessageFinding inName = inHwp;
            inName.field = QStringLiteral("attachment:주민등록증_850315-2345678.jpg");
            inName.place = Core::TextPlace {}.then(Kind::FileName);
            // A forwarded mail whose To line names the person with the number (kind 3).
            Core::MessageFinding inMail = inHwp;
            inMail.field = QStringLiteral("attachment:전달.eml");
            inMail.place = Core::TextPlace {}.then(Kind::AddressField, QStringLiteral("To"));
            request.verdict.findings = {inHwp, inSheet};
            if (kind == 3) {
                request.verdict.findings.push_back(inNote);
                request.verdict.findings.push_back(inMail);
                request.verdict.findings.push_back(inName);
                request.hiddenInNames.add(QStringLiteral("850315-2345678"), inName.finding.masked);
            }
            request.body = QStringLiteral("신청서를 첨부합니다.");
            request.maskedBody = request.body;
            request.maskAvailable = kind == 4;
            const QString document =
                kind == 4 ? QStringLiteral("주거급여 신청서.docx") : QStringLiteral("주거급여 신청서.hwp");
            request.attachmentsToLeaveOut = {document, QStringLiteral("대상자 명단.xlsx")};
            if (kind == 3)
                request.attachmentsToLeaveOut << QStringLiteral("동의서.pdf") << QStringLiteral("전달.eml")
                                              << QStringLiteral("주민등록증_850315-2345678.jpg");
            if (kind == 4)
                request.maskedAttachments = request.attachmentsToLeaveOut;
            request.notScannedAttachments = kind == 4 ? QStringList() : QStringList {QStringLiteral("스캔본.pdf")};
        }
        Ui::ConfirmationDialog dialog(request);
        const QString name = QStringLiteral("confirmation-%1").arg(QLatin1String(QTest::currentDataTag()));
        render(&dialog, name);
        if (!request.maskAvailable)
            return;

        dialog.findChild<QPushButton *>(QStringLiteral("maskAndSendButton"))->click();
        render(&dialog, name + QLatin1String("-preview"));
    }

    void shouldFitEveryTextOfTheUncheckedDialog_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<Ui::UncheckedMessageDialog::Mode>("mode");
        for (const char *language : {"ko", "en"}) {
            QTest::addRow("%s-confirm", language) << language << Ui::UncheckedMessageDialog::Mode::Confirm;
            QTest::addRow("%s-block", language) << language << Ui::UncheckedMessageDialog::Mode::Block;
        }
    }
    void shouldFitEveryTextOfTheUncheckedDialog()
    {
        QFETCH(QString, language);
        QFETCH(Ui::UncheckedMessageDialog::Mode, mode);
        const InstalledTranslation translation(language);
        const QString reason = language == QLatin1String("ko")
            ? QStringLiteral("읽을 수 없는 첨부파일이 있습니다: 신청서.docx")
            : QStringLiteral("some attachments cannot be read: 신청서.docx");
        Ui::UncheckedMessageDialog dialog(mode, reason, QStringLiteral("정보화담당관실 032-440-2114"));
        render(&dialog, QStringLiteral("unchecked-%1").arg(QLatin1String(QTest::currentDataTag())));
    }
};

QTEST_MAIN(DialogScreenshotTest)
#include "dialogscreenshottest.moc"
