## Tandem — schermen van de toepassing (Nederlands).
## Elke id moet ook in en/ui.ftl en fr/ui.ftl staan (gecontroleerd door de tests).

app-name = Tandem
app-tagline = Tweetalige nieuwsbrief

skip-to-content = Naar de inhoud
nav-label = Hoofdonderdelen
nav-composer = Opstellen
nav-contacts = Contacten
nav-send = Verzenden
nav-settings = Instellingen

language-switch-label = Taal van de interface
lang-fr = Français
lang-nl = Nederlands
lang-en = English

placeholder-badge = Binnenkort
view-composer-title = Opstellen
view-contacts-title = Contacten
view-send-title = Verzenden
view-send-intro = Verstuur een nummer via de mailserver van uw organisatie, in het tempo dat uw provider aanvaardt, met een register van elke ontvanger: niemand wordt vergeten, niemand krijgt het twee keer.
view-settings-title = Instellingen

settings-language-title = Taal van de interface
settings-language-help = Geldt meteen voor alle schermen en wordt op deze computer onthouden.
settings-about-title = Over deze installatie
settings-version = Versie
settings-data-folder = Gegevensmap
settings-database = Databasebestand
settings-schema = Versie van het databaseschema

saving-language = Bezig met opslaan…
error-title = Er ging iets mis
error-dismiss = Sluiten
error-details = Technische details (voor uw IT-contactpersoon)

## Fouten. De id is de foutcode; zeg wat er gebeurde en wat de gebruiker kan doen.
error-store-create-dir = Tandem kan zijn gegevensmap niet aanmaken. Controleer of uw gebruikersaccount daar mag schrijven, of vraag het aan uw IT-contactpersoon.
error-store-open = Tandem kan zijn database niet openen. Controleer of de schijf aangesloten is en niet vol is, en start Tandem opnieuw.
error-store-not-a-database = Het databasebestand is beschadigd of is geen Tandem-database. Zet het terug vanuit uw back-up, of verplaats het zodat Tandem met een lege database kan starten.
error-store-too-new = Deze database werd aangemaakt door een nieuwere versie van Tandem (schema { $found }, deze versie kent tot { $supported }). Installeer de nieuwere versie; uw gegevens bleven onaangeroerd.
error-store-migration = Tandem kon zijn database niet bijwerken naar deze versie. Uw gegevens bleven zoals ze waren; start Tandem opnieuw en bezorg de foutdetails aan uw IT-contactpersoon als het opnieuw gebeurt.
error-store-internal = De database gaf een onverwachte fout. Uw gegevens werden niet gewijzigd; probeer het opnieuw.
error-store-restoring = Er wordt op dit moment een back-up teruggezet in Tandem. Wacht enkele seconden en probeer het dan opnieuw.
error-store-in-use = Tandem is geopend (de app, of een opdracht in een terminal). Sluit het en probeer het dan opnieuw.
error-unknown = Er trad een onverwachte fout op. Probeer het opnieuw; als het opnieuw gebeurt, start Tandem dan opnieuw.
error-issue-file-syntax = Dit bestand is geen door Tandem geëxporteerd nummer (of het is beschadigd). Kies het bestand issue.json van een geëxporteerd nummer.
error-issue-file-too-large = Dit nummerbestand is te groot (meer dan 5 MB tekst). Controleer of u een nummerbestand koos dat door Tandem werd geëxporteerd.
error-issue-file-format = Dit nummer werd geëxporteerd door een andere versie van Tandem. Werk Tandem bij, of exporteer het nummer opnieuw vanuit uw versie.
error-issue-invalid = Het nummer bevat links of teksten die niet zomaar verzonden kunnen worden. Verbeter de hieronder vermelde plaatsen en probeer opnieuw.
error-store-not-found = Dit item bestaat niet meer; het werd misschien in een ander venster verwijderd. Laad de lijst opnieuw.
error-image-file-too-large = Dit afbeeldingsbestand is te groot (meer dan 40 MB). Exporteer een kleinere versie vanuit uw fotoprogramma en probeer opnieuw.
error-image-unsupported = Dit bestand is geen afbeelding die Tandem kan gebruiken. Kies een JPEG-, PNG-, WebP- of GIF-afbeelding.
error-image-too-many-pixels = Deze afbeelding heeft te veel pixels om veilig te gebruiken ({ $width }×{ $height }). Verklein ze in uw fotoprogramma en probeer opnieuw.
error-image-corrupt = Deze afbeelding is beschadigd of onvolledig en kan niet gelezen worden. Open ze in uw fotoprogramma, sla ze opnieuw op en probeer opnieuw.

## Opstellen
composer-issue = Nummer
composer-issue-option = Nr. { $number } — { $subject }{ $status ->
    [sent] {" "}(verzonden)
   *[other] {""}
}
composer-new-issue = Nieuw nummer
composer-blocks = Blokken van het nummer
composer-add-block = Blok toevoegen
composer-add = Toevoegen
save-saved = Alle wijzigingen zijn opgeslagen
save-saving = Bezig met opslaan…
save-error = Niet opgeslagen — zie de melding
issue-complete = Beide talen zijn volledig: dit nummer kan verzonden worden.
issue-incomplete = { $count ->
    [one] Eén onderdeel is nog niet vertaald: het nummer kan nog niet verzonden worden.
   *[other] { $count } onderdelen zijn nog niet vertaald: het nummer kan nog niet verzonden worden.
}
block-article = Artikel
block-heading = Tussentitel
block-image = Afbeelding
block-event = Evenement
block-button = Oproep tot actie
block-divider = Scheidingslijn
block-languages = Talen van dit blok
block-only-both = Frans en Nederlands
block-only-fr = Alleen Frans
block-only-nl = Alleen Nederlands
block-move-up = Naar boven (Alt+↑)
block-move-down = Naar beneden (Alt+↓)
block-duplicate = Dupliceren
block-delete = Verwijderen
status-complete = FR + NL volledig
status-missing-fr = Frans ontbreekt
status-missing-nl = Nederlands ontbreekt
status-missing-both = Nog te schrijven
missing-fr = Ontbreekt in het Frans
missing-nl = Ontbreekt in het Nederlands
field-number = Nummer
field-date = Datum
field-time = Uur
date-placeholder = dd/mm/jjjj
time-placeholder = uu:mm
date-invalid = Datum niet begrepen: schrijf dag/maand/jaar, bijvoorbeeld 15/03/2027. De bewaarde datum is niet gewijzigd.
time-invalid = Uur niet begrepen: schrijf het in 24 uur, bijvoorbeeld 19:30. Het bewaarde uur is niet gewijzigd.
field-subject = Onderwerp
field-preheader = Voorbeeldtekst
field-text = Tekst
field-title = Titel
field-body = Tekst
field-starts = Datum en uur
field-place = Plaats
field-label = Tekst van de knop
field-url = Webadres
field-alt = Beschrijving van de afbeelding (voor blinde lezers)
field-caption = Onderschrift
field-link-url = Link (webadres)
field-link-label = Tekst van de link
field-src = Afbeeldingsbestand
field-image-src = Afbeeldingsbestand
field-image-alt = Beschrijving van de afbeelding
image-none = Nog geen afbeelding gekozen.
problem-unsafe-link = { $field }: "{ $url }" is niet toegestaan. Gebruik een webadres dat begint met https:// (of mailto: voor een e-mailadres).
problem-line-break = { $field }: moet op één regel passen.
problem-missing = { $field }: tekst ontbreekt.
problem-required = { $field }: verplicht.
problem-bad-image-path = { $field }: deze afbeelding hoort niet bij het nummer.
problem-too-long = { $field }: langer dan { $max } tekens. Maak de tekst korter (of zet hem volledig op uw website en verwijs ernaar).
problem-too-many-blocks = Het nummer telt meer dan { $max } blokken.
editor-toolbar = Tekstopmaak
editor-bold = Vet
editor-italic = Cursief
editor-link = Link
editor-bullets = Opsomming
editor-numbered = Genummerde lijst
editor-link-url = Adres van de link
editor-link-apply = Toepassen
editor-link-invalid = Gebruik een webadres dat begint met https:// of een e-mailadres dat begint met mailto:
## Voorbeeld
preview-title = Voorbeeld
preview-edition = Editie
preview-width = Breedte
preview-theme = Kleuren
preview-desktop = Computer
preview-phone = Telefoon
preview-light = Licht
preview-dark = Donker
preview-size = { $kb } kB van { $limit } kB (Gmail knipt langere berichten af)
preview-frame = Voorbeeld van de editie { $edition }
edition-fr = Frans
edition-nl = Nederlands
edition-bilingual = Tweetalig
error-file-access = Tandem kon een bestand niet lezen of schrijven. Controleer of de map bestaat en of u er mag schrijven, en probeer opnieuw.
error-image-missing = Een afbeelding van het nummer ontbreekt in de map assets. Zet de afbeelding terug naast issue.json en importeer opnieuw.
image-choose = Kies een afbeelding…
image-drop = of sleep ze hierheen
image-replace = Afbeelding vervangen
image-uploading = Afbeelding wordt voorbereid…
export-this-edition = Deze editie exporteren:
export-archive = Webpagina…
export-eml = E-mailbestand (.eml)…
export-done = Opgeslagen: { $path }
composer-undo = Ongedaan maken
composer-redo = Opnieuw
composer-undo-hint = Het laatst toegevoegde, verwijderde, gedupliceerde of verplaatste blok ongedaan maken (Ctrl+Z buiten een tekstveld)
error-import-empty = Dit bestand is leeg. Kies het bestand dat uw rekenblad heeft geëxporteerd.
error-import-no-email-column = Geen enkele kolom van dit bestand bevat e-mailadressen. Duid aan welke kolom ze bevat, of voeg een kolom „E-mailadres” toe.
error-import-unreadable = Dit bestand kan niet als tabel (CSV) gelezen worden. Sla het vanuit uw rekenblad op als „CSV” of „Unicode-tekst” en probeer opnieuw.

