"""The reference for `cargo xtask bench` (mailbox): what reading new messages costs by
IMAP alone, with Python's imaplib at its strongest — one session, SELECT, UID SEARCH,
then UID FETCH of the first megabyte of each message in batches of 100, as Tandem
does — with nothing parsed, recorded or moved.

usage: imap_fetch.py HOST PORT CA_PEM USER PASSWORD [FOLDER]
Prints the number of messages and bytes read."""
import imaplib
import ssl
import sys

host, port, ca, user, password, *rest = sys.argv[1:]
folder = rest[0] if rest else "INBOX"
imap = imaplib.IMAP4_SSL(host, int(port), ssl_context=ssl.create_default_context(cafile=ca))
imap.login(user, password)
imap.select(folder, readonly=True)
typ, data = imap.uid("SEARCH", None, "UID 1:*")
uids = data[0].split()
total = 0
for i in range(0, len(uids), 100):
    batch = b",".join(uids[i : i + 100]).decode()
    typ, data = imap.uid("FETCH", batch, "(UID BODY.PEEK[]<0.1048576>)")
    for item in data:
        if isinstance(item, tuple):
            total += len(item[1])
imap.logout()
print(len(uids), total)
