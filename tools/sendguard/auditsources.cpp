// SPDX-License-Identifier: GPL-2.0-or-later
#include "auditsources.h"

#include "auditlog.h"

#include "audit/auditchain.h"
#include "audit/auditchainfollower.h"
#include "audit/journalrecord.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <memory>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <simdjson.h>

namespace SendGuard::Tools {

namespace {

// One line at a time from device, never more than the limit held: a longer line is read past and
// reported as too long.
class LineReader
{
public:
    explicit LineReader(QIODevice &device)
        : m_device(device)
    {
    }

    // False at the end. tooLong: the line was longer than the limit (line holds nothing).
    bool next(QByteArray &line, bool &tooLong)
    {
        line.clear();
        tooLong = false;
        for (;;) {
            if (m_at >= m_buffer.size()) {
                m_buffer = m_device.read(1 << 20);
                m_at = 0;
                if (m_buffer.isEmpty())
                    return !line.isEmpty() || tooLong;
            }
            const qsizetype end = m_buffer.indexOf('\n', m_at);
            const qsizetype stop = end < 0 ? m_buffer.size() : end;
            if (!tooLong)
                line.append(m_buffer.constData() + m_at, stop - m_at);
            if (line.size() > AuditSources::MaxLineBytes) {
                tooLong = true;
                line.clear();
            }
            m_at = stop + 1;
            if (end >= 0)
                return true;
        }
    }

private:
    QIODevice &m_device;
    QByteArray m_buffer;
    qsizetype m_at = 0;
};

// A record's fields straight from its JSON (simdjson: the report reads millions of lines, and
// QJsonDocument built a whole document for each). Empty when line is not a JSON object.
struct Parsed
{
    Core::AuditFigures::Record record;
    QByteArray prev;
    bool collected = false; // a machine trail's line: record is the one it holds
    bool journal = false; // a journal entry: read through QJsonDocument and JournalRecord
};

QString text(simdjson::dom::element element)
{
    std::string_view value;
    return element.get(value) == simdjson::SUCCESS ? QString::fromUtf8(value.data(), qsizetype(value.size()))
                                                   : QString();
}

Core::AuditFigures::Record recordOf(simdjson::dom::object object)
{
    Core::AuditFigures::Record r;
    for (const auto field : object) {
        const std::string_view key = field.key;
        if (key == "event")
            r.event = text(field.value);
        else if (key == "time")
            r.time = text(field.value);
        else if (key == "host")
            r.host = text(field.value);
        else if (key == "verdict")
            r.verdict = text(field.value);
        else if (key == "choice")
            r.choice = text(field.value);
        else if (key == "department")
            r.department = text(field.value);
        else if (key == "cause")
            r.cause = text(field.value);
        else if (key == "error")
            r.error = text(field.value);
        else if (key == "rules") {
            simdjson::dom::array rules;
            if (field.value.get(rules) == simdjson::SUCCESS) {
                for (const auto rule : rules)
                    r.rules.append(text(rule));
            }
        } else if (key == "detectors") {
            simdjson::dom::object detectors;
            if (field.value.get(detectors) == simdjson::SUCCESS) {
                for (const auto detector : detectors)
                    r.detectors.append(QString::fromUtf8(detector.key.data(), qsizetype(detector.key.size())));
            }
        } else if (key == "reported") {
            simdjson::dom::array reported;
            if (field.value.get(reported) == simdjson::SUCCESS) {
                for (const auto item : reported)
                    r.reported.append({text(item["detector"]), text(item["masked"])});
            }
        } else if (key == "policy") {
            simdjson::dom::object policy;
            if (field.value.get(policy) == simdjson::SUCCESS) {
                r.policyId = text(policy["id"]);
                int64_t version = 0;
                r.policyVersion = policy["version"].get(version) == simdjson::SUCCESS ? version : 0;
            }
        }
    }
    return r;
}

std::optional<Parsed> parse(simdjson::dom::parser &parser, const QByteArray &line)
{
    simdjson::dom::object object;
    if (parser.parse(line.constData(), std::size_t(line.size())).get(object) != simdjson::SUCCESS)
        return std::nullopt;
    Parsed parsed;
    std::string_view prev;
    if (object["prev"].get(prev) == simdjson::SUCCESS)
        parsed.prev = QByteArray(prev.data(), qsizetype(prev.size()));
    std::string_view event;
    simdjson::dom::object held;
    if (object["event"].get(event) == simdjson::SUCCESS && event == "collected" &&
        object["record"].get(held) == simdjson::SUCCESS) {
        parsed.collected = true;
        parsed.record = recordOf(held);
    } else if (object["__REALTIME_TIMESTAMP"].error() == simdjson::SUCCESS ||
               object["MESSAGE"].error() == simdjson::SUCCESS) {
        parsed.journal = true;
    } else {
        parsed.record = recordOf(object);
    }
    return parsed;
}

} // namespace

AuditSources::AuditSources(Core::AuditFigures &figures)
    : m_figures(figures)
{
}

bool AuditSources::addPath(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (info.isDir()) {
        // Every trail below: each current file with its rotated ones, or a set whose current
        // file is gone (its newest rotated file names it).
        QStringList trails;
        QSet<QString> seen;
        // The rotated files AuditLog keeps (.1 to .Keep); links are not followed.
        const QRegularExpression rotated(QStringLiteral("^(.*\\.jsonl)\\.[1-%1]$").arg(Delivery::AuditLog::Keep));
        QDirIterator files(path, QDir::Files | QDir::NoSymLinks, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString file = files.next();
            const QRegularExpressionMatch match = rotated.match(file);
            const QString current = match.hasMatch() ? match.captured(1) : file;
            if (current.endsWith(QLatin1String(".jsonl")) && !seen.contains(current)) {
                seen.insert(current);
                trails.append(current);
            }
        }
        trails.sort();
        for (const QString &trail : std::as_const(trails)) {
            const QStringList set = Delivery::AuditLog::files(trail);
            if (!set.isEmpty())
                readTrail(set, trail);
        }
        return true;
    }
    if (!info.isFile()) {
        *error = QStringLiteral("%1: no such file or folder").arg(path);
        return false;
    }
    readTrail(Delivery::AuditLog::files(path), path);
    return true;
}

void AuditSources::readTrail(const QStringList &files, const QString &name)
{
    Trail trail;
    trail.name = name;
    trail.files = int(files.size());
    std::unique_ptr<Core::AuditChainFollower> chain;
    Core::AuditFigures figures = m_figures.emptyCopy(); // merged once the trail is read
    simdjson::dom::parser parser;
    // A record counts once the next one proves it unchanged: at a break, the record before it
    // may be the one that was changed, so it is left out too. The last record has no such proof
    // (the machine trail is what catches a changed last record: audit verify --against).
    std::optional<Core::AuditFigures::Record> pending;
    const auto commit = [&] {
        if (pending)
            figures.add(*pending), ++trail.records;
        pending.reset();
    };
    for (const QString &fileName : files) {
        // A regular file, never through a link, never a FIFO or a device that would hang the
        // report or feed it forever.
        QFile file;
        const int fd = ::open(QFile::encodeName(fileName).constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        struct stat status
        {
        };
        if (fd < 0 || ::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode) ||
            !file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
            if (fd >= 0)
                ::close(fd);
            if (trail.problem.isEmpty())
                trail.problem = QStringLiteral("%1: cannot be read (not a regular file, or a link)").arg(fileName);
            chain = std::make_unique<Core::AuditChainFollower>();
            chain->breakHere(); // what follows a missing piece of the chain is not sound
            continue;
        }
        LineReader lines(file);
        QByteArray line;
        bool tooLong = false;
        for (int number = 1; lines.next(line, tooLong); ++number) {
            const std::optional<Parsed> parsed = tooLong ? std::nullopt : parse(parser, line);
            const auto fail = [&](const QString &problem) {
                if (trail.problem.isEmpty())
                    trail.problem = QStringLiteral("%1:%2: %3").arg(fileName, QString::number(number), problem);
                ++trail.leftOut;
                if (pending)
                    ++trail.leftOut;
                pending.reset();
            };
            if (!parsed && trail.kind == Trail::Kind::Journal) {
                ++trail.ignored;
                continue;
            }
            if (!parsed) {
                fail(tooLong ? QStringLiteral("a line longer than any record") : QStringLiteral("not a JSON record"));
                if (!chain)
                    chain = std::make_unique<Core::AuditChainFollower>();
                chain->breakHere();
                continue;
            }
            if (!chain && trail.records == 0 && trail.leftOut == 0 && trail.kind != Trail::Kind::Journal) {
                // The first record says what the trail is, and whether it starts at its beginning.
                trail.kind = parsed->journal ? Trail::Kind::Journal
                    : parsed->collected      ? Trail::Kind::Machine
                                             : Trail::Kind::User;
                // Rotation deletes a file only once it keeps Keep of them: a trail whose oldest file
                // is not the last one kept, and does not start at the beginning, lost records.
                trail.startsMidChain = trail.kind != Trail::Kind::Journal &&
                    fileName == name + QStringLiteral(".%1").arg(Delivery::AuditLog::Keep) &&
                    parsed->prev != Core::AuditChain::genesis();
                if (trail.kind != Trail::Kind::Journal)
                    chain = std::make_unique<Core::AuditChainFollower>(trail.startsMidChain);
            }
            if (trail.kind == Trail::Kind::Journal) {
                // The system log's copy: no chain to check, read as the journal gives it.
                if (const auto converted = Core::JournalRecord::fromJournal(QJsonDocument::fromJson(line).object())) {
                    figures.add(*converted);
                    ++trail.records;
                } else {
                    ++trail.ignored;
                }
                continue;
            }
            if (const auto problem = chain->follow(line, parsed->prev)) {
                fail(*problem);
                continue;
            }
            commit();
            pending = parsed->record;
        }
    }
    commit();
    m_figures.merge(figures);
    m_trails.push_back(trail);
}

void AuditSources::addStream(QIODevice &device, const QString &name)
{
    Trail trail;
    trail.name = name;
    trail.kind = Trail::Kind::Journal;
    Core::AuditFigures figures = m_figures.emptyCopy();
    LineReader lines(device);
    QByteArray line;
    bool tooLong = false;
    while (lines.next(line, tooLong)) {
        if (line.trimmed().isEmpty() && !tooLong)
            continue;
        const QJsonObject entry = tooLong ? QJsonObject() : QJsonDocument::fromJson(line).object();
        const auto record = Core::JournalRecord::fromJournal(entry);
        if (!record) {
            ++trail.ignored; // not SendGuard's, or not JSON
            continue;
        }
        figures.add(*record);
        ++trail.records;
    }
    m_figures.merge(figures);
    m_trails.push_back(trail);
}

} // namespace SendGuard::Tools
