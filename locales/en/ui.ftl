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
error-store-restoring = A backup is being put back into Tandem at this moment. Wait a few seconds, then try again.
error-store-in-use = Tandem is open (the app, or a command in a terminal). Close it, then try again.
error-unknown = An unexpected error occurred. Please try again; if it happens again, restart Tandem.
error-issue-file-syntax = This file is not a Tandem issue file (or it is damaged). Choose the issue.json file of an exported issue.
error-issue-file-too-large = This issue file is too large (over 5 MB of text). Check that you chose an issue file exported by Tandem.
error-issue-file-format = This issue file was made by another version of Tandem. Update Tandem, or export the issue again from the version you have.
error-issue-invalid = The issue contains links or texts that cannot be sent as they are. Correct the places listed below, then try again.
error-store-not-found = This item no longer exists; it may have been deleted in another window. Reload the list.
error-image-file-too-large = This image file is too large (over 40 MB). Export a smaller version from your photo program, then try again.
error-image-unsupported = This file is not an image Tandem can use. Choose a JPEG, PNG, WebP or GIF picture.
error-image-too-many-pixels = This image is too large in pixels to be used safely ({ $width }×{ $height }). Resize it in your photo program, then try again.
error-image-corrupt = This image is damaged or incomplete and cannot be read. Open it in your photo program, save it again, then try again.

## Composer
composer-issue = Issue
composer-issue-option = No. { $number } — { $subject }{ $status ->
    [sent] {" "}(sent)
   *[other] {""}
}
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
field-time = Time
date-placeholder = dd/mm/yyyy
time-placeholder = hh:mm
date-invalid = Date not understood: write day/month/year, for example 15/03/2027. The saved date has not changed.
time-invalid = Time not understood: write it on the 24-hour clock, for example 19:30. The saved time has not changed.
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
problem-too-long = { $field }: longer than { $max } characters. Shorten it (or keep the full text on your website and link to it).
problem-too-many-blocks = The issue has more than { $max } blocks.
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
import-formats = An Excel workbook (.xlsx, .xls), OpenDocument (.ods), or CSV / "Unicode text" exported from Excel, Outlook or Google Contacts.
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
reason-cell-too-long = a cell is longer than a contacts list holds (over 1,000 characters; notes 5,000)
import-more-problems = … and { $count } more rows, not listed. In all:
import-problem-count = { $reason }: { $count }
import-apply = { $count ->
    [0] No contact to import
    [one] Import one contact
   *[other] Import { $count } contacts
}
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

## Sending: settings of the mail server
smtp-title = Mail server (SMTP)
smtp-outbox-note = No mail server is set up yet: sends are written as .eml files to { $folder }, so you can try everything safely.
smtp-preset = Provider
smtp-preset-microsoft365 = Microsoft 365
smtp-preset-google = Google Workspace
smtp-preset-ovh = OVH
smtp-preset-custom = Other (fill in yourself)
smtp-host = Server
smtp-port = Port
smtp-security = Encryption
smtp-security-starttls = STARTTLS (port 587)
smtp-security-tls = TLS (port 465)
smtp-security-none = None (this computer only)
smtp-username = User name
smtp-password = Password
smtp-password-saved = Saved — type to replace it
smtp-password-help = Kept in your computer's keychain, never in Tandem's database.
smtp-from-name = Sender name
smtp-from-address = Sender address
smtp-reply-to = Replies go to (optional)
smtp-unsubscribe-url = Unsubscribe page (optional)
smtp-limits = Sending limits of your provider
smtp-limits-help = Tandem never sends faster than this, even across several sends and restarts.
smtp-limit-count = Number of messages
smtp-limit-unit = Period
smtp-per-min = per minute
smtp-per-hour = per hour
smtp-per-day = per 24 hours
smtp-limit-remove = Remove
smtp-limit-add = Add a limit
smtp-advanced = Advanced
smtp-ca-file = Extra certificate authority (PEM file)
smtp-ca-file-help = Only if your IT contact gave you one for an internal server.
smtp-cert-title = The certificate this server presents
smtp-cert-subject = Issued to
smtp-cert-issuer = Issued by
smtp-cert-self-signed = itself (self-signed certificate)
smtp-cert-validity = Valid
smtp-cert-dates = from { $from } to { $until }
smtp-cert-fingerprint = SHA-256 fingerprint
smtp-cert-advice = Trust this certificate only if the person who runs your server confirms this fingerprint to you (by phone, for instance). Tandem will then refuse any other certificate for this server.
smtp-cert-trust = Trust this certificate for this server
smtp-cert-pinned = Trusted certificate for this server: { $fingerprint }.
smtp-cert-forget = Stop trusting it
smtp-cert-save-reminder = Save the settings to keep it.
smtp-concurrency = Connections at once
smtp-no-keychain = This computer has no keychain to keep the password safe. Tandem can keep it in a file of its data folder that only your user account can read.
smtp-no-keychain-file = Keep it in that file
smtp-no-keychain-cancel = Do not save the password
translate-no-keychain = This computer has no keychain to keep the translation key safe. Tandem can keep it in a file of its data folder that only your user account can read.
translate-no-keychain-cancel = Do not save the key
smtp-save = Save
smtp-test = Test connection
smtp-testing = Testing…
smtp-saved-keychain = Saved.
smtp-saved-file = Saved (the password is in a private file: this computer has no keychain).
smtp-test-ok = The server { $info } accepted the connection and the login.
smtp-problem-host = Enter the server's name, for example smtp.office365.com.
smtp-problem-port = Enter the port number, usually 587.
smtp-problem-insecure = Without encryption, only a server on this computer may be used. Choose STARTTLS or TLS.
smtp-problem-address = This is not a valid e-mail address.
smtp-problem-unsubscribe-url = The unsubscribe page must be an address starting with https://.
smtp-problem-line-break = The sender name must fit on one line.
smtp-problem-concurrency = Choose between 1 and 16 connections.
error-smtp-unreachable = The mail server cannot be reached ({ $reply }). Check the server name and port and your internet connection, then try again.
error-smtp-refused = The mail server refused the connection: { $reply }. Check the user name, password and encryption in Settings.
error-smtp-settings = These mail server settings cannot be used: { $reply }
error-smtp-no-password = The mail server needs a password and none is saved. Enter it in Settings, then try again.
error-smtp-certificate = The server's certificate is not accepted ({ $reply }). Nothing was sent. Test the connection in Settings to see the certificate.
error-smtp-certificate-untrusted = The server presents a certificate that no recognised authority vouches for (often the "self-signed" certificate of a small server). Nothing was sent, not even the password.
error-smtp-certificate-changed = Warning: the server presents a different certificate from the one you trusted. This may be a normal renewal, or someone intercepting the connection. Nothing was sent, not even the password. Ask the person who runs the server whether its certificate changed before you trust the new one.
error-send-destination-changed = { send-destination-changed }
error-send-destination-unknown = This send was started by an earlier version of Tandem, which did not record the server it went through. Set up that server in Settings, then resume the send.
error-keychain-missing = This computer has no keychain to keep the password.
error-keychain-write = The password could not be saved. Check that the data folder may be written to, then try again.
error-send-incomplete = This issue cannot be sent yet: some blocks miss a language or a required field. Complete them in the Composer (or mark them single-language).
error-send-no-recipients = Nobody would receive this issue: no subscribed contact is on the chosen lists.
error-send-sender = The sender is not valid. Enter a sender name and address in Settings.
error-send-message = The message could not be built (an image may be missing). Check the issue's images in the Composer.
error-send-busy = A send is already running. Wait for it to end, or pause it, first.
error-send-closed = This send has ended and cannot be resumed.
error-send-thread = The send could not be started. Restart Tandem and try again.

