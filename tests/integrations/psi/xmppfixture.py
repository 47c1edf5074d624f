# SPDX-License-Identifier: GPL-2.0-or-later
"""End-to-end fixture for driving Psi 1.5 against a private XMPP server.

What it starts, each owned by the caller's workdir and stopped at the end:

* ``Prosody``: a prosody 0.12 server on 127.0.0.1 with a MUC component and private storage.
* ``RoomListener``: a child process (this file run as a script) that logs in as the observer
  (bob), records every message bob receives, and keeps a crowd of occupants in one room.
* ``Xvfb``: a private X server on a free display.
* ``SessionBus``: a private D-Bus session bus, so that Psi can be asked to open a chat.
* ``PsiSession``: Psi with a fresh profile that logs alice in and joins the room by itself.

Every child runs in its own process group with a parent-death signal, the test process is a
child subreaper, and ``stop_all_processes`` (run by ``atexit`` and on SIGTERM/SIGHUP) kills
whatever is left, so nothing survives the test, not even a daemon one of the programs forked.

Only the standard library and slixmpp (Debian's python3-slixmpp, used through /usr/bin/python3)
are needed. In short (psifixturesmoketest.py is a complete example):

    with contextlib.ExitStack() as stack:
        server = stack.enter_context(Prosody(work))
        listener = stack.enter_context(RoomListener(server, work, crowd_size=48))
        display = stack.enter_context(Xvfb(work))
        bus = stack.enter_context(SessionBus(work))
        psi = stack.enter_context(PsiSession(work, display.display, "ko", server=server,
                                             listener=listener, bus=bus, plugin_dir=plugin))
        psi.send_text(psi.open_chat(BOB.jid), "주거급여 신청서")
        listener.wait_for_message(10, type="chat", body="주거급여 신청서")
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import ctypes
import ctypes.util
import json
import logging
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

DOMAIN = "localhost"
MUC_DOMAIN = "conference.localhost"
ROOM_JID = f"office@{MUC_DOMAIN}"
XHTML_IM_NS = "http://jabber.org/protocol/xhtml-im"
MUC_USER_NS = "http://jabber.org/protocol/muc#user"

# Programs the fixture runs; missing ones make a test skip (exit 77) instead of fail.
REQUIRED_PROGRAMS = ("psi", "prosody", "prosodyctl", "Xvfb", "xdotool", "import", "dbus-daemon")


EXIT_PASSED, EXIT_FAILED, EXIT_SKIPPED = 0, 1, 77  # 77: ctest's SKIP_RETURN_CODE


class Phases:
    """Prints how long each phase of a test took, as it ends."""

    def __init__(self) -> None:
        self.started = time.monotonic()

    @contextlib.contextmanager
    def phase(self, name: str):
        begun = time.monotonic()
        yield
        took = time.monotonic() - begun
        print(f"[{time.monotonic() - self.started:6.2f} s] {name}: {took:.2f} s", flush=True)

    def total(self) -> float:
        return time.monotonic() - self.started


def check(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def run_test(body: Callable[[Phases], str]) -> int:
    """A test script's exit status: EXIT_SKIPPED (the reason on stderr) when a program or module
    is missing, EXIT_FAILED (the reason on stderr) when body raises AssertionError or
    FixtureError, EXIT_PASSED otherwise; body returns what to say about a pass."""
    try:
        check_prerequisites()
    except MissingPrerequisite as missing:
        print(f"SKIP: {missing}", file=sys.stderr)
        return EXIT_SKIPPED
    phases = Phases()
    try:
        summary = body(phases)
    except (AssertionError, FixtureError) as failure:
        print(f"FAIL after {phases.total():.1f} s: {failure}", file=sys.stderr)
        return EXIT_FAILED
    print(f"PASS in {phases.total():.1f} s{'; ' + summary if summary else ''}")
    return EXIT_PASSED


class FixtureError(RuntimeError):
    """Something the fixture brings up did not come up; the message says what and why."""


class MissingPrerequisite(FixtureError):
    """A program or Python module the fixture needs is not installed (the test should skip)."""


def _import_slixmpp() -> Any:
    # slixmpp warns on import that it found no compiled stringprep; that is only slower.
    logging.getLogger("slixmpp.stringprep").setLevel(logging.ERROR)
    import slixmpp
    return slixmpp


def check_prerequisites() -> None:
    """Raises MissingPrerequisite naming the first missing program or module."""
    for program in REQUIRED_PROGRAMS:
        if shutil.which(program) is None:
            raise MissingPrerequisite(f"'{program}' is not installed (not found on PATH)")
    try:
        _import_slixmpp()
    except ImportError as error:
        raise MissingPrerequisite(
            f"the Python module slixmpp is not importable by {sys.executable} ({error}); "
            "install python3-slixmpp and run with /usr/bin/python3") from None
    if ctypes.util.find_library("X11") is None:
        raise MissingPrerequisite("libX11 is not installed")


def wait_until(condition: Callable[[], Any], timeout: float, what: str,
               details: Optional[Callable[[], str]] = None, interval: float = 0.05) -> Any:
    """Polls condition until it returns something truthy and returns that.

    Raises FixtureError("timed out after T s waiting for <what>[: <details()>]") otherwise.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            message = f"timed out after {timeout:.1f} s waiting for {what}"
            if details is not None:
                message += f": {details()}"
            raise FixtureError(message)
        time.sleep(interval)