## Contacten
import-open = Bestand importeren…
import-title = Contacten importeren
import-choose = Kies een bestand…
import-formats = Een Excel-werkmap (.xlsx, .xls) of OpenDocument (.ods), of een CSV / „Unicode-tekst” uit Excel, Outlook of Google Contacts.
import-detected = Gelezen als { $encoding }, kolommen gescheiden door „{ $delimiter }”, { $rows } rijen.
encoding-utf8 = UTF-8
encoding-utf8-bom = UTF-8 (met BOM)
encoding-utf16-le = Unicode (UTF-16 LE)
encoding-utf16-be = Unicode (UTF-16 BE)
encoding-windows1252 = Windows (West-Europees)
delimiter-tab = tab
import-ignore = (negeren)
contact-field-email = E-mailadres
contact-field-first_name = Voornaam
contact-field-last_name = Naam
contact-field-organisation = Organisatie
contact-field-language = Taal
contact-field-lists = Lijsten
contact-field-notes = Notities
contact-field-consent_source = Bron van de toestemming
contact-field-consent_date = Datum van de toestemming
contact-field-status = Status
contact-name = Naam
import-list = Iedereen toevoegen aan de lijst
import-default-language = Taal als er geen vermeld is
import-existing = Contacten die er al zijn
import-skip = ongewijzigd laten
import-update = bijwerken
import-counts = { $valid ->
    [one] Eén rij kan geïmporteerd worden
   *[other] { $valid } rijen kunnen geïmporteerd worden
}; { $problems ->
    [0] geen enkele rij heeft een probleem.
    [one] één rij heeft een probleem (hieronder, niet geïmporteerd).
   *[other] { $problems } rijen hebben een probleem (hieronder, niet geïmporteerd).
}
import-first-rows = Eerste rijen om te importeren
import-problems = Rijen die niet geïmporteerd worden
import-problem-row = Regel { $line } ({ $email }): { $reason }
reason-invalid-email = geen geldig e-mailadres
reason-missing-email = geen e-mailadres
reason-missing-language = geen taal (kies hierboven een standaardtaal)
reason-duplicate-in-file = staat al hoger in dit bestand
reason-unsubscribed = uitgeschreven
reason-erased = op eigen verzoek gewist: nooit opnieuw toegevoegd
reason-malformed = de regel kan niet gelezen worden
reason-cell-too-long = een cel is langer dan een contactenlijst bevat (meer dan 1.000 tekens; notities 5.000)
import-more-problems = … en nog { $count } rijen, niet opgesomd. In totaal:
import-problem-count = { $reason }: { $count }
import-apply = { $count ->
    [0] Geen contacten om te importeren
    [one] Eén contact importeren
   *[other] { $count } contacten importeren
}
import-report = Klaar: { $imported } toegevoegd, { $updated } bijgewerkt, { $unchanged } ongewijzigd, { $rejected } niet geïmporteerd.
contacts-counts = { $total } contacten: { $fr } Frans, { $nl } Nederlands, { $both } tweetalig; { $subscribed } ingeschreven.
contacts-search = Zoeken op naam, adres of organisatie
contacts-all-lists = Alle lijsten
contacts-all-languages = Alle talen
contacts-all-statuses = Alle statussen
status-subscribed = Ingeschreven
status-unsubscribed = Uitgeschreven
status-bounced = Adres werkt niet
contacts-matches = { $count } getoond
contacts-actions = Acties
contacts-unsubscribe = Uitschrijven
contacts-erase = Wissen…
contacts-erase-confirm = Definitief wissen
error-contact-email-invalid = Dit e-mailadres is niet geldig (er ontbreekt bijvoorbeeld iets na de @). Verbeter het en sla opnieuw op.
error-contact-email-taken = Dit e-mailadres hoort al bij een ander contact. Zoek dat contact op en bewerk het.
contacts-add = Contact toevoegen
contacts-edit = Bewerken
contact-form-new = Nieuw contact
contact-form-edit = Contact bewerken
contact-save = Opslaan
contact-cancel = Annuleren
contact-lists-help = Lijsten, gescheiden door komma's

## Verzenden: instellingen van de mailserver
smtp-title = Mailserver (SMTP)
smtp-outbox-note = Er is nog geen mailserver ingesteld: verzendingen worden als .eml-bestanden in { $folder } geschreven, zodat u alles veilig kunt uitproberen.
smtp-preset = Provider
smtp-preset-microsoft365 = Microsoft 365
smtp-preset-google = Google Workspace
smtp-preset-ovh = OVH
smtp-preset-custom = Andere (zelf invullen)
smtp-host = Server
smtp-port = Poort
smtp-security = Versleuteling
smtp-security-starttls = STARTTLS (poort 587)
smtp-security-tls = TLS (poort 465)
smtp-security-none = Geen (alleen deze computer)
smtp-username = Gebruikersnaam
smtp-password = Wachtwoord
smtp-password-saved = Opgeslagen — typ om het te vervangen
smtp-password-help = Bewaard in de sleutelhanger van uw computer, nooit in de database van Tandem.
smtp-from-name = Naam afzender
smtp-from-address = Adres afzender
smtp-reply-to = Antwoorden gaan naar (optioneel)
smtp-unsubscribe-url = Uitschrijfpagina (optioneel)
smtp-limits = Verzendlimieten van uw provider
smtp-limits-help = Tandem verzendt nooit sneller, ook niet over meerdere verzendingen en na een herstart.
smtp-limit-count = Aantal berichten
smtp-limit-unit = Periode
smtp-per-min = per minuut
smtp-per-hour = per uur
smtp-per-day = per 24 uur
smtp-limit-remove = Verwijderen
smtp-limit-add = Limiet toevoegen
smtp-advanced = Geavanceerd
smtp-ca-file = Extra certificaatautoriteit (PEM-bestand)
smtp-ca-file-help = Alleen als uw IT-contactpersoon er een gaf voor een interne server.
smtp-cert-title = Het certificaat dat deze server toont
smtp-cert-subject = Op naam van
smtp-cert-issuer = Uitgegeven door
smtp-cert-self-signed = zichzelf (zelfondertekend certificaat)
smtp-cert-validity = Geldig
smtp-cert-dates = van { $from } tot { $until }
smtp-cert-fingerprint = SHA-256-vingerafdruk
smtp-cert-advice = Vertrouw dit certificaat alleen als wie uw server beheert u deze vingerafdruk bevestigt (bijvoorbeeld telefonisch). Tandem weigert daarna elk ander certificaat voor deze server.
smtp-cert-trust = Dit certificaat vertrouwen voor deze server
smtp-cert-pinned = Vertrouwd certificaat voor deze server: { $fingerprint }.
smtp-cert-forget = Niet langer vertrouwen
smtp-cert-save-reminder = Sla de instellingen op om het te bewaren.
smtp-concurrency = Gelijktijdige verbindingen
smtp-no-keychain = Deze computer heeft geen sleutelhanger om het wachtwoord veilig te bewaren. Tandem kan het bewaren in een bestand in zijn gegevensmap dat alleen uw gebruikersaccount kan lezen.
smtp-no-keychain-file = In dat bestand bewaren
smtp-no-keychain-cancel = Wachtwoord niet opslaan
translate-no-keychain = Deze computer heeft geen sleutelhanger om de vertaalsleutel veilig te bewaren. Tandem kan ze bewaren in een bestand in zijn gegevensmap dat alleen uw gebruikersaccount kan lezen.
translate-no-keychain-cancel = Sleutel niet opslaan
smtp-save = Opslaan
smtp-test = Verbinding testen
smtp-testing = Bezig met testen…
smtp-saved-keychain = Opgeslagen.
smtp-saved-file = Opgeslagen (het wachtwoord staat in een privébestand: deze computer heeft geen sleutelhanger).
smtp-test-ok = De server { $info } aanvaardde de verbinding en de aanmelding.
smtp-problem-host = Vul de naam van de server in, bijvoorbeeld smtp.office365.com.
smtp-problem-port = Vul het poortnummer in, meestal 587.
smtp-problem-insecure = Zonder versleuteling mag alleen een server op deze computer gebruikt worden. Kies STARTTLS of TLS.
smtp-problem-address = Dit is geen geldig e-mailadres.
smtp-problem-unsubscribe-url = De uitschrijfpagina moet een adres zijn dat met https:// begint.
smtp-problem-line-break = De naam van de afzender moet op één regel passen.
smtp-problem-concurrency = Kies tussen 1 en 16 verbindingen.
error-smtp-unreachable = De mailserver is onbereikbaar ({ $reply }). Controleer de servernaam, de poort en uw internetverbinding en probeer opnieuw.
error-smtp-refused = De mailserver weigerde de verbinding: { $reply }. Controleer gebruikersnaam, wachtwoord en versleuteling in Instellingen.
error-smtp-settings = Deze instellingen van de mailserver zijn niet bruikbaar: { $reply }
error-smtp-no-password = De mailserver vraagt een wachtwoord en er is er geen opgeslagen. Vul het in bij Instellingen en probeer opnieuw.
error-smtp-certificate = Het certificaat van de server wordt niet aanvaard ({ $reply }). Er werd niets verzonden. Test de verbinding in Instellingen om het certificaat te zien.
error-smtp-certificate-untrusted = De server toont een certificaat dat door geen erkende instantie gewaarborgd is (vaak het „zelfondertekende” certificaat van een kleine server). Er werd niets verzonden, ook het wachtwoord niet.
error-smtp-certificate-changed = Opgelet: de server toont een ander certificaat dan het certificaat dat u vertrouwde. Dat kan een gewone vernieuwing zijn, of iemand die de verbinding onderschept. Er werd niets verzonden, ook het wachtwoord niet. Vraag wie de server beheert of het certificaat veranderd is voor u het nieuwe vertrouwt.
error-send-destination-changed = { send-destination-changed }
error-send-destination-unknown = Deze verzending werd gestart door een eerdere versie van Tandem, die niet noteerde via welke server ze vertrok. Stel die server in bij Instellingen en hervat dan de verzending.
error-keychain-missing = Deze computer heeft geen sleutelhanger om het wachtwoord te bewaren.
error-keychain-write = Het wachtwoord kon niet worden opgeslagen. Controleer of er in de gegevensmap geschreven mag worden en probeer opnieuw.
error-send-incomplete = Dit nummer kan nog niet verzonden worden: sommige blokken missen een taal of een verplicht veld. Vul ze aan in Opstellen (of markeer ze als eentalig).
error-send-no-recipients = Niemand zou dit nummer ontvangen: geen enkel ingeschreven contact staat op de gekozen lijsten.
error-send-sender = De afzender is niet geldig. Vul een naam en adres van de afzender in bij Instellingen.
error-send-message = Het bericht kon niet worden opgebouwd (misschien ontbreekt een afbeelding). Controleer de afbeeldingen van het nummer in Opstellen.
error-send-busy = Er loopt al een verzending. Wacht tot die klaar is, of pauzeer ze eerst.
error-send-closed = Deze verzending is beëindigd en kan niet hervat worden.
error-send-thread = De verzending kon niet starten. Start Tandem opnieuw en probeer nog eens.

