"""A translation test server on 127.0.0.1 that speaks DeepL's published API
(/v2/translate, /v2/glossaries, /v2/usage; `Authorization: DeepL-Auth-Key KEY`; JSON or
form-encoded bodies; tag_handling=html) and LibreTranslate's (/translate), with a
deterministic word-list "translation" so tests can assert exact output.

Text between tags is translated word by word (unknown words stay as they are); tags and
attributes are kept, as the real services do. A glossary (DeepL) is applied first.

Control (for tests): POST /control/fault {"status": 403|456|429|413|500|"timeout"|"huge",
"times": N} ("huge": a 200 answer of 64 MB, never-ending for a client); POST /control/hostile {"on": true} (answers carry a <script>, an onclick,
a javascript: link and an unknown tag); POST /control/max_chars {"n": N} (413 above);
GET /control/requests (every request recorded: path, headers, body).

usage: translate_server.py --port P [--key KEY] [--libre-key KEY]
Prints "READY <port>" when it listens; stops when stdin closes."""
import argparse
import json
import re
import socket
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

FR_NL = {
    "le": "de", "la": "de", "les": "de", "un": "een", "une": "een", "des": "van de",
    "et": "en", "est": "is", "sont": "zijn", "de": "van", "du": "van de", "pour": "voor",
    "avec": "met", "dans": "in", "sur": "op", "par": "door", "à": "naar", "au": "aan de",
    "enfants": "kinderen", "enfant": "kind", "droits": "rechten", "droit": "recht",
    "école": "school", "groupe": "groep", "travail": "werk", "réunion": "vergadering",
    "nouvelle": "nieuwe", "nouveau": "nieuw", "formation": "opleiding", "journée": "dag",
    "inscrivez-vous": "schrijf u in", "lire": "lees", "suite": "verder", "plus": "meer",
    "désigné": "aangesteld", "mineurs": "minderjarigen", "jeunes": "jongeren",
    "bienvenue": "welkom", "lettre": "brief", "information": "informatie",
    "premier": "eerste", "deux": "twee", "un": "een", "ici": "hier", "service": "dienst",
}
NL_FR = {v: k for k, v in FR_NL.items() if " " not in v}
NL_FR.update({"de": "le", "een": "un", "van": "de", "en": "et", "is": "est"})

STATE = {
    "key": None, "libre_key": None, "fault": None, "fault_times": 0, "hostile": False,
    "max_chars": 0, "requests": [], "glossaries": {}, "characters": 0, "limit": 500000,
}
LOCK = threading.Lock()
WORD = re.compile(r"[\w'’-]+", re.UNICODE)


def translate_words(text, table):
    def one(m):
        w = m.group(0)
        t = table.get(w.lower())
        if t is None:
            return w
        return t[:1].upper() + t[1:] if w[:1].isupper() else t
    return WORD.sub(one, text)


def apply_glossary(text, entries):
    """Glossary terms first (longest first, whole words, any case), protected from the
    word list by markers."""
    used = []
    for source, target in sorted(entries, key=lambda e: -len(e[0])):
        pattern = re.compile(r"(?<![\w])" + re.escape(source) + r"(?![\w])", re.IGNORECASE)
        def mark(_m, target=target):
            used.append(target)
            return "\x00%d\x00" % (len(used) - 1)
        text = pattern.sub(mark, text)
    return text, used