def free_tcp_port() -> int:
    """A port on 127.0.0.1 that nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def tail(path: Path, lines: int = 15, skip: str = "") -> str:
    """The last lines of a log file (leaving out those containing `skip`), for failure
    messages."""
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return f"(no {path.name})"
    kept = [line for line in text.splitlines() if not skip or skip not in line]
    return "\n".join(kept[-lines:])


# --------------------------------------------------------------------------------------------
# Child processes
# --------------------------------------------------------------------------------------------

_PR_SET_PDEATHSIG = 1
_PR_SET_CHILD_SUBREAPER = 36
_libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
_children: list[subprocess.Popen] = []
_process_guard_installed = False


def _die_with_parent() -> None:
    # Runs in the child between fork and exec: if the test process is killed outright
    # (SIGKILL, no cleanup), the kernel kills the child too.
    _libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _raise_system_exit(signum: int, _frame: Any) -> None:
    # Turns SIGTERM/SIGHUP into an exception so every `with`/`finally` in the test unwinds.
    raise SystemExit(128 + signum)


def install_process_guard() -> None:
    """Makes sure children die with the test: subreaper, signal handlers, atexit.

    Called by spawn(); idempotent. Signal handlers are only installed from the main thread.
    """
    global _process_guard_installed
    if _process_guard_installed:
        return
    _process_guard_installed = True
    # Orphans (e.g. a daemon one of our children double-forked) get reparented to us instead
    # of init, so stop_all_processes can find and kill them.
    _libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    atexit.register(stop_all_processes)
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGHUP):
            if signal.getsignal(signum) in (signal.SIG_DFL, None):
                signal.signal(signum, _raise_system_exit)


def spawn(argv: list[str], log_path: Path, env: Optional[dict[str, str]] = None,
          cwd: Optional[Path] = None, pass_fds: Iterable[int] = ()) -> subprocess.Popen:
    """Starts argv in its own process group with stdout and stderr appended to log_path."""
    install_process_guard()
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env,
            cwd=cwd, pass_fds=tuple(pass_fds), start_new_session=True,
            preexec_fn=_die_with_parent)
    _children.append(process)
    return process


def stop_process(process: Optional[subprocess.Popen], timeout: float = 5.0,
                 first_signal: int = signal.SIGTERM) -> Optional[int]:
    """Signals the process group, waits up to timeout, then SIGKILLs it. Returns the exit code."""
    if process is None:
        return None
    try:
        os.killpg(process.pid, first_signal)
    except ProcessLookupError:
        pass
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        pass
    # Also kill what the leader left behind in its group, even when the leader itself exited.
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    code = process.wait(5)
    if process in _children:
        _children.remove(process)
    return code


def _orphans() -> list[int]:
    """Processes reparented to us (we are a subreaper) that no Popen knows about."""
    me = os.getpid()
    known = {child.pid for child in _children}
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # The command name may contain spaces or parentheses; fields start after the last ')'.
        fields = stat[stat.rfind(")") + 2:].split()
        if int(fields[1]) == me and int(entry) not in known:
            found.append(int(entry))
    return found


def _reap_exited_orphans() -> None:
    # Orphans that exited stay zombies until their new parent (us, the subreaper) waits for
    # them; localedef leaves its gzip like that, for one.
    for pid in _orphans():
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def leftover_processes() -> list[str]:
    """Children and reparented orphans still alive, as "pid (name, state) command line"."""
    _reap_exited_orphans()
    alive = [child.pid for child in _children if child.poll() is None] + _orphans()
    described = []
    for pid in alive:
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue  # gone meanwhile
        name, state = stat[stat.find("(") + 1:stat.rfind(")")], stat[stat.rfind(")") + 2]
        described.append(f"{pid} ({name}, state {state}) {command.strip()}")
    return described


def stop_all_processes() -> None:
    """Kills every child still running and every orphan reparented to us, and reaps them."""
    for process in list(reversed(_children)):
        with contextlib.suppress(Exception):
            stop_process(process, timeout=2.0)
    for _ in range(10):  # killing one orphan may orphan its children: repeat until none are left
        orphans = _orphans()
        if not orphans:
            break
        for pid in orphans:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        for pid in orphans:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)


# --------------------------------------------------------------------------------------------
# Prosody
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Account:
    user: str
    password: str
    domain: str = DOMAIN

    @property
    def jid(self) -> str:
        return f"{self.user}@{self.domain}"


ALICE = Account("alice", "alice-secret")
BOB = Account("bob", "bob-secret")
CROWD = Account("crowd", "crowd-secret")


class _ChildService:
    """A program the fixture starts as a child: ``with`` starts it and stops it, whatever happens.

    Subclasses set ``self.process`` in ``start()``; ``stop()`` ends it and is safe to call twice.
    """

    process: Optional[subprocess.Popen] = None

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        stop_process(self.process)
        self.process = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()


class Prosody(_ChildService):
    """A prosody server of its own: loopback only, no TLS, plain auth, MUC, private storage.

    Usage: ``with Prosody(workdir) as server: server.register(ALICE); ...`` (register before or
    after start). ``server.port`` is chosen at start.
    """

    START_ATTEMPTS = 3  # a port picked as free can be taken before prosody binds it

    def __init__(self, workdir: Path, accounts: Iterable[Account] = (ALICE, BOB, CROWD)):
        self.dir = Path(workdir) / "prosody"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.config_path = self.dir / "prosody.cfg.lua"
        self.log_path = self.dir / "prosody.log"
        self.host = "127.0.0.1"
        self.port = 0
        self.process: Optional[subprocess.Popen] = None
        self._write_config(free_tcp_port())
        for account in accounts:
            self.register(account)

    def _write_config(self, port: int) -> None:
        self.port = port
        data = self.dir / "data"
        data.mkdir(exist_ok=True)
        run_as_root = "run_as_root = true\n" if os.getuid() == 0 else ""
        self.config_path.write_text(f"""\
-- Written by xmppfixture.py for one test run.
{run_as_root}data_path = "{data}"
pidfile = "{self.dir / 'prosody.pid'}"
interfaces = {{ "{self.host}" }}
local_interfaces = {{ "{self.host}" }}
c2s_ports = {{ {port} }}
c2s_direct_tls_ports = {{ }}
s2s_ports = {{ }}
component_ports = {{ }}
http_ports = {{ }}
https_ports = {{ }}
admins = {{ }}
modules_enabled = {{ "roster"; "saslauth"; "disco"; "ping"; "private"; "posix" }}
modules_disabled = {{ "s2s"; "tls"; "offline"; "c2s_legacy_tls"; "http" }}
allow_registration = false
c2s_require_encryption = false
s2s_require_encryption = false
allow_unencrypted_plain_auth = true
authentication = "internal_hashed"
storage = "internal"
log = {{ {{ levels = {{ min = "info" }}, to = "console" }} }}

VirtualHost "{DOMAIN}"

Component "{MUC_DOMAIN}" "muc"
    restrict_room_creation = false
    muc_room_default_public = true
    muc_room_default_persistent = false
    muc_room_locking = false
    muc_room_default_history_length = 0
