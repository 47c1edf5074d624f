// SPDX-License-Identifier: GPL-2.0-or-later
#include "incidentscenario.h"

#include "messengerwindow.h"
#include "modaldialogwatcher.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>

namespace {

void click(QWidget *dialog, const char *objectName)
{
    if (auto *button = dialog->findChild<QPushButton *>(QLatin1String(objectName)))
        button->click();
}

QString labelText(QWidget *dialog, const char *objectName)
{
    auto *label = dialog->findChild<QLabel *>(QLatin1String(objectName));
    return label ? label->text() : QString();
}

} // namespace

IncidentScenario::IncidentScenario(MessengerWindow &window, QString outboxPath, QTextStream &out)
    : m_window(window)
    , m_outboxPath(std::move(outboxPath))
    , m_out(out)
{
}

bool IncidentScenario::forwardAndSend(const QString &recipients, const std::function<void(QWidget *)> &onDialog)
{
    m_window.forward(0);
    m_window.findChild<QLineEdit *>(QStringLiteral("recipientsEdit"))->setText(recipients);
    return ModalDialogWatcher::answerDuring(
        [this] { m_window.findChild<QPushButton *>(QStringLiteral("sendButton"))->click(); }, onDialog, 5000);
}

void IncidentScenario::describeDialog(QWidget *dialog)
{
    m_out << "   SendGuard: " << labelText(dialog, "verdictTitle") << "\n";
    m_out << "   " << labelText(dialog, "headline") << "\n";
    for (const char *label : {"audienceChange", "reasons"}) {
        if (const QString text = labelText(dialog, label); !text.isEmpty())
            m_out << "   " << text << "\n";
    }
    for (const char *list : {"recipients", "findings"}) {
        auto *tree = dialog->findChild<QTreeWidget *>(QLatin1String(list));
        if (!tree)
            continue;
        QStringList header;
        for (int c = 0; c < tree->columnCount(); ++c)
            header.append(tree->headerItem()->text(c));
        m_out << "   " << header.join(QLatin1String(" | ")) << "\n";
        for (int row = 0; row < tree->topLevelItemCount(); ++row) {
            QStringList cells;
            for (int c = 0; c < tree->columnCount(); ++c)
                cells.append(tree->topLevelItem(row)->text(c));
            m_out << "     " << cells.join(QLatin1String(" | ")) << "\n";
        }
    }
    m_out.flush();
}

int IncidentScenario::outboxCount() const
{
    QFile file(m_outboxPath);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return int(file.readAll().count('\n'));
}

void IncidentScenario::describeLastSent(bool withText)
{
    QFile file(m_outboxPath);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    const QJsonObject last = QJsonDocument::fromJson(lines.last()).object();
    QStringList recipients;
    for (const QJsonValue &id : last.value(QLatin1String("recipients")).toArray())
        recipients.append(id.toString());
    m_out << "   outbox: to " << recipients.join(QLatin1String(", ")) << " — "
          << last.value(QLatin1String("subject")).toString() << " (SendGuard: "
          << last.value(QLatin1String("sendguard")).toObject().value(QLatin1String("decision")).toString() << ")\n";
    if (!withText)
        return;
    const QStringList body = last.value(QLatin1String("body")).toString().split(QLatin1Char('\n'));
    for (const QString &line : body)
        m_out << "   | " << line << "\n";
    m_out.flush();
}

bool IncidentScenario::run()
{
    bool ok = true;
    const int before = outboxCount();

    m_out << "== 1. Forward the citizen's application to grp:incheon-all (the incident), then Cancel\n";
    const bool dialog1 = forwardAndSend(QStringLiteral("grp:incheon-all"), [&](QWidget *dialog) {
        describeDialog(dialog);
        click(dialog, "cancelButton");
    });
    m_out << "   outbox: " << outboxCount() - before << " message(s) sent\n\n";
    ok = ok && dialog1 && outboxCount() == before;

    m_out << "== 2. The same forward, then Mask and send\n";
    const bool dialog2 = forwardAndSend(QStringLiteral("grp:incheon-all"), [&](QWidget *dialog) {
        click(dialog, "maskAndSendButton");
        click(dialog, "sendMaskedButton");
    });
    const bool masked = outboxCount() == before + 1;
    if (masked)
        describeLastSent(true);
    m_out << "\n";
    ok = ok && dialog2 && masked;

    m_out << "== 3. The same forward to the one person it was meant for (lee.jiyoung): no dialog\n";
    const bool dialog3 = forwardAndSend(QStringLiteral("lee.jiyoung"), [&](QWidget *dialog) {
        describeDialog(dialog);
        click(dialog, "cancelButton");
    });
    const bool direct = outboxCount() == before + 2;
    if (direct)
        describeLastSent(false); // the text went as written: it is not printed again
    ok = ok && !dialog3 && direct;

    m_out << "\n" << (ok ? "Every step went as it should." : "Something went differently than it should.") << "\n";
    m_out.flush();
    return ok;
}
