// SPDX-License-Identifier: GPL-2.0-or-later
#include "confirmationdialog.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStyle>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace SendGuard::Ui {

namespace {

QLabel *wrappedLabel(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setAccessibleName(text);
    return label;
}

// A button's text as a screen reader should say it: without its mnemonic ("&Back" -> "Back",
// "뒤로(&B)" -> "뒤로"); "&&" is an ampersand.
QString withoutMnemonic(const QString &text)
{
    static const QRegularExpression bracketed(QStringLiteral("\\(&[^&]\\)"));
    const QString plain = QString(text).remove(bracketed);
    QString spoken;
    for (qsizetype i = 0; i < plain.size(); ++i) {
        if (plain[i] == u'&' && i + 1 < plain.size())
            ++i;
        spoken += plain[i];
    }
    return spoken;
}

QPushButton *button(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    b->setAccessibleName(withoutMnemonic(text));
    b->setAutoDefault(false);
    return b;
}

// Where the UTF-8 byte offsets of findings fall in a text: its character index and its line.
// Built once per text, so a message with many findings costs one pass, not one per finding.
class Utf8Positions
{
public:
    explicit Utf8Positions(const QString &text)
    {
        const QByteArray utf8 = text.toUtf8();
        m_characterIndex.reserve(utf8.size() + 1);
        m_line.reserve(utf8.size() + 1);
        qsizetype characters = 0;
        int line = 1;
        for (const char byte : utf8) {
            m_characterIndex.append(characters);
            m_line.append(line);
            const auto b = static_cast<unsigned char>(byte);
            if ((b & 0xC0) != 0x80) // a lead byte starts a character: four-byte ones take two UTF-16 units
                characters += b >= 0xF0 ? 2 : 1;
            if (byte == '\n')
                ++line;
        }
        m_characterIndex.append(characters);
        m_line.append(line);
    }
    qsizetype characterIndex(qsizetype byteOffset) const { return m_characterIndex.value(byteOffset, 0); }
    int line(qsizetype byteOffset) const { return m_line.value(byteOffset, 1); }

private:
    QList<qsizetype> m_characterIndex; // by byte offset
    QList<int> m_line; // by byte offset, 1-based
};

// A read-only view of a message: the subject line, a blank line, the body; a chat message, which
// has no subject, is its body alone.
QString messageText(const QString &subject, const QString &body)
{
    return subject.isEmpty() ? body : subject + QLatin1String("\n\n") + body;
}

// Where the body starts in messageText().
qsizetype bodyStart(const QString &subject)
{
    return subject.isEmpty() ? 0 : subject.size() + 2;
}

} // namespace

ConfirmationDialog::ConfirmationDialog(const ConfirmationRequest &request, QWidget *parent)
    : QDialog(parent)
    , m_request(request)
    , m_texts(request.language, request.detectorNames)
{
    setObjectName(QStringLiteral("SendGuardConfirmationDialog"));
    setWindowTitle(tr("SendGuard — check before sending"));
    setAccessibleName(windowTitle());
    setModal(true);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->addWidget(createMainPage());
    m_pages->addWidget(createMaskPreviewPage());

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);

    m_cancel->setFocus(); // here: moving the page into m_pages took the focus away

    // Wide enough for a headline of two lines in either language; heights follow the layout. Measured
    // in lines, not characters: in a Korean session the font is a CJK one, whose average character
    // is a full-width syllable, and a width of a hundred of them made the dialog twice as wide.
    resize(fontMetrics().height() * 42, sizeHint().height());
}

