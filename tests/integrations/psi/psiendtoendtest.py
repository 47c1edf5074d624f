#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""SendGuard in Psi, end to end: the real Psi 1.5 with the SendGuard plugin, against prosody.

Everything runs on this machine: prosody on 127.0.0.1 with a room of 50 (bob and 48 others from
a slixmpp listener, which records what arrives, and alice in Psi), Xvfb, and Psi, which logs in
as alice, joins the room from her bookmark and loads the plugin built here; the plugin starts this
build's sendguard-bridge, whose dialog appears over Psi's window. Psi's real input is typed into
with xdotool, the dialog answered with its keys.

In Korean:
  1. a resident registration number to one person (a chat with bob) goes, unasked;
  2. the incident forwarded into the 50-person room is stopped: the dialog is over the room's
     window (screenshot), Cancel sends nothing and keeps the text in Psi's input;
  3. Return again, and mask-and-send (Alt+M, Alt+S): the room receives 850315-2****** and never
     the number, with no formatted copy.
In English: the dialog over the room (screenshot), Cancel, nothing sent; then Psi's message
dialog to 50 people (bob and 49 more typed into its To field), sent with Ctrl+Return: Cancel
sends nothing and leaves it open, mask-and-send gives bob the masked text and subject.
Psi's log (which holds the bridge's) must hold no number.

    psiendtoendtest.py --plugin LIB --screenshots DIR --work DIR

Exit status: 0 passed, 1 failed, 77 skipped (Psi, prosody or another program is not installed).
"""

from __future__ import annotations

import argparse
import contextlib
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import xmppfixture as xf  # noqa: E402

RRN = "850315-2345678"
MASKED_RRN = "850315-2******"
TO_BOB = f"김민수님 주민등록번호 {RRN} 확인 부탁드립니다"
INCIDENT = f"FW: 주거급여 신청서 이관 - 신청인 김민수, 주민등록번호 {RRN}, 처리 부탁드립니다"
# Psi's message dialog, opened by an xmpp: link: ASCII, so the link needs no escaping.
LETTER_SUBJECT = f"Applicant {RRN}"
LETTER = f"Kim Minsu {RRN} please process"
ROOM_OCCUPANTS = 50
# How long a message that must not arrive is waited for.
QUIET_SECONDS = 3.0
check = xf.check


def dialog_window(psi: xf.PsiSession) -> int | None:
    """SendGuard's dialog: a visible window of the bridge, Psi's child process."""
    found = psi.desktop.xdotool("search", "--onlyvisible", "--class", "sendguard-bridge").split()
    return int(found[-1]) if found else None


def wait_for_dialog(psi: xf.PsiSession, why: str) -> int:
    window = xf.wait_until(lambda: dialog_window(psi), 20, f"SendGuard's dialog ({why})",
                           lambda: f"Psi's windows: {psi.windows()}; Psi's log:\n{xf.tail(psi.log_path)}")
    # Qt maps the window before it has painted it.
    time.sleep(0.5)
    return window


def wait_for_dialog_gone(psi: xf.PsiSession) -> None:
    xf.wait_until(lambda: dialog_window(psi) is None, 10, "SendGuard's dialog to close")


def transient_for(psi: xf.PsiSession, window: int) -> int | None:
    result = subprocess.run(["xprop", "-id", str(window), "WM_TRANSIENT_FOR"], env=psi.desktop.env,
                            capture_output=True, text=True, timeout=10)
    words = result.stdout.split()
    return int(words[-1], 16) if result.returncode == 0 and words and words[-1].startswith("0x") else None


def alice_in_room(record: dict) -> bool:
    return record["type"] == "groupchat" and record["from"] == f"{xf.ROOM_JID}/alice"


def room_messages(listener: xf.RoomListener, since: int = 0) -> list[dict]:
    return [record for record in listener.messages(since) if alice_in_room(record)]


def answer(psi: xf.PsiSession, dialog: int, *keys: str) -> None:
    psi.desktop.focus(dialog)
    psi.desktop.key(*keys)


def stopped_in_room(psi: xf.PsiSession, listener: xf.RoomListener, screenshot: Path) -> int:
    """Sends the incident into the room; the dialog must stop it. Returns the dialog's window."""
    psi.send_text(psi.room_window, INCIDENT)
    dialog = wait_for_dialog(psi, "the incident into a room of 50")
    check(transient_for(psi, dialog) == psi.room_window,
          f"the dialog should be transient for the room's window {psi.room_window}, "
          f"it is for {transient_for(psi, dialog)}")
    psi.screenshot(screenshot)
    print(f"screenshot {screenshot}", flush=True)
    return dialog


