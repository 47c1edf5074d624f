#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Smoke test of xmppfixture.py: real Psi 1.5, no plugin.

Starts prosody, the listener (bob and a crowd of 48 in office@conference.localhost), Xvfb and
Psi in Korean; alice (Psi) joins the room from her bookmark. Types a Korean message to bob in
a one-to-one chat and one into the room, checks that both arrive exactly, that the room had 50
occupants, and that nothing the fixture started is left running. Saves a screenshot in DIR.

    /usr/bin/python3 tests/integrations/psi/psifixturesmoketest.py --work DIR

Exit status: 0 passed, 1 failed (the reason on stderr), 77 skipped (psi, prosody, Xvfb,
xdotool, ImageMagick, dbus-daemon or slixmpp is missing).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import xmppfixture as xf  # noqa: E402

CHAT_TEXT = "주거급여 신청서 김민수 850315-2345678"
ROOM_TEXT = "회의실 공지: 오늘 3시 회의 (room check)"
ROOM_OCCUPANTS = 50  # bob + 48 crowd + alice
check = xf.check


def run(work: Path, timings: xf.Phases) -> Path:
    """The test itself; returns the screenshot's path. Raises on failure."""
    run_dir = Path(tempfile.mkdtemp(prefix="run-", dir=work))
    print(f"logs in {run_dir}", flush=True)
    screenshot = work / "psifixturesmoketest.png"
    with contextlib.ExitStack() as stack:
        with timings.phase("prosody"):
            server = stack.enter_context(xf.Prosody(run_dir))
        with timings.phase("listener: bob and 48 crowd in the room"):
            listener = stack.enter_context(xf.RoomListener(server, run_dir, crowd_size=48))
        with timings.phase("Xvfb and D-Bus"):
            display = stack.enter_context(xf.Xvfb(run_dir))
            bus = stack.enter_context(xf.SessionBus(run_dir))
        with timings.phase("Psi start (Korean), alice joins the room"):
            psi = stack.enter_context(xf.PsiSession(run_dir, display.display, "ko",
                                                    server=server, listener=listener, bus=bus))
        if psi.attempts_used > 1:
            print(f"note: Psi needed {psi.attempts_used} starts (see {psi.log_path})")

        occupants = listener.occupants()
        check(len(occupants) == ROOM_OCCUPANTS and "alice" in occupants,
              f"expected {ROOM_OCCUPANTS} occupants in {xf.ROOM_JID} including alice, "
              f"the listener sees {len(occupants)}: {occupants}")

        with timings.phase("one-to-one chat: open, type Korean, bob receives"):
            chat = psi.open_chat(xf.BOB.jid)
            psi.send_text(chat, CHAT_TEXT)
            received = listener.wait_for_message(15, type="chat", from_bare=xf.ALICE.jid)
            check(received["body"] == CHAT_TEXT,
                  f"bob should have received {CHAT_TEXT!r}, got {received['body']!r}")
            check(not received["xhtml"], f"a typed plain text came with XHTML-IM: "
                                         f"{received['xml']}")

        with timings.phase("room: focus, type, the room receives"):
            psi.send_text(psi.room_window, ROOM_TEXT)
            received = listener.wait_for_message(15, type="groupchat",
                                                 **{"from": f"{xf.ROOM_JID}/alice"})
            check(received["body"] == ROOM_TEXT,
                  f"the room should have received {ROOM_TEXT!r}, got {received['body']!r}")
            check(listener.occupant_count() == ROOM_OCCUPANTS,
                  f"expected {ROOM_OCCUPANTS} occupants after sending, the listener sees "
                  f"{listener.occupant_count()}")

        with timings.phase("screenshot"):
            psi.screenshot(screenshot)

        with timings.phase("shutdown"):
            exit_code = psi.stop()
            stack.close()
        check(exit_code == 0, f"Psi should quit with 0 when its main window closes, "
                              f"it ended with {exit_code} (log: {psi.log_path})")
    leftovers = xf.leftover_processes()
    check(not leftovers, f"processes left running after the fixture stopped: {leftovers}")
    return screenshot


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", required=True, type=Path,
                        help="folder for the run's logs and the screenshot (created if missing)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    return xf.run_test(lambda phases: f"screenshot {run(args.work.resolve(), phases)}")


if __name__ == "__main__":
    sys.exit(main())