""")

    def register(self, account: Account) -> None:
        result = subprocess.run(
            ["prosodyctl", "--config", str(self.config_path), "register", account.user,
             account.domain, account.password],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30)
        if result.returncode != 0:
            raise FixtureError(f"prosodyctl register {account.jid} exited with "
                               f"{result.returncode}: {result.stdout}{result.stderr}")

    def start(self, timeout: float = 15.0) -> None:
        for attempt in range(1, self.START_ATTEMPTS + 1):
            with open(self.log_path, "a") as log:
                log.write(f"=== xmppfixture: start attempt {attempt}, port {self.port}\n")
            self.process = spawn(["prosody", "--config", str(self.config_path), "-F"],
                                 self.log_path, cwd=self.dir)
            outcome = wait_until(self._start_outcome, timeout,
                                 f"prosody to accept connections on {self.host}:{self.port}",
                                 lambda: tail(self.log_path))
            if outcome == "listening":
                return
            stop_process(self.process)
            self.process = None
            if outcome == "exited" or attempt == self.START_ATTEMPTS:
                raise FixtureError(f"prosody did not start ({outcome}); its log ends with:\n"
                                   f"{tail(self.log_path)}")
            self._write_config(free_tcp_port())  # the port was taken meanwhile: try another

    def _start_outcome(self) -> Optional[str]:
        if self.process.poll() is not None:
            return "exited"
        if "Failed to open server port" in self.log_path.read_text(errors="replace"):
            return "port taken"
        with contextlib.suppress(OSError), socket.create_connection((self.host, self.port), 0.2):
            return "listening"
        return None

    def logins(self, account: Account) -> int:
        """How many times the account has logged in so far (from prosody's log)."""
        try:
            log = self.log_path.read_text(errors="replace")
        except OSError:
            return 0
        return log.count(f"Authenticated as {account.jid}\n")


def _connect_client(client: Any, server_host: str, port: int) -> None:
    # slixmpp still resolves the JID's domain and connects to what it finds; "localhost" can
    # resolve to ::1 first, where prosody does not listen (a failed attempt costs a retry delay).
    client.use_ipv6 = False
    client.connect(address=(server_host, port), use_ssl=False, force_starttls=False,
                   disable_starttls=True)


def _make_plain_client(slixmpp: Any, jid: str, password: str) -> Any:
    """A slixmpp client that logs in with SASL PLAIN over the unencrypted loopback connection.

    PLAIN because slixmpp computes SCRAM's 10000 PBKDF2 rounds in pure Python: 70 ms a login,
    3.4 s of CPU for the 49 clients of a full room.
    """
    return slixmpp.ClientXMPP(jid, password, sasl_mech="PLAIN", plugin_config={
        "feature_mechanisms": {"unencrypted_plain": True}})


async def _session_started(client: Any, timeout: float) -> None:
    """Waits for slixmpp's session_start, raising a readable error on auth or connect failure."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future = loop.create_future()

    def finish(outcome: Optional[str]) -> Callable[[Any], None]:
        def handler(_event: Any) -> None:
            if not done.done():
                done.set_result(outcome)
        return handler

    client.add_event_handler("session_start", finish(None))
    client.add_event_handler("failed_auth", finish("authentication failed"))
    client.add_event_handler("connection_failed", finish("connection failed"))
    try:
        failure = await asyncio.wait_for(done, timeout)
    except asyncio.TimeoutError:
        failure = f"no session after {timeout} s"
    if failure:
        raise FixtureError(f"{client.boundjid}: {failure}")


def store_conference_bookmark(server: Prosody, account: Account, room_jid: str, nick: str,
                              name: str, autojoin: bool = True, timeout: float = 15.0) -> None:
    """Stores an XEP-0048 bookmark in the account's private XML storage (XEP-0049).

    Psi 1.5 reads it after login (src/bookmarkmanager.cpp) and joins rooms marked autojoin.
    The bookmark is read back to make sure prosody kept it.
    """
    slixmpp = _import_slixmpp()

    async def store() -> None:
        client = _make_plain_client(slixmpp, f"{account.jid}/bookmark-setup", account.password)
        _connect_client(client, server.host, server.port)
        try:
            await _session_started(client, timeout)
            query = ET.Element("{jabber:iq:private}query")
            storage = ET.SubElement(query, "{storage:bookmarks}storage")
            conference = ET.SubElement(storage, "{storage:bookmarks}conference", {
                "jid": room_jid, "autojoin": "true" if autojoin else "false", "name": name})
            ET.SubElement(conference, "{storage:bookmarks}nick").text = nick
            iq = client.make_iq_set(query)
            await iq.send(timeout=timeout)

            read = client.make_iq_get()
            read_query = ET.SubElement(read.xml, "{jabber:iq:private}query")
            ET.SubElement(read_query, "{storage:bookmarks}storage")
            reply = await read.send(timeout=timeout)
            stored = reply.xml.find(
                "{jabber:iq:private}query/{storage:bookmarks}storage/{storage:bookmarks}conference")
            if stored is None or stored.get("jid") != room_jid:
                raise FixtureError(f"the bookmark for {room_jid} was not stored for {account.jid}:"
                                   f" {ET.tostring(reply.xml, encoding='unicode')}")
        finally:
            client.disconnect(wait=1.0)
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(client.disconnected, 2.0)

    _run_in_new_loop(store(), timeout + 5)


def _run_in_new_loop(coroutine: Any, timeout: float) -> None:
    """Runs a coroutine on a loop of its own, then cancels what slixmpp left running on it."""
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(asyncio.wait_for(coroutine, timeout))
    finally:
        leftovers = asyncio.all_tasks(loop)
        for task in leftovers:
            task.cancel()
        loop.run_until_complete(asyncio.gather(*leftovers, return_exceptions=True))
        loop.close()


# --------------------------------------------------------------------------------------------
# Room listener (client side: runs in the test process)
# --------------------------------------------------------------------------------------------

class RoomListener(_ChildService):
    """The observer (bob) plus a crowd in ROOM_JID, in a child process.

    Every message bob receives after the room is full is appended to ``messages.jsonl`` as one
    JSON object: seq, time, type, from, from_bare, from_resource, to, body, xhtml (an XHTML-IM
    ``<html>`` element was present), xml (the raw stanza). The room's occupants (nicks, as bob
    sees them) are kept in ``room.json``. Room history and subject replayed on join are not
    recorded.
    """

    def __init__(self, server: Prosody, workdir: Path, room_jid: str = ROOM_JID,
                 observer: Account = BOB, observer_nick: str = "bob",
                 crowd: Account = CROWD, crowd_size: int = 48):
        self.server = server
        self.dir = Path(workdir) / "listener"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.messages_path = self.dir / "messages.jsonl"
        self.state_path = self.dir / "room.json"
        self.log_path = self.dir / "listener.log"
        self.room_jid = room_jid
        self.observer = observer
        self.config = {
            "host": server.host, "port": server.port, "room": room_jid,
            "observer": {"jid": observer.jid, "password": observer.password, "nick": observer_nick},
            "crowd": {"jid": crowd.jid, "password": crowd.password, "size": crowd_size},
            "messages": str(self.messages_path), "state": str(self.state_path),
        }
        self.process: Optional[subprocess.Popen] = None

    def start(self, timeout: float = 40.0) -> None:
        config_path = self.dir / "config.json"
        config_path.write_text(json.dumps(self.config, indent=1))
        for stale in (self.messages_path, self.state_path):
            stale.unlink(missing_ok=True)
        self.process = spawn([sys.executable, os.path.abspath(__file__), "listen",
                              str(config_path)], self.log_path, env=_python_child_env(self.dir))
        expected = 1 + self.config["crowd"]["size"]
        wait_until(lambda: self._check_alive() and self._state().get("ready"), timeout,
                   f"the listener to be in {self.room_jid} with {expected} occupants",
                   lambda: f"occupants now {len(self.occupants())}; log:\n{tail(self.log_path)}")

    def _check_alive(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise FixtureError(f"the listener exited with {self.process.returncode}; log:\n"
                               f"{tail(self.log_path, 30)}")
        return True

    def _state(self) -> dict:
        try:
            return json.loads(self.state_path.read_text())
        except (OSError, ValueError):  # not written yet, or replaced while read
            return {}

    def occupants(self) -> list[str]:
        """Nicks in the room now, as the observer sees them (itself included)."""
        return self._state().get("occupants", [])

    def occupant_count(self) -> int:
        return len(self.occupants())

    def wait_for_occupant(self, nick: str, timeout: float, present: bool = True) -> None:
        wait_until(lambda: self._check_alive() and (nick in self.occupants()) == present,
                   timeout, f"'{nick}' to {'join' if present else 'leave'} {self.room_jid}",
                   lambda: f"occupants now ({self.occupant_count()}): {self.occupants()}")

    def messages(self, since: int = 0) -> list[dict]:
        """Messages recorded so far, oldest first; only those after mark `since` if given."""
        try:
            lines = self.messages_path.read_text(encoding="utf-8").splitlines()
        except OSError:
            return []
        records = []
        for line in lines:
            with contextlib.suppress(ValueError):  # a line still being written
                records.append(json.loads(line))
        return [record for record in records if record["seq"] > since]

    def mark(self) -> int:
        """A mark for `since`: messages recorded from now on come after it."""
        records = self.messages()
        return records[-1]["seq"] if records else 0

    @staticmethod
    def _matcher(predicate: Optional[Callable[[dict], bool]],
                 fields: dict[str, Any]) -> Callable[[dict], bool]:
        return lambda record: (all(record.get(key) == value for key, value in fields.items())
                               and (predicate is None or predicate(record)))

    def _describe(self, since: int, predicate: Any, fields: dict[str, Any]) -> str:
        summary = [f"{r['type']} from {r['from']}: {r['body']!r}" for r in self.messages(since)]
        return (f"expected a message with {fields}{' matching the predicate' if predicate else ''}"
                f"; received {len(summary)}: " + ("; ".join(summary) if summary else "nothing"))

    def wait_for_message(self, timeout: float, predicate: Optional[Callable[[dict], bool]] = None,
                         since: int = 0, **fields: Any) -> dict:
        """Returns the first message after mark `since` whose fields equal ``fields`` and which
        satisfies ``predicate``; e.g. ``wait_for_message(10, type="chat", body="hi")``.

        Raises FixtureError listing what did arrive when none matches within timeout.
        """
        matches = self._matcher(predicate, fields)

        def find() -> Optional[dict]:
            self._check_alive()
            return next((record for record in self.messages(since) if matches(record)), None)

        return wait_until(find, timeout, "a matching message",
                          lambda: self._describe(since, predicate, fields))

    def expect_no_message(self, duration: float, predicate: Optional[Callable[[dict], bool]] = None,
                          since: int = 0, **fields: Any) -> None:
        """Watches for `duration` seconds; raises FixtureError as soon as a message after mark
        `since` matches (for checking that a cancelled send really sent nothing)."""
        matches = self._matcher(predicate, fields)
        deadline = time.monotonic() + duration
        while True:
            self._check_alive()
            arrived = [record for record in self.messages(since) if matches(record)]
            if arrived:
                raise FixtureError(f"expected no message with {fields}, but "
                                   f"{arrived[0]['type']} from {arrived[0]['from']}: "
                                   f"{arrived[0]['body']!r} arrived")
            if time.monotonic() >= deadline:
                return
            time.sleep(0.05)


def _python_child_env(workdir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONUNBUFFERED"] = "1"
    # Every slixmpp client builds an SSL context and loads the system's CA certificates into it
    # (50 ms each, 2.5 s for a full room) although nothing here uses TLS: point it at none.
    no_certificates = workdir / "no-ca-certificates"
    no_certificates.mkdir(exist_ok=True)
    env["SSL_CERT_DIR"] = str(no_certificates)
    env["SSL_CERT_FILE"] = str(no_certificates / "none.pem")
    return env


# --------------------------------------------------------------------------------------------
# Room listener (server side: runs in the child process, `xmppfixture.py listen config.json`)
# --------------------------------------------------------------------------------------------

class _Recorder:
    """Writes messages and the occupant list; used only inside the listener process."""

    def __init__(self, config: dict):
        self.room = config["room"]
        self.messages_path = Path(config["messages"])
        self.state_path = Path(config["state"])
        self.occupants: set[str] = set()
        self.ready = False
        self.seq = 0

    def write_state(self) -> None:
        temporary = self.state_path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"ready": self.ready, "occupants": sorted(self.occupants),
                                         "time": time.time()}))
        os.replace(temporary, self.state_path)  # readers never see a half-written file

    def on_presence(self, presence: Any) -> None:
        if presence["from"].bare != self.room or presence.xml.find(f"{{{MUC_USER_NS}}}x") is None:
            return
        nick = presence["from"].resource
        if presence["type"] == "unavailable":
            self.occupants.discard(nick)
        elif presence["type"] != "error":
            self.occupants.add(nick)
        self.write_state()

    def on_message(self, message: Any) -> None:
        xml = message.xml
        if not self.ready:
            return  # before the room is full: history, subject and other join noise
        if xml.find("{urn:xmpp:delay}delay") is not None:
            return  # history replayed by the room
        body = xml.find("{jabber:client}body")
        if body is None:
            return  # subject changes, chat states, receipts
        if message["type"] == "groupchat" and message["from"].bare != self.room:
            return
        self.seq += 1
        record = {
            "seq": self.seq, "time": time.time(), "type": message["type"],
            "from": str(message["from"]), "from_bare": message["from"].bare,
            "from_resource": message["from"].resource, "to": str(message["to"]),
            "body": body.text or "", "xhtml": xml.find(f"{{{XHTML_IM_NS}}}html") is not None,
            "xml": ET.tostring(xml, encoding="unicode"),
        }
        with open(self.messages_path, "a", encoding="utf-8") as out:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"recorded {record['type']} from {record['from']}: {record['body']!r}", flush=True)


async def _listen(config: dict) -> None:
    slixmpp = _import_slixmpp()

    started = time.monotonic()
    recorder = _Recorder(config)
    recorder.write_state()
    host, port, room = config["host"], config["port"], config["room"]
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)

    def make_client(jid: str, password: str) -> Any:
        client = _make_plain_client(slixmpp, jid, password)
        client.register_plugin("xep_0045")
        client.register_plugin("xep_0199")
        return client

    async def join(client: Any, nick: str) -> None:
        _connect_client(client, host, port)
        await _session_started(client, 20)
        client.send_presence()
        # maxstanzas=0: the room replays no history to us.
        await client.plugin["xep_0045"].join_muc_wait(room, nick, maxstanzas=0, timeout=20)

    observer = make_client(config["observer"]["jid"], config["observer"]["password"])
    # Not the plain "presence" event: slixmpp stops firing it for a room after its first
    # presence (xep_0045 marks the room's roster entry ignore_updates).
    observer.add_event_handler("groupchat_presence", recorder.on_presence)
    observer.add_event_handler("message", recorder.on_message)
    observer.add_event_handler("message_error", recorder.on_message)
    clients = [observer]
    await join(observer, config["observer"]["nick"])  # first: bob creates the room
    print(f"{config['observer']['jid']} joined after {time.monotonic() - started:.2f} s",
          flush=True)

    crowd = config["crowd"]
    crowd_clients = [make_client(f"{crowd['jid']}/c{i:02d}", crowd["password"])
                     for i in range(1, crowd["size"] + 1)]
    clients += crowd_clients
    await asyncio.gather(*(join(client, f"crowd{i:02d}")
                           for i, client in enumerate(crowd_clients, start=1)))

    # The observer has seen every crowd member's presence once they all joined; wait for it
    # anyway, since the joins' self-presences may overtake the broadcasts to the observer.
    expected = 1 + crowd["size"]
    for _ in range(200):
        if len(recorder.occupants) >= expected:
            break
        await asyncio.sleep(0.05)
    if len(recorder.occupants) < expected:
        raise FixtureError(f"the observer sees {len(recorder.occupants)} occupants, "
                           f"expected {expected}")
    recorder.ready = True
    recorder.write_state()
    print(f"ready: {len(recorder.occupants)} occupants in {room} after "
          f"{time.monotonic() - started:.2f} s", flush=True)

    await stop.wait()
    for client in clients:
        client.disconnect(wait=0.5)
    await asyncio.wait([client.disconnected for client in clients], timeout=3)


def _listener_main(config_path: str) -> int:
    config = json.loads(Path(config_path).read_text())
    asyncio.run(_listen(config))
    return 0


# --------------------------------------------------------------------------------------------
# X server, D-Bus and X input
# --------------------------------------------------------------------------------------------

def _spawn_and_read_line(argv: list[str], log_path: Path, timeout: float,
                         what: str) -> tuple[subprocess.Popen, str]:
    """Spawns argv with "{fd}" in it replaced by a pipe's write end; returns the first line
    the program writes there (programs that tell their caller when they are ready)."""
    read_end, write_end = os.pipe()
    try:
        process = spawn([arg.replace("{fd}", str(write_end)) for arg in argv], log_path,
                        pass_fds=[write_end])
        os.close(write_end)
        write_end = -1
        line = b""
        deadline = time.monotonic() + timeout
        while not line.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([read_end], [], [], remaining)[0]:
                raise FixtureError(f"timed out after {timeout} s waiting for {what}; its log:\n"
                                   f"{tail(log_path)}")
            chunk = os.read(read_end, 512)
            if not chunk:
                raise FixtureError(f"{argv[0]} exited while waiting for {what}; its log:\n"
                                   f"{tail(log_path)}")
            line += chunk
        return process, line.decode().strip()
    finally:
        os.close(read_end)
        if write_end >= 0:
            os.close(write_end)


class Xvfb(_ChildService):
    """A private X server (1280x900x24 by default) on the first free display."""

    def __init__(self, workdir: Path, width: int = 1280, height: int = 900, depth: int = 24):
        self.log_path = Path(workdir) / "xvfb.log"
        self.geometry = f"{width}x{height}x{depth}"
        self.display = ""
        self.process: Optional[subprocess.Popen] = None

    def start(self, timeout: float = 10.0) -> None:
        # Xvfb writes the display number it got, then a newline, once it accepts clients.
        self.process, line = _spawn_and_read_line(
            ["Xvfb", "-displayfd", "{fd}", "-screen", "0", self.geometry, "-nolisten", "tcp",
             "-noreset"], self.log_path, timeout, "Xvfb to report its display number")
        self.display = f":{int(line)}"


class SessionBus(_ChildService):
    """A private D-Bus session bus with no service activation (so it starts nothing itself).

    Psi registers org.psi-im.Psi on it; ``call_psi`` uses that to open chats in a running Psi.
    """

    def __init__(self, workdir: Path):
        self.dir = Path(workdir) / "dbus"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.log_path = self.dir / "dbus.log"
        self.address = ""
        self._temporary_socket_dir: Optional[str] = None
        self.process: Optional[subprocess.Popen] = None

    def start(self, timeout: float = 10.0) -> None:
        # The socket's path must fit in sun_path (108 bytes); dbus-daemon adds about 16.
        if len(str(self.dir.resolve())) < 80:
            self.socket_dir = str(self.dir.resolve())
        else:
            self.socket_dir = self._temporary_socket_dir = tempfile.mkdtemp(prefix="sgbus-")
        config = self.dir / "session.conf"
        config.write_text(f"""<!DOCTYPE busconfig PUBLIC
 "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={self.socket_dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