QWidget *ConfirmationDialog::createMainPage()
{
    const Core::Verdict &verdict = m_request.verdict;
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("mainPage"));
    auto *layout = new QVBoxLayout(page);

    auto *title = wrappedLabel(m_texts.verdictTitle(verdict.level), QStringLiteral("verdictTitle"), page);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    title->setFont(titleFont);

    auto *icon = new QLabel(page);
    icon->setObjectName(QStringLiteral("verdictIcon"));
    const QStyle::StandardPixmap pixmap =
        verdict.level == Core::VerdictLevel::Block ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning;
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(pixmap, nullptr, this).pixmap(iconSize, iconSize));
    icon->setAccessibleName(title->text());

    auto *headline = wrappedLabel(m_texts.headline(verdict), QStringLiteral("headline"), page);
    QFont headlineFont = headline->font();
    headlineFont.setBold(true);
    headline->setFont(headlineFont);
    auto *texts = new QVBoxLayout;
    texts->addWidget(title);
    texts->addWidget(headline);
    const QString change = m_texts.audienceChange(verdict.audience);
    if (!change.isEmpty())
        texts->addWidget(wrappedLabel(change, QStringLiteral("audienceChange"), page));
    QStringList reasons;
    for (const Core::VerdictReason &reason : verdict.reasons)
        reasons.append(reason.text.text(m_request.language));
    reasons.removeAll(QString());
    if (!reasons.isEmpty())
        texts->addWidget(wrappedLabel(reasons.join(QLatin1Char('\n')), QStringLiteral("reasons"), page));
    if (m_request.afterMasking)
        texts->addWidget(wrappedLabel(tr("The changed message still needs your confirmation."),
                                      QStringLiteral("afterMasking"), page));
    if (!m_request.notScannedAttachments.isEmpty())
        texts->addWidget(wrappedLabel(
            tr("Attachments not checked in full: %1")
                .arg(m_request.hiddenInNames.hide(m_request.notScannedAttachments.join(QLatin1String(", ")))),
            QStringLiteral("notScanned"), page));

    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(texts, 1);
    layout->addLayout(top);

    layout->addWidget(createRecipientList());
    layout->addWidget(createFindingList());
    layout->addWidget(createMessageView(), 1);

    if (verdict.level == Core::VerdictLevel::Block) {
        QString explanation = tr("Your organisation's policy does not allow sending this personal data to this "
                                 "audience. Mask it, or send it only to the people who need it.");
        if (!m_request.contact.isEmpty())
            explanation += QLatin1Char(' ') + tr("Questions: %1").arg(m_request.contact);
        layout->addWidget(wrappedLabel(explanation, QStringLiteral("blockExplanation"), page));
    }

    if (verdict.level == Core::VerdictLevel::Justify) {
        auto *prompt = wrappedLabel(
            tr("Why must it go to all of them? (at least %n characters)", nullptr, m_request.justificationMinLength),
            QStringLiteral("justificationLabel"), page);
        m_justification = new QLineEdit(page);
        m_justification->setObjectName(QStringLiteral("justification"));
        m_justification->setAccessibleName(prompt->text());
        prompt->setBuddy(m_justification);
        connect(m_justification, &QLineEdit::textChanged, this, &ConfirmationDialog::updateSendAnyway);
        layout->addWidget(prompt);
        layout->addWidget(m_justification);
    }

    m_reportFalsePositive = button(tr("Report a &false positive"), QStringLiteral("reportFalsePositive"), page);
    m_reportFalsePositive->setFlat(true);
    connect(m_reportFalsePositive, &QPushButton::clicked, this, [this] {
        m_reportFalsePositive->setEnabled(false);
        m_reportFalsePositive->setText(tr("Reported as a false positive. Thank you."));
        m_reportFalsePositive->setAccessibleName(m_reportFalsePositive->text());
        Q_EMIT falsePositiveReported();
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_reportFalsePositive);
    buttons->addStretch(1);
    auto *cancel = button(tr("Cancel"), QStringLiteral("cancelButton"), page);
    cancel->setDefault(true);
    cancel->setAutoDefault(true);
    connect(cancel, &QPushButton::clicked, this, [this] { finish(Choice::Cancel); });

    if (verdict.level != Core::VerdictLevel::Block) {
        m_sendAnyway = button(tr("Send &anyway"), QStringLiteral("sendAnywayButton"), page);
        connect(m_sendAnyway, &QPushButton::clicked, this, [this] { finish(Choice::SendAnyway); });
        buttons->addWidget(m_sendAnyway);
    }
    if (m_request.canRemoveBroadcastRecipients) {
        auto *remove =
            button(tr("&Remove broadcast recipients"), QStringLiteral("removeBroadcastRecipientsButton"), page);
        connect(remove, &QPushButton::clicked, this, [this] { finish(Choice::RemoveBroadcastRecipients); });
        buttons->addWidget(remove);
    }
    if (!m_request.attachmentsToLeaveOut.isEmpty()) {
        auto *leaveOut = button(tr("Send &without the documents"), QStringLiteral("leaveOutAttachmentsButton"), page);
        leaveOut->setToolTip(
            tr("Send the message without: %1")
                .arg(m_request.hiddenInNames.hide(m_request.attachmentsToLeaveOut.join(QLatin1String(", ")))));
        connect(leaveOut, &QPushButton::clicked, this, [this] { finish(Choice::LeaveOutAttachments); });
        buttons->addWidget(leaveOut);
    }
    if (m_request.maskAvailable) {
        auto *mask = button(tr("&Mask and send…"), QStringLiteral("maskAndSendButton"), page);
        connect(mask, &QPushButton::clicked, this, [this] { m_pages->setCurrentIndex(1); });
        buttons->addWidget(mask);
    }
    buttons->addWidget(cancel);
    layout->addLayout(buttons);

    updateSendAnyway();
    m_cancel = cancel;
    return page;
}

