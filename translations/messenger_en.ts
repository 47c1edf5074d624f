<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>MessengerWindow</name>
    <message>
        <source>%1 messenger — %2</source>
        <translation>%1 messenger — %2</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Forward…</source>
        <translation>Forward…</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>New message</translation>
    </message>
    <message>
        <source>SendGuard is checking what you send.</source>
        <translation>SendGuard is checking what you send.</translation>
    </message>
    <message>
        <source>SendGuard is not loaded: messages go unchecked.</source>
        <translation>SendGuard is not loaded: messages go unchecked.</translation>
    </message>
    <message>
        <source>Directory ids, separated by commas</source>
        <translation>Directory ids, separated by commas</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Message text</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Attach…</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Remove attachment</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Send (Ctrl+Return)</source>
        <translation>Send (Ctrl+Return)</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <source>From: %1
To: %2
Subject: %3
</source>
        <translation>From: %1
To: %2
Subject: %3
</translation>
    </message>
    <message>
        <source>Attachment: %1
</source>
        <translation>Attachment: %1
</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Forward</translation>
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
        <translation>---------- Forwarded message ----------
From: %1
Subject: %2

%3</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <source>No one in the directory has the id &quot;%1&quot;.</source>
        <translation>No one in the directory has the id &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Add at least one recipient.</source>
        <translation>Add at least one recipient.</translation>
    </message>
    <message>
        <source>Not sent. The message is still here.</source>
        <translation>Not sent. The message is still here.</translation>
    </message>
    <message numerus="yes">
        <source>Sent as changed by SendGuard to %n recipient(s).</source>
        <translation>
            <numerusform>Sent as changed by SendGuard to %n recipient.</numerusform>
            <numerusform>Sent as changed by SendGuard to %n recipients.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent to %n recipient(s).</source>
        <translation>
            <numerusform>Sent to %n recipient.</numerusform>
            <numerusform>Sent to %n recipients.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not send: %1</source>
        <translation>Could not send: %1</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>About SendGuard…</source>
        <translation>About SendGuard…</translation>
    </message>
    <message>
        <source>About SendGuard</source>
        <translation>About SendGuard</translation>
    </message>
    <message>
        <source>SendGuard is not loaded.</source>
        <translation>SendGuard is not loaded.</translation>
    </message>
</context>
<context>
    <name>RecipientPicker</name>
    <message>
        <source>Choose recipients</source>
        <translation>Choose recipients</translation>
    </message>
    <message>
        <source>Filter by name, id or department</source>
        <translation>Filter by name, id or department</translation>
    </message>
    <message>
        <source>Filter recipients</source>
        <translation>Filter recipients</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source> (%1 members)</source>
        <translation> (%1 members)</translation>
    </message>
</context>
</TS>