## Sending: the Send view
send-test-started = A test message is on its way to { $email }.
send-waiting-limit = Waiting for your provider's limit until { $time }.
send-eta = About { $minutes } min left.
send-interrupted = A send of issue no. { $number } was interrupted: { $pending } of { $total } recipients have not received it yet. Nobody will get it twice.
send-resume = Resume the send
send-audience-title = Issue and recipients
send-issue = Issue
send-issue-option = No. { $number } — { $subject }
send-lists = Lists
send-lists-none = No lists yet: the issue goes to every subscribed contact.
send-lists-some = Only subscribed contacts on the ticked lists.
send-lists-all = No list ticked: every subscribed contact.
send-excluded = Left out
send-excluded-counts = { $unsubscribed } unsubscribed, { $bounced } bounced
send-preflight-title = Before sending
send-check-incomplete = Blocks { $blocks } miss a text in one language (a title, a text or an image description): complete them in the Composer first.
send-check-complete = Every block is written in both languages.
send-check-size = The message is { $kb } KB: under Gmail's 102 KB limit.
send-check-size-clipped = The message is { $kb } KB: Gmail will cut it after 102 KB. Shorten some texts.
send-check-nobody = Nobody would receive it: choose other lists.
send-check-time = With your provider's limits, sending takes at least { $minutes } min.
send-check-no-limits = No sending limit is set for your provider (see Settings).
send-check-smtp = Sent through { $server }.
send-check-outbox = No mail server set up: messages are written to { $folder }.
send-test-title = Test message
send-test-address = Send a test to
send-test-edition = Edition
send-test-button = Send the test
send-title = Send
send-confirm = Send this issue to { $count ->
    [one] one person
   *[other] { $count } people
  } now?
send-confirm-yes = Yes, send now
send-preparing = Reading the mailbox first (unsubscribes and bounces that came back), then the send starts…
send-mailbox-unread = The mailbox could not be read just before this send, so unsubscribe requests and bounces that came back since its last reading are not applied yet. Send anyway, or not now (and check the mailbox settings)?
send-mailbox-unread-send = Send anyway
send-confirm-no = Not yet
send-button = Send to { $count ->
    [one] one person
   *[other] { $count } people
  }
send-progress-label = Progress of the send
send-progress = { $done } of { $total } done: { $sent } sent, { $failed } failed.
send-progress-outbox = { $done } of { $total } done: { $sent } accepted by the server, { $outbox } written to the outbox folder, { $failed } failed.
send-outbox-note = Nobody received the messages written to the outbox folder. Set up a mail server in Settings to send for real.
send-destination-changed = This send started { $startedKind ->
        [outbox] in the outbox folder { $started }
       *[smtp] through the server { $started }
    }, but Settings now say { $settingsKind ->
        [outbox] the outbox folder { $settings }
       *[smtp] the server { $settings }
    }. Which way should it go on?{ $settingsKind ->
        [outbox] { " " }Nobody receives what goes to the outbox folder.
       *[smtp] { "" }
    }
send-resume-started = Go on as it started ({ $started })
send-resume-settings = Go on with the new settings ({ $settings })
send-unreachable = The server cannot be reached ({ $reply }); Tandem keeps trying.
send-pause = Pause
send-cancel = Cancel the send
send-ending-finished = The send is complete.
send-ending-paused = The send is paused. Nobody will get it twice when you resume.
send-ending-cancelled = The send was cancelled. The ledger shows who received it.
send-ending-unreachable = The server stayed unreachable ({ $reply }). Resume when it is back: nobody will get it twice.
send-ending-refused = The server refused the connection: { $reply }. Check Settings, then resume.
ledger-title = Who received what
ledger-run = Send
ledger-run-test = Test { $id } of no. { $number } ({ $date })
ledger-run-option = Send { $id } of no. { $number } ({ $date }): { $sent } of { $total }
ledger-run-option-outbox = Send { $id } of no. { $number } ({ $date }): { $outbox } of { $total } in the outbox folder
ledger-filter = Show
ledger-all = Everyone
ledger-status-pending = Waiting
ledger-status-sent = Accepted by the server
ledger-status-outbox = In the outbox folder (received by nobody)
ledger-status-failed = Failed
ledger-retry-failed = Retry the failed ones
ledger-edition = Edition
ledger-attempts = Attempts
ledger-reply = Server's reply
ledger-more = { $count } more rows: filter to see them.
send-check-time-short = With your provider's limits, sending takes less than a minute.
send-check-already-sent = This issue was already sent on { $date } to { $count } people: sending it again reaches them a second time.
send-confirm-again = This issue was already sent. Send it again to { $count ->
    [one] one person
   *[other] { $count } people
  }?
send-interrupted-open = Open Send to resume it
import-drop = Or drop the file here.
import-busy-reading = Reading the file and checking every row…
import-busy-importing = Writing the contacts…
contacts-more = More…
bulk-title = Action on several contacts
bulk-select = Select
bulk-select-one = Select { $email }
bulk-selected = { $count ->
    [one] One contact selected
   *[other] { $count } contacts selected
  }