## Verzenden: het scherm Verzenden
send-test-started = Een testbericht is onderweg naar { $email }.
send-waiting-limit = Wachten op de limiet van uw provider tot { $time }.
send-eta = Nog ongeveer { $minutes } min.
send-interrupted = Een verzending van nummer { $number } werd onderbroken: { $pending } van de { $total } ontvangers hebben het nog niet gekregen. Niemand krijgt het twee keer.
send-resume = Verzending hervatten
send-audience-title = Nummer en ontvangers
send-issue = Nummer
send-issue-option = Nr. { $number } — { $subject }
send-lists = Lijsten
send-lists-none = Nog geen lijsten: het nummer gaat naar alle ingeschreven contacten.
send-lists-some = Alleen ingeschreven contacten op de aangevinkte lijsten.
send-lists-all = Geen lijst aangevinkt: alle ingeschreven contacten.
send-excluded = Uitgesloten
send-excluded-counts = { $unsubscribed } uitgeschreven, { $bounced } onbestelbaar
send-preflight-title = Voor het verzenden
send-check-incomplete = Blokken { $blocks } missen een tekst in één taal (een titel, een tekst of de beschrijving van een afbeelding): vul ze eerst aan in Opstellen.
send-check-complete = Alle blokken zijn in beide talen geschreven.
send-check-size = Het bericht is { $kb } KB: onder de grens van 102 KB van Gmail.
send-check-size-clipped = Het bericht is { $kb } KB: Gmail knipt het af na 102 KB. Maak sommige teksten korter.
send-check-nobody = Niemand zou het ontvangen: kies andere lijsten.
send-check-time = Met de limieten van uw provider duurt het verzenden minstens { $minutes } min.
send-check-no-limits = Er is geen verzendlimiet voor uw provider ingesteld (zie Instellingen).
send-check-smtp = Verzonden via { $server }.
send-check-outbox = Geen mailserver ingesteld: berichten worden geschreven in { $folder }.
send-test-title = Testbericht
send-test-address = Test verzenden naar
send-test-edition = Editie
send-test-button = Test verzenden
send-title = Verzenden
send-confirm = Dit nummer nu naar { $count ->
    [one] één persoon
   *[other] { $count } personen
  } verzenden?
send-confirm-yes = Ja, nu verzenden
send-preparing = Eerst wordt de mailbox gelezen (afmeldingen en foutmeldingen die binnenkwamen), daarna begint de verzending…
send-mailbox-unread = De mailbox kon net voor deze verzending niet gelezen worden: afmeldingsverzoeken en foutmeldingen die sinds de laatste keer binnenkwamen, zijn nog niet verwerkt. Toch verzenden, of nu niet (en de instellingen van de mailbox nakijken)?
send-mailbox-unread-send = Toch verzenden
send-confirm-no = Nog niet
send-button = Verzenden naar { $count ->
    [one] één persoon
   *[other] { $count } personen
  }
send-progress-label = Voortgang van de verzending
send-progress = { $done } van { $total } verwerkt: { $sent } verzonden, { $failed } mislukt.
send-progress-outbox = { $done } van { $total } verwerkt: { $sent } aanvaard door de server, { $outbox } geschreven in de uitgaande map, { $failed } mislukt.
send-outbox-note = Berichten in de uitgaande map heeft niemand ontvangen. Stel een mailserver in bij Instellingen om echt te verzenden.
send-destination-changed = Deze verzending begon { $startedKind ->
        [outbox] in de uitgaande map { $started }
       *[smtp] via de server { $started }
    }, maar Instellingen vermelden nu { $settingsKind ->
        [outbox] de uitgaande map { $settings }
       *[smtp] de server { $settings }
    }. Waarlangs verdergaan?{ $settingsKind ->
        [outbox] { " " }In de uitgaande map ontvangt niemand iets.
       *[smtp] { "" }
    }
send-resume-started = Verdergaan zoals begonnen ({ $started })
send-resume-settings = Verdergaan met de nieuwe instellingen ({ $settings })
send-unreachable = De server is onbereikbaar ({ $reply }); Tandem blijft proberen.
send-pause = Pauzeren
send-cancel = Verzending annuleren
send-ending-finished = De verzending is voltooid.
send-ending-paused = De verzending is gepauzeerd. Niemand krijgt het twee keer als u hervat.
send-ending-cancelled = De verzending werd geannuleerd. Het register toont wie het ontving.
send-ending-unreachable = De server bleef onbereikbaar ({ $reply }). Hervat wanneer hij terug is: niemand krijgt het twee keer.
send-ending-refused = De server weigerde de verbinding: { $reply }. Controleer Instellingen en hervat dan.
ledger-title = Wie wat ontving
ledger-run = Verzending
ledger-run-test = Test { $id } van nr. { $number } ({ $date })
ledger-run-option = Verzending { $id } van nr. { $number } ({ $date }): { $sent } van { $total }
ledger-run-option-outbox = Verzending { $id } van nr. { $number } ({ $date }): { $outbox } van { $total } in de uitgaande map
ledger-filter = Tonen
ledger-all = Iedereen
ledger-status-pending = Wachtend
ledger-status-sent = Aanvaard door de server
ledger-status-outbox = In de uitgaande map (door niemand ontvangen)
ledger-status-failed = Mislukt
ledger-retry-failed = Mislukte opnieuw proberen
ledger-edition = Editie
ledger-attempts = Pogingen
ledger-reply = Antwoord van de server
ledger-more = Nog { $count } rijen: filter om ze te zien.
send-check-time-short = Met de limieten van uw provider duurt het verzenden minder dan een minuut.
send-check-already-sent = Dit nummer werd al verzonden op { $date } naar { $count } personen: opnieuw verzenden bereikt hen een tweede keer.
send-confirm-again = Dit nummer werd al verzonden. Opnieuw verzenden naar { $count ->
    [one] één persoon
   *[other] { $count } personen
  }?
send-interrupted-open = Verzenden openen om te hervatten
import-drop = Of sleep het bestand hierheen.
import-busy-reading = Het bestand wordt gelezen en elke rij gecontroleerd…
import-busy-importing = De contacten worden opgeslagen…
contacts-more = Meer…
bulk-title = Actie op meerdere contacten
bulk-select = Selecteren
bulk-select-one = { $email } selecteren
bulk-selected = { $count ->
    [one] Eén contact geselecteerd
   *[other] { $count } contacten geselecteerd
  }
bulk-select-all = Alle { $count } resultaten selecteren
bulk-list-name = Naam van de lijst
bulk-add-to-list = Aan lijst toevoegen
bulk-set-language = Taal wijzigen…
bulk-erase-confirm = { $count } contacten definitief wissen
bulk-clear = Selectie opheffen
bulk-done = { $count ->
    [one] Eén contact gewijzigd.
   *[other] { $count } contacten gewijzigd.
  }
ledger-export = Register opslaan (CSV)…
ledger-saved = Opgeslagen: { $path }
smtp-greeting = Elk bericht beginnen met de naam van de lezer („Bonjour Anne,” / „Beste Anne,”; zonder naam: „Bonjour,” / „Beste lezer,”)
error-import-spreadsheet = Deze werkmap kan niet gelezen worden (misschien is ze beschadigd of met een wachtwoord beveiligd). Open ze in uw rekenbladprogramma en sla ze opnieuw op, of sla ze op als CSV.
error-import-too-large = Dit bestand is te groot voor een contactenlijst (meer dan 64 MB, of een werkmap die uitgepakt groter is). Controleer of u het juiste bestand koos; is het uw contactenlijst, bewaar dan alleen de nodige kolommen of verdeel ze over meerdere bestanden.
error-import-too-many-rows = Dit bestand telt meer dan 200.000 rijen. Verdeel het over meerdere bestanden en importeer ze na elkaar.
encoding-spreadsheet = een werkmap (eerste blad)
import-detected-spreadsheet = Eerste blad van de werkmap gelezen: { $rows } rijen.
smtp-unsaved = Wijzigingen nog niet opgeslagen.
contacts-export = Exporteren (CSV voor Excel)…
contacts-exported = { $count } contacten opgeslagen in { $path }

