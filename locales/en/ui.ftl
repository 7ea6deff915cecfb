## Tandem — the app's own screens (English).
## Every id here must exist in fr/ui.ftl and nl/ui.ftl too (checked by tests).

app-name = Tandem
app-tagline = Bilingual newsletter

skip-to-content = Skip to content
nav-label = Main sections
nav-composer = Composer
nav-contacts = Contacts
nav-send = Send
nav-settings = Settings

language-switch-label = Interface language
lang-fr = Français
lang-nl = Nederlands
lang-en = English

placeholder-badge = Coming next
view-composer-title = Composer
view-contacts-title = Contacts
view-send-title = Send
view-send-intro = Send an issue through your organisation's mail server, at a pace your provider accepts, with a record of every recipient so that nobody is missed or gets it twice.
view-send-placeholder = This screen is a placeholder: nothing can be sent yet.
view-settings-title = Settings

settings-language-title = Language of the interface
settings-language-help = Applies at once to every screen and is remembered on this computer.
settings-about-title = About this installation
settings-version = Version
settings-data-folder = Data folder
settings-database = Database file
settings-schema = Database schema version

saving-language = Saving…
error-title = Something went wrong
error-dismiss = Close
error-details = Technical details (for your IT contact)

## Errors. The id is the error code the app returns; say what happened, then what to do.
error-store-create-dir = Tandem cannot create its data folder. Check that your user account may write to it, or ask your IT contact.
error-store-open = Tandem cannot open its database file. Check that the disk is connected and not full, then restart Tandem.
error-store-not-a-database = The database file is damaged or is not a Tandem database. Restore it from your backup, or move it aside so Tandem can start afresh.
error-store-too-new = This database was created by a newer version of Tandem (schema { $found }, this version knows up to { $supported }). Install the newer version; your data was left untouched.
error-store-migration = Tandem could not update its database to this version. Your data was left as it was; please restart Tandem, and send the error details to your IT contact if it happens again.
error-store-internal = The database returned an unexpected error. Your data was not changed; please try again.
error-unknown = An unexpected error occurred. Please try again; if it happens again, restart Tandem.
error-issue-file-syntax = This file is not a Tandem issue file (or it is damaged). Choose the issue.json file of an exported issue.
error-issue-file-format = This issue file was made by another version of Tandem. Update Tandem, or export the issue again from the version you have.
error-issue-invalid = The issue contains links or texts that cannot be sent as they are. Correct the places listed below, then try again.
error-store-not-found = This item no longer exists; it may have been deleted in another window. Reload the list.
error-image-file-too-large = This image file is too large (over 40 MB). Export a smaller version from your photo program, then try again.
error-image-unsupported = This file is not an image Tandem can use. Choose a JPEG, PNG, WebP or GIF picture.
error-image-too-many-pixels = This image is too large in pixels to be used safely ({ $width }×{ $height }). Resize it in your photo program, then try again.
error-image-corrupt = This image is damaged or incomplete and cannot be read. Open it in your photo program, save it again, then try again.

## Composer
composer-issue = Issue
composer-issue-option = No. { $number } — { $subject }
composer-new-issue = New issue
composer-blocks = Blocks of the issue
composer-add-block = Add a block
composer-add = Add
save-saved = All changes saved
save-saving = Saving…
save-error = Not saved — see the message
issue-complete = Both languages are complete: this issue can be sent.
issue-incomplete = { $count ->
    [one] One part still misses a translation: it cannot be sent yet.
   *[other] { $count } parts still miss a translation: it cannot be sent yet.
}
block-article = Article
block-heading = Section heading
block-image = Image
block-event = Event
block-button = Call to action
block-divider = Divider
block-languages = Languages of this block
block-only-both = French and Dutch
block-only-fr = French only
block-only-nl = Dutch only
block-move-up = Move up (Alt+↑)
block-move-down = Move down (Alt+↓)
block-duplicate = Duplicate
block-delete = Delete
status-complete = FR + NL complete
status-missing-fr = French missing
status-missing-nl = Dutch missing
status-missing-both = To write
missing-fr = Missing in French
missing-nl = Missing in Dutch
field-number = Number
field-date = Date
field-subject = Subject
field-preheader = Preview text
field-text = Text
field-title = Title
field-body = Text
field-starts = Date and time
field-place = Place
field-label = Button text
field-url = Web address
field-alt = Image description (for blind readers)
field-caption = Caption
field-link-url = Link (web address)
field-link-label = Link text
field-src = Image file
field-image-src = Image file
field-image-alt = Image description
image-none = No image chosen yet.
problem-unsafe-link = { $field }: “{ $url }” is not allowed. Use a web address starting with https:// (or mailto: for an e-mail address).
problem-line-break = { $field }: must fit on one line.
problem-missing = { $field }: text missing.
problem-required = { $field }: required.
problem-bad-image-path = { $field }: this image is not part of the issue.
editor-toolbar = Text formatting
editor-bold = Bold
editor-italic = Italic
editor-link = Link
editor-bullets = Bulleted list
editor-numbered = Numbered list
editor-link-url = Link address
editor-link-apply = Apply
editor-link-invalid = Use a web address starting with https:// or an e-mail address starting with mailto:
## Preview
preview-title = Preview
preview-edition = Edition
preview-width = Width
preview-theme = Colours
preview-desktop = Computer
preview-phone = Phone
preview-light = Light
preview-dark = Dark
preview-size = { $kb } KB of { $limit } KB (Gmail cuts longer messages)
preview-frame = Preview of the { $edition } edition
edition-fr = French
edition-nl = Dutch
edition-bilingual = Bilingual
error-file-access = Tandem could not read or write a file. Check that the folder exists and that you may write to it, then try again.
error-image-missing = An image used by the issue is missing from its assets folder. Put the image back next to issue.json, then import again.
image-choose = Choose an image…
image-drop = or drop it here
image-replace = Replace the image
image-uploading = Preparing the image…
export-this-edition = Export this edition:
export-archive = Web page…
export-eml = E-mail file (.eml)…
export-done = Saved: { $path }
composer-undo = Undo
composer-redo = Redo
composer-undo-hint = Undo the last added, deleted, duplicated or moved block (Ctrl+Z outside a text field)
error-import-empty = This file is empty. Choose the file your spreadsheet program exported.
error-import-no-email-column = No column of this file holds e-mail addresses. Tell Tandem which column does, or add a column named “E-mail”.
error-import-unreadable = This file cannot be read as a table (CSV). Save it from your spreadsheet program as “CSV” or “Unicode text”, then try again.