bulk-select-all = Select all { $count } matches
bulk-list-name = List name
bulk-add-to-list = Add to list
bulk-set-language = Set language…
bulk-erase-confirm = Erase { $count } contacts for good
bulk-clear = Clear selection
bulk-done = { $count ->
    [one] One contact changed.
   *[other] { $count } contacts changed.
  }
ledger-export = Save the ledger (CSV)…
ledger-saved = Saved: { $path }
smtp-greeting = Open each message with the reader's name ("Bonjour Anne," / "Beste Anne,"; without a name: "Bonjour," / "Beste lezer,")
error-import-spreadsheet = This workbook cannot be read (it may be damaged or protected by a password). Open it in your spreadsheet program and save it again, or save it as CSV.
error-import-too-large = This file is too large to be a contacts list (over 64 MB, or a workbook that unzips to more than that). Check that you chose the right file; if it is your contacts list, save only the columns you need, or split it into several files.
error-import-too-many-rows = This file has more than 200,000 rows. Split it into several files and import them one after the other.
encoding-spreadsheet = a workbook (first sheet)
import-detected-spreadsheet = Read the first sheet of the workbook: { $rows } rows.
smtp-unsaved = Changes not saved yet.
contacts-export = Export (CSV for Excel)…
contacts-exported = { $count } contacts saved in { $path }

## Signing in with Microsoft 365 or Google (OAuth)
oauth-page-title = Tandem
oauth-page-done = You are signed in. You can close this tab and go back to Tandem.
oauth-page-wrong-state = This answer does not belong to the sign-in Tandem started. Nothing was done. Go back to Tandem and start the sign-in again if it is still waiting.
oauth-page-failed = The sign-in did not succeed ({ $reason }). Go back to Tandem: it says what to do.
oauth-error-config = The sign-in cannot start: { $detail }. Check the client ID (and the tenant) in Settings.
oauth-error-unreachable = The sign-in server cannot be reached ({ $detail }). Check the internet connection, then try again.
oauth-error-sign-in-again = Your sign-in has expired or was withdrawn. Sign in again in Settings; then the send can continue where it stopped.
oauth-error-state = The browser's answer did not belong to this sign-in and was refused. Start the sign-in again.
oauth-error-cancelled = The sign-in was cancelled.
oauth-error-timed-out = The sign-in was not completed in time. Start it again and finish it in the browser.
oauth-error-consent = Your organisation has not yet allowed Tandem to send mail on your behalf (consent needed, { $detail }). Ask your Microsoft 365 administrator to grant admin consent to your app registration (see the guide), then sign in again.
oauth-error-conditional-access = Your organisation requires an extra check (multi-factor sign-in or an access rule, { $detail }). Sign in in the browser and complete the check; if it is refused, ask your administrator.
oauth-error-client = The client ID or the tenant is not right ({ $detail }). Copy the Application (client) ID of your organisation's app registration into Settings and check the tenant.
oauth-error-admin-policy = Your organisation's administrator does not allow this app ({ $detail }). Ask them to allow your app registration for the mailbox.
oauth-error-denied = The sign-in was refused in the browser ({ $detail }). Sign in again and accept the permissions Tandem asks for.
oauth-error-refused = The sign-in server refused: { $detail }.
smtp-refused-basic-auth-off = The server no longer accepts passwords (basic authentication is turned off). Choose Microsoft 365 or Google in Settings and sign in instead. Server's reply: { $reply }
smtp-refused-smtp-auth-disabled = Sending with a mail program (SMTP AUTH) is turned off for this mailbox. Your Microsoft 365 administrator must turn on "Authenticated SMTP" for it (see the guide). Server's reply: { $reply }
smtp-refused-authentication = The server did not accept the login. Check the user name and password, or sign in again. Server's reply: { $reply }
send-ending-signin = The send is paused: sign in again to continue. Nobody will get it twice when you resume.
error-oauth-not-signed-in = The mail server takes a sign-in as { $account }, and nobody is signed in as { $account } on this computer. Sign in in Settings, then try again.
oauth-title = Sign-in
oauth-help-microsoft = Microsoft 365 no longer accepts passwords from mail programs: sign in instead. Your organisation registers Tandem once in Microsoft Entra (see the guide "Sign in with Microsoft 365 or Google") and enters its client ID here.
oauth-help-google = Google no longer accepts account passwords from mail programs: sign in instead. Your organisation creates a desktop OAuth client once in Google Cloud (see the guide) and enters its client ID and secret here.
oauth-help-builtin = Click the button and sign in with your organisation's account in the browser: nothing else to fill in.
oauth-own-registration = Advanced: your organisation's own app registration
oauth-own-registration-help = Leave empty to sign in through Tandem's own registration. Fill in only if your organisation prefers its own (see the guide "Sign in with Microsoft 365 or Google").
oauth-client-id = Client ID
oauth-client-id-help-microsoft = The "Application (client) ID" of your organisation's app registration.
oauth-client-id-help-google = The client ID of your organisation's desktop OAuth client.
oauth-tenant = Tenant
oauth-client-secret = Client secret
oauth-sign-in-microsoft = Sign in with Microsoft
oauth-sign-in-google = Sign in with Google
oauth-sign-in-device = Sign in with a code instead
oauth-sign-out = Sign out
oauth-signed-in = Signed in as { $account } (since { $date }).
oauth-waiting-browser = Finish signing in in your browser. If it did not open, copy this address into it:
oauth-waiting-device = On any device, open { $uri } and enter this code:
oauth-address = Address to open
oauth-copy = Copy
oauth-copied = Copied
oauth-cancel = Cancel
oauth-no-keychain = This computer has no keychain to keep the sign-in safe. Tandem can keep it in a file of its data folder that only your user account can read.
oauth-no-keychain-cancel = Do not sign in now
oauth-use-password = Use a password instead (app password)
oauth-use-sign-in = Sign in instead of a password