## Aanmelden met Microsoft 365 of Google (OAuth)
oauth-page-title = Tandem
oauth-page-done = U bent aangemeld. U kunt dit tabblad sluiten en teruggaan naar Tandem.
oauth-page-wrong-state = Dit antwoord hoort niet bij de aanmelding die Tandem startte. Er is niets gebeurd. Ga terug naar Tandem en start de aanmelding opnieuw als ze nog wacht.
oauth-page-failed = De aanmelding is niet gelukt ({ $reason }). Ga terug naar Tandem: daar staat wat u kunt doen.
oauth-error-config = De aanmelding kan niet starten: { $detail }. Controleer de client-ID (en de tenant) in Instellingen.
oauth-error-unreachable = De aanmeldserver is onbereikbaar ({ $detail }). Controleer de internetverbinding en probeer opnieuw.
oauth-error-sign-in-again = Uw aanmelding is verlopen of ingetrokken. Meld u opnieuw aan in Instellingen; daarna kan de verzending verdergaan waar ze stopte.
oauth-error-state = Het antwoord van de browser hoorde niet bij deze aanmelding en is geweigerd. Start de aanmelding opnieuw.
oauth-error-cancelled = De aanmelding is geannuleerd.
oauth-error-timed-out = De aanmelding is niet op tijd afgerond. Start ze opnieuw en rond ze af in de browser.
oauth-error-consent = Uw organisatie heeft Tandem nog niet toegestaan om namens u mail te versturen (toestemming nodig, { $detail }). Vraag uw Microsoft 365-beheerder om beheerderstoestemming te geven aan uw app-registratie (zie de handleiding) en meld u opnieuw aan.
oauth-error-conditional-access = Uw organisatie vraagt een extra controle (meervoudige verificatie of een toegangsregel, { $detail }). Meld u aan in de browser en rond de controle af; wordt ze geweigerd, vraag het dan aan uw beheerder.
oauth-error-client = De client-ID of de tenant klopt niet ({ $detail }). Kopieer de "Toepassings-id (client)" van de app-registratie van uw organisatie naar Instellingen en controleer de tenant.
oauth-error-admin-policy = De beheerder van uw organisatie laat deze app niet toe ({ $detail }). Vraag hem of haar uw app-registratie toe te laten voor de mailbox.
oauth-error-denied = De aanmelding is in de browser geweigerd ({ $detail }). Meld u opnieuw aan en aanvaard de machtigingen die Tandem vraagt.
oauth-error-refused = De aanmeldserver weigerde: { $detail }.
smtp-refused-basic-auth-off = De server aanvaardt geen wachtwoorden meer (basisverificatie staat uit). Kies Microsoft 365 of Google in Instellingen en meld u in plaats daarvan aan. Antwoord van de server: { $reply }
smtp-refused-smtp-auth-disabled = Versturen met een mailprogramma (SMTP AUTH) staat uit voor deze mailbox. Uw Microsoft 365-beheerder moet er "Geverifieerde SMTP" voor aanzetten (zie de handleiding). Antwoord van de server: { $reply }
smtp-refused-authentication = De server aanvaardde de aanmelding niet. Controleer gebruikersnaam en wachtwoord, of meld u opnieuw aan. Antwoord van de server: { $reply }
send-ending-signin = De verzending is gepauzeerd: meld u opnieuw aan om verder te gaan. Niemand krijgt ze twee keer wanneer u hervat.
error-oauth-not-signed-in = De mailserver verwacht een aanmelding als { $account }, en niemand is als { $account } aangemeld op deze computer. Meld u aan in Instellingen en probeer opnieuw.
oauth-title = Aanmelding
oauth-help-microsoft = Microsoft 365 aanvaardt geen wachtwoorden van mailprogramma's meer: meld u in plaats daarvan aan. Uw organisatie registreert Tandem één keer in Microsoft Entra (zie de handleiding "Aanmelden met Microsoft 365 of Google") en vult hier de client-ID in.
oauth-help-google = Google aanvaardt geen accountwachtwoorden van mailprogramma's meer: meld u in plaats daarvan aan. Uw organisatie maakt één keer een OAuth-client voor een desktopapp in Google Cloud (zie de handleiding) en vult hier de client-ID en het geheim in.
oauth-help-builtin = Klik op de knop en meld u in de browser aan met het account van uw organisatie: verder hoeft u niets in te vullen.
oauth-own-registration = Geavanceerd: de eigen app-registratie van uw organisatie
oauth-own-registration-help = Laat leeg om u aan te melden via de registratie van Tandem. Vul alleen in als uw organisatie haar eigen registratie verkiest (zie de handleiding "Aanmelden met Microsoft 365 of Google").
oauth-client-id = Client-ID
oauth-client-id-help-microsoft = De "Toepassings-id (client)" van de app-registratie van uw organisatie.
oauth-client-id-help-google = De client-ID van de OAuth-client (desktopapp) van uw organisatie.
oauth-tenant = Tenant
oauth-client-secret = Clientgeheim
oauth-sign-in-microsoft = Aanmelden met Microsoft
oauth-sign-in-google = Aanmelden met Google
oauth-sign-in-device = Liever aanmelden met een code
oauth-sign-out = Afmelden
oauth-signed-in = Aangemeld als { $account } (sinds { $date }).
oauth-waiting-browser = Rond de aanmelding af in uw browser. Ging die niet open, kopieer dan dit adres erin:
oauth-waiting-device = Open op eender welk toestel { $uri } en vul deze code in:
oauth-address = Te openen adres
oauth-copy = Kopiëren
oauth-copied = Gekopieerd
oauth-cancel = Annuleren
oauth-no-keychain = Deze computer heeft geen sleutelhanger om de aanmelding veilig te bewaren. Tandem kan ze bewaren in een bestand in zijn gegevensmap dat alleen uw gebruikersaccount kan lezen.
oauth-no-keychain-cancel = Nu niet aanmelden
oauth-use-password = Liever een wachtwoord gebruiken (app-wachtwoord)
oauth-use-sign-in = Aanmelden in plaats van een wachtwoord

## Updates
update-check = Zoeken naar updates
update-checking = Zoeken…
update-daily = Eén keer per dag zoeken wanneer Tandem start
update-last-checked = Laatst gezocht op { $date }.
update-none = Tandem { $version } is de nieuwste versie.
update-found = Tandem { $version } is beschikbaar.
update-open-settings = Bekijken in Instellingen
update-download = Downloaden en controleren
update-downloading = Downloaden…
update-verified = Gedownload; de handtekening is die van de uitgever van Tandem.
update-install = Installeren en Tandem herstarten
update-error-no-feed = Deze installatie heeft geen update-adres. Uw IT-contact installeert nieuwe versies.
update-error-feed = Het update-adres is onbereikbaar of antwoordde niet zoals verwacht ({ $detail }). Tandem werkt gewoon verder; probeer later opnieuw.
update-error-signature = De gedownloade update is niet ondertekend door de uitgever van Tandem: ze is geweigerd en er is niets geïnstalleerd. Verwittig wie Tandem voor uw organisatie uitgeeft. ({ $detail })
update-error-platform = De nieuwste versie bevat geen update voor dit soort computer.
update-error-install = De update kon niet worden geïnstalleerd ({ $detail }). Tandem werkt gewoon verder.
update-error-none = Zoek eerst naar updates.
send-sign-in-again = Opnieuw aanmelden (Instellingen)

## Mailbox: unsubscribe requests and bounces read back (IMAP)
mailbox-settings-title = Verzendmailbox (IMAP)
mailbox-settings-help = Tandem leest hier afmeldingsverzoeken en foutmeldingen over de bezorging (adressen die niet meer bestaan), zodat die mensen geen post meer krijgen. Wat verwerkt is, gaat naar een map "Tandem"; er wordt niets verwijderd. Tandem leest alleen post die binnenkwam vanaf de dag vóór zijn eerste verzending; oudere post blijft zoals hij is.
mailbox-host = IMAP-server
mailbox-security-tls = TLS (poort 993)
mailbox-security-starttls = STARTTLS (poort 143)
mailbox-password-same = Hetzelfde als voor verzenden
mailbox-use-sign-in = De aanmelding bij Microsoft 365 / Google gebruiken (geen wachtwoord)
mailbox-automatic = Controleren bij het opstarten en vóór elke verzending
mailbox-folder = Te lezen map
mailbox-folder-help = INBOX, tenzij een regel van de mailbox teruggekomen berichten en antwoorden elders opbergt (dan de naam van die map, zoals het mailprogramma ze toont).
mailbox-turn-off = De mailbox niet meer lezen
mailbox-saved = Opgeslagen.
mailbox-test-ok = Verbinding gelukt: { $count } bericht(en) in { $folder ->
        [INBOX] het Postvak IN
       *[other] de map "{ $folder }"
    }.