""")
        self.process, self.address = _spawn_and_read_line(
            ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address={fd}"],
            self.log_path, timeout, "dbus-daemon to print its address")

    def call_psi(self, method: str, *string_args: str, timeout: float = 5.0) -> None:
        """Calls org.psi_im.Psi.Main.<method>(string, ...) on the Psi that owns org.psi-im.Psi."""
        result = subprocess.run(
            ["dbus-send", "--session", "--print-reply", "--dest=org.psi-im.Psi", "/Main",
             f"org.psi_im.Psi.Main.{method}", *(f"string:{arg}" for arg in string_args)],
            env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": self.address},
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout)
        if result.returncode != 0:
            raise FixtureError(f"D-Bus call {method}{string_args} to Psi failed: "
                               f"{result.stderr.strip() or result.stdout.strip()}")

    def stop(self) -> None:
        super().stop()
        if self._temporary_socket_dir:
            shutil.rmtree(self._temporary_socket_dir, ignore_errors=True)
            self._temporary_socket_dir = None


class _XClientMessageEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", ctypes.c_ulong),
                ("message_type", ctypes.c_ulong), ("format", ctypes.c_int),
                ("data", ctypes.c_long * 5)]


class _XEvent(ctypes.Union):
    _fields_ = [("xclient", _XClientMessageEvent), ("pad", ctypes.c_long * 24)]


class XDesktop:
    """Keyboard, windows and screenshots on one X display (xdotool, ImageMagick, libX11).

    Text is typed with ``xdotool type``, any Unicode text (Hangul included): see the keymap
    section below for why characters the keyboard lacks are bound to keycodes first.
    """

    _CLIENT_MESSAGE = 33

    def __init__(self, display: str):
        self.display = display
        self.env = {**os.environ, "DISPLAY": display}
        self._x11 = ctypes.CDLL(ctypes.util.find_library("X11"))
        self._x11.XOpenDisplay.restype = ctypes.c_void_p
        self._x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self._x11.XInternAtom.restype = ctypes.c_ulong
        self._x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        self._x11.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int,
                                         ctypes.c_long, ctypes.POINTER(_XEvent)]
        self._x11.XGetKeyboardMapping.restype = ctypes.POINTER(ctypes.c_ulong)
        self._x11.XGetKeyboardMapping.argtypes = [ctypes.c_void_p, ctypes.c_ubyte, ctypes.c_int,
                                                  ctypes.POINTER(ctypes.c_int)]
        self._x11.XChangeKeyboardMapping.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int,
                                                     ctypes.POINTER(ctypes.c_ulong), ctypes.c_int]
        self._x11.XDisplayKeycodes.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int),
                                               ctypes.POINTER(ctypes.c_int)]
        self._x11.XFree.argtypes = [ctypes.c_void_p]
        self._x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self._x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self._dpy: Optional[int] = None  # opened when first needed, see _connection()
        self._spare: Optional[list[int]] = None  # see the keymap section below
        self._per_code = 0
        self._typable: set[int] = set()
        self._bindings: dict[tuple[int, ...], int] = {}

    def _connection(self) -> int:
        """The libX11 connection (a Display*), opened on first use."""
        if not self._dpy:
            self._dpy = self._x11.XOpenDisplay(self.display.encode())
            if not self._dpy:
                raise FixtureError(f"cannot open X display {self.display}")
        return self._dpy

    def close(self) -> None:
        """Closes the libX11 connection (key bindings made through it stay)."""
        if self._dpy:
            self._x11.XCloseDisplay(self._dpy)
            self._dpy = None

    # --- xdotool --------------------------------------------------------------------------

    def xdotool(self, *args: str, timeout: float = 20.0) -> str:
        result = subprocess.run(["xdotool", *args], env=self.env, stdin=subprocess.DEVNULL,
                                capture_output=True, text=True, timeout=timeout)
        if result.returncode != 0 and args[0] != "search":  # search exits 1 when nothing matches
            raise FixtureError(f"xdotool {' '.join(args)} exited with {result.returncode}: "
                               f"{result.stderr.strip()}")
        return result.stdout

    def visible_windows(self, pid: int) -> list[tuple[int, str]]:
        """(window id, title) of every mapped top-level window of process pid."""
        ids = self.xdotool("search", "--onlyvisible", "--pid", str(pid)).split()
        windows = []
        for window in ids:
            result = subprocess.run(["xdotool", "getwindowname", window], env=self.env,
                                    stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                    timeout=10)
            if result.returncode == 0:  # the window may be gone by now
                windows.append((int(window), result.stdout.rstrip("\n")))
        return windows

    def focus(self, window: int) -> None:
        """Raises the window and gives it the keyboard focus (there is no window manager)."""
        self.xdotool("windowraise", str(window))
        self.xdotool("windowfocus", "--sync", str(window))
        wait_until(lambda: self.xdotool("getwindowfocus").strip() == str(window), 5,
                   f"window {window} to have the focus")

    def move(self, window: int, x: int, y: int) -> None:
        self.xdotool("windowmove", "--sync", str(window), str(x), str(y))

    def size(self, window: int) -> tuple[int, int]:
        """(width, height) of a window."""
        shell = self.xdotool("getwindowgeometry", "--shell", str(window))
        values = dict(line.split("=", 1) for line in shell.split())
        return int(values["WIDTH"]), int(values["HEIGHT"])

    def click(self, window: int, x: int, y: int) -> None:
        """Left-clicks at (x, y) inside the window."""
        # Not --sync: it waits for the pointer to move, which it never does when it is already
        # there (a second click at the same place waited 15 s). The server takes the move and
        # the click in order anyway.
        self.xdotool("mousemove", "--window", str(window), str(x), str(y), "click", "1")

    def key(self, *keys: str) -> None:
        """Presses key combinations, e.g. key("ctrl+a", "BackSpace")."""
        self.xdotool("key", "--clearmodifiers", *keys)

    def type_text(self, text: str, delay_ms: int = 12) -> None:
        """Types text into whatever has the focus; any Unicode character works."""
        for chunk in self._chunks_that_fit_keymap(text):
            self._bind_characters(chunk)
            self.xdotool("type", "--delay", str(delay_ms), "--", chunk)

    # --- keymap ---------------------------------------------------------------------------
    #
    # xdotool types a character the keymap lacks by binding it to a scratch keycode, pressing
    # that and unbinding it at once. Qt reads the keymap back from the server when it handles
    # the change notification, by which time the binding may already be gone: on Xvfb that
    # dropped or replaced about one character in ten of Korean text. So characters are bound
    # here first, to keycodes no test presses (unbound ones and XF86 media keys, about 110 on
    # Xvfb), and stay bound; xdotool then finds them in the keymap. Only when a text needs more
    # characters than there are spare keycodes are old bindings reused.

    # Seconds to let a client handle keys typed with bindings that are about to be replaced.
    _REBIND_SETTLE = 0.5

    def _keymap(self) -> tuple[int, int, list[int]]:
        """(first keycode, keysyms per keycode, keysyms of all keycodes in one flat list)."""
        dpy = self._connection()
        low, high = ctypes.c_int(), ctypes.c_int()
        self._x11.XDisplayKeycodes(dpy, ctypes.byref(low), ctypes.byref(high))
        per_code = ctypes.c_int()
        count = high.value - low.value + 1
        table = self._x11.XGetKeyboardMapping(dpy, low.value, count, ctypes.byref(per_code))
        keysyms = [table[i] for i in range(count * per_code.value)]
        self._x11.XFree(table)
        return low.value, per_code.value, keysyms

    def _init_keymap(self) -> None:
        if self._spare is not None:
            return
        low, self._per_code, keysyms = self._keymap()
        rows = [keysyms[i:i + self._per_code] for i in range(0, len(keysyms), self._per_code)]
        self._spare = [low + i for i, row in enumerate(rows)
                       if all(k == 0 or 0x1008FF00 <= k <= 0x1008FFFF for k in row)]
        self._typable = {k for row in rows if not all(k == 0 or 0x1008FF00 <= k <= 0x1008FFFF
                                                      for k in row) for k in row if k}
        self._bindings = {}  # keysyms bound to a spare keycode -> keycode, oldest first

    def _needs_binding(self, char: str) -> Optional[tuple[int, ...]]:
        """The keysyms to bind so that char can be typed, or None when the keymap has it."""
        if char in "\n\t" or _keysym_for(char) in self._typable:
            return None
        lower, upper = char.lower(), char.upper()
        if len(lower) == 1 and len(upper) == 1 and lower != upper:
            # A keycode bound to one letter gets an upper/lower case pair from the server, so
            # bind both cases: Shift then gives the capital.
            return (_keysym_for(lower), _keysym_for(upper))
        return (_keysym_for(char),)

    def _chunks_that_fit_keymap(self, text: str) -> list[str]:
        self._init_keymap()
        chunks, chunk, needed = [], "", set()
        for char in text:
            binding = self._needs_binding(char)
            if binding is not None and binding not in needed:
                if len(needed) == len(self._spare):
                    chunks.append(chunk)
                    chunk, needed = "", set()
                needed.add(binding)
            chunk += char
        return chunks + [chunk] if chunk else chunks

    def _bind_characters(self, text: str) -> None:
        missing = []
        for char in text:
            binding = self._needs_binding(char)
            if binding is None:
                continue
            if binding in self._bindings:
                self._bindings[binding] = self._bindings.pop(binding)  # most recently used last
            elif binding not in missing:
                missing.append(binding)
        if not missing:
            return
        free = [code for code in self._spare if code not in self._bindings.values()]
        if len(free) < len(missing):
            time.sleep(self._REBIND_SETTLE)  # nothing to poll: the client's event queue is opaque
            for binding in list(self._bindings)[:len(missing) - len(free)]:
                free.append(self._bindings.pop(binding))
        dpy = self._connection()
        for binding, keycode in zip(missing, free):
            unused = [0] * (self._per_code - len(binding))
            row = (ctypes.c_ulong * self._per_code)(*binding, *unused)
            self._x11.XChangeKeyboardMapping(dpy, keycode, self._per_code, row, 1)
            self._bindings[binding] = keycode
        self._x11.XSync(dpy, 0)

    # --- windows and screenshots ----------------------------------------------------------

    def request_close(self, window: int) -> None:
        """Sends WM_DELETE_WINDOW, as a window manager's close button would."""
        dpy = self._connection()
        event = _XEvent()
        event.xclient.type = self._CLIENT_MESSAGE
        event.xclient.window = window
        event.xclient.message_type = self._x11.XInternAtom(dpy, b"WM_PROTOCOLS", 0)
        event.xclient.format = 32
        event.xclient.data[0] = self._x11.XInternAtom(dpy, b"WM_DELETE_WINDOW", 0)
        event.xclient.data[1] = 0  # CurrentTime
        self._x11.XSendEvent(dpy, window, 0, 0, ctypes.byref(event))
        self._x11.XSync(dpy, 0)

    def screenshot(self, path: Path, window: Optional[int] = None) -> Path:
        """Saves the whole screen (or one window, as it shows on screen) as PNG."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        target = "root" if window is None else str(window)
        result = subprocess.run(["import", "-window", target, str(path)], env=self.env,
                                stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                timeout=30)
        if result.returncode != 0 or not path.exists():
            raise FixtureError(f"import -window {target} failed: {result.stderr.strip()}")
        return path


def _keysym_for(char: str) -> int:
    """The X keysym xdotool looks up for a character (Latin-1 as is, the rest as Unicode)."""
    code = ord(char)
    if 0x20 <= code <= 0x7E or 0xA0 <= code <= 0xFF:
        return code
    return 0x01000000 | code


# --------------------------------------------------------------------------------------------
# Psi
# --------------------------------------------------------------------------------------------

def psi_encode_password(password: str, key: str) -> str:
    """Psi's common.cpp encodePassword(): each UTF-16 unit XOR the key, as four hex digits."""
    return "".join("%04x" % (ord(char) ^ ord(key[i % len(key)]))
                   for i, char in enumerate(password))


