## Fixed strings of the newsletter (English; the newsletter itself is sent in fr and nl).
email-read-more = Read more
email-view-other-language = Read in Dutch
email-unsubscribe = Unsubscribe
email-footer = You receive this newsletter as a contact of the Platform Minors in Exile.
email-org-name = Platform Minors in Exile
email-issue-label = Newsletter no. { $number }
email-jump-to-other = Dutch version below
email-language-section = English version
email-date-format = %A %-d %B %Y
email-time-format = %-H:%M
email-time-format-hour = %-H:00
email-event-when = { $date } at { $time }
email-event-place = Place: { $place }
email-text-link = { $label }: { $url }
email-unsubscribe-text = No longer wish to receive this newsletter?
email-unsubscribe-reply = Reply to this message with “unsubscribe” and we will remove you from the list.