mailbox-title = Afmeldingen en onbestelbare berichten
mailbox-not-set = De mailbox wordt niet gelezen: afmeldingen per e-mail en foutieve adressen moeten met de hand verwerkt worden. Stel ze in bij Instellingen → Verzendmailbox.
mailbox-check = De mailbox controleren
mailbox-checking = Bezig met controleren…
mailbox-nothing-new = Niets nieuws in de mailbox.
mailbox-summary = { $parts }.
mailbox-summary-unsubscribed = { $count } afgemeld op eigen verzoek
mailbox-summary-bounced = { $count ->
    [one] 1 foutief adres
   *[other] { $count } foutieve adressen
}
mailbox-summary-soft = { $count } tijdelijk onbestelbaar
mailbox-summary-confirm = { $count } te bevestigen
mailbox-summary-left = { $count ->
    [one] 1 bericht voor u gelaten
   *[other] { $count } berichten voor u gelaten
}
mailbox-summary-read = { $count ->
    [one] 1 bericht gelezen, niets te doen.
   *[other] { $count } berichten gelezen, niets te doen.
}
mailbox-to-confirm-title = Te bevestigen: deze mensen lijken zich te willen afmelden
mailbox-confirm = Afmelden
mailbox-dismiss = Ingeschreven laten
mailbox-recent-title = Laatste acties
mailbox-kind-unsubscribed = Afgemeld op eigen verzoek
mailbox-kind-bounced = Foutief adres
mailbox-kind-soft_bounce = Tijdelijk onbestelbaar
mailbox-kind-to_confirm = Afmeldingsverzoek
mailbox-confirmed = (afgemeld na bevestiging)
mailbox-undone = (ongedaan gemaakt)
mailbox-dismissed = (ingeschreven gelaten)
mailbox-undo = Ongedaan maken
mailbox-undo-unsubscribe-warning = { $email } heeft gevraagd de nieuwsbrief niet meer te ontvangen. Schrijf deze persoon alleen opnieuw in als die u daar sindsdien om gevraagd heeft.
mailbox-undo-bounce-warning = De server van { $email } heeft de nieuwsbrief geweigerd. Activeer dit adres alleen opnieuw als u weet dat het weer werkt.
mailbox-undo-yes = Ja, ongedaan maken
mailbox-undo-no = Nee
mailbox-error-settings = De mailbox is niet goed ingesteld: controleer de server, de poort en de gebruikersnaam bij Instellingen.
mailbox-error-unreachable = De server van de mailbox antwoordt niet. Controleer de internetverbinding en de servernaam en probeer opnieuw.
mailbox-error-lost = De verbinding met de server van de mailbox werd verbroken tijdens de controle. Wat al gelezen was, blijft bewaard: controleer de mailbox opnieuw om af te ronden.
mailbox-error-certificate = Het certificaat van de mailboxserver wordt niet herkend. Vraag uw IT-contactpersoon om het bestand van de certificeringsinstantie.
mailbox-error-login = De server heeft de aanmelding geweigerd: controleer de gebruikersnaam en het wachtwoord (of meld u opnieuw aan).
mailbox-error-sign-in = De aanmelding bij Microsoft 365 / Google is verlopen of laat niet toe de mailbox te lezen: meld u opnieuw aan bij Instellingen.
mailbox-error-folder = De mailbox heeft geen map met die naam: controleer "Te lezen map" bij Instellingen → Verzendmailbox (INBOX bij twijfel).
mailbox-error-refused = De mailboxserver heeft de bewerking geweigerd. Probeer later opnieuw; blijft het gebeuren, toon dit bericht dan aan uw IT-contactpersoon.
mailbox-error-store = De databank van Tandem kon niet gelezen of geschreven worden. Er is niets gewijzigd; probeer opnieuw.
ledger-bounced-hard = Later teruggekomen: foutief adres { $code }
ledger-bounced-soft = Later teruggekomen: tijdelijk onbestelbaar { $code }
status-reason-email_request = op eigen verzoek per e-mail
status-reason-bounce = foutief adres
status-reason-soft_bounces = drie keer na elkaar tijdelijk onbestelbaar
status-reason-short-email_request = gevraagd per e-mail
status-reason-short-bounce = foutief adres
status-reason-short-soft_bounces = 3 tijdelijke fouten

## Translation drafts
translate-error-key = De vertaaldienst weigert de sleutel: controleer ze bij Instellingen → Vertaling.
translate-error-quota = Het vertaalquotum van deze maand is op. Het blok bleef zoals het was; vertaal het zelf of wacht tot volgende maand.
translate-error-too-many = De vertaaldienst vraagt om trager te gaan. Het blok bleef zoals het was; probeer over een minuut opnieuw.
translate-error-too-long = Deze tekst is te lang voor de vertaaldienst, zelfs per alinea. Het blok bleef zoals het was; verdeel de tekst over twee blokken.
translate-error-unreachable = De vertaaldienst antwoordt niet (internetverbinding?). Het blok bleef zoals het was; probeer later opnieuw.
translate-error-service = De vertaaldienst antwoordde met een fout. Het blok bleef zoals het was; probeer later opnieuw.
translate-error-not-configured = Er is geen vertaaldienst ingesteld: kies er een bij Instellingen → Vertaling.
translate-error-cancelled = Vertaling gestopt: wat vertaald was, blijft; de rest is ongewijzigd.
translate-settings-title = Vertaling (concepten)
translate-settings-help = Een vertaaldienst kan een eerste versie voorstellen van de ontbrekende taal van een blok. Het concept blijft gemarkeerd als "nalezen" tot iemand het nagelezen heeft. Uitgeschakeld zolang u er geen kiest.
translate-service = Dienst
translate-service-off = Geen (uitgeschakeld)
translate-key-deepl = DeepL-API-sleutel
translate-key-libre = API-sleutel (optioneel)
translate-url-deepl = Adres (optioneel, in plaats van dat van DeepL)
translate-url-libre = Adres van de LibreTranslate-server
translate-privacy-short = Alleen de tekst van de nieuwsbrief gaat naar de dienst, nooit de contacten.
translate-usage = Tekens gebruikt deze maand
translate-usage-figures = { $used } van { $limit } tekens gebruikt deze maand.
translate-usage-none = Deze dienst geeft geen teller.
glossary-title = Woordenlijst
glossary-help = De termen van de organisatie, altijd op dezelfde manier vertaald (bijvoorbeeld "voogd" ⇄ "tuteur"). Een concept dat ze niet volgt, wordt op zijn blok gemeld.
glossary-remove = Verwijderen
glossary-add = Term toevoegen
glossary-save = Woordenlijst opslaan
translate-working = Bezig met vertalen…
translate-from-fr = Vertalen uit het Frans
translate-from-nl = Vertalen uit het Nederlands
translate-draft-mark = { $lang }: automatisch concept — nalezen
translate-reread = Nagelezen, OK
translate-again = Nieuw concept…
translate-again-from-fr = Nieuw Nederlands concept uit het Frans
translate-again-from-nl = Nieuw Frans concept uit het Nederlands
redraft-title = De { $lang }-tekst van dit blok vervangen door een nieuw automatisch concept?
redraft-current = Huidige tekst
redraft-draft = Nieuw automatisch concept
redraft-accept = Vervangen door het concept
redraft-keep = Huidige tekst behouden
redraft-empty = (leeg)
translate-error-changed = Het blok veranderde terwijl het concept getoond werd: er is niets vervangen. Vraag een nieuw concept als u dat nog wilt.
translate-error-edited = Deze tekst werd aangepast terwijl hij vertaald werd: uw aanpassing is bewaard en het concept is weggelaten. Vertaal opnieuw als u toch een concept wilt.
translate-flag = Woordenlijst: "{ $term }" hoort vertaald te worden als "{ $expected }"; controleer dit concept.
issue-machine-drafts = { $count ->
    [one] 1 automatisch concept om na te lezen
   *[other] { $count } automatische concepten om na te lezen
}
translate-progress = Ontbrekende kanten vertalen
translate-progress-count = { $done } van { $total }
translate-stop = Stoppen
translate-all = Alle ontbrekende kanten vertalen
translate-all-help = Vult elke lege tekst aan vanuit de andere taal; wat iemand geschreven heeft, wordt nooit vervangen.
translate-notice-deepl = De tekst van de nieuwsbrief (nooit de contacten) wordt naar DeepL in Duitsland gestuurd om te vertalen. Doorgaan?
translate-notice-libretranslate = De tekst van de nieuwsbrief (nooit de contacten) wordt naar de ingestelde LibreTranslate-server gestuurd om te vertalen. Doorgaan?
translate-notice-accept = Ja, vertalen
translate-notice-cancel = Annuleren
send-check-machine-drafts = { $count ->
    [one] 1 tekst is een automatisch concept dat niemand nagelezen heeft.
   *[other] { $count } teksten zijn automatische concepten die niemand nagelezen heeft.
}
glossary-import = CSV importeren (vervangt de lijst)…
glossary-export = Exporteren als CSV…
glossary-exported = Woordenlijst opgeslagen in { $path }.
glossary-error-file = Dit bestand is geen leesbare woordenlijst: één regel per term, Frans;Nederlands (of een kop fr,nl). De woordenlijst is niet gewijzigd.
glossary-error-one-column = Regel { $line } van dit bestand heeft maar één kolom: schrijf Frans;Nederlands (of Frans,Nederlands) op elke regel. De woordenlijst is niet gewijzigd.
glossary-error-empty = Dit bestand bevat geen enkel paar termen: één regel per term, Frans;Nederlands. De woordenlijst is niet gewijzigd.

## Instellingen → Back-ups
settings-backups-title = Back-ups
backups-help = Tandem maakt zelf een back-up na elke verzending, elke import van contacten, bij het afsluiten en elk half uur terwijl u werkt. Elke back-up wordt gecontroleerd voor ze bewaard wordt. Bewaar ook een tweede kopie elders: een OneDrive- of Google Drive-map, of een USB-stick.
backups-folder = Map met back-ups
backups-second = Tweede map
backups-second-none = geen gekozen
backups-now = Nu een back-up maken
backups-busy = Back-up bezig…
backups-choose = Een tweede map kiezen…
backups-forget = Er niet meer naar kopiëren
backups-open-file = Een back-upbestand openen…
backups-none = Nog geen back-up.
backups-row = { $issues ->
    [one] 1 nummer
   *[other] { $issues } nummers
  }, { $contacts ->
    [one] 1 contact
   *[other] { $contacts } contacten
  }, { $size }
