"""Parses every message of a Maildir with Python's own MIME parser and reports, as
JSON on stdout, what a test needs to check: structure, headers, CID references and
line lengths. Exits 1 when a message is malformed (the reason is in its report)."""

import email
import email.policy
import json
import pathlib
import re
import sys


def check(raw: bytes) -> dict:
    problems = []
    # Envelope header written by the test server.
    if raw.startswith(b"X-Tandem-Rcpt-To: "):
        first, raw = raw.split(b"\n", 1)
    long_lines = [n for n, line in enumerate(raw.split(b"\r\n")) if len(line) > 998]
    if long_lines:
        problems.append(f"lines over 998 octets: {long_lines[:5]}")
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    for name in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version"):
        if msg[name] is None:
            problems.append(f"missing header {name}")
    if msg.get_content_type() != "multipart/alternative":
        problems.append(f"top level is {msg.get_content_type()}")
    parts = list(msg.iter_parts()) if msg.is_multipart() else []
    types = [p.get_content_type() for p in parts]
    if types != ["text/plain", "multipart/related"]:
        problems.append(f"alternative parts are {types}")
    html, text, cids, images = "", "", [], []
    if len(parts) == 2:
        text = parts[0].get_content()
        related = list(parts[1].iter_parts())
        if not related or related[0].get_content_type() != "text/html":
            problems.append("multipart/related does not start with the HTML")
        else:
            html = related[0].get_content()
        for part in related[1:]:
            cid = (part["Content-ID"] or "").strip("<>")
            images.append({"cid": cid, "type": part.get_content_type(),
                           "bytes": len(part.get_content())})
        cids = sorted(set(re.findall(r'src="cid:([^"]+)"', html)))
        known = {i["cid"] for i in images}
        for cid in cids:
            if cid not in known:
                problems.append(f"cid:{cid} has no part")
    lang = re.search(r'<html[^>]*\blang="([a-z]+)"', html)
    greeting = re.search(r'<p class="tdm-greeting"[^>]*>([^<]*)</p>', html)
    return {
        "to": str(msg["To"]),
        "subject": str(msg["Subject"]),
        "message_id": str(msg["Message-ID"]),
        "list_unsubscribe": str(msg["List-Unsubscribe"] or ""),
        "list_unsubscribe_post": str(msg["List-Unsubscribe-Post"] or ""),
        "html_lang": lang.group(1) if lang else None,
        "has_fr": 'lang="fr"' in html,
        "has_nl": 'lang="nl"' in html,
        "html_bytes": len(html.encode()),
        "text_has_unsubscribe": "unsub" in text.lower() or "désinscri" in text.lower()
        or "uitschrijv" in text.lower(),
        "greeting": greeting.group(1) if greeting else None,
        "cids": cids,
        "images": images,
        "problems": problems,
    }


def main() -> int:
    maildir = pathlib.Path(sys.argv[1])
    reports = [check(p.read_bytes()) for p in sorted((maildir / "new").iterdir())]
    print(json.dumps(reports))
    return 1 if any(r["problems"] for r in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
