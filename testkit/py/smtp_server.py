"""A real SMTP server for Tandem's tests (aiosmtpd), on 127.0.0.1.

Stores every accepted message in a Maildir with the envelope recipients in an
X-Tandem-Rcpt-To header, and can require STARTTLS and AUTH, and inject faults per
recipient. Prints "READY <port>" once it accepts connections; stops on SIGTERM or when
its stdin closes (so it never outlives the test that started it).
"""

import argparse
import asyncio
import base64
import json
import mailbox
import signal
import ssl
import sys
import threading
import urllib.parse
import urllib.request

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Handler:
    def __init__(self, maildir, faults, drop_after_data, session_limit=0,
                 introspect=None, auth_reply=None):
        self.box = mailbox.Maildir(maildir, create=True)
        # address -> list of replies to give, in order, before accepting it
        self.faults = {k.lower(): list(v) for k, v in faults.items()}
        self.drop_after_data = {a.lower() for a in drop_after_data}
        self.session_limit = session_limit
        self.introspect = introspect
        self.refusal = auth_reply
        self.lock = threading.Lock()
        self.stats = {"xoauth2_ok": 0, "xoauth2_refused": 0, "sessions_closed": 0}

    async def auth_XOAUTH2(self, server, args):
        """AUTH XOAUTH2 (Google's and Microsoft's SASL form): the bearer token must be
        one the OAuth test server issued, unexpired, for the user named."""
        try:
            if len(args) > 1:
                raw = base64.b64decode(args[1])
            else:
                raw = await server.challenge_auth("", encode_to_b64=False)
                if not isinstance(raw, bytes):
                    return AuthResult(success=False, handled=False)
            fields = dict(p.split("=", 1) for p in raw.decode().split("\x01") if "=" in p)
            user = fields.get("user", "")
            token = fields.get("auth", "").removeprefix("Bearer ")
        except Exception:
            return AuthResult(success=False, handled=False)
        loop = asyncio.get_running_loop()
        active = await loop.run_in_executor(None, self.check_token, token, user)
        with self.lock:
            self.stats["xoauth2_ok" if active else "xoauth2_refused"] += 1
        if not active:
            return AuthResult(success=False, handled=False,
                              message="535 5.7.3 Authentication unsuccessful")
        return AuthResult(success=True, auth_data=user)

    def check_token(self, token, user):
        data = urllib.parse.urlencode({"token": token}).encode()
        try:
            with urllib.request.urlopen(self.introspect, data=data, timeout=10) as r:
                answer = json.load(r)
        except Exception:
            return False
        return bool(answer.get("active")) and answer.get("username", "").lower() == user.lower()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self.lock:
            queue = self.faults.get(address.lower())
            if queue:
                return queue.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        header = "X-Tandem-Rcpt-To: " + ", ".join(envelope.rcpt_tos) + "\r\n"
        with self.lock:
            self.box.add(header.encode() + envelope.original_content)
        if any(r.lower() in self.drop_after_data for r in envelope.rcpt_tos):
            # Stored, but the client never hears the 250: a lost acknowledgement.
            server.transport.close()
        if self.session_limit:
            # Providers end a session after so many messages (or when idle): the 250
            # goes out, then the connection closes.
            session.tandem_count = getattr(session, "tandem_count", 0) + 1
            if session.tandem_count >= self.session_limit:
                with self.lock:
                    self.stats["sessions_closed"] += 1
                asyncio.get_running_loop().call_soon(server.transport.close)
        return "250 Message accepted for delivery"


class LongAuthSMTP(SMTP):
    """RFC 4954 allows AUTH lines of 12,288 octets; a bearer token (XOAUTH2) needs well
    over aiosmtpd's defaults (512 for a command, 1001 for any line)."""

    line_length_limit = 12290

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.command_size_limits["AUTH"] = 12288


class LongAuthController(Controller):
    def factory(self):
        return LongAuthSMTP(self.handler, **self.SMTP_kwargs)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--maildir", required=True)
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--auth", help="user:password required for AUTH PLAIN/LOGIN")
    p.add_argument("--faults", default="{}", help='JSON {"addr": ["450 ...", ...]}')
    p.add_argument("--drop-after-data", default="[]", help="JSON list of addresses")
    p.add_argument("--session-limit", type=int, default=0,
                   help="close the connection after this many messages in one session")
    p.add_argument("--xoauth2", metavar="INTROSPECT_URL",
                   help="require AUTH XOAUTH2 with a token this OAuth server says is active")
    p.add_argument("--auth-reply", help="refuse every PLAIN/LOGIN with this reply")
    p.add_argument("--stats", help="file where the AUTH counts are written on exit")
    args = p.parse_args()

    handler = Handler(args.maildir, json.loads(args.faults), json.loads(args.drop_after_data),
                      args.session_limit, args.xoauth2, args.auth_reply)
    kwargs = {}
    if args.cert:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(args.cert, args.key)
        kwargs.update(tls_context=ctx, require_starttls=True)
    if args.auth or args.auth_reply:
        user, password = (args.auth or ":").split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (
                not args.auth_reply
                and isinstance(auth_data, LoginPassword)
                and auth_data.login.decode() == user
                and auth_data.password.decode() == password
            )
            # handled=False: let aiosmtpd answer 535 itself on failure.
            return AuthResult(success=ok, handled=False)

        kwargs.update(authenticator=authenticator, auth_required=True,
                      auth_require_tls=bool(args.cert))
    if args.auth_reply:
        async def refuse(server, args_):
            return AuthResult(success=False, handled=False, message=args.auth_reply)
        handler.auth_PLAIN = refuse
        handler.auth_LOGIN = refuse
    if args.xoauth2:
        kwargs.update(auth_required=True, auth_require_tls=bool(args.cert),
                      auth_exclude_mechanism=["LOGIN", "PLAIN"])
    factory = LongAuthController if args.xoauth2 else Controller
    controller = factory(handler, hostname="127.0.0.1", port=args.port, **kwargs)
    controller.start()
    print(f"READY {args.port}", flush=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    stop.wait()
    controller.stop()
    if args.stats:
        with open(args.stats, "w") as f:
            json.dump(handler.stats, f)


if __name__ == "__main__":
    main()