## Contacts
import-open = Import a file…
import-title = Import contacts
import-choose = Choose a file…
import-formats = CSV or “Unicode text” exported from Excel, Outlook or Google Contacts.
import-detected = Read as { $encoding }, columns separated by “{ $delimiter }”, { $rows } rows.
encoding-utf8 = UTF-8
encoding-utf8-bom = UTF-8 (with BOM)
encoding-utf16-le = Unicode (UTF-16 LE)
encoding-utf16-be = Unicode (UTF-16 BE)
encoding-windows1252 = Windows (Western European)
delimiter-tab = tab
import-ignore = (ignore)
contact-field-email = E-mail address
contact-field-first_name = First name
contact-field-last_name = Last name
contact-field-organisation = Organisation
contact-field-language = Language
contact-field-lists = Lists
contact-field-notes = Notes
contact-field-consent_source = Consent source
contact-field-consent_date = Consent date
contact-field-status = Status
contact-name = Name
import-list = Add everyone to the list
import-default-language = Language when none is given
import-existing = Contacts already in the file
import-skip = leave as they are
import-update = update them
import-counts = { $valid ->
    [one] One row can be imported
   *[other] { $valid } rows can be imported
}; { $problems ->
    [0] no row has a problem.
    [one] one row has a problem (listed below, not imported).
   *[other] { $problems } rows have a problem (listed below, not imported).
}
import-first-rows = First rows to import
import-problems = Rows that will not be imported
import-problem-row = Line { $line } ({ $email }): { $reason }
reason-invalid-email = not a valid e-mail address
reason-missing-email = no e-mail address
reason-missing-language = no language (choose a default language above)
reason-duplicate-in-file = already earlier in this file
reason-unsubscribed = unsubscribed
reason-erased = erased at their request: never added again
reason-malformed = the line cannot be read
import-apply = Import { $count } contacts
import-report = Done: { $imported } added, { $updated } updated, { $unchanged } left as they were, { $rejected } not imported.
contacts-counts = { $total } contacts: { $fr } French, { $nl } Dutch, { $both } both languages; { $subscribed } subscribed.
contacts-search = Search by name, address or organisation
contacts-all-lists = All lists
contacts-all-languages = All languages
contacts-all-statuses = All statuses
status-subscribed = Subscribed
status-unsubscribed = Unsubscribed
status-bounced = Bounced
contacts-matches = { $count ->
    [one] 1 shown
   *[other] { $count } shown
}
contacts-actions = Actions
contacts-unsubscribe = Unsubscribe
contacts-erase = Erase…
contacts-erase-confirm = Erase for good
error-contact-email-invalid = This e-mail address is not valid (for example, something is missing after the @). Correct it, then save again.
error-contact-email-taken = This e-mail address already belongs to another contact. Search for it and edit that contact instead.
contacts-add = Add a contact
contacts-edit = Edit
contact-form-new = New contact
contact-form-edit = Edit contact
contact-save = Save
contact-cancel = Cancel
contact-lists-help = Lists, separated by commas
