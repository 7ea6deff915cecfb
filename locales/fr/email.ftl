## Textes fixes de la newsletter (français).
email-read-more = Lire la suite
email-view-other-language = Lees in het Nederlands
email-unsubscribe = Se désinscrire
email-footer = Vous recevez cette newsletter en tant que contact de la Plate-forme Mineurs en exil.
email-org-name = Plate-forme Mineurs en exil
email-issue-label = Newsletter n° { $number }
email-jump-to-other = Nederlandse versie hieronder
email-language-section = Version française
email-date-format = %A %-d %B %Y
email-time-format = %-H h %M
email-time-format-hour = %-H h
email-event-when = { $date } à { $time }
email-event-place = Lieu : { $place }
email-text-link = { $label } : { $url }
email-unsubscribe-text = Vous ne souhaitez plus recevoir cette newsletter ?
email-unsubscribe-reply = Répondez à ce message avec « désinscription » et nous vous retirerons de la liste.