## Updates
update-check = Check for updates
update-checking = Checking…
update-daily = Check once a day when Tandem starts
update-last-checked = Last checked on { $date }.
update-none = Tandem { $version } is the newest version.
update-found = Tandem { $version } is available.
update-open-settings = See in Settings
update-download = Download and check it
update-downloading = Downloading…
update-verified = Downloaded; its signature is that of Tandem's publisher.
update-install = Install and restart Tandem
update-error-no-feed = This installation has no update address. Your IT contact installs new versions.
update-error-feed = The update address cannot be reached or did not answer as expected ({ $detail }). Tandem goes on as it is; try again later.
update-error-signature = The downloaded update is not signed by Tandem's publisher: it was refused and nothing was installed. Tell whoever publishes Tandem for your organisation. ({ $detail })
update-error-platform = There is no update for this kind of computer in the latest version.
update-error-install = The update could not be installed ({ $detail }). Tandem goes on as it is.
update-error-none = Check for updates first.
send-sign-in-again = Sign in again (Settings)

## Mailbox: unsubscribe requests and bounces read back (IMAP)
mailbox-settings-title = Sending mailbox (IMAP)
mailbox-settings-help = Tandem reads unsubscribe requests and delivery failure notices (addresses that no longer exist) here, so those people get no more mail. What it handled goes to a "Tandem" folder; nothing is deleted. Tandem reads only mail that arrived from the day before its first send onwards; older mail is left as it is.
mailbox-host = IMAP server
mailbox-security-tls = TLS (port 993)
mailbox-security-starttls = STARTTLS (port 143)
mailbox-password-same = The same as for sending
mailbox-use-sign-in = Use the Microsoft 365 / Google sign-in (no password)
mailbox-automatic = Check when Tandem starts and before each send
mailbox-folder = Folder to read
mailbox-folder-help = INBOX unless a rule of the mailbox files bounces and replies elsewhere (then that folder's name, as the mail program shows it).
mailbox-turn-off = Stop reading the mailbox
mailbox-saved = Saved.
mailbox-test-ok = Connected: { $count } message(s) in { $folder ->
        [INBOX] the inbox
       *[other] the folder "{ $folder }"
    }.
mailbox-title = Unsubscribes and bounces
mailbox-not-set = The mailbox is not read: unsubscribe e-mails and failing addresses must be handled by hand. Set it up in Settings → Sending mailbox.
mailbox-check = Check the mailbox
mailbox-checking = Checking…
mailbox-nothing-new = Nothing new in the mailbox.
mailbox-summary = { $parts }.
mailbox-summary-unsubscribed = { $count } unsubscribed at their request
mailbox-summary-bounced = { $count ->
    [one] 1 address bounced
   *[other] { $count } addresses bounced
}
mailbox-summary-soft = { $count ->
    [one] 1 temporary failure
   *[other] { $count } temporary failures
}
mailbox-summary-confirm = { $count } to confirm
mailbox-summary-left = { $count ->
    [one] 1 message left for you
   *[other] { $count } messages left for you
}
mailbox-summary-read = { $count ->
    [one] 1 message read, nothing to do.
   *[other] { $count } messages read, nothing to do.
}
mailbox-to-confirm-title = To confirm: these people seem to ask to unsubscribe
mailbox-confirm = Unsubscribe
mailbox-dismiss = Keep subscribed
mailbox-recent-title = Latest actions
mailbox-kind-unsubscribed = Unsubscribed at their request
mailbox-kind-bounced = Address bounced
mailbox-kind-soft_bounce = Temporary failure
mailbox-kind-to_confirm = Unsubscribe request
mailbox-confirmed = (unsubscribed after confirmation)
mailbox-undone = (undone)
mailbox-dismissed = (kept subscribed)
mailbox-undo = Undo
mailbox-undo-unsubscribe-warning = { $email } asked to stop receiving the newsletter. Subscribe them again only if they have asked you to since.
mailbox-undo-bounce-warning = The server of { $email } refused the newsletter. Turn this address back on only if you know it works again.
mailbox-undo-yes = Yes, undo
mailbox-undo-no = No
mailbox-error-settings = The mailbox is not set up correctly: check the server, port and user name in Settings.
mailbox-error-unreachable = The mailbox server does not answer. Check the Internet connection and the server name, then try again.
mailbox-error-lost = The connection to the mailbox server was cut during the check. What was already read is kept: check the mailbox again to finish.
mailbox-error-certificate = The mailbox server's certificate is not recognised. Ask your IT contact for the certificate authority file.
mailbox-error-login = The server refused the login: check the user name and password (or sign in again).
mailbox-error-sign-in = The Microsoft 365 / Google sign-in has expired or does not allow reading the mailbox: sign in again in Settings.
mailbox-error-folder = The mailbox has no folder by that name: check "Folder to read" in Settings → Sending mailbox (INBOX when in doubt).
mailbox-error-refused = The mailbox server refused. Try again later; if it goes on, show this message to your IT contact.
mailbox-error-store = Tandem's database could not be read or written. Nothing was changed; try again.
ledger-bounced-hard = Bounced later: address failed { $code }
ledger-bounced-soft = Bounced later: temporary failure { $code }
status-reason-email_request = at their request, by e-mail
status-reason-bounce = address bounced
status-reason-soft_bounces = three temporary failures in a row
status-reason-short-email_request = asked by e-mail
status-reason-short-bounce = address bounced
status-reason-short-soft_bounces = 3 temporary failures

## Translation drafts
translate-error-key = The translation service refuses the key: check it in Settings → Translation.
translate-error-quota = This month's translation quota is used up. The block is as it was; translate it yourself or wait for next month.
translate-error-too-many = The translation service asks to slow down. The block is as it was; try again in a minute.
translate-error-too-long = This text is too long for the translation service, even one paragraph at a time. The block is as it was; split it into two blocks.
translate-error-unreachable = The translation service does not answer (Internet connection?). The block is as it was; try again later.
translate-error-service = The translation service answered with an error. The block is as it was; try again later.
translate-error-not-configured = No translation service is set up: choose one in Settings → Translation.
translate-error-cancelled = Translation stopped: what was translated is kept, the rest is unchanged.
translate-settings-title = Translation (drafts)
translate-settings-help = A translation service can propose a first draft of a block's missing language. The draft stays marked "to reread" until a person has read it. Off until you choose one.
translate-service = Service
translate-service-off = None (off)
translate-key-deepl = DeepL API key
translate-key-libre = API key (optional)
translate-url-deepl = Address (optional, instead of DeepL's)
translate-url-libre = Address of the LibreTranslate server
translate-privacy-short = Only the newsletter's text goes to the service, never the contacts.
translate-usage = Characters used this month
translate-usage-figures = { $used } of { $limit } characters used this month.
translate-usage-none = This service gives no counter.
glossary-title = Glossary
glossary-help = The organisation's terms, always translated the same way (e.g. "tuteur" ⇄ "voogd"). A draft that does not follow them is flagged on its block.
glossary-remove = Remove
glossary-add = Add a term
glossary-save = Save the glossary
translate-working = Translating…
translate-from-fr = Translate from French
translate-from-nl = Translate from Dutch
translate-draft-mark = { $lang }: machine draft — to reread
translate-reread = Reread, OK
translate-again = New draft…
translate-again-from-fr = New Dutch draft from the French
translate-again-from-nl = New French draft from the Dutch
redraft-title = Replace the { $lang } text of this block with a new machine draft?
redraft-current = Text now
redraft-draft = New machine draft
redraft-accept = Replace with the draft
redraft-keep = Keep the text now
redraft-empty = (empty)
translate-error-changed = The block changed while the draft was shown, so nothing was replaced. Ask for a new draft if you still want one.
translate-error-edited = This text was edited while it was being translated, so your edit was kept and the draft left out. Translate it again if you still want a draft.
translate-flag = Glossary: "{ $term }" should be translated as "{ $expected }"; check this draft.
issue-machine-drafts = { $count ->
    [one] 1 machine draft to reread
   *[other] { $count } machine drafts to reread
}
translate-progress = Translating the missing sides
translate-progress-count = { $done } of { $total }
translate-stop = Stop
translate-all = Translate every missing side
translate-all-help = Fills each empty text from the other language; what someone wrote is never replaced.
translate-notice-deepl = The newsletter's text (never the contacts) will be sent to DeepL, in Germany, to be translated. Continue?
translate-notice-libretranslate = The newsletter's text (never the contacts) will be sent to the configured LibreTranslate server to be translated. Continue?
translate-notice-accept = Yes, translate
translate-notice-cancel = Cancel
send-check-machine-drafts = { $count ->
    [one] 1 text is a machine draft nobody has reread.
   *[other] { $count } texts are machine drafts nobody has reread.
}
glossary-import = Import a CSV (replaces the list)…
glossary-export = Export as CSV…
glossary-exported = Glossary saved in { $path }.
glossary-error-file = This file is not a readable glossary: one line per term, French;Dutch (or a header fr,nl). The glossary did not change.
glossary-error-one-column = Line { $line } of this file has one column only: write French;Dutch (or French,Dutch) on each line. The glossary did not change.
glossary-error-empty = This file holds no pair of terms: one line per term, French;Dutch. The glossary did not change.

## Settings → Backups
settings-backups-title = Backups
backups-help = Tandem backs itself up after each send, each import of contacts, when it closes, and every half hour while you work. Each backup is checked before it is kept. Keep a second copy elsewhere too: a OneDrive or Google Drive folder, or a USB stick.
backups-folder = Backups folder
backups-second = Second folder
backups-second-none = none chosen
backups-now = Back up now
backups-busy = Backing up…
backups-choose = Choose a second folder…
backups-forget = Stop copying there
backups-open-file = Open a backup file…
backups-none = No backup yet.
backups-row = { $issues ->
    [one] 1 issue
   *[other] { $issues } issues
  }, { $contacts ->
    [one] 1 contact
   *[other] { $contacts } contacts
  }, { $size }
backups-row-unreadable = cannot be read
backups-where-second = in the second folder
backups-restore = Restore…
restore-confirm-title = Restore the backup of { $date }?
restore-confirm-title-file = Restore this backup file?
restore-brings-back = It brings back { $issues ->
    [one] 1 issue
   *[other] { $issues } issues
  } and { $contacts ->
    [one] 1 contact
   *[other] { $contacts } contacts
  } as they were then.
restore-replaces = It replaces what Tandem holds now. A backup of the current state is made first, so this restore can be undone.
restore-keeps-stopped = { $count ->
    [one] 1 person who unsubscribed or whose address bounced since then stays that way.
   *[other] { $count } people who unsubscribed or whose address bounced since then stay that way.
  }
restore-erased-again = { $count ->
    [one] 1 person erased since then is erased again: they are not brought back.
   *[other] { $count } people erased since then are erased again: they are not brought back.
  }
restore-ledger-current = The record of sends stays today's, so nobody receives an issue twice; a send that was under way comes back paused.
restore-ledger-backup = The current record of sends cannot be read: the backup's is used, and a send that was under way comes back paused. Check the ledger before you resume it.
restore-do = Restore
restore-busy = Restoring…
restore-cancel = Not now
restore-done = The backup was restored.
restore-undo-hint = The state it replaced was backed up first: { $path }
error-backup-folder = Tandem cannot write to the backups folder. Check that the disk or USB stick is connected and not full, or choose another folder.
error-backup-unverified = This backup failed its check and cannot be used. Choose an older backup.
error-backup-unreadable = This file cannot be read as a Tandem backup. Choose another file.
error-backup-send-running = A send is under way. Pause it or let it finish, then restore.
recovery-title = Tandem's data file was damaged.
recovery-moved = It was put aside as it was, and nothing was written to it: { $path }. Tandem started a new file.
recovery-offer = The newest backup that passes its check is from { $date } ({ $contacts } contacts). Restore it to go on from there; anything done after it must be done again.
recovery-no-backup = No backup passes its check in the backups folder. Open a backup file from elsewhere (a second folder, a USB stick), or start with an empty file.
recovery-restore = Restore this backup
recovery-start-empty = Start with an empty file
welcome-first-start = Welcome to Tandem. It opened with a sample issue to look at. Moving from another computer? Open a backup made there.
welcome-sample = Start with the sample issue
restore-enter-again = The restored data came from another computer. Enter these again in Settings:
restore-again-smtp-password = the sending password (it stays in each computer's keychain)
restore-again-smtp-ca = the sending server's certificate file (its path is not on this computer)
restore-again-imap-ca = the mailbox server's certificate file (its path is not on this computer)
restore-again-sign-in = the sign-in with Microsoft 365 or Google (sign in again)
erase-backups-note = Erasing removes the person from this file, from the record of sends and from the mailbox log, for good: only a fingerprint of the address stays, so that no import adds them back. Backups made before keep them until Tandem removes those backups as newer ones replace them (the last, a monthly one, about 15 months later). A restore never brings an erased person back.
placement-synced = Tandem's data folder is inside { $service } ({ $root }). The sync can copy the database while Tandem writes to it, and damage it. Keep the data folder on this computer's own disk, and let { $service } hold the backups instead: finished files are safe there.
placement-network = Tandem's data folder is on a network drive ({ $fs }). The database can be damaged there when the connection drops or another computer opens it. Keep the data folder on this computer's own disk, and put a copy of the backups on the network drive instead.
placement-fuse = Tandem's data folder is on a drive mounted by a program ({ $fs }), usually a network or cloud drive. The database can be damaged there. Keep the data folder on this computer's own disk, and put a copy of the backups there instead.
placement-use-for-backups = Put a copy of the backups in { $service }
error-backup-passphrase-needed = This backup is protected by a passphrase. Enter it in Settings → Backups, then try again.
error-backup-passphrase-wrong = This passphrase does not open the backup. Nothing was changed; check the passphrase and try again.
backups-passphrase = Passphrase for the backups (optional)
backups-passphrase-off = Backups are not encrypted. With a passphrase, nobody can read a backup without it (a lost USB stick, a shared cloud folder). Keep it somewhere safe outside Tandem: without it, an encrypted backup cannot be restored.
backups-passphrase-on = New backups are encrypted with the passphrase kept on this computer (in its keychain, or the private file you allowed). Keep it somewhere safe outside Tandem too: a new computer needs it to restore them.
backups-passphrase-save = Save the passphrase
backups-passphrase-remove = Stop encrypting
backups-passphrase-saved = Saved. The next backups use it.
backups-encrypted = encrypted
backups-no-keychain = This computer has no keychain. Keep the passphrase in a file of the data folder that only your account can read?

## Settings → Data folder
data-folder-title = Data folder
data-folder-help = Tandem keeps its database, its backups and the outbox here. You can move them to another folder on this computer: Tandem copies everything, checks the copy, and only then removes the old files.
data-folder-move-advice = Move the data folder to this computer's own disk.
data-folder-move-local = Move to this computer's own folder
data-folder-local-is = This computer's own folder: { $path }
data-folder-move-pick = Move to another folder…
data-folder-confirm-title = Move Tandem's data to this folder?
data-folder-confirm-what = Tandem copies the database, the backups and the outbox there, checks the copy, and then removes the old files. A note in the old place leads Tandem to the new folder. Nothing else may use Tandem meanwhile.
data-folder-do = Move the data
data-folder-busy = Moving…
data-folder-moved = The data was moved. The old folder was { $from }.
data-folder-target-synced = This folder is inside { $service }. A database kept there can be damaged by the sync. Choose a folder on this computer's own disk.
data-folder-target-network = This folder is on a network drive ({ $fs }). A database kept there can be damaged. Choose a folder on this computer's own disk.
data-folder-target-fuse = This folder is on a drive mounted by a program ({ $fs }). A database kept there can be damaged. Choose a folder on this computer's own disk.
error-move-has-database = That folder already holds a Tandem database. Choose an empty folder, or move that database away first.
error-move-not-a-folder = That is a file, not a folder. Choose a folder.
error-move-nested = Choose a folder outside Tandem's current data folder (and not one that contains it).
error-move-send-running = A send is under way. Pause it or let it finish, then move the data folder.
restore-passphrase-label = Passphrase of this backup
restore-passphrase-help = This backup is protected by a passphrase (the one set in Tandem on the computer that made it). Type it to open the backup; nothing is changed before you confirm.
restore-passphrase-open = Open the backup

## Deliverability: the sender's domain
deliv-sender-public = { $domain } is a public mailbox provider. A newsletter sent "from" such an address through another server fails that provider's own checks and is treated as suspicious or refused. Send from an address of the organisation's own domain (ask whoever runs the website's domain), with Microsoft 365, Google Workspace or your host's server.
deliv-mx-ok = The domain receives mail ({ $hosts }): replies and bounces can come back.
deliv-mx-none = The domain has no MX record: replies and bounces cannot come back, and some providers distrust such senders. Ask whoever runs the domain to add the MX records of your mail provider.
deliv-mx-none-no-host = The domain { $domain } has no MX record and no address: providers refuse mail from a domain that does not exist in DNS. Check the sender address.
deliv-spf-missing = The domain publishes no SPF record, so nothing says which servers may send its mail: Gmail, Yahoo and Outlook.com send such mail to spam or refuse it. Give whoever runs the domain the record below.
deliv-spf-multiple = The domain publishes { $count } SPF records. Receivers then treat SPF as broken (RFC 7208 allows one). Merge them into one record.
deliv-spf-too-many-lookups = The SPF record needs { $count } DNS lookups once its includes are followed; receivers stop at 10 and treat SPF as broken. Remove includes of services that no longer send for you, or replace them with their IP ranges.
deliv-spf-broken-include = The SPF record includes { $target }, which publishes no single SPF record: receivers treat SPF as broken. Remove or correct that include.
deliv-spf-provider-missing = The SPF record does not authorise { $provider } (include:{ $include }), so your newsletter fails SPF. Replace the record with the one below.
deliv-spf-plus-all = The SPF record ends in "+all": it authorises every server in the world to send as you, which providers treat as no protection at all. End it with "~all" instead.
deliv-spf-neutral = The SPF record does not end in "~all" or "-all", so it protects nothing against senders it does not list. End it with "~all".
deliv-spf-ok = SPF is in place and authorises your provider ({ $lookups } DNS lookups of the 10 allowed).
deliv-dkim-ok = A DKIM key is published (selector { $selectors }): messages can be signed for the domain.
deliv-dkim-revoked = The DKIM key of selector { $selector } is revoked (empty). If your provider still signs with it, its signatures fail.
deliv-dkim-missing-microsoft = No DKIM key is published for Microsoft 365 (selector1 and selector2). Ask your Microsoft 365 administrator to turn on DKIM for { $domain } in Microsoft Defender (Email authentication settings → DKIM): it shows the two CNAME records to add to the domain.
deliv-dkim-missing-google = No DKIM key is published for Google Workspace (selector "google"). Ask your Google Workspace administrator to generate a DKIM key for { $domain } (Admin console → Apps → Gmail → Authenticate email) and publish the TXT record it shows.
deliv-dkim-missing-custom = No DKIM key was found under the usual selectors. Your mail server may sign with a selector of its own: send a test message to your mailbox to see which one, or ask your host whether it signs mail for { $domain }.
deliv-dmarc-missing = The domain publishes no DMARC policy. Gmail, Yahoo and Outlook.com ask it of every sender of newsletters. Start with the record below (it changes nothing for delivery and sends you reports).
deliv-dmarc-multiple = The domain publishes { $count } DMARC records; receivers then ignore DMARC. Keep one.
deliv-dmarc-no-alignment = DMARC says "{ $policy }", but neither SPF nor DKIM can pass for this domain with your provider: receivers will { $policy ->
    [reject] refuse
   *[other] send to spam
} your newsletter. Fix SPF or DKIM above first.
deliv-dmarc-ok = DMARC is in place (policy "{ $policy }") and your provider can pass it.
deliv-dmarc-none = DMARC is in place with policy "none": receivers report but do not act. Once the reports show that all your mail passes, move to "p=quarantine".
deliv-dmarc-none-unaligned = DMARC is in place with policy "none", but neither SPF nor DKIM can pass for this domain with your provider yet: fix them above, or providers will distrust your newsletter.
deliv-dmarc-invalid = The DMARC record has no valid policy (p=none, quarantine or reject); receivers ignore it.
error-deliv-address = This is not an e-mail address. Check the sender address.
error-deliv-dns = The domain could not be looked up (no answer from DNS). Check the internet connection and try again.

## Deliverability: links and content
deliv-link-ok = The link works.
deliv-link-redirected = The link works; it leads on to { $target }.
deliv-link-login = The link leads to a login page ({ $target }): readers without an account will not see the page. Link to a public page instead.
deliv-link-other-site = The link leads to another site ({ $target }). Check that this is the page you meant, and link to it directly.
deliv-link-status = The page answers with error { $status }: readers will find { $status ->
    [404] a page that does not exist
    [410] a page that was removed
   *[other] an error
}. Correct the link.
deliv-link-loop = The link goes round in circles (its redirects come back to where they started): no reader reaches a page. Correct the link.
deliv-link-too-many-redirects = The link is sent on more than { $count } times: browsers and mail services give up. Link to the final page directly.
deliv-link-unknown-host = The website { $host } does not exist (its name is not found). Check the spelling of the link.
deliv-link-tls = The website { $host } has a certificate that browsers do not trust: readers get a security warning. Ask the site's owner, or link to another page.
deliv-link-timeout = The website did not answer within { $seconds } seconds. Try again later; if it stays silent, link to another page.
deliv-link-unreachable = The website { $host } cannot be reached. Check the link, or try again later.
deliv-link-malformed = This is not a web link Tandem can check. Correct the address (it should start with https://).
deliv-link-mailto = The e-mail link is well formed.
deliv-link-mailto-bad = The e-mail link does not hold a valid address. Correct it.
deliv-link-tel = The telephone link is well formed.
deliv-link-tel-bad = The telephone link does not hold a telephone number. Correct it.
deliv-alt-missing = The image of block { $block } has no description in { $lang ->
    [fr] French
   *[nl] Dutch
}: readers whose mail hides images, and blind readers, get nothing. Add one.
deliv-subject-long = The { $lang ->
    [fr] French
   *[nl] Dutch
} subject has { $count } characters: phones show about { $max }. Put what matters first, or shorten it.
deliv-preheader-empty = The { $lang ->
    [fr] French
   *[nl] Dutch
} preview text is empty: inboxes then show the first words of the message instead. Write one line that makes people open it.
deliv-size-ok = The { $edition ->
    [fr] French
    [nl] Dutch
   *[bilingual] bilingual
} edition weighs { $kb } KB: Gmail shows it whole.
deliv-size-clipped = The { $edition ->
    [fr] French
    [nl] Dutch
   *[bilingual] bilingual
} edition weighs { $kb } KB: Gmail cuts messages over 102 KB and hides the rest, the unsubscribe link included. Shorten it or split it.
deliv-domain-unchecked = The sender's domain could not be checked ({ $reason }). The rest was checked.
deliv-record-at = To publish at { $name }:
deliv-link-chain = Redirects: { $chain }
deliv-links-ok = { $count ->
    [one] 1 link works
   *[other] { $count } links work
}
send-deliverability-title = Will it arrive?
send-deliverability-busy = Checking the sender's domain and every link…
send-deliverability-summary = { $blocking ->
    [0] Nothing blocks the newsletter;
    [one] 1 problem can stop the newsletter;
   *[other] { $blocking } problems can stop the newsletter;
} { $improve ->
    [0] nothing to improve.
    [one] 1 thing to improve.
   *[other] { $improve } things to improve.
}
send-deliverability-all-good = The sender's domain, every link and the content are in order.
send-deliverability-again = Check again now
send-confirm-blocking = { $count ->
    [one] 1 problem listed under "Will it arrive?" can stop this newsletter.
   *[other] { $count } problems listed under "Will it arrive?" can stop this newsletter.
} Send anyway only if you know why.
sending-domain-title = Sending domain
sending-domain-help = Gmail, Yahoo and Outlook.com send mail from a domain without SPF, DKIM and DMARC to spam, or refuse it. Check what your domain publishes; Tandem gives the exact record to hand to whoever runs it.
sending-domain-from = Sender address
sending-domain-from-placeholder = the address in the sending settings
sending-domain-provider = Sent with
sending-domain-provider-saved = as in the sending settings
sending-domain-check = Check the domain
sending-domain-busy = Checking…
sending-domain-result = What { $domain } publishes:
send-bounce-rate = { $bounced } of the { $sent } messages accepted came back as undeliverable ({ $percent } %): below the 2 % at which Gmail, Yahoo and Outlook.com start to distrust a sender.
send-bounce-rate-high = { $bounced } of the { $sent } messages accepted came back as undeliverable ({ $percent } %): above the 2 % at which Gmail, Yahoo and Outlook.com start to send a sender's mail to spam. Tandem no longer sends to those addresses. Before the next issue, check where this list's addresses come from, and remove the ones nobody has confirmed for years.
deliv-arrival-inbox = The test message arrived in the inbox ({ $folder }).
deliv-arrival-junk = The test message landed in the junk folder ({ $folder }): your readers' newsletters will too. Fix what is marked below first.
deliv-received = The receiving side says { $method }={ $result }{ $result ->
    [pass] .
    [none] : it found nothing to check. See the sending domain's findings.
   *[other] : see the sending domain's findings for what to fix.
}
deliv-received-unknown = The receiving side wrote no { $method } result on the message.
deliv-scl-ok = Microsoft's spam confidence level is { $scl }: not spam.
deliv-scl-spam = Microsoft's spam confidence level is { $scl }: Outlook and Microsoft 365 treat the message as spam.
deliv-received-size = The message as received weighs { $kb } KB.
deliv-arrival-missing = The test message has not arrived in { $address } after { $seconds } seconds, neither in the inbox nor in the junk folder. It may be held back or refused: check again in a few minutes, and look at the sending domain's findings.
deliv-arrival-not-sent = The test message was not accepted by the sending server, so it cannot be looked for. Check the sending settings and send it again.
send-roundtrip-title = How does it really arrive?
send-roundtrip-help = Tandem sends one test message of the chosen edition to { $email }, finds it in the inbox or the junk folder, and reads what the receiving side said about it. Then it files it in the Tandem folder; nothing else in the mailbox is read or moved.
send-roundtrip-button = Send a test to my mailbox and check it
send-roundtrip-sending = Sending the test message…
send-roundtrip-looking = Looking for the test message in the mailbox (up to a minute)…
send-roundtrip-off = Set the mailbox in Settings (Sending mailbox) to check how a test message arrives.
deliv-dkim-verify = Tandem's own check of the DKIM signature of { $domain } (selector { $selector }) against the key in DNS: { $result ->
    [pass] it verifies.
    [fail] it does not verify: the message was changed after signing, or the key in DNS is not the one it was signed with.
   *[other] { $result }. Check that the key is published at { $selector }._domainkey.{ $domain }.
}
deliv-dkim-verify-unsigned = The test message arrived without any DKIM signature: providers trust unsigned newsletters less. Turn DKIM signing on with your provider (see the sending domain's findings).
deliv-dkim-verify-error = Tandem could not check the DKIM signature itself ({ $reason }).
error-issue-sent-kept = This issue was sent: it stays, so that its ledger says who received it. Start a new issue from it instead.
composer-new-from = New issue from this one
composer-delete-issue = Delete this issue
composer-delete-confirm = Delete issue no. { $number } with its blocks and images? This cannot be undone (the backups keep it).
composer-delete-yes = Delete
crash-title = Tandem closed unexpectedly last time. Nothing you saved is lost. If it happens again, copy the report and send it to whoever helps you with Tandem: it holds no address, name or password.
crash-show = Show the report
crash-copy = Copy the report
crash-copied = Copied.

## Diagnostic report (Settings → About, `tandem doctor`)
doctor-button = Copy a diagnostic report
doctor-intro = The report below is what Tandem knows about this installation, for whoever helps you. It holds no address, name, password or key. Tandem is now testing the connections set up in Settings.
doctor-running = Testing the connections…
doctor-copy = Copy the report
doctor-copied = Copied. Paste it into a message to whoever helps you.
doctor-close = Close
doctor-line = { $label }: { $value }
doctor-heading = Tandem — diagnostic report
doctor-section-about = This installation
doctor-section-counts = What the file holds
doctor-section-settings = Settings (without secrets)
doctor-section-checks = Connection tests
doctor-section-log = Last lines of the log
doctor-version = Version
doctor-system = System
doctor-webview = Web view
doctor-data-folder = Data folder
doctor-database = Database file
doctor-schema = Database schema
doctor-keychain = System keychain available
doctor-issues = Issues
doctor-contacts = Contacts
doctor-contacts-by-status = Contacts by status
doctor-sends = Sends
doctor-database-size = Database size
doctor-backups = Backups (newest)
doctor-smtp = Sending server
doctor-smtp-pace = Pace
doctor-smtp-trust = Certificates trusted
doctor-imap = Mailbox read back
doctor-sign-in = Sign-in
doctor-translation = Translation service
doctor-backup-settings = Backups
doctor-check-smtp = Sending server (SMTP)
doctor-check-imap = Mailbox (IMAP)
doctor-check-sign-in = Sign-in token renewal
doctor-check-translation = Translation service
doctor-checks-skipped = Not run (offline)
doctor-yes = yes
doctor-no = no
doctor-status-ok = works
doctor-status-failed = does not work
doctor-status-not-set = not set up
doctor-status-count = { $status ->
    [subscribed] subscribed
    [unsubscribed] unsubscribed
    [bounced] bounced
   *[other] { $status }
  }: { $count }
doctor-kb = { $kb } KB
doctor-outbox = outbox (no server set)
doctor-smtp-value = { $host }:{ $port } { $security }, { $login ->
    [oauth] sign-in (XOAUTH2)
    [none] no login
   *[password] password login, password saved: { $saved ->
        [yes] yes
       *[no] no
    }
  }, preset: { $preset ->
    [custom] custom
   *[other] { $preset }
  }
doctor-smtp-pace-value = { $limits ->
    [none] no limit
   *[other] { $limits }
  }; { $concurrency } at once
doctor-trust-pinned = pinned certificate
doctor-trust-ca = extra certificate authority
doctor-trust-system = the system's
doctor-imap-value = { $host }:{ $port } { $security }, folder { $folder }, { $login ->
    [oauth] sign-in
   *[password] password
  }, automatic: { $automatic ->
    [yes] yes
   *[no] no
  }
doctor-sign-in-value = { $provider }, signed in { $when }, token kept in the { $kept ->
    [file] private file
   *[keychain] keychain
  }
doctor-translation-value = { $service }, key saved: { $saved ->
    [yes] yes
   *[no] no
  }
doctor-backup-settings-value = second folder: { $folder }, passphrase saved: { $passphrase ->
    [yes] yes
   *[no] no
  }
doctor-mailbox-messages = { $count ->
    [one] { $count } message in the folder
   *[other] { $count } messages in the folder
  }
doctor-token-renewed = token renewed
doctor-token-valid-until = token renewed, valid until { $until }
doctor-translation-answers = answers
doctor-translation-usage = answers; { $used } of { $limit } characters used
