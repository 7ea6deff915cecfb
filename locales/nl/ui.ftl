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
view-send-placeholder = Dit scherm is voorlopig: er kan nog niets worden verzonden.
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
error-unknown = Er trad een onverwachte fout op. Probeer het opnieuw; als het opnieuw gebeurt, start Tandem dan opnieuw.
error-issue-file-syntax = Dit bestand is geen door Tandem geëxporteerd nummer (of het is beschadigd). Kies het bestand issue.json van een geëxporteerd nummer.
error-issue-file-format = Dit nummer werd geëxporteerd door een andere versie van Tandem. Werk Tandem bij, of exporteer het nummer opnieuw vanuit uw versie.
error-issue-invalid = Het nummer bevat links of teksten die niet zomaar verzonden kunnen worden. Verbeter de hieronder vermelde plaatsen en probeer opnieuw.
error-store-not-found = Dit item bestaat niet meer; het werd misschien in een ander venster verwijderd. Laad de lijst opnieuw.
error-image-file-too-large = Dit afbeeldingsbestand is te groot (meer dan 40 MB). Exporteer een kleinere versie vanuit uw fotoprogramma en probeer opnieuw.
error-image-unsupported = Dit bestand is geen afbeelding die Tandem kan gebruiken. Kies een JPEG-, PNG-, WebP- of GIF-afbeelding.
error-image-too-many-pixels = Deze afbeelding heeft te veel pixels om veilig te gebruiken ({ $width }×{ $height }). Verklein ze in uw fotoprogramma en probeer opnieuw.
error-image-corrupt = Deze afbeelding is beschadigd of onvolledig en kan niet gelezen worden. Open ze in uw fotoprogramma, sla ze opnieuw op en probeer opnieuw.

## Opstellen
composer-issue = Nummer
composer-issue-option = Nr. { $number } — { $subject }
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
import-formats = CSV of „Unicode-tekst” geëxporteerd uit Excel, Outlook of Google Contacten.
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
import-apply = { $count } contacten importeren
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