QWidget *ConfirmationDialog::createMaskPreviewPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("maskPreviewPage"));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(wrappedLabel(tr("This is what will be sent. It is checked again before it goes."),
                                   QStringLiteral("maskPreviewLabel"), page));
    auto *preview = new QTextBrowser(page);
    preview->setObjectName(QStringLiteral("maskedText"));
    preview->setAccessibleName(tr("Masked message"));
    preview->setPlainText(messageText(m_request.maskedSubject, m_request.maskedBody));
    layout->addWidget(preview, 1);
    if (!m_request.maskedAttachments.isEmpty())
        layout->addWidget(
            wrappedLabel(tr("Masked attachments: %1")
                             .arg(m_request.hiddenInNames.hide(m_request.maskedAttachments.join(QLatin1String(", ")))),
                         QStringLiteral("maskedAttachments"), page));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    auto *back = button(tr("&Back"), QStringLiteral("backButton"), page);
    connect(back, &QPushButton::clicked, this, [this] { m_pages->setCurrentIndex(0); });
    auto *send = button(tr("&Send masked message"), QStringLiteral("sendMaskedButton"), page);
    connect(send, &QPushButton::clicked, this, [this] { finish(Choice::MaskAndSend); });
    buttons->addWidget(back);
    buttons->addWidget(send);
    layout->addLayout(buttons);
    return page;
}

QWidget *ConfirmationDialog::createRecipientList()
{
    const Core::Audience &audience = m_request.verdict.audience;
    // The recipients that make it a broadcast; when only their number does, all of them.
    const bool anyFlagged = std::any_of(audience.recipients.begin(), audience.recipients.end(),
                                        [](const auto &r) { return r.broadcast || r.external; });
    QList<QStringList> rows;
    for (const Core::RecipientAssessment &recipient : audience.recipients) {
        if (anyFlagged && !recipient.broadcast && !recipient.external)
            continue;
        QStringList why;
        for (Core::AudienceReason reason : recipient.why)
            why.append(m_texts.reason(reason));
        if (!anyFlagged) {
            for (Core::AudienceReason reason : audience.why)
                why.append(m_texts.reason(reason));
        }
        rows.append({recipient.name.isEmpty() ? recipient.id : recipient.name, m_texts.recipientType(recipient.type),
                     m_texts.memberCount(recipient.audience), why.join(QLatin1String(", "))});
    }
    return listBox(tr("Who would receive it"), QStringLiteral("recipients"),
                   {tr("Name"), tr("Type"), tr("People"), tr("Why flagged")}, rows, 4);
}

