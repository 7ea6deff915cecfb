"""Appends message files to a folder of an IMAP server over TLS (Python's imaplib), in
one session: the way a mail client or a server-side filter puts messages in a mailbox.

usage: imap_append.py HOST PORT CA_PEM USER PASSWORD FOLDER FILE...
With $IMAP_APPEND_DATE (ISO 8601 with a zone), the messages arrived then (their
INTERNALDATE); otherwise now. Prints the number appended."""
import datetime
import imaplib
import os
import ssl
import sys

host, port, ca, user, password, folder, *files = sys.argv[1:]
context = ssl.create_default_context(cafile=ca)
imap = imaplib.IMAP4_SSL(host, int(port), ssl_context=context)
imap.login(user, password)
# imaplib sends names as given: one with a space must be quoted (RFC 3501 astring);
# FOLDER is already in modified UTF-7 ("Non distribu&AOk-s").
if " " in folder and not folder.startswith('"'):
    folder = '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'
if folder != "INBOX":
    imap.create(folder)
received = os.environ.get("IMAP_APPEND_DATE")
received = datetime.datetime.fromisoformat(received) if received else None
n = 0
for path in files:
    with open(path, "rb") as f:
        data = f.read()
    typ, detail = imap.append(folder, None, received, data)
    if typ != "OK":
        sys.exit(f"APPEND {path}: {typ} {detail}")
    n += 1
imap.logout()
print(n)
