#!/usr/bin/env python3
"""A host of sendguard-bridge in thirty lines (docs/bridge-protocol.md): start the bridge once,
say hello, then ask before every send. Usage: bridgeclient.py BRIDGE MESSAGE.json [WINDOW-ID]"""
import itertools, json, subprocess, sys


class SendGuardBridge:
    def __init__(self, program):
        self.process = subprocess.Popen([program], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.ids = itertools.count(1)
        self.info = self.request({"type": "hello"})

    def request(self, fields):
        request = dict(fields, protocol=1, id=next(self.ids))
        self.process.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline() or '{"type": "error", "error": "the bridge ended"}')
        if answer["type"] == "error":  # never send what could not be checked
            raise RuntimeError(answer["error"])
        return answer

    def check(self, message, window_id=0, language="ko"):
        return self.request({"type": "check", "message": message, "windowId": window_id, "language": language})


bridge = SendGuardBridge(sys.argv[1])
decision = bridge.check(json.load(open(sys.argv[2], encoding="utf-8")), int(sys.argv[3]) if len(sys.argv) > 3 else 0)
if decision["action"] == "cancel":
    print("not sent; the compose window stays open")
else:  # "send", or "sendModified": send decision["message"] instead (masked text, fewer recipients)
    message = decision.get("message")
    print(decision["action"], decision["verdict"], message["body"] if message else "(as written)")