def cancel_sends_nothing(psi: xf.PsiSession, listener: xf.RoomListener, dialog: int) -> None:
    mark = listener.mark()
    answer(psi, dialog, "Escape")
    wait_for_dialog_gone(psi)
    listener.expect_no_message(QUIET_SECONDS, alice_in_room, since=mark)


@contextlib.contextmanager
def psi_with_plugin(run_dir: Path, language: str, plugin: Path, server, listener, phases: xf.Phases):
    """Psi in language, with the plugin, on an X server of its own; quits at the end."""
    work = run_dir / language
    work.mkdir()
    with contextlib.ExitStack() as stack:
        with phases.phase(f"Xvfb, D-Bus, Psi ({language}) with the plugin"):
            display = stack.enter_context(xf.Xvfb(work))
            bus = stack.enter_context(xf.SessionBus(work))
            psi = stack.enter_context(xf.PsiSession(work, display.display, language, server=server,
                                                    listener=listener, bus=bus, plugin_dir=plugin))
        yield psi
        with phases.phase("Psi quits"):
            psi.stop()


def korean_session(run_dir: Path, plugin: Path, screenshots: Path, server, listener, phases) -> Path:
    with psi_with_plugin(run_dir, "ko", plugin, server, listener, phases) as psi:
        check(listener.occupant_count() == ROOM_OCCUPANTS,
              f"the room should have {ROOM_OCCUPANTS} occupants, the listener sees {listener.occupant_count()}")

        with phases.phase("1. a number to one person goes, unasked"):
            chat = psi.open_chat(xf.BOB.jid)
            psi.send_text(chat, TO_BOB)
            received = listener.wait_for_message(20, type="chat", from_bare=xf.ALICE.jid)
            check(received["body"] == TO_BOB, f"bob should have received {TO_BOB!r}, got {received['body']!r}")
            check(dialog_window(psi) is None, "no dialog should be shown for a message to one person")

        with phases.phase("2. the incident into the room of 50 is stopped; Cancel"):
            dialog = stopped_in_room(psi, listener, screenshots / "psi-dialog-over-room-ko.png")
            cancel_sends_nothing(psi, listener, dialog)

        with phases.phase("3. Return again: the text was kept; mask and send"):
            mark = listener.mark()
            psi.focus_room()
            psi.desktop.key("Return")
            dialog = wait_for_dialog(psi, "the kept text, sent again")
            answer(psi, dialog, "alt+m")
            time.sleep(0.5)  # the preview page
            psi.screenshot(screenshots / "psi-dialog-masked-preview-ko.png")
            answer(psi, dialog, "alt+s")
            received = listener.wait_for_message(20, alice_in_room, since=mark)
            expected = INCIDENT.replace(RRN, MASKED_RRN)
            check(received["body"] == expected, f"the room should have received {expected!r}, got {received['body']!r}")
            check(not received["xhtml"], f"the masked message came with a formatted copy: {received['xml']}")
            time.sleep(QUIET_SECONDS)
            stanzas = [record["xml"] for record in room_messages(listener)]
            check(len(stanzas) == 1, f"the room should have received one message, it received {len(stanzas)}")
            check(not any("2345678" in xml for xml in stanzas), "the number reached the room")
    return psi.log_path