def translate(html, source, target, glossary=None):
    table = FR_NL if source.lower().startswith("fr") else NL_FR
    parts = re.split(r"(<[^>]*>)", html)
    out = []
    for part in parts:
        if part.startswith("<"):
            out.append(part)
            continue
        used = []
        if glossary:
            part, used = apply_glossary(part, glossary)
        part = translate_words(part, table)
        for i, t in enumerate(used):
            part = part.replace("\x00%d\x00" % i, t)
        out.append(part)
    text = "".join(out)
    if STATE["hostile"]:
        text = ('<p onclick="steal()">' + text + '<script>alert(document.cookie)</script>'
                ' <a href="javascript:alert(1)">klik</a> <blink>!</blink></p>')
    return text


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        # Headers and body go out as two writes: without this, Nagle's algorithm holds
        # the body until the client's delayed ACK (40 ms a request on a kept-alive
        # connection), which real services do not do.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, *args):
        pass

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        ctype = self.headers.get("Content-Type", "")
        if "json" in ctype:
            return json.loads(raw or b"{}"), raw
        form = parse_qs(raw.decode("utf-8"), keep_blank_values=True)
        data = {k: (v if k == "text" else v[0]) for k, v in form.items()}
        return data, raw

    def send(self, status, payload=None, ctype="application/json"):
        data = b"" if payload is None else (payload if isinstance(payload, bytes) else json.dumps(payload).encode())
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def record(self, data):
        with LOCK:
            STATE["requests"].append({
                "method": self.command, "path": self.path,
                "auth": self.headers.get("Authorization", ""), "body": data,
            })

    def deepl_auth(self):
        auth = self.headers.get("Authorization", "")
        if STATE["key"] is not None and auth != "DeepL-Auth-Key " + STATE["key"]:
            self.send(403, {"message": "Forbidden"})
            return False
        return True

    def fault(self):
        with LOCK:
            if STATE["fault_times"] <= 0:
                return False
            STATE["fault_times"] -= 1
            fault = STATE["fault"]
        if fault == "timeout":
            time.sleep(5)
            return False
        if fault == "huge":
            # A broken or hostile service: a JSON answer that goes on for 64 MB.
            size = 64 << 20
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            head = b'{"translations":[{"text":"'
            try:
                self.wfile.write(head)
                chunk = b"x" * (1 << 20)
                for _ in range(size // len(chunk)):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
            return True
        messages = {403: "Forbidden", 456: "Quota exceeded", 429: "Too many requests",
                    413: "Request Entity Too Large", 500: "Internal error"}
        self.send(int(fault), {"message": messages.get(int(fault), "error")})
        return True

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/control/requests":
            with LOCK:
                return self.send(200, STATE["requests"])
        self.record(None)
        if url.path.startswith("/v2/") and not self.deepl_auth():
            return
        if url.path == "/v2/usage":
            return self.send(200, {"character_count": STATE["characters"], "character_limit": STATE["limit"]})
        if url.path == "/v2/glossaries":
            return self.send(200, {"glossaries": [g["info"] for g in STATE["glossaries"].values()]})
        m = re.fullmatch(r"/v2/glossaries/([^/]+)(/entries)?", url.path)
        if m:
            g = STATE["glossaries"].get(m.group(1))
            if g is None:
                return self.send(404, {"message": "Glossary not found"})
            if m.group(2):
                tsv = "".join("%s\t%s\n" % e for e in g["entries"]).encode()
                return self.send(200, tsv, "text/tab-separated-values")
            return self.send(200, g["info"])
        self.send(404, {"message": "not found"})

    def do_DELETE(self):
        self.record(None)
        if not self.deepl_auth():
            return
        m = re.fullmatch(r"/v2/glossaries/([^/]+)", urlparse(self.path).path)
        if m and STATE["glossaries"].pop(m.group(1), None) is not None:
            return self.send(204)
        self.send(404, {"message": "Glossary not found"})

    def do_POST(self):
        path = urlparse(self.path).path
        data, raw = self.body()
        if path.startswith("/control/"):
            with LOCK:
                if path == "/control/fault":
                    STATE["fault"] = data.get("status")
                    STATE["fault_times"] = int(data.get("times", 1))
                elif path == "/control/hostile":
                    STATE["hostile"] = bool(data.get("on"))
                elif path == "/control/max_chars":
                    STATE["max_chars"] = int(data.get("n", 0))
            return self.send(200, {"ok": True})
        self.record(data)
        if path == "/v2/translate":
            if not self.deepl_auth() or self.fault():
                return
            texts = data.get("text") or []
            if isinstance(texts, str):
                texts = [texts]
            if STATE["max_chars"] and any(len(t) > STATE["max_chars"] for t in texts):
                return self.send(413, {"message": "Request Entity Too Large"})
            glossary = None
            gid = data.get("glossary_id")
            if gid:
                g = STATE["glossaries"].get(gid)
                if g is None:
                    return self.send(400, {"message": "Invalid glossary id"})
                glossary = g["entries"]
            source = data.get("source_lang") or "FR"
            with LOCK:
                STATE["characters"] += sum(len(re.sub(r"<[^>]*>", "", t)) for t in texts)
            return self.send(200, {"translations": [
                {"detected_source_language": source.upper(),
                 "text": translate(t, source, data.get("target_lang", "NL"), glossary)}
                for t in texts]})
        if path == "/v2/glossaries":
            if not self.deepl_auth():
                return
            entries = []
            sep = "\t" if data.get("entries_format", "tsv") == "tsv" else ","
            for line in (data.get("entries") or "").splitlines():
                if sep in line:
                    s, t = line.split(sep, 1)
                    entries.append((s.strip(), t.strip()))
            gid = str(uuid.uuid4())
            info = {"glossary_id": gid, "name": data.get("name", ""), "ready": True,
                    "source_lang": data.get("source_lang"), "target_lang": data.get("target_lang"),
                    "creation_time": "2026-11-30T00:00:00.000000Z", "entry_count": len(entries)}
            STATE["glossaries"][gid] = {"info": info, "entries": entries}
            return self.send(201, info)
        if path == "/translate":
            if STATE["libre_key"] is not None and data.get("api_key") != STATE["libre_key"]:
                return self.send(403, {"error": "Invalid API key"})
            if self.fault():
                return
            q = data.get("q")
            many = isinstance(q, list)
            texts = q if many else [q or ""]
            if STATE["max_chars"] and any(len(t) > STATE["max_chars"] for t in texts):
                return self.send(413, {"error": "Request Entity Too Large"})
            out = [translate(t, data.get("source", "fr"), data.get("target", "nl")) for t in texts]
            return self.send(200, {"translatedText": out if many else out[0]})
        self.send(404, {"message": "not found"})


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--key")
    p.add_argument("--libre-key")
    a = p.parse_args()
    STATE["key"] = a.key
    STATE["libre_key"] = a.libre_key
    server = ThreadingHTTPServer(("127.0.0.1", a.port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print("READY %d" % a.port, flush=True)
    sys.stdin.read()
    server.shutdown()


if __name__ == "__main__":
    main()
