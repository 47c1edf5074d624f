<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>MessengerWindow</name>
    <message>
        <source>%1 messenger — %2</source>
        <translation>%1 메신저 — %2</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>받은 메시지</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Forward…</source>
        <translation>전달…</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>새 메시지</translation>
    </message>
    <message>
        <source>SendGuard is checking what you send.</source>
        <translation>SendGuard가 보내는 메시지를 확인합니다.</translation>
    </message>
    <message>
        <source>SendGuard is not loaded: messages go unchecked.</source>
        <translation>SendGuard가 없습니다: 메시지를 확인 없이 보냅니다.</translation>
    </message>
    <message>
        <source>Directory ids, separated by commas</source>
        <translation>조직도 ID (쉼표로 구분)</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>받는 사람</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>메시지 내용</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>첨부파일</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>첨부…</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>첨부 삭제</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Send (Ctrl+Return)</source>
        <translation>보내기 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>받는 사람:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>제목:</translation>
    </message>
    <message>
        <source>From: %1
To: %2
Subject: %3
</source>
        <translation>보낸 사람: %1
받는 사람: %2
제목: %3
</translation>
    </message>
    <message>
        <source>Attachment: %1
</source>
        <translation>첨부파일: %1
</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>전달</translation>
    </message>
    <message>
        <source>FW: %1</source>
        <translation>FW: %1</translation>
    </message>
    <message>
        <source>---------- Forwarded message ----------
From: %1
Subject: %2

%3</source>
        <translation>---------- 전달된 메시지 ----------
보낸 사람: %1
제목: %2

%3</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>파일 첨부</translation>
    </message>
    <message>
        <source>No one in the directory has the id &quot;%1&quot;.</source>
        <translation>조직도에 ID가 &quot;%1&quot;인 사람이 없습니다.</translation>
    </message>
    <message>
        <source>Add at least one recipient.</source>
        <translation>받는 사람을 한 명 이상 넣으십시오.</translation>
    </message>
    <message>
        <source>Not sent. The message is still here.</source>
        <translation>보내지 않았습니다. 메시지는 그대로 남아 있습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Sent as changed by SendGuard to %n recipient(s).</source>
        <translation>
            <numerusform>SendGuard가 바꾼 내용으로 %n명에게 보냈습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent to %n recipient(s).</source>
        <translation>
            <numerusform>%n명에게 보냈습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not send: %1</source>
        <translation>보내지 못했습니다: %1</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>About SendGuard…</source>
        <translation>SendGuard 정보…</translation>
    </message>
    <message>
        <source>About SendGuard</source>
        <translation>SendGuard 정보</translation>
    </message>
    <message>
        <source>SendGuard is not loaded.</source>
        <translation>SendGuard가 불러와지지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>RecipientPicker</name>
    <message>
        <source>Choose recipients</source>
        <translation>받는 사람 선택</translation>
    </message>
    <message>
        <source>Filter by name, id or department</source>
        <translation>이름, ID, 부서로 찾기</translation>
    </message>
    <message>
        <source>Filter recipients</source>
        <translation>받는 사람 찾기</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>받는 사람</translation>
    </message>
    <message>
        <source> (%1 members)</source>
        <translation> (%1명)</translation>
    </message>
</context>
</TS>