backups-row-unreadable = onleesbaar
backups-where-second = in de tweede map
backups-restore = Terugzetten…
restore-confirm-title = De back-up van { $date } terugzetten?
restore-confirm-title-file = Dit back-upbestand terugzetten?
restore-brings-back = Ze zet { $issues ->
    [one] 1 nummer
   *[other] { $issues } nummers
  } en { $contacts ->
    [one] 1 contact
   *[other] { $contacts } contacten
  } terug zoals ze toen waren.
restore-replaces = Ze vervangt wat Tandem nu bevat. Eerst wordt een back-up van de huidige toestand gemaakt: dit terugzetten kan ongedaan worden gemaakt.
restore-keeps-stopped = { $count ->
    [one] 1 persoon die zich sindsdien heeft uitgeschreven of van wie het adres niet meer werkt, blijft dat.
   *[other] { $count } personen die zich sindsdien hebben uitgeschreven of van wie het adres niet meer werkt, blijven dat.
  }
restore-erased-again = { $count ->
    [one] 1 persoon die sindsdien gewist is, wordt opnieuw gewist: die komt niet terug.
   *[other] { $count } personen die sindsdien gewist zijn, worden opnieuw gewist: ze komen niet terug.
  }
restore-ledger-current = Het register van de verzendingen blijft dat van vandaag: niemand krijgt een nummer twee keer; een lopende verzending komt gepauzeerd terug.
restore-ledger-backup = Het huidige register van de verzendingen is onleesbaar: dat van de back-up wordt gebruikt, en een lopende verzending komt gepauzeerd terug. Controleer het register voor u ze hervat.
restore-do = Terugzetten
restore-busy = Bezig met terugzetten…
restore-cancel = Nu niet
restore-done = De back-up is teruggezet.
restore-undo-hint = Van de toestand die ze verving, werd eerst een back-up gemaakt: { $path }
error-backup-folder = Tandem kan niet schrijven in de map met back-ups. Controleer of de schijf of USB-stick aangesloten is en niet vol, of kies een andere map.
error-backup-unverified = Deze back-up kwam niet door de controle en kan niet gebruikt worden. Kies een oudere back-up.
error-backup-unreadable = Dit bestand kan niet gelezen worden als een Tandem-back-up. Kies een ander bestand.
error-backup-send-running = Er loopt een verzending. Pauzeer ze of laat ze aflopen en zet dan terug.
recovery-title = Het gegevensbestand van Tandem was beschadigd.
recovery-moved = Het werd ongewijzigd opzijgezet, zonder dat er iets in geschreven werd: { $path }. Tandem is met een nieuw bestand begonnen.
recovery-offer = De recentste back-up die door de controle komt, is van { $date } ({ $contacts } contacten). Zet ze terug om van daar verder te gaan; wat daarna gebeurde, moet opnieuw.
recovery-no-backup = Geen enkele back-up in de map met back-ups komt door de controle. Open een back-upbestand van elders (een tweede map, een USB-stick), of begin met een leeg bestand.
recovery-restore = Deze back-up terugzetten
recovery-start-empty = Met een leeg bestand beginnen
welcome-first-start = Welkom in Tandem. Het opende met een voorbeeldnummer om te bekijken. Komt u van een andere computer? Open een back-up die daar gemaakt werd.
welcome-sample = Met het voorbeeldnummer beginnen
restore-enter-again = De teruggezette gegevens komen van een andere computer. Vul dit opnieuw in bij Instellingen:
restore-again-smtp-password = het verzendwachtwoord (het blijft in de sleutelhanger van elke computer)
restore-again-smtp-ca = het certificaatbestand van de verzendserver (het pad bestaat niet op deze computer)
restore-again-imap-ca = het certificaatbestand van de mailboxserver (het pad bestaat niet op deze computer)
restore-again-sign-in = de aanmelding bij Microsoft 365 of Google (meld u opnieuw aan)
erase-backups-note = Wissen haalt de persoon definitief uit dit bestand, uit het register van de verzendingen en uit het logboek van de mailbox: alleen een vingerafdruk van het adres blijft, zodat geen enkele import de persoon opnieuw toevoegt. Back-ups van daarvoor bewaren de persoon tot Tandem die back-ups verwijdert, naarmate nieuwe ze vervangen (de laatste, een maandelijkse, ongeveer 15 maanden later). Terugzetten brengt een gewiste persoon nooit terug.
placement-synced = De gegevensmap van Tandem staat in { $service } ({ $root }). De synchronisatie kan de database kopiëren terwijl Tandem erin schrijft, en ze beschadigen. Houd de gegevensmap op de schijf van deze computer en laat { $service } liever de back-ups bewaren: afgewerkte bestanden zijn daar veilig.
placement-network = De gegevensmap van Tandem staat op een netwerkschijf ({ $fs }). De database kan daar beschadigd raken als de verbinding wegvalt of een andere computer ze opent. Houd de gegevensmap op de schijf van deze computer en zet liever een kopie van de back-ups op de netwerkschijf.
placement-fuse = De gegevensmap van Tandem staat op een schijf die door een programma gekoppeld is ({ $fs }), meestal een netwerk- of cloudschijf. De database kan daar beschadigd raken. Houd de gegevensmap op de schijf van deze computer en zet liever een kopie van de back-ups op die schijf.
placement-use-for-backups = Een kopie van de back-ups in { $service } zetten
error-backup-passphrase-needed = Deze back-up is beveiligd met een wachtzin. Vul ze in bij Instellingen → Back-ups en probeer het opnieuw.
error-backup-passphrase-wrong = Deze wachtzin opent de back-up niet. Er werd niets gewijzigd; controleer de wachtzin en probeer het opnieuw.
backups-passphrase = Wachtzin voor de back-ups (optioneel)
backups-passphrase-off = De back-ups zijn niet versleuteld. Met een wachtzin kan niemand een back-up lezen zonder die wachtzin (een verloren USB-stick, een gedeelde cloudmap). Bewaar ze op een veilige plek buiten Tandem: zonder de wachtzin kan een versleutelde back-up niet teruggezet worden.
backups-passphrase-on = Nieuwe back-ups worden versleuteld met de wachtzin die op deze computer bewaard wordt (in de sleutelhanger, of het privébestand dat u toestond). Bewaar ze ook op een veilige plek buiten Tandem: een nieuwe computer heeft ze nodig om ze terug te zetten.
backups-passphrase-save = Wachtzin opslaan
backups-passphrase-remove = Niet meer versleutelen
backups-passphrase-saved = Opgeslagen. De volgende back-ups gebruiken ze.
backups-encrypted = versleuteld
backups-no-keychain = Deze computer heeft geen sleutelhanger. De wachtzin bewaren in een bestand van de gegevensmap dat alleen uw account kan lezen?

## Instellingen → Gegevensmap
data-folder-title = Gegevensmap
data-folder-help = Tandem bewaart hier zijn database, zijn back-ups en de outbox. U kunt ze naar een andere map op deze computer verplaatsen: Tandem kopieert alles, controleert de kopie en verwijdert pas daarna de oude bestanden.
data-folder-move-advice = Verplaats de gegevensmap naar de eigen schijf van deze computer.
data-folder-move-local = Naar de eigen map van deze computer verplaatsen
data-folder-local-is = Eigen map van deze computer: { $path }
data-folder-move-pick = Naar een andere map verplaatsen…
data-folder-confirm-title = De gegevens van Tandem naar deze map verplaatsen?
data-folder-confirm-what = Tandem kopieert de database, de back-ups en de outbox daarheen, controleert de kopie en verwijdert daarna de oude bestanden. Een notitie op de oude plaats leidt Tandem naar de nieuwe map. Niets anders mag Tandem intussen gebruiken.
data-folder-do = Gegevens verplaatsen
data-folder-busy = Bezig met verplaatsen…
data-folder-moved = De gegevens zijn verplaatst. De oude map was { $from }.
data-folder-target-synced = Deze map staat in { $service }. Een database die daar staat, kan door de synchronisatie beschadigd raken. Kies een map op de eigen schijf van deze computer.
data-folder-target-network = Deze map staat op een netwerkschijf ({ $fs }). Een database die daar staat, kan beschadigd raken. Kies een map op de eigen schijf van deze computer.
data-folder-target-fuse = Deze map staat op een schijf die door een programma is gekoppeld ({ $fs }). Een database die daar staat, kan beschadigd raken. Kies een map op de eigen schijf van deze computer.
error-move-has-database = Die map bevat al een Tandem-database. Kies een lege map, of verplaats die database eerst.
error-move-not-a-folder = Dat is een bestand, geen map. Kies een map.
error-move-nested = Kies een map buiten de huidige gegevensmap van Tandem (en geen map die ze bevat).
error-move-send-running = Er loopt een verzending. Pauzeer ze of laat ze eindigen, en verplaats dan de gegevensmap.
restore-passphrase-label = Wachtzin van deze back-up
restore-passphrase-help = Deze back-up is beveiligd met een wachtzin (die in Tandem werd ingesteld op de computer die hem maakte). Typ ze om de back-up te openen; er verandert niets voordat u bevestigt.
restore-passphrase-open = Back-up openen

