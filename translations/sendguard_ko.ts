<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>SendGuard::Plugin::Tr</name>
    <message>
        <source>Checking the message for personal data…</source>
        <translation>메시지에 개인정보가 있는지 확인하는 중…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>the policy could not be loaded</source>
        <translation>정책을 불러오지 못했습니다</translation>
    </message>
    <message>
        <source>the check did not finish</source>
        <translation>확인을 마치지 못했습니다</translation>
    </message>
    <message>
        <source>some attachments cannot be read: %1</source>
        <translation>읽을 수 없는 첨부파일이 있습니다: %1</translation>
    </message>
    <message>
        <source>an internal error</source>
        <translation>내부 오류가 발생했습니다</translation>
    </message>
</context>
<context>
    <name>SendGuard::Ui::ConfirmationDialog</name>
    <message>
        <source>SendGuard — check before sending</source>
        <translation>SendGuard — 보내기 전 확인</translation>
    </message>
    <message>
        <source>The changed message still needs your confirmation.</source>
        <translation>바꾼 메시지도 확인이 필요합니다.</translation>
    </message>
    <message>
        <source>Attachments not checked in full: %1</source>
        <translation>전부 확인하지 못한 첨부파일: %1</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy does not allow sending this personal data to this audience. Mask it, or send it only to the people who need it.</source>
        <translation>기관 정책상 이 개인정보는 이 범위의 수신자에게 보낼 수 없습니다. 가리고 보내거나, 꼭 필요한 사람에게만 보내십시오.</translation>
    </message>
    <message>
        <source>Questions: %1</source>
        <translation>문의: %1</translation>
    </message>
    <message numerus="yes">
        <source>Why must it go to all of them? (at least %n characters)</source>
        <translation>
            <numerusform>모두에게 보내야 하는 이유를 입력하십시오 (최소 %n자)</numerusform>
        </translation>
    </message>
    <message>
        <source>Report a &amp;false positive</source>
        <translation>오탐 신고(&amp;F)</translation>
    </message>
    <message>
        <source>Reported as a false positive. Thank you.</source>
        <translation>오탐으로 신고했습니다. 감사합니다.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Send &amp;anyway</source>
        <translation>그대로 보내기(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove broadcast recipients</source>
        <translation>전체 발송 대상 빼기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Mask and send…</source>
        <translation>가리고 보내기(&amp;M)…</translation>
    </message>
    <message>
        <source>This is what will be sent. It is checked again before it goes.</source>
        <translation>아래 내용으로 보냅니다. 보내기 전에 다시 확인합니다.</translation>
    </message>
    <message>
        <source>Masked message</source>
        <translation>가린 메시지</translation>
    </message>
    <message>
        <source>Masked attachments: %1</source>
        <translation>가린 첨부파일: %1</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>뒤로(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Send masked message</source>
        <translation>가린 내용으로 보내기(&amp;S)</translation>
    </message>
    <message>
        <source>Who would receive it</source>
        <translation>받는 사람</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>People</source>
        <translation>인원</translation>
    </message>
    <message>
        <source>Why flagged</source>
        <translation>표시 이유</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>발견된 개인정보</translation>
    </message>
    <message>
        <source>Value (masked)</source>
        <translation>값 (가림)</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>The message, with what was found highlighted</source>
        <translation>메시지 내용 (발견된 부분 강조)</translation>
    </message>
    <message>
        <source>Send &amp;without the documents</source>
        <translation>첨부 문서 빼고 보내기(&amp;W)</translation>
    </message>
    <message>
        <source>Send the message without: %1</source>
        <translation>다음 첨부 문서를 빼고 보냅니다: %1</translation>
    </message>
</context>
<context>
    <name>SendGuard::Ui::ConfirmationTexts</name>
    <message>
        <source>resident registration number</source>
        <translation>주민등록번호</translation>
    </message>
    <message numerus="yes">
        <source>%1 resident registration number(s)</source>
        <translation>
            <numerusform>주민등록번호 %1건</numerusform>
        </translation>
    </message>
    <message>
        <source>foreigner registration number</source>
        <translation>외국인등록번호</translation>
    </message>
    <message numerus="yes">
        <source>%1 foreigner registration number(s)</source>
        <translation>
            <numerusform>외국인등록번호 %1건</numerusform>
        </translation>
    </message>
    <message>
        <source>passport number</source>
        <translation>여권번호</translation>
    </message>
    <message numerus="yes">
        <source>%1 passport number(s)</source>
        <translation>
            <numerusform>여권번호 %1건</numerusform>
        </translation>
    </message>
    <message>
        <source>driver&apos;s licence number</source>
        <translation>운전면허번호</translation>
    </message>
    <message numerus="yes">
        <source>%1 driver&apos;s licence number(s)</source>
        <translation>
            <numerusform>운전면허번호 %1건</numerusform>
        </translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>전화번호</translation>
    </message>
    <message numerus="yes">
        <source>%1 phone number(s)</source>
        <translation>
            <numerusform>전화번호 %1건</numerusform>
        </translation>
    </message>
    <message>
        <source>payment card number</source>
        <translation>카드번호</translation>
    </message>
    <message numerus="yes">
        <source>%1 payment card number(s)</source>
        <translation>
            <numerusform>카드번호 %1건</numerusform>
        </translation>
    </message>
    <message>
        <source>bank account number</source>
        <translation>계좌번호</translation>
    </message>
    <message numerus="yes">
        <source>%1 bank account number(s)</source>
        <translation>
            <numerusform>계좌번호 %1건</numerusform>
        </translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation>이메일 주소</translation>
    </message>
    <message numerus="yes">
        <source>%1 e-mail address(es)</source>
        <translation>
            <numerusform>이메일 주소 %1건</numerusform>
        </translation>
    </message>
    <message>
        <source>business registration number</source>
        <translation>사업자등록번호</translation>
    </message>
    <message numerus="yes">
        <source>%1 business registration number(s)</source>
        <translation>
            <numerusform>사업자등록번호 %1건</numerusform>
        </translation>
    </message>
    <message>
        <source>masked resident registration number</source>
        <translation>가려진 주민등록번호</translation>
    </message>
    <message numerus="yes">
        <source>%1 masked resident registration number(s)</source>
        <translation>
            <numerusform>가려진 주민등록번호 %1건</numerusform>
        </translation>
    </message>
    <message>
        <source>This message will reach %1.</source>
        <translation>이 메시지는 %1에게 전달됩니다.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source> and </source>
        <translation>, </translation>
    </message>
    <message>
        <source>It contains %1.</source>
        <translation>%1이 포함되어 있습니다.</translation>
    </message>
    <message>
        <source>Originally %1 → now %2</source>
        <translation>원래 %1 → %2</translation>
    </message>
    <message>
        <source>Please check before sending</source>
        <translation>보내기 전에 확인하십시오</translation>
    </message>
    <message>
        <source>Sending this needs a reason</source>
        <translation>보내려면 이유가 필요합니다</translation>
    </message>
    <message>
        <source>This message cannot be sent as it is</source>
        <translation>이 메시지는 이대로 보낼 수 없습니다</translation>
    </message>
    <message numerus="yes">
        <source>%1 people</source>
        <translation>
            <numerusform>%1명</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %1 people</source>
        <translation>
            <numerusform>최소 %1명</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>custom detector name: count</comment>
        <translation>%1 %2건</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>개인</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>그룹</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>전체 공지</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>External</source>
        <translation>외부</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>member count</comment>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Broadcast to everyone</source>
        <translation>전체 발송 대상</translation>
    </message>
    <message>
        <source>Large group</source>
        <translation>대규모 그룹</translation>
    </message>
    <message>
        <source>All-staff group</source>
        <translation>전 직원 그룹</translation>
    </message>
    <message>
        <source>A broadcast audience under the policy</source>
        <translation>정책상 전체 발송 대상</translation>
    </message>
    <message>
        <source>Part of a large audience</source>
        <translation>수신자 합계가 대규모</translation>
    </message>
    <message>
        <source>External recipient</source>
        <translation>외부 수신자</translation>
    </message>
    <message>
        <source>Address outside the organisation</source>
        <translation>기관 외부 주소</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Body, line %1</source>
        <translation>본문 %1행</translation>
    </message>
    <message>
        <source>Attachment %1</source>
        <translation>첨부파일 %1</translation>
    </message>
</context>
<context>
    <name>SendGuard::Ui::UncheckedMessageDialog</name>
    <message>
        <source>SendGuard — message not checked</source>
        <translation>SendGuard — 확인하지 못한 메시지</translation>
    </message>
    <message>
        <source>SendGuard could not check this message for personal data.</source>
        <translation>SendGuard가 이 메시지에 개인정보가 있는지 확인하지 못했습니다.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>이유: %1</translation>
    </message>
    <message>
        <source>Send it only if you are sure it holds no personal data, or cancel and try again.</source>
        <translation>개인정보가 없다고 확신할 때만 보내십시오. 아니면 취소하고 다시 시도하십시오.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy does not allow sending a message that could not be checked. Cancel and try again.</source>
        <translation>기관 정책상 확인하지 못한 메시지는 보낼 수 없습니다. 취소하고 다시 시도하십시오.</translation>
    </message>
    <message>
        <source>Questions: %1</source>
        <translation>문의: %1</translation>
    </message>
    <message>
        <source>Send unchecked</source>
        <translation>확인 없이 보내기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
</TS>
