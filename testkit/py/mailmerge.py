"""The reference a mail merge is measured against: Python's smtplib, one personalised
message per recipient (text + HTML alternative, built with the email package), over
SESSIONS connections in threads. Prints the messages per second as JSON."""

import concurrent.futures
import email
import email.policy
import json
import smtplib
import sys
import time
from email.message import EmailMessage


def main() -> None:
    host, port, count, sessions, eml = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), \
        int(sys.argv[4]), sys.argv[5]
    template = email.message_from_bytes(open(eml, "rb").read(), policy=email.policy.default)
    text = template.get_body(("plain",)).get_content()
    html = template.get_body(("html",)).get_content()
    subject = str(template["Subject"])

    def worker(first: int) -> int:
        sent = 0
        with smtplib.SMTP(host, port) as smtp:
            for i in range(first, count, sessions):
                msg = EmailMessage()
                msg["From"] = "PMO <info@example.org>"
                msg["To"] = f"Reader {i} <reader{i:05}@example.be>"
                msg["Subject"] = subject
                msg.set_content(text.replace("{name}", f"Reader {i}"))
                msg.add_alternative(html.replace("{name}", f"Reader {i}"), subtype="html")
                smtp.send_message(msg)
                sent += 1
        return sent

    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(sessions) as pool:
        sent = sum(pool.map(worker, range(sessions)))
    elapsed = time.perf_counter() - start
    print(json.dumps({"sent": sent, "seconds": elapsed}))


if __name__ == "__main__":
    main()
