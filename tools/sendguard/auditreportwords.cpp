// SPDX-License-Identifier: GPL-2.0-or-later
#include "auditreportwords.h"

#include <QHash>

namespace SendGuard::Tools {

namespace {

struct Words
{
    const char *english;
    const char *korean;
};

const QHash<QString, Words> &words()
{
    static const QHash<QString, Words> table {
        {QStringLiteral("title"), {"SendGuard audit report", "SendGuard 감사 보고서"}},
        {QStringLiteral("period"), {"Period", "기간"}},
        {QStringLiteral("allTime"), {"all records", "모든 기록"}},
        {QStringLiteral("counted"), {"records counted", "집계한 기록"}},
        {QStringLiteral("outsidePeriod"), {"outside the period", "기간 밖"}},
        {QStringLiteral("noContent"),
         {"Audit records hold ids and counts only: no message text and no unmasked identifier is in them, or in "
          "this report.",
          "감사 기록에는 식별자와 건수만 있습니다. 메시지 내용이나 가리지 않은 개인정보는 기록에도, 이 보고서에도 "
          "없습니다."}},
        {QStringLiteral("trails"), {"Trails read", "읽은 기록"}},
        {QStringLiteral("trail"), {"Trail", "기록"}},
        {QStringLiteral("kind"), {"Kind", "종류"}},
        {QStringLiteral("status"), {"Status", "상태"}},
        {QStringLiteral("records"), {"Records", "기록 수"}},
        {QStringLiteral("leftOut"), {"Left out", "제외"}},
        {QStringLiteral("user"), {"user's trail", "사용자 기록"}},
        {QStringLiteral("machine"), {"machine trail", "컴퓨터 기록"}},
        {QStringLiteral("journal"), {"system journal", "시스템 저널"}},
        {QStringLiteral("verified"), {"chain verified", "연결 검증됨"}},
        {QStringLiteral("notVerified"), {"DID NOT VERIFY", "검증 실패"}},
        {QStringLiteral("notVerifiable"),
         {"not verifiable (the system log's copy has no chain)", "검증할 수 없음(시스템 로그 사본에는 연결이 없음)"}},
        {QStringLiteral("midChain"), {"starts after rotated-away files", "지워진 이전 파일 다음부터"}},
        {QStringLiteral("brokenNote"),
         {"Records after a break in a chain are left out: a record before them was deleted, inserted or changed.",
          "연결이 끊긴 곳 뒤의 기록은 집계하지 않았습니다. 그 앞의 기록이 지워졌거나, 끼워 넣어졌거나, 바뀌었습니다."}},
        {QStringLiteral("verdicts"), {"Decisions by verdict", "판정별 결정"}},
        {QStringLiteral("choices"), {"What users chose", "사용자의 선택"}},
        {QStringLiteral("byrule"), {"By rule", "규칙별"}},
        {QStringLiteral("bydetector"), {"By detector", "탐지 항목별"}},
        {QStringLiteral("bydepartment"), {"By department", "부서별"}},
        {QStringLiteral("byhost"), {"By host", "컴퓨터별"}},
        {QStringLiteral("byweek"), {"By week", "주별"}},
        {QStringLiteral("overrideChart"),
         {"Override rate by rule (send anyway ÷ decisions)", "규칙별 무시 비율(그대로 보냄 ÷ 결정)"}},
        {QStringLiteral("falsePositiveChart"), {"False-positive reports by detector", "탐지 항목별 오탐 신고"}},
        {QStringLiteral("weekChart"), {"Decisions and overrides per week", "주별 결정과 무시"}},
        {QStringLiteral("falsePositives"), {"False-positive reports: what was reported", "오탐 신고: 신고된 값"}},
        {QStringLiteral("unchecked"), {"Messages that could not be checked, by cause", "검사하지 못한 메시지(원인별)"}},
        {QStringLiteral("hosts"), {"Policy per host", "컴퓨터별 정책"}},
        {QStringLiteral("staleNote"),
         {"Stale: the host's last record ran an older version of its policy than another host's.",
          "구버전: 그 컴퓨터의 마지막 기록이 다른 컴퓨터보다 오래된 정책 버전으로 검사했습니다."}},
        {QStringLiteral("name"), {"Name", "이름"}},
        {QStringLiteral("detector"), {"Detector", "탐지 항목"}},
        {QStringLiteral("maskedForm"), {"Reported (masked)", "신고된 값(가림)"}},
        {QStringLiteral("count"), {"Count", "건수"}},
        {QStringLiteral("decisions"), {"Decisions", "결정"}},
        {QStringLiteral("sentAnyway"), {"Sent anyway", "그대로 보냄"}},
        {QStringLiteral("overrideRate"), {"Override rate", "무시 비율"}},
        {QStringLiteral("changed"), {"Changed, then sent", "고쳐서 보냄"}},
        {QStringLiteral("cancelled"), {"Cancelled", "취소"}},
        {QStringLiteral("uncheckedColumn"), {"Unchecked", "미검사"}},
        {QStringLiteral("falsePositivesColumn"), {"False positives", "오탐 신고"}},
        {QStringLiteral("host"), {"Host", "컴퓨터"}},
        {QStringLiteral("policy"), {"Policy", "정책"}},
        {QStringLiteral("version"), {"Version", "버전"}},
        {QStringLiteral("lastRecord"), {"Last record", "마지막 기록"}},
        {QStringLiteral("stale"), {"stale", "구버전"}},
        {QStringLiteral("current"), {"current", "최신"}},
        {QStringLiteral("none"), {"none", "없음"}},
        {QStringLiteral("ignored"), {"not SendGuard's", "SendGuard 기록 아님"}},
    };
    return table;
}

const QHash<QString, Words> &terms()
{
    static const QHash<QString, Words> table {
        {QStringLiteral("warn"), {"warn", "경고"}},
        {QStringLiteral("justify"), {"reason required", "사유 필요"}},
        {QStringLiteral("block"), {"block", "차단"}},
        {QStringLiteral("allow"), {"allow", "허용"}},
        {QStringLiteral("unchecked"), {"unchecked", "미검사"}},
        {QStringLiteral("cancel"), {"cancel", "취소"}},
        {QStringLiteral("send-anyway"), {"send anyway", "그대로 보내기"}},
        {QStringLiteral("mask-and-send"), {"mask and send", "가리고 보내기"}},
        {QStringLiteral("remove-broadcast-recipients"), {"remove broadcast recipients", "전체 발송 대상 빼기"}},
        {QStringLiteral("leave-out-attachments"), {"send without the documents", "첨부 문서 빼고 보내기"}},
        {QStringLiteral("send-unchecked"), {"sent unchecked", "검사 없이 보냄"}},
        {QStringLiteral("blocked"), {"blocked (failure mode)", "차단(실패 시 처리)"}},
        {QStringLiteral("report-false-positive"), {"false-positive report", "오탐 신고"}},
        {QStringLiteral("policy-not-loaded"), {"policy not loaded", "정책을 불러오지 못함"}},
        {QStringLiteral("incomplete"), {"check stopped part way", "검사가 중간에 멈춤"}},
        {QStringLiteral("timeout"), {"time limit", "시간 초과"}},
        {QStringLiteral("attachment-limit"), {"attachment past a limit", "첨부파일 한도 초과"}},
        {QStringLiteral("attachment-unreadable"), {"attachment unreadable", "첨부파일을 읽을 수 없음"}},
        {QStringLiteral("attachment-not-supported"), {"attachment format not read", "읽지 않는 첨부 형식"}},
        {QStringLiteral("internal-error"), {"internal error", "내부 오류"}},
        {QStringLiteral("unknown"), {"not told", "원인 미기록"}},
    };
    return table;
}

} // namespace

AuditReportWords::AuditReportWords(QString language)
    : m_korean(language == QLatin1String("ko"))
{
}

QString AuditReportWords::text(const char *key) const
{
    const auto it = words().constFind(QLatin1String(key));
    if (it == words().constEnd())
        return QLatin1String(key);
    return QString::fromUtf8(m_korean ? it->korean : it->english);
}

QString AuditReportWords::term(const QString &name) const
{
    const auto it = terms().constFind(name);
    if (it == terms().constEnd())
        return name;
    return QString::fromUtf8(m_korean ? it->korean : it->english);
}

} // namespace SendGuard::Tools
