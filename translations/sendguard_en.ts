<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>SendGuard::Plugin::Tr</name>
    <message>
        <source>Checking the message for personal data…</source>
        <translation>Checking the message for personal data…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>the policy could not be loaded</source>
        <translation>the policy could not be loaded</translation>
    </message>
    <message>
        <source>the check did not finish</source>
        <translation>the check did not finish</translation>
    </message>
    <message>
        <source>some attachments cannot be read: %1</source>
        <translation>some attachments cannot be read: %1</translation>
    </message>
    <message>
        <source>an internal error</source>
        <translation>an internal error</translation>
    </message>
</context>
<context>
    <name>SendGuard::Ui::ConfirmationDialog</name>
    <message>
        <source>SendGuard — check before sending</source>
        <translation>SendGuard — check before sending</translation>
    </message>
    <message>
        <source>The changed message still needs your confirmation.</source>
        <translation>The changed message still needs your confirmation.</translation>
    </message>
    <message>
        <source>Attachments not checked in full: %1</source>
        <translation>Attachments not checked in full: %1</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy does not allow sending this personal data to this audience. Mask it, or send it only to the people who need it.</source>
        <translation>Your organisation&apos;s policy does not allow sending this personal data to this audience. Mask it, or send it only to the people who need it.</translation>
    </message>
    <message>
        <source>Questions: %1</source>
        <translation>Questions: %1</translation>
    </message>
    <message numerus="yes">
        <source>Why must it go to all of them? (at least %n characters)</source>
        <translation>
            <numerusform>Why must it go to all of them? (at least %n character)</numerusform>
            <numerusform>Why must it go to all of them? (at least %n characters)</numerusform>
        </translation>
    </message>
    <message>
        <source>Report a &amp;false positive</source>
        <translation>Report a &amp;false positive</translation>
    </message>
    <message>
        <source>Reported as a false positive. Thank you.</source>
        <translation>Reported as a false positive. Thank you.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Send &amp;anyway</source>
        <translation>Send &amp;anyway</translation>
    </message>
    <message>
        <source>&amp;Remove broadcast recipients</source>
        <translation>&amp;Remove broadcast recipients</translation>
    </message>
    <message>
        <source>&amp;Mask and send…</source>
        <translation>&amp;Mask and send…</translation>
    </message>
    <message>
        <source>This is what will be sent. It is checked again before it goes.</source>
        <translation>This is what will be sent. It is checked again before it goes.</translation>
    </message>
    <message>
        <source>Masked message</source>
        <translation>Masked message</translation>
    </message>
    <message>
        <source>Masked attachments: %1</source>
        <translation>Masked attachments: %1</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>&amp;Send masked message</source>
        <translation>&amp;Send masked message</translation>
    </message>
    <message>
        <source>Who would receive it</source>
        <translation>Who would receive it</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Why flagged</source>
        <translation>Why flagged</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>What was found</translation>
    </message>
    <message>
        <source>Value (masked)</source>
        <translation>Value (masked)</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>The message, with what was found highlighted</source>
        <translation>The message, with what was found highlighted</translation>
    </message>
    <message>
        <source>Send &amp;without the documents</source>
        <translation>Send &amp;without the documents</translation>
    </message>
    <message>
        <source>Send the message without: %1</source>
        <translation>Send the message without: %1</translation>
    </message>