LANGUAGES = {"ko": "ko_KR.UTF-8", "en": "en_US.UTF-8"}


def locale_environment(language: str, workdir: Path) -> dict[str, str]:
    """LANG/LANGUAGE (and LOCPATH when needed) for running a Qt program in `language`.

    Qt takes the UI language from LANGUAGE, then LC_ALL/LC_MESSAGES/LANG; it needs no glibc
    locale for that. But with a locale glibc does not have, setlocale() falls back to "C" and
    Qt 5 reads and writes local 8-bit text as ASCII, so the locale is compiled into the workdir
    (LOCPATH) when the system does not have it.
    """
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {sorted(LANGUAGES)}, not {language!r}")
    locale_name = LANGUAGES[language]
    env = {"LANG": locale_name, "LANGUAGE": language}
    if not _locale_works(locale_name, {}):
        locpath = Path(workdir) / "locales"
        compiled = locpath / locale_name
        if not compiled.exists():
            locpath.mkdir(parents=True, exist_ok=True)
            source, charmap = locale_name.split(".")
            result = subprocess.run(["localedef", "-i", source, "-f", charmap, str(compiled)],
                                    stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                    timeout=60)
            if result.returncode not in (0, 1) or not compiled.exists():  # 1 = warnings only
                raise FixtureError(f"localedef {locale_name} failed: {result.stderr.strip()}")
        env["LOCPATH"] = str(locpath)
        if not _locale_works(locale_name, {"LOCPATH": str(locpath)}):
            raise FixtureError(f"the compiled locale {locale_name} in {locpath} does not load")
    return env


