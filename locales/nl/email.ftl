## Vaste teksten van de nieuwsbrief (Nederlands).
email-read-more = Lees meer
email-view-other-language = Lire en français
email-unsubscribe = Uitschrijven
email-footer = U ontvangt deze nieuwsbrief als contact van het Platform Kinderen op de vlucht.
email-org-name = Platform Kinderen op de vlucht
email-issue-label = Nieuwsbrief nr. { $number }
email-jump-to-other = Version française ci-dessous
email-language-section = Nederlandse versie
email-date-format = %A %-d %B %Y
email-time-format = %-H.%M uur
email-time-format-hour = %-H uur
email-event-when = { $date } om { $time }
email-event-place = Plaats: { $place }
email-text-link = { $label }: { $url }
email-unsubscribe-text = Wilt u deze nieuwsbrief niet langer ontvangen?
email-unsubscribe-reply = Beantwoord dit bericht met „uitschrijven” en wij halen u van de lijst.
