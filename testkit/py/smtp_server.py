"""A real SMTP server for Tandem's tests (aiosmtpd), on 127.0.0.1.

Stores every accepted message in a Maildir with the envelope recipients in an
X-Tandem-Rcpt-To header, and can require STARTTLS and AUTH, and inject faults per
recipient. Prints "READY <port>" once it accepts connections; stops on SIGTERM or when
its stdin closes (so it never outlives the test that started it).
"""

import argparse
import asyncio
import json
import mailbox
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, maildir, faults, drop_after_data):
        self.box = mailbox.Maildir(maildir, create=True)
        # address -> list of replies to give, in order, before accepting it
        self.faults = {k.lower(): list(v) for k, v in faults.items()}
        self.drop_after_data = {a.lower() for a in drop_after_data}
        self.lock = threading.Lock()

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
        return "250 Message accepted for delivery"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--maildir", required=True)
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--auth", help="user:password required for AUTH PLAIN/LOGIN")
    p.add_argument("--faults", default="{}", help='JSON {"addr": ["450 ...", ...]}')
    p.add_argument("--drop-after-data", default="[]", help="JSON list of addresses")
    args = p.parse_args()

    handler = Handler(args.maildir, json.loads(args.faults), json.loads(args.drop_after_data))
    kwargs = {}
    if args.cert:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(args.cert, args.key)
        kwargs.update(tls_context=ctx, require_starttls=True)
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (
                isinstance(auth_data, LoginPassword)
                and auth_data.login.decode() == user
                and auth_data.password.decode() == password
            )
            # handled=False: let aiosmtpd answer 535 itself on failure.
            return AuthResult(success=ok, handled=False)

        kwargs.update(authenticator=authenticator, auth_required=True,
                      auth_require_tls=bool(args.cert))
    controller = Controller(handler, hostname="127.0.0.1", port=args.port, **kwargs)
    controller.start()
    print(f"READY {args.port}", flush=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