def _locale_works(locale_name: str, extra: dict[str, str]) -> bool:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("LC_") and key not in ("LANG", "LANGUAGE", "LOCPATH")}
    env.update(extra, LC_ALL=locale_name)
    result = subprocess.run(["locale", "charmap"], env=env, stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=10)
    return result.stdout.strip() == "UTF-8" and not result.stderr.strip()


class PsiSession(_ChildService):
    """Psi 1.5 with a fresh profile: alice logs in over 127.0.0.1 and joins the room herself.

    ``start()`` returns once the listener sees alice in the room and the room window is shown;
    a Psi that dies or hangs before that is restarted with a fresh profile (earlier trials saw
    Psi 1.5 crash at start about once in ten runs). ``stop()`` closes the main window, which
    quits Psi. ``extra_env`` is added to Psi's environment (and so its plugins').
    """

    # Where windows are put (there is no window manager; Psi puts each new one at 0,0), so that
    # a screenshot shows the room, a chat and the contact list side by side.
    ROOM_WINDOW_AT = (0, 0)        # 633x428
    CHAT_WINDOW_AT = (0, 460)      # 400x344
    MAIN_WINDOW_AT = (660, 0)      # 220x360

    # Psi 1.5 logs a warning for each option its defaults lack; dozens at every start.
    LOG_NOISE = "Accessing missing option"

    def __init__(self, workdir: Path, display: str, language: str, *, server: Prosody,
                 listener: RoomListener, bus: SessionBus, account: Account = ALICE,
                 nick: str = "alice", room_jid: str = ROOM_JID, room_name: str = "office",
                 plugin_dir: Optional[Path] = None, plugin_short_name: str = "sendguard",
                 start_attempts: int = 3, extra_env: Optional[dict[str, str]] = None):
        self.dir = Path(workdir) / "psi"
        self.data_dir = self.dir / "data"  # PSIDATADIR
        self.log_path = self.dir / "psi.log"
        self.display = display
        self.language = language
        self.server, self.listener, self.bus = server, listener, bus
        self.account, self.nick = account, nick
        self.room_jid, self.room_name = room_jid, room_name
        self.plugin_dir = Path(plugin_dir) if plugin_dir else None
        self.plugin_short_name = plugin_short_name
        self.start_attempts = start_attempts
        self.attempts_used = 0
        self.process: Optional[subprocess.Popen] = None
        self.room_window: Optional[int] = None
        self.desktop = XDesktop(display)
        self.env = self._environment(Path(workdir))
        self.env.update(extra_env or {})

    # --- profile and environment ----------------------------------------------------------

    def _environment(self, workdir: Path) -> dict[str, str]:
        home = self.dir / "home"
        runtime = self.dir / "runtime"
        for folder in (home, runtime):
            folder.mkdir(parents=True, exist_ok=True)
        runtime.chmod(0o700)
        # Everything from the caller's environment except what would tie Psi to the caller's
        # desktop, home, bus or language.
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("LC_", "XDG_"))
               and key not in ("LANG", "LANGUAGE", "LOCPATH", "DBUS_SESSION_BUS_ADDRESS",
                               "QT_QPA_PLATFORM", "QT_IM_MODULE", "XMODIFIERS")}
        env.update(locale_environment(self.language, workdir))
        env.update({
            "DISPLAY": self.display,
            "PSIDATADIR": str(self.data_dir),  # profile, plugins and caches all in one folder
            "HOME": str(home),  # keeps Qt, fontconfig and gpg away from the real home
            "XDG_RUNTIME_DIR": str(runtime),
            "GNUPGHOME": str(home / ".gnupg"),
            "DBUS_SESSION_BUS_ADDRESS": self.bus.address,
            "QT_QPA_PLATFORM": "xcb",
            "QT_ACCESSIBILITY": "0",
            "NO_AT_BRIDGE": "1",
        })
        return env

    def _write_profile(self) -> None:
        shutil.rmtree(self.data_dir, ignore_errors=True)
        profile = self.data_dir / "profiles" / "default"
        profile.mkdir(parents=True)
        plugins = self.data_dir / "plugins"
        plugins.mkdir()
        if self.plugin_dir is not None:
            candidates = ([self.plugin_dir] if self.plugin_dir.is_file()
                          else sorted(self.plugin_dir.glob("*.so")))
            if not candidates:
                raise FixtureError(f"no plugin (*.so) in {self.plugin_dir}")
            for library in candidates:
                (plugins / library.name).symlink_to(library.resolve())
        jid = self.account.jid
        (profile / "accounts.xml").write_text(f"""<!DOCTYPE accounts>
<accounts version="1.5" xmlns="http://psi-im.org/options">
 <accounts>
  <a0>
   <id type="QString">{{11111111-2222-3333-4444-555555555555}}</id>
   <name type="QString">test</name>
   <enabled type="bool">true</enabled>
   <auto type="bool">true</auto>
   <auto-same-status type="bool">false</auto-same-status>
   <jid type="QString">{jid}</jid>
   <password type="QString">{psi_encode_password(self.account.password, jid)}</password>
   <use-host type="bool">true</use-host>
   <host type="QString">{self.server.host}</host>
   <port type="int">{self.server.port}</port>
   <ssl type="QString">no</ssl>
   <allow-plain type="QString">always</allow-plain>
   <security-level type="int">0</security-level>
   <ignore-SSL-warnings type="bool">true</ignore-SSL-warnings>
   <automatic-resource type="bool">false</automatic-resource>
   <resource type="QString">psi</resource>
   <priority type="int">5</priority>
   <keep-alive type="bool">false</keep-alive>
   <enable-sm type="bool">false</enable-sm>
   <reconn type="bool">false</reconn>
   <log type="bool">false</log>
  </a0>
 </accounts>
</accounts>
""")
        # Merged over Psi's built-in defaults. Because the file exists, Psi skips its new-profile
        # setup. Tray off: closing the main window then quits Psi (that is how stop() ends it).
        # Sounds off: with no player configured Psi still forks one per sound, and it fails.
        # No file transfer server: Psi listens on port 8010 by default, and when that is taken
        # (another Psi, a parallel test) it stops at start in a modal "Unable to bind" warning.
        (profile / "options.xml").write_text(f"""<!DOCTYPE psi>
<psi version="1.5" xmlns="http://psi-im.org/options">
 <plugins>
  <auto-load>
   <{self.plugin_short_name} type="bool">true</{self.plugin_short_name}>
  </auto-load>
 </plugins>
 <options>
  <ui>
   <tip><show type="bool">false</show></tip>
   <systemtray><enable type="bool">false</enable></systemtray>
   <contactlist><quit-on-close type="bool">true</quit-on-close></contactlist>
   <spell-check><enabled type="bool">false</enabled></spell-check>
   <muc><hide-on-autojoin type="bool">false</hide-on-autojoin></muc>
   <tabs><use-tabs type="bool">false</use-tabs></tabs>
   <notifications><sounds><enable type="bool">false</enable></sounds></notifications>
  </ui>
  <muc><bookmarks><auto-join type="bool">true</auto-join></bookmarks></muc>
  <p2p><bytestreams><listen-port type="int">0</listen-port></bytestreams></p2p>
 </options>
</psi>
""")

    # --- start and stop -------------------------------------------------------------------

    def start(self, login_timeout: float = 10.0, join_timeout: float = 15.0) -> None:
        """Starts Psi and waits until alice is in the room and its window is shown.

        An attempt fails when Psi exits, is not logged in after login_timeout (it normally is
        within 2 s) or has not joined the room join_timeout later. The stacks of a Psi that hangs
        (a modal dialog, say) go to psi/hang-<attempt>.txt (when gdb is installed) before it is
        killed, and its windows' titles into the failure message.
        """
        store_conference_bookmark(self.server, self.account, self.room_jid, self.nick,
                                  self.room_name)
        # A Psi of an earlier session that has just quit may not have left the room yet; its
        # occupant would look like this one having joined.
        self.listener.wait_for_occupant(self.nick, 15, present=False)
        failures = []
        for attempt in range(1, self.start_attempts + 1):
            self.attempts_used = attempt
            self._write_profile()
            with open(self.log_path, "a") as log:
                log.write(f"=== xmppfixture: start attempt {attempt}\n")
            logins_before = self.server.logins(self.account)
            self.process = spawn(["psi", "--profile=default"], self.log_path, env=self.env,
                                 cwd=self.dir)
            try:
                wait_until(lambda: self._running() and
                           self.server.logins(self.account) > logins_before, login_timeout,
                           f"Psi (start {attempt}) to log in as {self.account.jid}",
                           self._start_details)
                wait_until(self._joined_room_window, join_timeout,
                           f"Psi (start {attempt}) to join {self.room_jid} as {self.nick} "
                           f"and show the room window", self._start_details)
                self.desktop.move(self.room_window, *self.ROOM_WINDOW_AT)
                main = self.find_window(self._main_title)
                if main is not None:
                    self.desktop.move(main, *self.MAIN_WINDOW_AT)
                return
            except FixtureError as error:
                failures.append(str(error))
            if self.process.poll() is None:
                self._save_stacks(self.dir / f"hang-{attempt}.txt")
            stop_process(self.process, timeout=2)
            self.process = None
            # The next attempt must see a fresh join, not the dead session's occupant.
            self.listener.wait_for_occupant(self.nick, 15, present=False)
        raise FixtureError(f"Psi did not come up in {self.start_attempts} attempts:\n" +
                           "\n".join(failures) + f"\n{self.log_path} ends with:\n" +
                           tail(self.log_path, skip=self.LOG_NOISE))

    def _running(self) -> bool:
        code = self.process.poll()
        if code is None:
            return True
        how = f"was killed by {signal.Signals(-code).name}" if code < 0 else f"exited with {code}"
        raise FixtureError(f"Psi {how} during start")

    def _joined_room_window(self) -> bool:
        if not self._running() or self.nick not in self.listener.occupants():
            return False
        self.room_window = self.find_window(self._room_title)
        return self.room_window is not None

    def _save_stacks(self, path: Path) -> None:
        if shutil.which("gdb") is None:
            return
        with contextlib.suppress(subprocess.SubprocessError, OSError), open(path, "w") as out:
            subprocess.run(["gdb", "-batch", "-p", str(self.process.pid),
                            "-ex", "thread apply all bt"], stdin=subprocess.DEVNULL,
                           stdout=out, stderr=subprocess.STDOUT, timeout=30)

    def _room_title(self, title: str) -> bool:
        # The room window's title is the bookmark's name, with "* " or "* [n] " before it
        # while messages are unread.
        return re.fullmatch(rf"(\* (\[\d+\] )?)?{re.escape(self.room_name)}", title) is not None

    @staticmethod
    def _main_title(title: str) -> bool:
        return title == "Psi"

    def _start_details(self) -> str:
        windows = self.windows() if self.process and self.process.poll() is None else []
        return (f"room occupants {self.listener.occupant_count()}, alice "
                f"{'in' if self.nick in self.listener.occupants() else 'not in'} the room; "
                f"Psi windows {windows}")

    def stop(self, timeout: float = 10.0) -> Optional[int]:
        """Quits Psi as a user would, by closing its main window (with the tray off, that quits).

        Returns Psi's exit status, or None when it had to be killed because it did not quit
        within timeout. Safe to call twice.
        """
        if self.process is None:
            self.desktop.close()
            return None
        code = self.process.poll()
        try:
            if code is None:
                main = self.find_window(self._main_title)
                if main is not None:
                    self.desktop.request_close(main)
                    with contextlib.suppress(subprocess.TimeoutExpired):
                        code = self.process.wait(timeout)
        finally:
            stop_process(self.process, timeout=2)
            self.process = None
            self.desktop.close()
        return code

    # --- windows ---------------------------------------------------------------------------

    def windows(self) -> list[tuple[int, str]]:
        """(window id, title) of Psi's visible top-level windows."""
        return self.desktop.visible_windows(self.process.pid)

    def find_window(self, title: Callable[[str], bool]) -> Optional[int]:
        return next((window for window, name in self.windows() if title(name)), None)

    def wait_for_window(self, title: Callable[[str], bool], what: str,
                        timeout: float = 10.0) -> int:
        return wait_until(lambda: self.find_window(title), timeout, what,
                          lambda: f"Psi's windows: {self.windows()}")

    def open_chat(self, jid: str, timeout: float = 10.0) -> int:
        """Opens (or raises) the one-to-one chat window with jid and returns its window id.

        Asks the running Psi over D-Bus to open xmpp:<jid>?message;type=chat, as
        `psi --uri=...` would; `psi --uri` itself re-executes Psi detached, outside our control.
        The chat window's title is the contact's name, here the bare JID.
        """
        self.bus.call_psi("openURI", f"xmpp:{jid}?message;type=chat")
        window = self.wait_for_window(
            lambda title: re.fullmatch(rf"(\* (\[\d+\] )?)?{re.escape(jid)}( \(.*\))?", title)
            is not None, f"the chat window with {jid}", timeout)
        self.desktop.move(window, *self.CHAT_WINDOW_AT)
        return window

    def focus_input(self, window: int) -> None:
        """Raises a chat or room window and puts the keyboard focus in its message input.

        Qt gives a window's focus back to the widget that had it last, normally the input, but
        a click into the occupant list or the log moves it there. The input spans the bottom
        of both kinds of window, so a click 16 pixels above the bottom edge lands in it.
        """
        self.desktop.focus(window)
        _, height = self.desktop.size(window)
        self.desktop.click(window, 24, height - 16)

    def focus_room(self) -> int:
        """focus_input() on the room window; returns the window."""
        self.focus_input(self.room_window)
        return self.room_window

    def focus(self, window: int) -> None:
        self.desktop.focus(window)

    # --- keyboard and screen ----------------------------------------------------------------

    def type_text(self, text: str) -> None:
        self.desktop.type_text(text)

    def key(self, *keys: str) -> None:
        self.desktop.key(*keys)

    def send_text(self, window: int, text: str) -> None:
        """Replaces the text in a chat or room window's input with text and presses Return."""
        self.focus_input(window)
        self.desktop.key("ctrl+a", "BackSpace")
        self.desktop.type_text(text)
        self.desktop.key("Return")

    def screenshot(self, path: Path, window: Optional[int] = None) -> Path:
        return self.desktop.screenshot(path, window)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "listen":
        sys.exit(_listener_main(sys.argv[2]))
    print(f"usage: {sys.argv[0]} listen CONFIG.json  (started by RoomListener)", file=sys.stderr)
    sys.exit(2)