QWidget *ConfirmationDialog::createFindingList()
{
    const Utf8Positions body(m_request.body);
    QList<QStringList> rows;
    for (const Core::MessageFinding &finding : m_request.verdict.findings) {
        rows.append({m_texts.detectorName(finding.finding.detector), finding.finding.masked,
                     m_request.hiddenInNames.hide(m_texts.location(finding, body.line(finding.finding.start)))});
    }
    return listBox(tr("What was found"), QStringLiteral("findings"), {tr("Type"), tr("Value (masked)"), tr("Where")},
                   rows, 5);
}

QWidget *ConfirmationDialog::listBox(const QString &title, const QString &objectName, const QStringList &headers,
                                     const QList<QStringList> &rows, int visibleRows)
{
    auto *box = new QGroupBox(title, this);
    box->setObjectName(objectName + QLatin1String("Box"));
    auto *tree = new QTreeWidget(box);
    tree->setObjectName(objectName);
    tree->setAccessibleName(title);
    tree->setRootIsDecorated(false);
    tree->setHeaderLabels(headers);
    for (const QStringList &row : rows) {
        auto *item = new QTreeWidgetItem(row);
        for (int column = 0; column < row.size(); ++column)
            item->setToolTip(column, row.at(column)); // the whole text, where a column is too narrow
        tree->addTopLevelItem(item);
    }
    // Every column as wide as its text but the last, which takes the rest and, when its text is
    // longer (a place deep inside a document), keeps its start and its end.
    tree->setTextElideMode(Qt::ElideMiddle);
    tree->header()->setStretchLastSection(true);
    for (int column = 0; column + 1 < tree->columnCount(); ++column)
        tree->resizeColumnToContents(column);
    // As tall as its rows (up to visibleRows; it scrolls beyond), so the message text gets the rest.
    const int shown = qBound(1, tree->topLevelItemCount(), visibleRows);
    const int rowHeight = tree->topLevelItemCount() > 0 ? tree->sizeHintForRow(0) : tree->fontMetrics().height();
    tree->setFixedHeight(tree->header()->sizeHint().height() + shown * rowHeight + 2 * tree->frameWidth() +
                         tree->horizontalScrollBar()->sizeHint().height());

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(tree);
    return box;
}

QWidget *ConfirmationDialog::createMessageView()
{
    auto *box = new QGroupBox(tr("The message, with what was found highlighted"), this);
    box->setObjectName(QStringLiteral("messageBox"));
    auto *view = new QTextBrowser(box);
    view->setObjectName(QStringLiteral("messageText"));
    view->setAccessibleName(box->title());
    view->setPlainText(messageText(m_request.subject, m_request.body));

    QTextCharFormat highlight;
    highlight.setBackground(QColor(255, 214, 102));
    highlight.setForeground(Qt::black);
    highlight.setFontWeight(QFont::Bold);
    const Utf8Positions subject(m_request.subject);
    const Utf8Positions body(m_request.body);
    const qsizetype bodyOffset = bodyStart(m_request.subject);
    for (const Core::MessageFinding &finding : m_request.verdict.findings) {
        qsizetype start = 0;
        qsizetype end = 0;
        if (finding.field == QLatin1String("subject")) {
            start = subject.characterIndex(finding.finding.start);
            end = subject.characterIndex(finding.finding.end);
        } else if (finding.field == QLatin1String("body")) {
            start = bodyOffset + body.characterIndex(finding.finding.start);
            end = bodyOffset + body.characterIndex(finding.finding.end);
        } else {
            continue; // attachments are listed, not shown
        }
        QTextCursor cursor(view->document());
        cursor.setPosition(int(start));
        cursor.setPosition(int(end), QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(highlight);
    }

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(view);
    return box;
}

QString ConfirmationDialog::justification() const
{
    return m_justification ? m_justification->text().trimmed() : QString();
}

void ConfirmationDialog::updateSendAnyway()
{
    if (!m_sendAnyway)
        return;
    const bool needsReason = m_request.verdict.level == Core::VerdictLevel::Justify;
    m_sendAnyway->setEnabled(!needsReason || justification().size() >= m_request.justificationMinLength);
}

void ConfirmationDialog::finish(Choice choice)
{
    m_choice = choice;
    if (choice == Choice::Cancel)
        reject();
    else
        accept();
}

} // namespace SendGuard::Ui