## Bezorgbaarheid: het domein van de afzender
deliv-sender-public = { $domain } is een openbare mailprovider. Een nieuwsbrief die "van" zo'n adres via een andere server vertrekt, zakt voor de controles van die provider en wordt als verdacht behandeld of geweigerd. Verstuur vanaf een adres van het eigen domein van de organisatie (vraag het aan wie het domein van de website beheert), met Microsoft 365, Google Workspace of de server van uw hostingbedrijf.
deliv-mx-ok = Het domein ontvangt e-mail ({ $hosts }): antwoorden en bounces kunnen terugkomen.
deliv-mx-none = Het domein heeft geen MX-record: antwoorden en bounces kunnen niet terugkomen, en sommige providers wantrouwen zulke afzenders. Vraag wie het domein beheert de MX-records van uw e-mailprovider toe te voegen.
deliv-mx-none-no-host = Het domein { $domain } heeft geen MX-record en geen adres: providers weigeren e-mail van een domein dat niet in de DNS bestaat. Controleer het afzenderadres.
deliv-spf-missing = Het domein publiceert geen SPF-record: niets zegt welke servers zijn e-mail mogen versturen, en Gmail, Yahoo en Outlook.com zetten die bij spam of weigeren ze. Geef wie het domein beheert het record hieronder.
deliv-spf-multiple = Het domein publiceert { $count } SPF-records. Ontvangers beschouwen SPF dan als defect (RFC 7208 staat er één toe). Voeg ze samen tot één record.
deliv-spf-too-many-lookups = Het SPF-record vraagt { $count } DNS-opzoekingen zodra de includes gevolgd zijn; ontvangers stoppen bij 10 en beschouwen het als defect. Verwijder diensten die niet meer voor u versturen, of vervang ze door hun IP-bereiken.
deliv-spf-broken-include = Het SPF-record bevat include:{ $target }, dat geen enkel SPF-record publiceert: ontvangers beschouwen SPF als defect. Verwijder of verbeter die include.
deliv-spf-provider-missing = Het SPF-record staat { $provider } niet toe (include:{ $include }): uw nieuwsbrief zakt voor SPF. Vervang het record door het record hieronder.
deliv-spf-plus-all = Het SPF-record eindigt op "+all": het laat elke server ter wereld in uw naam versturen, wat providers als helemaal geen bescherming beschouwen. Laat het op "~all" eindigen.
deliv-spf-neutral = Het SPF-record eindigt niet op "~all" of "-all": het beschermt niet tegen afzenders die het niet noemt. Laat het op "~all" eindigen.
deliv-spf-ok = SPF is ingesteld en staat uw provider toe ({ $lookups } DNS-opzoekingen van de 10 toegestane).
deliv-dkim-ok = Er is een DKIM-sleutel gepubliceerd (selector { $selectors }): berichten kunnen voor het domein ondertekend worden.
deliv-dkim-revoked = De DKIM-sleutel van selector { $selector } is ingetrokken (leeg). Als uw provider er nog mee ondertekent, mislukken die handtekeningen.
deliv-dkim-missing-microsoft = Er is geen DKIM-sleutel gepubliceerd voor Microsoft 365 (selector1 en selector2). Vraag uw Microsoft 365-beheerder DKIM voor { $domain } aan te zetten in Microsoft Defender (Instellingen voor e-mailverificatie → DKIM): daar staan de twee CNAME-records die aan het domein toegevoegd moeten worden.
deliv-dkim-missing-google = Er is geen DKIM-sleutel gepubliceerd voor Google Workspace (selector "google"). Vraag uw Google Workspace-beheerder een DKIM-sleutel voor { $domain } aan te maken (Beheerconsole → Apps → Gmail → E-mail verifiëren) en het getoonde TXT-record te publiceren.
deliv-dkim-missing-custom = Onder de gebruikelijke selectors werd geen DKIM-sleutel gevonden. Uw mailserver ondertekent misschien met een eigen selector: stuur een testbericht naar uw mailbox om te zien welke, of vraag uw hostingbedrijf of het e-mail van { $domain } ondertekent.
deliv-dmarc-missing = Het domein publiceert geen DMARC-beleid. Gmail, Yahoo en Outlook.com vragen het van elke afzender van nieuwsbrieven. Begin met het record hieronder (het verandert niets aan de bezorging en stuurt u rapporten).
deliv-dmarc-multiple = Het domein publiceert { $count } DMARC-records; ontvangers negeren DMARC dan. Behoud er één.
deliv-dmarc-no-alignment = DMARC zegt "{ $policy }", maar noch SPF noch DKIM kan voor dit domein slagen met uw provider: ontvangers zullen uw nieuwsbrief { $policy ->
    [reject] weigeren
   *[other] bij spam zetten
}. Verbeter eerst SPF of DKIM hierboven.
deliv-dmarc-ok = DMARC is ingesteld (beleid "{ $policy }") en uw provider kan eraan voldoen.
deliv-dmarc-none = DMARC is ingesteld met beleid "none": ontvangers rapporteren maar treden niet op. Zodra de rapporten tonen dat al uw e-mail slaagt, gaat u over naar "p=quarantine".
deliv-dmarc-none-unaligned = DMARC is ingesteld met beleid "none", maar noch SPF noch DKIM kan al voor dit domein slagen met uw provider: verbeter ze hierboven, anders wantrouwen providers uw nieuwsbrief.
deliv-dmarc-invalid = Het DMARC-record heeft geen geldig beleid (p=none, quarantine of reject); ontvangers negeren het.
error-deliv-address = Dit is geen e-mailadres. Controleer het afzenderadres.
error-deliv-dns = Het domein kon niet opgezocht worden (geen antwoord van de DNS). Controleer de internetverbinding en probeer opnieuw.

