"""An authoritative DNS server on 127.0.0.1 for the deliverability tests (dnslib).

Zones come as JSON on the command line's --zones file: {"name.": {"TXT": [["s1", "s2"]],
"MX": [[10, "mx.name."]], "A": ["127.0.0.1"], "CNAME": "target."}}. A TXT record is a
list of character-strings (each at most 255 bytes: a long DKIM key is split, as real
zones split it). A CNAME is followed inside the zones, as an authoritative server does.
The file is read again when it changes. Unknown names get NXDOMAIN; a known name without the type asked gets an empty answer.
Serves UDP (answers too long for the client truncated, TC set) and TCP on one port; prints "READY PORT" and exits when stdin closes.
"""

import argparse
import json
import os
import sys
import threading

from dnslib import AAAA, CNAME, MX, QTYPE, RCODE, RR, TXT, A
from dnslib.server import BaseResolver, DNSServer


class ZoneResolver(BaseResolver):
    def __init__(self, path):
        self.path = path
        self.stamp = None
        self.zones = {}
        self.reload()

    def reload(self):
        """Reads the zones file again when it changed (a test can publish a key later)."""
        stamp = os.stat(self.path).st_mtime_ns
        if stamp != self.stamp:
            with open(self.path, encoding="utf-8") as f:
                zones = json.load(f)
            self.zones = {k.lower().rstrip(".") + ".": v for k, v in zones.items()}
            self.stamp = stamp

    def records(self, name, qtype, reply, depth=0):
        entry = self.zones.get(name.lower())
        if entry is None:
            return False
        if "CNAME" in entry and qtype != "CNAME" and depth < 8:
            target = entry["CNAME"].lower().rstrip(".") + "."
            reply.add_answer(RR(name, QTYPE.CNAME, rdata=CNAME(target), ttl=60))
            self.records(target, qtype, reply, depth + 1)
            return True
        for value in entry.get(qtype, []) if qtype != "CNAME" else (
            [entry["CNAME"]] if "CNAME" in entry else []
        ):
            if qtype == "TXT":
                rdata = TXT([s.encode() for s in value])
            elif qtype == "MX":
                rdata = MX(value[1], value[0])
            elif qtype == "A":
                rdata = A(value)
            elif qtype == "AAAA":
                rdata = AAAA(value)
            elif qtype == "CNAME":
                rdata = CNAME(value)
            else:
                continue
            reply.add_answer(RR(name, getattr(QTYPE, qtype), rdata=rdata, ttl=60))
        return True

    def resolve(self, request, handler):
        self.reload()
        reply = request.reply()
        name = str(request.q.qname).lower()
        qtype = QTYPE[request.q.qtype]
        if not self.records(name, qtype, reply):
            reply.header.rcode = RCODE.NXDOMAIN
        # Over UDP an answer longer than the client takes (512 bytes, or its EDNS size)
        # is truncated, as real servers do: the client asks again over TCP.
        if handler.protocol == "udp":
            limit = 512
            for rr in request.ar:
                if rr.rtype == QTYPE.OPT:
                    limit = max(512, rr.rclass)
            if len(reply.pack()) > limit:
                reply = request.reply()
                reply.header.tc = 1
        return reply


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--zones", required=True)
    args = parser.parse_args()
    resolver = ZoneResolver(args.zones)

    class Quiet:
        def log_recv(self, *a): pass
        def log_send(self, *a): pass
        def log_request(self, *a): pass
        def log_reply(self, *a): pass
        def log_truncated(self, *a): pass
        def log_error(self, handler, e): print(f"dns error: {e}", file=sys.stderr)
        def log_data(self, *a): pass
        def log_prefix(self, *a): return ""

    udp = DNSServer(resolver, port=args.port, address="127.0.0.1", logger=Quiet())
    tcp = DNSServer(resolver, port=args.port, address="127.0.0.1", tcp=True, logger=Quiet())
    udp.start_thread()
    tcp.start_thread()
    print(f"READY {args.port}", flush=True)
    # The test process holds our stdin: when it ends, so do we.
    sys.stdin.read()
    udp.stop()
    tcp.stop()


if __name__ == "__main__":
    threading.current_thread().name = "dns"
    main()