def message_dialog_to_fifty(psi: xf.PsiSession) -> int:
    """Opens Psi's message dialog to bob with LETTER, adds 49 more recipients to its To field and
    presses Ctrl+Return, Psi's key for sending there; returns the message dialog's window."""
    before = {window for window, _ in psi.windows()}
    psi.bus.call_psi("openURI", f"xmpp:{xf.BOB.jid}?message;subject={LETTER_SUBJECT};body={LETTER}")
    window = psi.wait_for_window(lambda title: title == "Send Message", "Psi's message dialog")
    check(window not in before, "the message dialog was already open")
    psi.desktop.focus(window)
    # The text has the focus; the To field is two fields back.
    psi.desktop.key("shift+Tab", "shift+Tab", "End")
    psi.desktop.type_text("".join(f", person{number}@localhost" for number in range(1, 50)), delay_ms=1)
    psi.desktop.key("ctrl+Return")
    return window


def english_session(run_dir: Path, plugin: Path, screenshots: Path, server, listener, phases) -> Path:
    with psi_with_plugin(run_dir, "en", plugin, server, listener, phases) as psi:
        with phases.phase("the incident into the room is stopped (English); Cancel"):
            dialog = stopped_in_room(psi, listener, screenshots / "psi-dialog-over-room-en.png")
            cancel_sends_nothing(psi, listener, dialog)

        with phases.phase("the message dialog to 50 people: Cancel keeps it open; mask and send"):
            mark = listener.mark()
            letter = message_dialog_to_fifty(psi)
            dialog = wait_for_dialog(psi, "Psi's message dialog to 50 people")
            answer(psi, dialog, "Escape")
            wait_for_dialog_gone(psi)
            listener.expect_no_message(QUIET_SECONDS, since=mark, from_bare=xf.ALICE.jid)
            check(psi.find_window(lambda title: title == "Send Message") == letter,
                  "Cancel should leave Psi's message dialog open")
            psi.desktop.focus(letter)
            psi.desktop.key("ctrl+Return")
            dialog = wait_for_dialog(psi, "the message dialog's kept text, sent again")
            answer(psi, dialog, "alt+m")
            time.sleep(0.5)
            answer(psi, dialog, "alt+s")
            received = listener.wait_for_message(20, since=mark, from_bare=xf.ALICE.jid)
            expected = LETTER.replace(RRN, MASKED_RRN)
            check(received["body"] == expected, f"bob should have received {expected!r}, got {received['body']!r}")
            check(re.search(rf"<(\w+:)?subject>{re.escape(LETTER_SUBJECT.replace(RRN, MASKED_RRN))}</", received["xml"])
                  and "2345678" not in received["xml"], f"the subject was not masked: {received['xml']}")
            xf.wait_until(lambda: psi.find_window(lambda title: title == "Send Message") is None, 10,
                          "Psi's message dialog to close once sent")
    return psi.log_path


def run(plugin: Path, screenshots: Path, work: Path, phases: xf.Phases) -> str:
    run_dir = Path(tempfile.mkdtemp(prefix="run-", dir=work))
    print(f"logs in {run_dir}", flush=True)
    with contextlib.ExitStack() as stack:
        with phases.phase("prosody, and bob with 48 others in the room"):
            server = stack.enter_context(xf.Prosody(run_dir))
            listener = stack.enter_context(xf.RoomListener(server, run_dir, crowd_size=48))
        logs = [korean_session(run_dir, plugin, screenshots, server, listener, phases),
                english_session(run_dir, plugin, screenshots, server, listener, phases)]
    for log in logs:
        text = log.read_text(errors="replace")
        check("SendGuard: enabled" in text, f"Psi did not enable the plugin (log: {log})")
        check("2345678" not in text, f"Psi's log, which holds SendGuard's, shows the number: {log}")
    leftovers = xf.leftover_processes()
    check(not leftovers, f"processes left running: {leftovers}")
    return f"screenshots in {screenshots}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plugin", required=True, type=Path, help="the built libsendguardpsi.so")
    parser.add_argument("--screenshots", required=True, type=Path, help="where the screenshots go")
    parser.add_argument("--work", required=True, type=Path, help="folder for the run's files and logs")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    args.screenshots.mkdir(parents=True, exist_ok=True)
    return xf.run_test(lambda phases: run(args.plugin.resolve(), args.screenshots.resolve(),
                                          args.work.resolve(), phases))


if __name__ == "__main__":
    sys.exit(main())