## Bezorgbaarheid: links en inhoud
deliv-link-ok = De link werkt.
deliv-link-redirected = De link werkt; hij leidt verder naar { $target }.
deliv-link-login = De link leidt naar een aanmeldpagina ({ $target }): lezers zonder account zien de pagina niet. Link liever naar een openbare pagina.
deliv-link-other-site = De link leidt naar een andere site ({ $target }). Controleer of dat de bedoelde pagina is, en link er rechtstreeks naar.
deliv-link-status = De pagina antwoordt met fout { $status }: lezers vinden { $status ->
    [404] een pagina die niet bestaat
    [410] een verwijderde pagina
   *[other] een fout
}. Verbeter de link.
deliv-link-loop = De link draait in een kringetje (de doorverwijzingen komen terug waar ze begonnen): geen enkele lezer bereikt een pagina. Verbeter de link.
deliv-link-too-many-redirects = De link wordt meer dan { $count } keer doorverwezen: browsers en maildiensten geven het op. Link rechtstreeks naar de eindpagina.
deliv-link-unknown-host = De website { $host } bestaat niet (de naam wordt niet gevonden). Controleer de spelling van de link.
deliv-link-tls = De website { $host } heeft een certificaat dat browsers niet vertrouwen: lezers krijgen een beveiligingswaarschuwing. Verwittig de eigenaar van de site, of link naar een andere pagina.
deliv-link-timeout = De website antwoordde niet binnen { $seconds } seconden. Probeer later opnieuw; blijft hij stil, link dan naar een andere pagina.
deliv-link-unreachable = De website { $host } is niet bereikbaar. Controleer de link, of probeer later opnieuw.
deliv-link-malformed = Dit is geen weblink die Tandem kan controleren. Verbeter het adres (het moet met https:// beginnen).
deliv-link-mailto = De e-maillink is correct opgebouwd.
deliv-link-mailto-bad = De e-maillink bevat geen geldig adres. Verbeter hem.
deliv-link-tel = De telefoonlink is correct opgebouwd.
deliv-link-tel-bad = De telefoonlink bevat geen telefoonnummer. Verbeter hem.
deliv-alt-missing = De afbeelding van blok { $block } heeft geen beschrijving in het { $lang ->
    [fr] Frans
   *[nl] Nederlands
}: lezers van wie de mail afbeeldingen verbergt, en blinde lezers, krijgen niets. Voeg er een toe.
deliv-subject-long = Het { $lang ->
    [fr] Franse
   *[nl] Nederlandse
} onderwerp telt { $count } tekens: telefoons tonen er ongeveer { $max }. Zet het belangrijkste vooraan, of maak het korter.
deliv-preheader-empty = De { $lang ->
    [fr] Franse
   *[nl] Nederlandse
} voorbeeldtekst is leeg: inboxen tonen dan de eerste woorden van het bericht. Schrijf één regel die zin geeft om te openen.
deliv-size-ok = De { $edition ->
    [fr] Franse
    [nl] Nederlandse
   *[bilingual] tweetalige
} editie weegt { $kb } kB: Gmail toont ze volledig.
deliv-size-clipped = De { $edition ->
    [fr] Franse
    [nl] Nederlandse
   *[bilingual] tweetalige
} editie weegt { $kb } kB: Gmail knipt berichten boven 102 kB af en verbergt de rest, de uitschrijflink inbegrepen. Maak ze korter of splits ze.
deliv-domain-unchecked = Het domein van de afzender kon niet gecontroleerd worden ({ $reason }). De rest werd gecontroleerd.
deliv-record-at = Te publiceren op { $name }:
deliv-link-chain = Doorverwijzingen: { $chain }
deliv-links-ok = { $count ->
    [one] 1 link werkt
   *[other] { $count } links werken
}
send-deliverability-title = Komt hij aan?
send-deliverability-busy = Het domein van de afzender en elke link worden gecontroleerd…
send-deliverability-summary = { $blocking ->
    [0] Niets blokkeert de nieuwsbrief;
    [one] 1 probleem kan de nieuwsbrief tegenhouden;
   *[other] { $blocking } problemen kunnen de nieuwsbrief tegenhouden;
} { $improve ->
    [0] niets te verbeteren.
    [one] 1 punt te verbeteren.
   *[other] { $improve } punten te verbeteren.
}
send-deliverability-all-good = Het domein van de afzender, elke link en de inhoud zijn in orde.
send-deliverability-again = Opnieuw controleren
send-confirm-blocking = { $count ->
    [one] 1 probleem onder "Komt hij aan?" kan deze nieuwsbrief tegenhouden.
   *[other] { $count } problemen onder "Komt hij aan?" kunnen deze nieuwsbrief tegenhouden.
} Verstuur toch alleen als u weet waarom.
sending-domain-title = Verzenddomein
sending-domain-help = Gmail, Yahoo en Outlook.com zetten e-mail van een domein zonder SPF, DKIM en DMARC bij spam, of weigeren ze. Controleer wat uw domein publiceert; Tandem geeft het exacte record om door te geven aan wie het beheert.
sending-domain-from = Afzenderadres
sending-domain-from-placeholder = het adres uit de verzendinstellingen
sending-domain-provider = Verstuurd met
sending-domain-provider-saved = zoals in de verzendinstellingen
sending-domain-check = Domein controleren
sending-domain-busy = Bezig met controleren…
sending-domain-result = Wat { $domain } publiceert:
send-bounce-rate = { $bounced } van de { $sent } aanvaarde berichten kwamen onbestelbaar terug ({ $percent } %): onder de 2 % vanaf waar Gmail, Yahoo en Outlook.com een afzender wantrouwen.
send-bounce-rate-high = { $bounced } van de { $sent } aanvaarde berichten kwamen onbestelbaar terug ({ $percent } %): boven de 2 % vanaf waar Gmail, Yahoo en Outlook.com de e-mail van een afzender bij spam zetten. Tandem verstuurt niet meer naar die adressen. Kijk vóór het volgende nummer na waar de adressen van deze lijst vandaan komen, en verwijder de adressen die al jaren niemand bevestigde.
deliv-arrival-inbox = Het testbericht kwam in de inbox aan ({ $folder }).
deliv-arrival-junk = Het testbericht belandde bij de ongewenste e-mail ({ $folder }): de nieuwsbrieven van uw lezers ook. Verbeter eerst wat hieronder gemeld wordt.
deliv-received = De ontvanger meldt { $method }={ $result }{ $result ->
    [pass] .
    [none] : er was niets te controleren. Zie de bevindingen over het verzenddomein.
   *[other] : zie de bevindingen over het verzenddomein voor wat te verbeteren is.
}
deliv-received-unknown = De ontvanger schreef geen { $method }-resultaat op het bericht.
deliv-scl-ok = Het spamvertrouwensniveau van Microsoft is { $scl }: geen spam.
deliv-scl-spam = Het spamvertrouwensniveau van Microsoft is { $scl }: Outlook en Microsoft 365 behandelen het bericht als spam.
deliv-received-size = Het ontvangen bericht weegt { $kb } kB.
deliv-arrival-missing = Het testbericht is na { $seconds } seconden niet aangekomen in { $address }, niet in de inbox en niet bij de ongewenste e-mail. Het wordt misschien tegengehouden of geweigerd: kijk over enkele minuten opnieuw, en bekijk de bevindingen over het verzenddomein.
deliv-arrival-not-sent = De verzendserver aanvaardde het testbericht niet: het kan niet gezocht worden. Controleer de verzendinstellingen en verstuur het opnieuw.
send-roundtrip-title = Hoe komt hij echt aan?
send-roundtrip-help = Tandem stuurt één testbericht van de gekozen editie naar { $email }, zoekt het in de inbox of bij de ongewenste e-mail, en leest wat de ontvanger erover zei. Daarna legt het het in de map Tandem; niets anders in de mailbox wordt gelezen of verplaatst.
send-roundtrip-button = Test naar mijn mailbox sturen en controleren
send-roundtrip-sending = Het testbericht wordt verstuurd…
send-roundtrip-looking = Het testbericht wordt in de mailbox gezocht (tot een minuut)…
send-roundtrip-off = Stel de mailbox in bij Instellingen (Verzendmailbox) om te controleren hoe een testbericht aankomt.
deliv-dkim-verify = Controle door Tandem van de DKIM-handtekening van { $domain } (selector { $selector }) met de sleutel uit de DNS: { $result ->
    [pass] ze is geldig.
    [fail] ze is niet geldig: het bericht werd na het ondertekenen gewijzigd, of de sleutel in de DNS is niet die waarmee ondertekend werd.
   *[other] { $result }. Controleer of de sleutel gepubliceerd is op { $selector }._domainkey.{ $domain }.
}
deliv-dkim-verify-unsigned = Het testbericht kwam aan zonder DKIM-handtekening: providers vertrouwen niet-ondertekende nieuwsbrieven minder. Zet DKIM-ondertekening aan bij uw provider (zie de bevindingen over het verzenddomein).
deliv-dkim-verify-error = Tandem kon de DKIM-handtekening niet zelf controleren ({ $reason }).
error-issue-sent-kept = Dit nummer werd verstuurd: het blijft, zodat het register zegt wie het ontving. Begin liever een nieuw nummer op basis ervan.
composer-new-from = Nieuw nummer op basis van dit nummer
composer-delete-issue = Dit nummer verwijderen
composer-delete-confirm = Nummer { $number } met zijn blokken en afbeeldingen verwijderen? Dit is definitief (de back-ups bewaren het).
composer-delete-yes = Verwijderen
crash-title = Tandem werd de vorige keer onverwacht afgesloten. Niets wat u bewaarde, is verloren. Gebeurt het opnieuw, kopieer dan het rapport en stuur het naar wie u met Tandem helpt: het bevat geen adres, naam of wachtwoord.
crash-show = Rapport tonen
crash-copy = Rapport kopiëren
crash-copied = Gekopieerd.

## Diagnostic report (Settings → About, `tandem doctor`)
doctor-button = Een diagnoserapport kopiëren
doctor-intro = Het rapport hieronder bevat wat Tandem over deze installatie weet, voor wie u helpt. Er staat geen adres, naam, wachtwoord of sleutel in. Tandem test nu de verbindingen die in Instellingen zijn ingesteld.
doctor-running = De verbindingen worden getest…
doctor-copy = Het rapport kopiëren
doctor-copied = Gekopieerd. Plak het in een bericht aan wie u helpt.
doctor-close = Sluiten
doctor-line = { $label }: { $value }
doctor-heading = Tandem — diagnoserapport
doctor-section-about = Deze installatie
doctor-section-counts = Wat het bestand bevat
doctor-section-settings = Instellingen (zonder geheimen)
doctor-section-checks = Verbindingstests
doctor-section-log = Laatste regels van het logboek
doctor-version = Versie
doctor-system = Systeem
doctor-webview = Weergave-engine
doctor-data-folder = Gegevensmap
doctor-database = Databasebestand
doctor-schema = Databaseschema
doctor-keychain = Sleutelhanger van het systeem beschikbaar
doctor-issues = Nummers
doctor-contacts = Contacten
doctor-contacts-by-status = Contacten per status
doctor-sends = Verzendingen
doctor-database-size = Grootte van de database
doctor-backups = Back-ups (de nieuwste)
doctor-smtp = Verzendserver
doctor-smtp-pace = Tempo
doctor-smtp-trust = Aanvaarde certificaten
doctor-imap = Teruggelezen mailbox
doctor-sign-in = Aanmelding
doctor-translation = Vertaaldienst
doctor-backup-settings = Back-ups
doctor-check-smtp = Verzendserver (SMTP)
doctor-check-imap = Mailbox (IMAP)
doctor-check-sign-in = Vernieuwing van het aanmeldtoken
doctor-check-translation = Vertaaldienst
doctor-checks-skipped = Niet uitgevoerd (offline)
doctor-yes = ja
doctor-no = nee
doctor-status-ok = werkt
doctor-status-failed = werkt niet
doctor-status-not-set = niet ingesteld
doctor-status-count = { $status ->
    [subscribed] ingeschreven
    [unsubscribed] uitgeschreven
    [bounced] adres werkt niet
   *[other] { $status }
  }: { $count }
doctor-kb = { $kb } KB
doctor-outbox = outbox (geen server ingesteld)
doctor-smtp-value = { $host }:{ $port } { $security }, { $login ->
    [oauth] aanmelding met account (XOAUTH2)
    [none] zonder aanmelding
   *[password] gebruikersnaam en wachtwoord, wachtwoord bewaard: { $saved ->
        [yes] ja
       *[no] nee
    }
  }, voorinstelling: { $preset ->
    [custom] eigen
   *[other] { $preset }
  }
doctor-smtp-pace-value = { $limits ->
    [none] geen limiet
   *[other] { $limits }
  }; { $concurrency } tegelijk
doctor-trust-pinned = vastgezet certificaat
doctor-trust-ca = extra certificaatautoriteit
doctor-trust-system = die van het systeem
doctor-imap-value = { $host }:{ $port } { $security }, map { $folder }, { $login ->
    [oauth] aanmelding met account
   *[password] wachtwoord
  }, automatisch: { $automatic ->
    [yes] ja
   *[no] nee
  }
doctor-sign-in-value = { $provider }, aangemeld op { $when }, token bewaard in { $kept ->
    [file] een privébestand
   *[keychain] de sleutelhanger
  }
doctor-translation-value = { $service }, sleutel bewaard: { $saved ->
    [yes] ja
   *[no] nee
  }
doctor-backup-settings-value = tweede map: { $folder }, wachtwoordzin bewaard: { $passphrase ->
    [yes] ja
   *[no] nee
  }
doctor-mailbox-messages = { $count ->
    [one] { $count } bericht in de map
   *[other] { $count } berichten in de map
  }
doctor-token-renewed = token vernieuwd
doctor-token-valid-until = token vernieuwd, geldig tot { $until }
doctor-translation-answers = antwoordt
doctor-translation-usage = antwoordt; { $used } van { $limit } tekens gebruikt