</context>
<context>
    <name>SendGuard::Ui::ConfirmationTexts</name>
    <message>
        <source>resident registration number</source>
        <translation>resident registration number</translation>
    </message>
    <message numerus="yes">
        <source>%1 resident registration number(s)</source>
        <translation>
            <numerusform>%1 resident registration number</numerusform>
            <numerusform>%1 resident registration numbers</numerusform>
        </translation>
    </message>
    <message>
        <source>foreigner registration number</source>
        <translation>foreigner registration number</translation>
    </message>
    <message numerus="yes">
        <source>%1 foreigner registration number(s)</source>
        <translation>
            <numerusform>%1 foreigner registration number</numerusform>
            <numerusform>%1 foreigner registration numbers</numerusform>
        </translation>
    </message>
    <message>
        <source>passport number</source>
        <translation>passport number</translation>
    </message>
    <message numerus="yes">
        <source>%1 passport number(s)</source>
        <translation>
            <numerusform>%1 passport number</numerusform>
            <numerusform>%1 passport numbers</numerusform>
        </translation>
    </message>
    <message>
        <source>driver&apos;s licence number</source>
        <translation>driver&apos;s licence number</translation>
    </message>
    <message numerus="yes">
        <source>%1 driver&apos;s licence number(s)</source>
        <translation>
            <numerusform>%1 driver&apos;s licence number</numerusform>
            <numerusform>%1 driver&apos;s licence numbers</numerusform>
        </translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>phone number</translation>
    </message>
    <message numerus="yes">
        <source>%1 phone number(s)</source>
        <translation>
            <numerusform>%1 phone number</numerusform>
            <numerusform>%1 phone numbers</numerusform>
        </translation>
    </message>
    <message>
        <source>payment card number</source>
        <translation>payment card number</translation>
    </message>
    <message numerus="yes">
        <source>%1 payment card number(s)</source>
        <translation>
            <numerusform>%1 payment card number</numerusform>
            <numerusform>%1 payment card numbers</numerusform>
        </translation>
    </message>
    <message>
        <source>bank account number</source>
        <translation>bank account number</translation>
    </message>
    <message numerus="yes">
        <source>%1 bank account number(s)</source>
        <translation>
            <numerusform>%1 bank account number</numerusform>
            <numerusform>%1 bank account numbers</numerusform>
        </translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation>e-mail address</translation>
    </message>
    <message numerus="yes">
        <source>%1 e-mail address(es)</source>
        <translation>
            <numerusform>%1 e-mail address</numerusform>
            <numerusform>%1 e-mail addresses</numerusform>
        </translation>
    </message>
    <message>
        <source>business registration number</source>
        <translation>business registration number</translation>
    </message>
    <message numerus="yes">
        <source>%1 business registration number(s)</source>
        <translation>
            <numerusform>%1 business registration number</numerusform>
            <numerusform>%1 business registration numbers</numerusform>
        </translation>
    </message>
    <message>
        <source>masked resident registration number</source>
        <translation>masked resident registration number</translation>
    </message>
    <message numerus="yes">
        <source>%1 masked resident registration number(s)</source>
        <translation>
            <numerusform>%1 masked resident registration number</numerusform>
            <numerusform>%1 masked resident registration numbers</numerusform>
        </translation>
    </message>
    <message>
        <source>This message will reach %1.</source>
        <translation>This message will reach %1.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source> and </source>
        <translation> and </translation>
    </message>
    <message>
        <source>It contains %1.</source>
        <translation>It contains %1.</translation>
    </message>
    <message>
        <source>Originally %1 → now %2</source>
        <translation>Originally %1 → now %2</translation>
    </message>
    <message>
        <source>Please check before sending</source>
        <translation>Please check before sending</translation>
    </message>
    <message>
        <source>Sending this needs a reason</source>
        <translation>Sending this needs a reason</translation>
    </message>
    <message>
        <source>This message cannot be sent as it is</source>
        <translation>This message cannot be sent as it is</translation>
    </message>
    <message numerus="yes">
        <source>%1 people</source>
        <translation>
            <numerusform>%1 person</numerusform>
            <numerusform>%1 people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %1 people</source>
        <translation>
            <numerusform>at least %1 person</numerusform>
            <numerusform>at least %1 people</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>custom detector name: count</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Broadcast</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>External</source>
        <translation>External</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>member count</comment>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Broadcast to everyone</source>
        <translation>Broadcast to everyone</translation>
    </message>
    <message>
        <source>Large group</source>
        <translation>Large group</translation>
    </message>
    <message>
        <source>All-staff group</source>
        <translation>All-staff group</translation>
    </message>
    <message>
        <source>A broadcast audience under the policy</source>
        <translation>A broadcast audience under the policy</translation>
    </message>
    <message>
        <source>Part of a large audience</source>
        <translation>Part of a large audience</translation>
    </message>
    <message>
        <source>External recipient</source>
        <translation>External recipient</translation>
    </message>
    <message>
        <source>Address outside the organisation</source>
        <translation>Address outside the organisation</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Body, line %1</source>
        <translation>Body, line %1</translation>
    </message>
    <message>
        <source>Attachment %1</source>
        <translation>Attachment %1</translation>
    </message>
</context>
<context>
    <name>SendGuard::Ui::UncheckedMessageDialog</name>
    <message>
        <source>SendGuard — message not checked</source>
        <translation>SendGuard — message not checked</translation>
    </message>
    <message>
        <source>SendGuard could not check this message for personal data.</source>
        <translation>SendGuard could not check this message for personal data.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Send it only if you are sure it holds no personal data, or cancel and try again.</source>
        <translation>Send it only if you are sure it holds no personal data, or cancel and try again.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy does not allow sending a message that could not be checked. Cancel and try again.</source>
        <translation>Your organisation&apos;s policy does not allow sending a message that could not be checked. Cancel and try again.</translation>
    </message>
    <message>
        <source>Questions: %1</source>
        <translation>Questions: %1</translation>
    </message>
    <message>
        <source>Send unchecked</source>
        <translation>Send unchecked</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
