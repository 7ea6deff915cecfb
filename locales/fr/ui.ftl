## Tandem — écrans de l'application (français).
## Chaque identifiant doit exister aussi dans en/ui.ftl et nl/ui.ftl (vérifié par les tests).

app-name = Tandem
app-tagline = Newsletter bilingue

skip-to-content = Aller au contenu
nav-label = Sections principales
nav-composer = Rédaction
nav-contacts = Contacts
nav-send = Envoi
nav-settings = Réglages

language-switch-label = Langue de l'interface
lang-fr = Français
lang-nl = Nederlands
lang-en = English

placeholder-badge = Bientôt
view-composer-title = Rédaction
view-contacts-title = Contacts
view-send-title = Envoi
view-send-intro = Envoyez un numéro par le serveur de messagerie de votre organisation, au rythme accepté par votre fournisseur, avec un registre de chaque destinataire : personne n'est oublié, personne ne le reçoit deux fois.
view-settings-title = Réglages

settings-language-title = Langue de l'interface
settings-language-help = S'applique immédiatement à tous les écrans et reste mémorisée sur cet ordinateur.
settings-about-title = À propos de cette installation
settings-version = Version
settings-data-folder = Dossier des données
settings-database = Fichier de la base de données
settings-schema = Version du schéma de la base

saving-language = Enregistrement…
error-title = Un problème est survenu
error-dismiss = Fermer
error-details = Détails techniques (pour votre responsable informatique)

## Erreurs. L'identifiant est le code d'erreur renvoyé ; dire ce qui s'est passé, puis quoi faire.
error-store-create-dir = Tandem ne peut pas créer son dossier de données. Vérifiez que votre compte utilisateur peut y écrire, ou contactez votre responsable informatique.
error-store-open = Tandem ne peut pas ouvrir sa base de données. Vérifiez que le disque est connecté et qu'il n'est pas plein, puis redémarrez Tandem.
error-store-not-a-database = Le fichier de la base de données est endommagé ou n'est pas une base Tandem. Restaurez-le depuis votre sauvegarde, ou déplacez-le pour que Tandem reparte d'une base vide.
error-store-too-new = Cette base de données a été créée par une version plus récente de Tandem (schéma { $found }, cette version connaît jusqu'au { $supported }). Installez la version plus récente ; vos données n'ont pas été modifiées.
error-store-migration = Tandem n'a pas pu mettre sa base de données à jour pour cette version. Vos données sont restées telles quelles ; redémarrez Tandem et, si cela se reproduit, transmettez le détail de l'erreur à votre responsable informatique.
error-store-internal = La base de données a renvoyé une erreur inattendue. Vos données n'ont pas été modifiées ; veuillez réessayer.
error-store-restoring = Une sauvegarde est en train d'être remise en place dans Tandem. Attendez quelques secondes, puis réessayez.
error-store-in-use = Tandem est ouvert (l'application, ou une commande dans un terminal). Fermez-le, puis réessayez.
error-unknown = Une erreur inattendue s'est produite. Veuillez réessayer ; si elle se reproduit, redémarrez Tandem.
error-issue-file-syntax = Ce fichier n'est pas un numéro exporté par Tandem (ou il est endommagé). Choisissez le fichier issue.json d'un numéro exporté.
error-issue-file-too-large = Ce fichier de numéro est trop volumineux (plus de 5 Mo de texte). Vérifiez que vous avez choisi un fichier de numéro exporté par Tandem.
error-issue-file-format = Ce numéro a été exporté par une autre version de Tandem. Mettez Tandem à jour, ou exportez à nouveau le numéro depuis votre version.
error-issue-invalid = Le numéro contient des liens ou des textes qui ne peuvent pas être envoyés tels quels. Corrigez les endroits indiqués ci-dessous, puis réessayez.
error-store-not-found = Cet élément n'existe plus ; il a peut-être été supprimé dans une autre fenêtre. Rechargez la liste.
error-image-file-too-large = Ce fichier image est trop lourd (plus de 40 Mo). Exportez une version plus petite depuis votre logiciel photo, puis réessayez.
error-image-unsupported = Ce fichier n'est pas une image utilisable par Tandem. Choisissez une image JPEG, PNG, WebP ou GIF.
error-image-too-many-pixels = Cette image est trop grande en pixels pour être utilisée en toute sécurité ({ $width }×{ $height }). Redimensionnez-la dans votre logiciel photo, puis réessayez.
error-image-corrupt = Cette image est endommagée ou incomplète et ne peut pas être lue. Ouvrez-la dans votre logiciel photo, enregistrez-la à nouveau, puis réessayez.

## Rédaction
composer-issue = Numéro
composer-issue-option = N° { $number } — { $subject }{ $status ->
    [sent] {" "}(envoyé)
   *[other] {""}
}
composer-new-issue = Nouveau numéro
composer-blocks = Blocs du numéro
composer-add-block = Ajouter un bloc
composer-add = Ajouter
save-saved = Toutes les modifications sont enregistrées
save-saving = Enregistrement…
save-error = Non enregistré — voir le message
issue-complete = Les deux langues sont complètes : ce numéro peut être envoyé.
issue-incomplete = { $count ->
    [1] Une partie n'est pas encore traduite : le numéro ne peut pas encore être envoyé.
   *[other] { $count } parties ne sont pas encore traduites : le numéro ne peut pas encore être envoyé.
}
block-article = Article
block-heading = Intertitre
block-image = Image
block-event = Événement
block-button = Appel à l'action
block-divider = Séparateur
block-languages = Langues de ce bloc
block-only-both = Français et néerlandais
block-only-fr = Français seulement
block-only-nl = Néerlandais seulement
block-move-up = Monter (Alt+↑)
block-move-down = Descendre (Alt+↓)
block-duplicate = Dupliquer
block-delete = Supprimer
status-complete = FR + NL complets
status-missing-fr = Français manquant
status-missing-nl = Néerlandais manquant
status-missing-both = À rédiger
missing-fr = Manque en français
missing-nl = Manque en néerlandais
field-number = Numéro
field-date = Date
field-time = Heure
date-placeholder = jj/mm/aaaa
time-placeholder = hh:mm
date-invalid = Date non comprise : écrivez jour/mois/année, par exemple 15/03/2027. La date enregistrée n'a pas changé.
time-invalid = Heure non comprise : écrivez-la sur 24 heures, par exemple 19:30. L'heure enregistrée n'a pas changé.
field-subject = Objet
field-preheader = Texte d'aperçu
field-text = Texte
field-title = Titre
field-body = Texte
field-starts = Date et heure
field-place = Lieu
field-label = Texte du bouton
field-url = Adresse web
field-alt = Description de l'image (pour les lecteurs aveugles)
field-caption = Légende
field-link-url = Lien (adresse web)
field-link-label = Texte du lien
field-src = Fichier image
field-image-src = Fichier image
field-image-alt = Description de l'image
image-none = Aucune image choisie.
problem-unsafe-link = { $field } : « { $url } » n'est pas autorisé. Utilisez une adresse web commençant par https:// (ou mailto: pour une adresse e-mail).
problem-line-break = { $field } : doit tenir sur une ligne.
problem-missing = { $field } : texte manquant.
problem-required = { $field } : obligatoire.
problem-bad-image-path = { $field } : cette image ne fait pas partie du numéro.
problem-too-long = { $field }{ "\u00A0" }: plus de { $max } caractères. Raccourcissez le texte (ou publiez-le en entier sur votre site et faites-y un lien).
problem-too-many-blocks = Le numéro compte plus de { $max } blocs.
editor-toolbar = Mise en forme du texte
editor-bold = Gras
editor-italic = Italique
editor-link = Lien
editor-bullets = Liste à puces
editor-numbered = Liste numérotée
editor-link-url = Adresse du lien
editor-link-apply = Appliquer
editor-link-invalid = Utilisez une adresse web commençant par https:// ou une adresse e-mail commençant par mailto:
## Aperçu
preview-title = Aperçu
preview-edition = Édition
preview-width = Largeur
preview-theme = Couleurs
preview-desktop = Ordinateur
preview-phone = Téléphone
preview-light = Clair
preview-dark = Sombre
preview-size = { $kb } Ko sur { $limit } Ko (Gmail coupe les messages plus longs)
preview-frame = Aperçu de l'édition { $edition }
edition-fr = Français
edition-nl = Néerlandais
edition-bilingual = Bilingue
error-file-access = Tandem n'a pas pu lire ou écrire un fichier. Vérifiez que le dossier existe et que vous pouvez y écrire, puis réessayez.
error-image-missing = Une image utilisée par le numéro manque dans son dossier assets. Replacez l'image à côté de issue.json, puis importez à nouveau.
image-choose = Choisir une image…
image-drop = ou déposez-la ici
image-replace = Remplacer l'image
image-uploading = Préparation de l'image…
export-this-edition = Exporter cette édition :
export-archive = Page web…
export-eml = Fichier e-mail (.eml)…
export-done = Enregistré : { $path }
composer-undo = Annuler
composer-redo = Rétablir
composer-undo-hint = Annuler le dernier bloc ajouté, supprimé, dupliqué ou déplacé (Ctrl+Z hors d'un champ de texte)
error-import-empty = Ce fichier est vide. Choisissez le fichier exporté par votre tableur.
error-import-no-email-column = Aucune colonne de ce fichier ne contient d'adresses e-mail. Indiquez à Tandem quelle colonne les contient, ou ajoutez une colonne « Courriel ».
error-import-unreadable = Ce fichier ne peut pas être lu comme un tableau (CSV). Enregistrez-le depuis votre tableur au format « CSV » ou « Texte Unicode », puis réessayez.

## Contacts
import-open = Importer un fichier…
import-title = Importer des contacts
import-choose = Choisir un fichier…
import-formats = Un classeur Excel (.xlsx, .xls) ou OpenDocument (.ods), ou un CSV / « Texte Unicode » exporté depuis Excel, Outlook ou Google Contacts.
import-detected = Lu en { $encoding }, colonnes séparées par « { $delimiter } », { $rows } lignes.
encoding-utf8 = UTF-8
encoding-utf8-bom = UTF-8 (avec BOM)
encoding-utf16-le = Unicode (UTF-16 LE)
encoding-utf16-be = Unicode (UTF-16 BE)
encoding-windows1252 = Windows (Europe occidentale)
delimiter-tab = tabulation
import-ignore = (ignorer)
contact-field-email = Adresse e-mail
contact-field-first_name = Prénom
contact-field-last_name = Nom
contact-field-organisation = Organisation
contact-field-language = Langue
contact-field-lists = Listes
contact-field-notes = Notes
contact-field-consent_source = Source du consentement
contact-field-consent_date = Date du consentement
contact-field-status = Statut
contact-name = Nom
import-list = Ajouter tout le monde à la liste
import-default-language = Langue si aucune n'est indiquée
import-existing = Contacts déjà présents
import-skip = les laisser tels quels
import-update = les mettre à jour
import-counts = { $valid ->
    [0] Aucune ligne ne peut être importée
    [1] Une ligne peut être importée
   *[other] { $valid } lignes peuvent être importées
} ; { $problems ->
    [0] aucune ligne ne pose problème.
    [1] une ligne pose problème (listée ci-dessous, non importée).
   *[other] { $problems } lignes posent problème (listées ci-dessous, non importées).
}
import-first-rows = Premières lignes à importer
import-problems = Lignes qui ne seront pas importées
import-problem-row = Ligne { $line } ({ $email }) : { $reason }
reason-invalid-email = adresse e-mail non valide
reason-missing-email = pas d'adresse e-mail
reason-missing-language = pas de langue (choisissez une langue par défaut ci-dessus)
reason-duplicate-in-file = déjà plus haut dans ce fichier
reason-unsubscribed = désinscrit
reason-erased = effacé à sa demande : jamais réajouté
reason-malformed = la ligne ne peut pas être lue
reason-cell-too-long = une cellule est plus longue que ce que contient une liste de contacts (plus de 1 000 caractères ; notes : 5 000)
import-more-problems = … et { $count } autres lignes, non listées. Au total{ "\u00A0" }:
import-problem-count = { $reason }{ "\u00A0" }: { $count }
import-apply = { $count ->
    [0] Aucun contact à importer
    [one] Importer un contact
   *[other] Importer { $count } contacts
}
import-report = Terminé : { $imported } ajoutés, { $updated } mis à jour, { $unchanged } laissés tels quels, { $rejected } non importés.
contacts-counts = { $total } contacts : { $fr } en français, { $nl } en néerlandais, { $both } dans les deux langues ; { $subscribed } inscrits.
contacts-search = Rechercher par nom, adresse ou organisation
contacts-all-lists = Toutes les listes
contacts-all-languages = Toutes les langues
contacts-all-statuses = Tous les statuts
status-subscribed = Inscrit
status-unsubscribed = Désinscrit
status-bounced = Adresse en erreur
contacts-matches = { $count ->
    [0] Aucun affiché
    [1] 1 affiché
   *[other] { $count } affichés
}
contacts-actions = Actions
contacts-unsubscribe = Désinscrire
contacts-erase = Effacer…
contacts-erase-confirm = Effacer définitivement
error-contact-email-invalid = Cette adresse e-mail n'est pas valide (par exemple, il manque quelque chose après le @). Corrigez-la, puis enregistrez à nouveau.
error-contact-email-taken = Cette adresse e-mail appartient déjà à un autre contact. Recherchez-le et modifiez plutôt ce contact.
contacts-add = Ajouter un contact
contacts-edit = Modifier
contact-form-new = Nouveau contact
contact-form-edit = Modifier le contact
contact-save = Enregistrer
contact-cancel = Annuler
contact-lists-help = Listes, séparées par des virgules

## Envoi : réglages du serveur de messagerie
smtp-title = Serveur de messagerie (SMTP)
smtp-outbox-note = Aucun serveur de messagerie n'est configuré : les envois sont écrits sous forme de fichiers .eml dans { $folder }, pour tout essayer sans risque.
smtp-preset = Fournisseur
smtp-preset-microsoft365 = Microsoft 365
smtp-preset-google = Google Workspace
smtp-preset-ovh = OVH
smtp-preset-custom = Autre (à remplir vous-même)
smtp-host = Serveur
smtp-port = Port
smtp-security = Chiffrement
smtp-security-starttls = STARTTLS (port 587)
smtp-security-tls = TLS (port 465)
smtp-security-none = Aucun (cet ordinateur seulement)
smtp-username = Nom d'utilisateur
smtp-password = Mot de passe
smtp-password-saved = Enregistré — tapez pour le remplacer
smtp-password-help = Gardé dans le trousseau de votre ordinateur, jamais dans la base de données de Tandem.
smtp-from-name = Nom de l'expéditeur
smtp-from-address = Adresse de l'expéditeur
smtp-reply-to = Les réponses vont à (facultatif)
smtp-unsubscribe-url = Page de désinscription (facultatif)
smtp-limits = Limites d'envoi de votre fournisseur
smtp-limits-help = Tandem n'envoie jamais plus vite, même sur plusieurs envois et après un redémarrage.
smtp-limit-count = Nombre de messages
smtp-limit-unit = Période
smtp-per-min = par minute
smtp-per-hour = par heure
smtp-per-day = par 24 heures
smtp-limit-remove = Retirer
smtp-limit-add = Ajouter une limite
smtp-advanced = Avancé
smtp-ca-file = Autorité de certification supplémentaire (fichier PEM)
smtp-ca-file-help = Seulement si votre contact informatique vous en a donné une pour un serveur interne.
smtp-cert-title = Le certificat que présente ce serveur
smtp-cert-subject = Au nom de
smtp-cert-issuer = Émis par
smtp-cert-self-signed = lui-même (certificat auto-signé)
smtp-cert-validity = Valable
smtp-cert-dates = du { $from } au { $until }
smtp-cert-fingerprint = Empreinte SHA-256
smtp-cert-advice = Ne faites confiance à ce certificat que si la personne qui gère votre serveur vous confirme cette empreinte (par téléphone, par exemple). Tandem refusera ensuite tout autre certificat pour ce serveur.
smtp-cert-trust = Faire confiance à ce certificat pour ce serveur
smtp-cert-pinned = Certificat de confiance pour ce serveur : { $fingerprint }.
smtp-cert-forget = Ne plus lui faire confiance
smtp-cert-save-reminder = Enregistrez les réglages pour le garder.
smtp-concurrency = Connexions simultanées
smtp-no-keychain = Cet ordinateur n'a pas de trousseau pour garder le mot de passe en sécurité. Tandem peut le garder dans un fichier de son dossier de données que seul votre compte peut lire.
smtp-no-keychain-file = Le garder dans ce fichier
smtp-no-keychain-cancel = Ne pas enregistrer le mot de passe
translate-no-keychain = Cet ordinateur n'a pas de trousseau pour garder la clé de traduction en sécurité. Tandem peut la garder dans un fichier de son dossier de données que seul votre compte utilisateur peut lire.
translate-no-keychain-cancel = Ne pas enregistrer la clé
smtp-save = Enregistrer
smtp-test = Tester la connexion
smtp-testing = Test en cours…
smtp-saved-keychain = Enregistré.
smtp-saved-file = Enregistré (le mot de passe est dans un fichier privé : cet ordinateur n'a pas de trousseau).
smtp-test-ok = Le serveur { $info } a accepté la connexion et l'identification.
smtp-problem-host = Indiquez le nom du serveur, par exemple smtp.office365.com.
smtp-problem-port = Indiquez le numéro de port, en général 587.
smtp-problem-insecure = Sans chiffrement, seul un serveur sur cet ordinateur peut être utilisé. Choisissez STARTTLS ou TLS.
smtp-problem-address = Cette adresse e-mail n'est pas valide.
smtp-problem-unsubscribe-url = La page de désinscription doit être une adresse commençant par https://.
smtp-problem-line-break = Le nom de l'expéditeur doit tenir sur une ligne.
smtp-problem-concurrency = Choisissez entre 1 et 16 connexions.
error-smtp-unreachable = Le serveur de messagerie est injoignable ({ $reply }). Vérifiez le nom du serveur, le port et votre connexion internet, puis réessayez.
error-smtp-refused = Le serveur de messagerie a refusé la connexion : { $reply }. Vérifiez le nom d'utilisateur, le mot de passe et le chiffrement dans les Réglages.
error-smtp-settings = Ces réglages du serveur ne peuvent pas être utilisés : { $reply }
error-smtp-no-password = Le serveur demande un mot de passe et aucun n'est enregistré. Indiquez-le dans les Réglages, puis réessayez.
error-smtp-certificate = Le certificat du serveur n'est pas accepté ({ $reply }). Rien n'a été envoyé. Testez la connexion dans les Réglages pour voir le certificat.
error-smtp-certificate-untrusted = Le serveur présente un certificat qu'aucune autorité reconnue ne garantit (souvent le certificat « auto-signé » d'un petit serveur). Rien n'a été envoyé, pas même le mot de passe.
error-smtp-certificate-changed = Attention : le serveur présente un autre certificat que celui auquel vous avez fait confiance. Ce peut être un renouvellement normal, ou quelqu'un qui intercepte la connexion. Rien n'a été envoyé, pas même le mot de passe. Demandez à la personne qui gère le serveur si son certificat a changé avant de faire confiance au nouveau.
error-send-destination-changed = { send-destination-changed }
error-send-destination-unknown = Cet envoi a été commencé par une version antérieure de Tandem, qui n'a pas noté par quel serveur il partait. Configurez ce serveur dans les Réglages, puis reprenez l'envoi.
error-keychain-missing = Cet ordinateur n'a pas de trousseau pour garder le mot de passe.
error-keychain-write = Le mot de passe n'a pas pu être enregistré. Vérifiez que le dossier de données est accessible en écriture, puis réessayez.
error-send-incomplete = Ce numéro ne peut pas encore être envoyé : des blocs n'ont pas leurs deux langues ou un champ obligatoire. Complétez-les dans la Rédaction (ou marquez-les unilingues).
error-send-no-recipients = Personne ne recevrait ce numéro : aucun contact abonné ne figure sur les listes choisies.
error-send-sender = L'expéditeur n'est pas valide. Indiquez un nom et une adresse d'expéditeur dans les Réglages.
error-send-message = Le message n'a pas pu être construit (une image manque peut-être). Vérifiez les images du numéro dans la Rédaction.
error-send-busy = Un envoi est déjà en cours. Attendez sa fin ou mettez-le en pause d'abord.
error-send-closed = Cet envoi est terminé et ne peut pas être repris.
error-send-thread = L'envoi n'a pas pu démarrer. Redémarrez Tandem et réessayez.

## Envoi : l'écran Envoi
send-test-started = Un message de test part vers { $email }.
send-waiting-limit = En attente de la limite de votre fournisseur jusqu'à { $time }.
send-eta = Encore environ { $minutes } min.
send-interrupted = Un envoi du numéro { $number } a été interrompu : { $pending } destinataires sur { $total } ne l'ont pas encore reçu. Personne ne le recevra deux fois.
send-resume = Reprendre l'envoi
send-audience-title = Numéro et destinataires
send-issue = Numéro
send-issue-option = N° { $number } — { $subject }
send-lists = Listes
send-lists-none = Pas encore de listes : le numéro part à tous les contacts abonnés.
send-lists-some = Seulement les contacts abonnés des listes cochées.
send-lists-all = Aucune liste cochée : tous les contacts abonnés.
send-excluded = Exclus
send-excluded-counts = { $unsubscribed ->
    [one] { $unsubscribed } désinscrit
   *[other] { $unsubscribed } désinscrits
  }, { $bounced } en erreur
send-preflight-title = Avant d'envoyer
send-check-incomplete = Les blocs { $blocks } n'ont pas tous leurs textes dans les deux langues (un titre, un texte ou la description d'une image) : complétez-les d'abord dans la Rédaction.
send-check-complete = Tous les blocs sont rédigés dans les deux langues.
send-check-size = Le message fait { $kb } Ko : sous la limite de 102 Ko de Gmail.
send-check-size-clipped = Le message fait { $kb } Ko : Gmail le coupera après 102 Ko. Raccourcissez certains textes.
send-check-nobody = Personne ne le recevrait : choisissez d'autres listes.
send-check-time = Avec les limites de votre fournisseur, l'envoi prend au moins { $minutes } min.
send-check-no-limits = Aucune limite d'envoi n'est indiquée pour votre fournisseur (voir Réglages).
send-check-smtp = Envoyé par { $server }.
send-check-outbox = Aucun serveur configuré : les messages sont écrits dans { $folder }.
send-test-title = Message de test
send-test-address = Envoyer un test à
send-test-edition = Édition
send-test-button = Envoyer le test
send-title = Envoyer
send-confirm = Envoyer ce numéro à { $count ->
    [0] personne
    [1] une personne
   *[other] { $count } personnes
  } maintenant ?
send-confirm-yes = Oui, envoyer
send-preparing = Lecture de la boîte aux lettres d'abord (désinscriptions et retours arrivés), puis l'envoi commence…
send-mailbox-unread = La boîte aux lettres n'a pas pu être lue juste avant cet envoi : les demandes de désinscription et les retours arrivés depuis sa dernière lecture ne sont pas encore appliqués. Envoyer quand même, ou pas maintenant (et vérifier les réglages de la boîte) ?
send-mailbox-unread-send = Envoyer quand même
send-confirm-no = Pas encore
send-button = Envoyer à { $count ->
    [0] personne
    [1] une personne
   *[other] { $count } personnes
  }
send-progress-label = Progression de l'envoi
send-progress = { $done } sur { $total } traités : { $sent } envoyés, { $failed } en échec.
send-progress-outbox = { $done } sur { $total } traités : { $sent } acceptés par le serveur, { $outbox } écrits dans le dossier d'envoi, { $failed } en échec.
send-outbox-note = Les messages écrits dans le dossier d'envoi n'ont été reçus par personne. Configurez un serveur de messagerie dans les Réglages pour envoyer vraiment.
send-destination-changed = Cet envoi a commencé { $startedKind ->
        [outbox] dans le dossier d'envoi { $started }
       *[smtp] par le serveur { $started }
    }, mais les Réglages indiquent maintenant { $settingsKind ->
        [outbox] le dossier d'envoi { $settings }
       *[smtp] le serveur { $settings }
    }. Par où continuer ?{ $settingsKind ->
        [outbox] { " " }Dans le dossier d'envoi, personne ne reçoit rien.
       *[smtp] { "" }
    }
send-resume-started = Continuer comme il a commencé ({ $started })
send-resume-settings = Continuer avec les nouveaux réglages ({ $settings })
send-unreachable = Le serveur est injoignable ({ $reply }) ; Tandem continue d'essayer.
send-pause = Pause
send-cancel = Annuler l'envoi
send-ending-finished = L'envoi est terminé.
send-ending-paused = L'envoi est en pause. Personne ne le recevra deux fois à la reprise.
send-ending-cancelled = L'envoi a été annulé. Le registre montre qui l'a reçu.
send-ending-unreachable = Le serveur est resté injoignable ({ $reply }). Reprenez quand il est revenu : personne ne le recevra deux fois.
send-ending-refused = Le serveur a refusé la connexion : { $reply }. Vérifiez les Réglages, puis reprenez.
ledger-title = Qui a reçu quoi
ledger-run = Envoi
ledger-run-test = Test { $id } du n° { $number } ({ $date })
ledger-run-option = Envoi { $id } du n° { $number } ({ $date }) : { $sent } sur { $total }
ledger-run-option-outbox = Envoi { $id } du n° { $number } ({ $date }) : { $outbox } sur { $total } dans le dossier d'envoi
ledger-filter = Afficher
ledger-all = Tout le monde
ledger-status-pending = En attente
ledger-status-sent = Accepté par le serveur
ledger-status-outbox = Dans le dossier d'envoi (reçu par personne)
ledger-status-failed = Échec
ledger-retry-failed = Réessayer les échecs
ledger-edition = Édition
ledger-attempts = Tentatives
ledger-reply = Réponse du serveur
ledger-more = { $count } lignes de plus : filtrez pour les voir.
send-check-time-short = Avec les limites de votre fournisseur, l'envoi prend moins d'une minute.
send-check-already-sent = Ce numéro a déjà été envoyé le { $date } à { $count } personnes : un nouvel envoi les atteindra une seconde fois.
send-confirm-again = Ce numéro a déjà été envoyé. L'envoyer à nouveau à { $count ->
    [0] personne
    [1] une personne
   *[other] { $count } personnes
  } ?
send-interrupted-open = Ouvrir l'Envoi pour le reprendre
import-drop = Ou déposez le fichier ici.
import-busy-reading = Lecture du fichier et vérification de chaque ligne…
import-busy-importing = Enregistrement des contacts…
contacts-more = Plus…
bulk-title = Action sur plusieurs contacts
bulk-select = Sélectionner
bulk-select-one = Sélectionner { $email }
bulk-selected = { $count ->
    [1] Un contact sélectionné
   *[other] { $count } contacts sélectionnés
  }
bulk-select-all = Sélectionner les { $count } résultats
bulk-list-name = Nom de la liste
bulk-add-to-list = Ajouter à la liste
bulk-set-language = Changer la langue…
bulk-erase-confirm = Effacer définitivement { $count } contacts
bulk-clear = Désélectionner
bulk-done = { $count ->
    [0] Aucun contact modifié.
    [1] Un contact modifié.
   *[other] { $count } contacts modifiés.
  }
ledger-export = Enregistrer le registre (CSV)…
ledger-saved = Enregistré : { $path }
smtp-greeting = Commencer chaque message par le nom du lecteur (« Bonjour Anne, » / « Beste Anne, » ; sans nom : « Bonjour, » / « Beste lezer, »)
error-import-spreadsheet = Ce classeur ne peut pas être lu (il est peut-être endommagé ou protégé par un mot de passe). Ouvrez-le dans votre tableur et enregistrez-le à nouveau, ou enregistrez-le en CSV.
error-import-too-large = Ce fichier est trop volumineux pour être une liste de contacts (plus de 64 Mo, ou un classeur qui en contient davantage une fois décompressé). Vérifiez que vous avez choisi le bon fichier ; s’il s’agit bien de vos contacts, n’enregistrez que les colonnes utiles ou répartissez-les en plusieurs fichiers.
error-import-too-many-rows = Ce fichier compte plus de 200 000 lignes. Répartissez-le en plusieurs fichiers et importez-les l’un après l’autre.
encoding-spreadsheet = un classeur (première feuille)
import-detected-spreadsheet = Première feuille du classeur lue : { $rows } lignes.
smtp-unsaved = Modifications pas encore enregistrées.
contacts-export = Exporter (CSV pour Excel)…
contacts-exported = { $count } contacts enregistrés dans { $path }

## Connexion avec Microsoft 365 ou Google (OAuth)
oauth-page-title = Tandem
oauth-page-done = Vous êtes connecté·e. Vous pouvez fermer cet onglet et revenir à Tandem.
oauth-page-wrong-state = Cette réponse ne correspond pas à la connexion lancée par Tandem. Rien n'a été fait. Revenez à Tandem et relancez la connexion si elle attend encore.
oauth-page-failed = La connexion n'a pas abouti ({ $reason }). Revenez à Tandem : il indique quoi faire.
oauth-error-config = La connexion ne peut pas démarrer : { $detail }. Vérifiez l'identifiant client (et le locataire) dans les Réglages.
oauth-error-unreachable = Le serveur de connexion est injoignable ({ $detail }). Vérifiez la connexion internet, puis réessayez.
oauth-error-sign-in-again = Votre connexion a expiré ou a été retirée. Reconnectez-vous dans les Réglages ; l'envoi pourra ensuite reprendre là où il s'est arrêté.
oauth-error-state = La réponse du navigateur ne correspondait pas à cette connexion et a été refusée. Relancez la connexion.
oauth-error-cancelled = La connexion a été annulée.
oauth-error-timed-out = La connexion n'a pas été terminée à temps. Relancez-la et terminez-la dans le navigateur.
oauth-error-consent = Votre organisation n'a pas encore autorisé Tandem à envoyer du courrier en votre nom (consentement requis, { $detail }). Demandez à l'administrateur Microsoft 365 d'accorder le consentement administrateur à votre inscription d'application (voir le guide), puis reconnectez-vous.
oauth-error-conditional-access = Votre organisation exige une vérification supplémentaire (connexion multifacteur ou règle d'accès, { $detail }). Connectez-vous dans le navigateur et terminez la vérification ; si elle est refusée, adressez-vous à l'administrateur.
oauth-error-client = L'identifiant client ou le locataire n'est pas correct ({ $detail }). Copiez dans les Réglages l'« ID d'application (client) » de l'inscription d'application de votre organisation et vérifiez le locataire.
oauth-error-admin-policy = L'administrateur de votre organisation n'autorise pas cette application ({ $detail }). Demandez-lui d'autoriser votre inscription d'application pour la boîte aux lettres.
oauth-error-denied = La connexion a été refusée dans le navigateur ({ $detail }). Reconnectez-vous et acceptez les autorisations demandées par Tandem.
oauth-error-refused = Le serveur de connexion a refusé : { $detail }.
smtp-refused-basic-auth-off = Le serveur n'accepte plus les mots de passe (l'authentification de base est désactivée). Choisissez Microsoft 365 ou Google dans les Réglages et connectez-vous plutôt. Réponse du serveur : { $reply }
smtp-refused-smtp-auth-disabled = L'envoi par un logiciel de messagerie (SMTP AUTH) est désactivé pour cette boîte aux lettres. L'administrateur Microsoft 365 doit y activer « SMTP authentifié » (voir le guide). Réponse du serveur : { $reply }
smtp-refused-authentication = Le serveur n'a pas accepté la connexion. Vérifiez le nom d'utilisateur et le mot de passe, ou reconnectez-vous. Réponse du serveur : { $reply }
send-ending-signin = L'envoi est en pause : reconnectez-vous pour continuer. Personne ne le recevra deux fois à la reprise.
error-oauth-not-signed-in = Le serveur de courrier attend une connexion en tant que { $account }, et personne n'est connecté en tant que { $account } sur cet ordinateur. Connectez-vous dans les Réglages, puis réessayez.
oauth-title = Connexion
oauth-help-microsoft = Microsoft 365 n'accepte plus les mots de passe des logiciels de messagerie : connectez-vous plutôt. Votre organisation inscrit Tandem une fois dans Microsoft Entra (voir le guide « Se connecter avec Microsoft 365 ou Google ») et saisit ici son identifiant client.
oauth-help-google = Google n'accepte plus les mots de passe de compte des logiciels de messagerie : connectez-vous plutôt. Votre organisation crée une fois un client OAuth « application de bureau » dans Google Cloud (voir le guide) et saisit ici son identifiant et son secret.
oauth-help-builtin = Cliquez sur le bouton et connectez-vous avec le compte de votre organisation dans le navigateur{ "\u00A0" }: rien d'autre à remplir.
oauth-own-registration = Avancé{ "\u00A0" }: l'inscription propre à votre organisation
oauth-own-registration-help = Laissez vide pour vous connecter via l'inscription de Tandem. Ne remplissez que si votre organisation préfère la sienne (voir le guide « Se connecter avec Microsoft 365 ou Google »).
oauth-client-id = Identifiant client
oauth-client-id-help-microsoft = L'« ID d'application (client) » de l'inscription d'application de votre organisation.
oauth-client-id-help-google = L'identifiant du client OAuth « application de bureau » de votre organisation.
oauth-tenant = Locataire
oauth-client-secret = Secret client
oauth-sign-in-microsoft = Se connecter avec Microsoft
oauth-sign-in-google = Se connecter avec Google
oauth-sign-in-device = Se connecter plutôt avec un code
oauth-sign-out = Se déconnecter
oauth-signed-in = Connecté·e en tant que { $account } (depuis le { $date }).
oauth-waiting-browser = Terminez la connexion dans votre navigateur. S'il ne s'est pas ouvert, copiez-y cette adresse :
oauth-waiting-device = Sur n'importe quel appareil, ouvrez { $uri } et saisissez ce code :
oauth-address = Adresse à ouvrir
oauth-copy = Copier
oauth-copied = Copié
oauth-cancel = Annuler
oauth-no-keychain = Cet ordinateur n'a pas de trousseau pour garder la connexion en sécurité. Tandem peut la garder dans un fichier de son dossier de données que seul votre compte utilisateur peut lire.
oauth-no-keychain-cancel = Ne pas se connecter maintenant
oauth-use-password = Utiliser plutôt un mot de passe (mot de passe d'application)
oauth-use-sign-in = Se connecter plutôt qu'utiliser un mot de passe

## Mises à jour
update-check = Rechercher des mises à jour
update-checking = Recherche…
update-daily = Rechercher une fois par jour au démarrage de Tandem
update-last-checked = Dernière recherche le { $date }.
update-none = Tandem { $version } est la version la plus récente.
update-found = Tandem { $version } est disponible.
update-open-settings = Voir dans les Réglages
update-download = La télécharger et la vérifier
update-downloading = Téléchargement…
update-verified = Téléchargée ; sa signature est bien celle de l'éditeur de Tandem.
update-install = Installer et redémarrer Tandem
update-error-no-feed = Cette installation n'a pas d'adresse de mise à jour. C'est votre contact informatique qui installe les nouvelles versions.
update-error-feed = L'adresse de mise à jour est injoignable ou n'a pas répondu comme prévu ({ $detail }). Tandem continue tel quel ; réessayez plus tard.
update-error-signature = La mise à jour téléchargée n'est pas signée par l'éditeur de Tandem : elle a été refusée et rien n'a été installé. Prévenez la personne qui publie Tandem pour votre organisation. ({ $detail })
update-error-platform = La dernière version ne contient pas de mise à jour pour ce type d'ordinateur.
update-error-install = La mise à jour n'a pas pu être installée ({ $detail }). Tandem continue tel quel.
update-error-none = Recherchez d'abord les mises à jour.
send-sign-in-again = Se reconnecter (Réglages)

## Mailbox: unsubscribe requests and bounces read back (IMAP)
mailbox-settings-title = Boîte aux lettres d'envoi (IMAP)
mailbox-settings-help = Tandem y lit les demandes de désinscription et les messages d'erreur de livraison (adresses qui n'existent plus), pour ne plus écrire à ces personnes. Il déplace ce qu'il a traité dans un dossier « Tandem » et ne supprime rien. Tandem ne lit que le courrier arrivé à partir de la veille de son premier envoi ; le courrier plus ancien reste tel quel.
mailbox-host = Serveur IMAP
mailbox-security-tls = TLS (port 993)
mailbox-security-starttls = STARTTLS (port 143)
mailbox-password-same = Le même que pour l'envoi
mailbox-use-sign-in = Utiliser la connexion Microsoft 365 / Google (pas de mot de passe)
mailbox-automatic = Vérifier au démarrage et avant chaque envoi
mailbox-folder = Dossier à lire
mailbox-folder-help = INBOX, sauf si une règle de la boîte range les retours et réponses ailleurs (alors le nom de ce dossier, tel que le programme de messagerie l'affiche).
mailbox-turn-off = Ne plus lire la boîte
mailbox-saved = Enregistré.
mailbox-test-ok = Connexion réussie : { $count } message(s) dans { $folder ->
        [INBOX] la boîte de réception
       *[other] le dossier « { $folder } »
    }.
mailbox-title = Désinscriptions et retours
mailbox-not-set = La boîte aux lettres n'est pas lue : les désinscriptions par e-mail et les adresses en erreur doivent être traitées à la main. Configurez-la dans Réglages → Boîte aux lettres d'envoi.
mailbox-check = Vérifier la boîte aux lettres
mailbox-checking = Vérification…
mailbox-nothing-new = Rien de nouveau dans la boîte aux lettres.
mailbox-summary = { $parts }.
mailbox-summary-unsubscribed = { $count ->
    [one] 1 désinscription à la demande de la personne
   *[other] { $count } désinscriptions à la demande des personnes
}
mailbox-summary-bounced = { $count ->
    [one] 1 adresse en erreur
   *[other] { $count } adresses en erreur
}
mailbox-summary-soft = { $count ->
    [one] 1 retour temporaire
   *[other] { $count } retours temporaires
}
mailbox-summary-confirm = { $count ->
    [one] 1 demande à confirmer
   *[other] { $count } demandes à confirmer
}
mailbox-summary-left = { $count ->
    [one] 1 message laissé pour vous
   *[other] { $count } messages laissés pour vous
}
mailbox-summary-read = { $count ->
    [one] 1 message lu, rien à faire.
   *[other] { $count } messages lus, rien à faire.
}
mailbox-to-confirm-title = À confirmer : ces personnes semblent demander leur désinscription
mailbox-confirm = Désinscrire
mailbox-dismiss = Laisser inscrit(e)
mailbox-recent-title = Dernières actions
mailbox-kind-unsubscribed = Désinscrit(e) à sa demande
mailbox-kind-bounced = Adresse en erreur
mailbox-kind-soft_bounce = Retour temporaire
mailbox-kind-to_confirm = Demande de désinscription
mailbox-confirmed = (désinscrit·e après confirmation)
mailbox-undone = (annulé)
mailbox-dismissed = (laissé inscrit)
mailbox-undo = Annuler
mailbox-undo-unsubscribe-warning = { $email } a demandé à ne plus recevoir la lettre. Réinscrire cette personne seulement si elle vous l'a demandé depuis.
mailbox-undo-bounce-warning = Le serveur de { $email } a refusé la lettre. Réactiver cette adresse seulement si vous savez qu'elle fonctionne de nouveau.
mailbox-undo-yes = Oui, annuler
mailbox-undo-no = Non
mailbox-error-settings = La boîte aux lettres n'est pas bien configurée : vérifiez le serveur, le port et le nom d'utilisateur dans Réglages.
mailbox-error-unreachable = Le serveur de la boîte aux lettres ne répond pas. Vérifiez la connexion Internet et le nom du serveur, puis réessayez.
mailbox-error-lost = La connexion au serveur de la boîte aux lettres a été coupée pendant la vérification. Ce qui a déjà été lu est gardé : vérifiez à nouveau la boîte pour terminer.
mailbox-error-certificate = Le certificat du serveur de la boîte aux lettres n'est pas reconnu. Demandez à votre contact informatique le fichier de l'autorité de certification.
mailbox-error-login = Le serveur a refusé l'identification : vérifiez le nom d'utilisateur et le mot de passe (ou connectez-vous à nouveau).
mailbox-error-sign-in = La connexion Microsoft 365 / Google a expiré ou ne permet pas de lire la boîte : connectez-vous à nouveau dans Réglages.
mailbox-error-folder = La boîte n'a pas de dossier de ce nom : vérifiez « Dossier à lire » dans Réglages → Boîte aux lettres d'envoi (INBOX en cas de doute).
mailbox-error-refused = Le serveur de la boîte aux lettres a refusé l'opération. Réessayez plus tard ; si cela continue, montrez ce message à votre contact informatique.
mailbox-error-store = La base de données de Tandem n'a pas pu être lue ou écrite. Rien n'a été modifié ; réessayez.
ledger-bounced-hard = Revenu plus tard : adresse en erreur { $code }
ledger-bounced-soft = Revenu plus tard : retour temporaire { $code }
status-reason-email_request = à sa demande par e-mail
status-reason-bounce = adresse en erreur
status-reason-soft_bounces = trois retours temporaires de suite
status-reason-short-email_request = demandé par e-mail
status-reason-short-bounce = adresse en erreur
status-reason-short-soft_bounces = 3 échecs temporaires

## Translation drafts
translate-error-key = Le service de traduction refuse la clé : vérifiez-la dans Réglages → Traduction.
translate-error-quota = Le quota de traduction de ce mois est épuisé. Le bloc est resté tel quel ; traduisez-le à la main ou attendez le mois prochain.
translate-error-too-many = Le service de traduction demande de ralentir. Le bloc est resté tel quel ; réessayez dans une minute.
translate-error-too-long = Ce texte est trop long pour le service de traduction, même paragraphe par paragraphe. Le bloc est resté tel quel ; coupez le texte en deux blocs.
translate-error-unreachable = Le service de traduction ne répond pas (connexion Internet ?). Le bloc est resté tel quel ; réessayez plus tard.
translate-error-service = Le service de traduction a répondu par une erreur. Le bloc est resté tel quel ; réessayez plus tard.
translate-error-not-configured = Aucun service de traduction n'est configuré : choisissez-en un dans Réglages → Traduction.
translate-error-cancelled = Traduction arrêtée : ce qui était traduit est gardé, le reste est inchangé.
translate-settings-title = Traduction (brouillons)
translate-settings-help = Un service de traduction peut proposer un premier jet de la langue manquante d'un bloc. Le brouillon est marqué « à relire » jusqu'à ce qu'une personne l'ait relu. Désactivé tant que vous n'en choisissez pas un.
translate-service = Service
translate-service-off = Aucun (désactivé)
translate-key-deepl = Clé d'API DeepL
translate-key-libre = Clé d'API (facultative)
translate-url-deepl = Adresse (facultative, pour remplacer celle de DeepL)
translate-url-libre = Adresse du serveur LibreTranslate
translate-privacy-short = Seul le texte de la lettre est envoyé au service, jamais les contacts.
translate-usage = Caractères utilisés ce mois-ci
translate-usage-figures = { $used } caractères utilisés sur { $limit } ce mois-ci.
translate-usage-none = Ce service ne donne pas de compteur.
glossary-title = Glossaire
glossary-help = Les termes de l'organisation, toujours traduits de la même façon (par exemple « tuteur » ⇄ « voogd »). Un brouillon qui ne les respecte pas est signalé sur son bloc.
glossary-remove = Retirer
glossary-add = Ajouter un terme
glossary-save = Enregistrer le glossaire
translate-working = Traduction…
translate-from-fr = Traduire depuis le français
translate-from-nl = Traduire depuis le néerlandais
translate-draft-mark = { $lang } : brouillon automatique — à relire
translate-reread = Relu, OK
translate-again = Nouveau brouillon…
translate-again-from-fr = Nouveau brouillon néerlandais depuis le français
translate-again-from-nl = Nouveau brouillon français depuis le néerlandais
redraft-title = Remplacer le texte { $lang } de ce bloc par un nouveau brouillon automatique ?
redraft-current = Texte actuel
redraft-draft = Nouveau brouillon automatique
redraft-accept = Remplacer par le brouillon
redraft-keep = Garder le texte actuel
redraft-empty = (vide)
translate-error-changed = Le bloc a changé pendant que le brouillon était affiché : rien n'a été remplacé. Demandez un nouveau brouillon si vous le souhaitez encore.
translate-error-edited = Ce texte a été modifié pendant sa traduction : votre modification est gardée et le brouillon n'a pas été mis. Traduisez à nouveau si vous voulez encore un brouillon.
translate-flag = Glossaire : « { $term } » devrait être traduit par « { $expected } » ; vérifiez ce brouillon.
issue-machine-drafts = { $count ->
    [one] 1 brouillon automatique à relire
   *[other] { $count } brouillons automatiques à relire
}
translate-progress = Traduction des côtés manquants
translate-progress-count = { $done } sur { $total }
translate-stop = Arrêter
translate-all = Traduire tous les côtés manquants
translate-all-help = Remplit chaque texte vide depuis l'autre langue ; ce que quelqu'un a écrit n'est jamais remplacé.
translate-notice-deepl = Le texte de la lettre (jamais les contacts) sera envoyé à DeepL, en Allemagne, pour être traduit. Continuer ?
translate-notice-libretranslate = Le texte de la lettre (jamais les contacts) sera envoyé au serveur LibreTranslate configuré pour être traduit. Continuer ?
translate-notice-accept = Oui, traduire
translate-notice-cancel = Annuler
send-check-machine-drafts = { $count ->
    [one] 1 texte est un brouillon automatique que personne n'a relu.
   *[other] { $count } textes sont des brouillons automatiques que personne n'a relus.
}
glossary-import = Importer un CSV (remplace la liste)…
glossary-export = Exporter en CSV…
glossary-exported = Glossaire enregistré dans { $path }.
glossary-error-file = Ce fichier n'est pas un glossaire lisible : une ligne par terme, français;néerlandais (ou un en-tête fr,nl). Le glossaire n'a pas changé.
glossary-error-one-column = La ligne { $line } de ce fichier n'a qu'une colonne : écrivez français;néerlandais (ou français,néerlandais) sur chaque ligne. Le glossaire n'a pas changé.
glossary-error-empty = Ce fichier ne contient aucune paire de termes : une ligne par terme, français;néerlandais. Le glossaire n'a pas changé.

## Réglages → Sauvegardes
settings-backups-title = Sauvegardes
backups-help = Tandem se sauvegarde lui-même après chaque envoi, chaque import de contacts, à sa fermeture, et toutes les demi-heures pendant que vous travaillez. Chaque sauvegarde est vérifiée avant d'être gardée. Gardez aussi une deuxième copie ailleurs : un dossier OneDrive ou Google Drive, ou une clé USB.
backups-folder = Dossier des sauvegardes
backups-second = Deuxième dossier
backups-second-none = aucun choisi
backups-now = Sauvegarder maintenant
backups-busy = Sauvegarde en cours…
backups-choose = Choisir un deuxième dossier…
backups-forget = Ne plus y copier
backups-open-file = Ouvrir un fichier de sauvegarde…
backups-none = Pas encore de sauvegarde.
backups-row = { $issues ->
    [one] 1 numéro
   *[other] { $issues } numéros
  }, { $contacts ->
    [one] 1 contact
   *[other] { $contacts } contacts
  }, { $size }
backups-row-unreadable = illisible
backups-where-second = dans le deuxième dossier
backups-restore = Restaurer…
restore-confirm-title = Restaurer la sauvegarde du { $date } ?
restore-confirm-title-file = Restaurer ce fichier de sauvegarde ?
restore-brings-back = Elle remet { $issues ->
    [one] 1 numéro
   *[other] { $issues } numéros
  } et { $contacts ->
    [one] 1 contact
   *[other] { $contacts } contacts
  } tels qu'ils étaient alors.
restore-replaces = Elle remplace ce que Tandem contient maintenant. L'état actuel est d'abord sauvegardé : cette restauration peut être annulée.
restore-keeps-stopped = { $count ->
    [one] 1 personne qui s'est désinscrite ou dont l'adresse ne fonctionne plus depuis le reste.
   *[other] { $count } personnes qui se sont désinscrites ou dont l'adresse ne fonctionne plus depuis le restent.
  }
restore-erased-again = { $count ->
    [one] 1 personne effacée depuis est effacée à nouveau : elle ne revient pas.
   *[other] { $count } personnes effacées depuis sont effacées à nouveau : elles ne reviennent pas.
  }
restore-ledger-current = Le registre des envois reste celui d'aujourd'hui : personne ne reçoit un numéro deux fois ; un envoi en cours revient en pause.
restore-ledger-backup = Le registre actuel des envois est illisible : celui de la sauvegarde est utilisé, et un envoi en cours revient en pause. Vérifiez le registre avant de le reprendre.
restore-do = Restaurer
restore-busy = Restauration…
restore-cancel = Pas maintenant
restore-done = La sauvegarde a été restaurée.
restore-undo-hint = L'état qu'elle a remplacé a d'abord été sauvegardé : { $path }
error-backup-folder = Tandem ne peut pas écrire dans le dossier des sauvegardes. Vérifiez que le disque ou la clé USB est branché et n'est pas plein, ou choisissez un autre dossier.
error-backup-unverified = Cette sauvegarde n'a pas passé sa vérification et ne peut pas servir. Choisissez une sauvegarde plus ancienne.
error-backup-unreadable = Ce fichier ne peut pas être lu comme une sauvegarde Tandem. Choisissez un autre fichier.
error-backup-send-running = Un envoi est en cours. Mettez-le en pause ou laissez-le finir, puis restaurez.
recovery-title = Le fichier de données de Tandem était endommagé.
recovery-moved = Il a été mis de côté tel quel, sans que rien n'y soit écrit : { $path }. Tandem a commencé un nouveau fichier.
recovery-offer = La sauvegarde la plus récente qui passe la vérification date du { $date } ({ $contacts } contacts). Restaurez-la pour repartir de là ; ce qui a été fait après est à refaire.
recovery-no-backup = Aucune sauvegarde du dossier des sauvegardes ne passe la vérification. Ouvrez un fichier de sauvegarde venu d'ailleurs (un deuxième dossier, une clé USB), ou commencez avec un fichier vide.
recovery-restore = Restaurer cette sauvegarde
recovery-start-empty = Commencer avec un fichier vide
welcome-first-start = Bienvenue dans Tandem. Il s'est ouvert avec un numéro d'exemple à découvrir. Vous venez d'un autre ordinateur ? Ouvrez une sauvegarde faite là-bas.
welcome-sample = Commencer avec le numéro d'exemple
restore-enter-again = Les données restaurées viennent d'un autre ordinateur. Saisissez à nouveau dans les Réglages :
restore-again-smtp-password = le mot de passe d'envoi (il reste dans le trousseau de chaque ordinateur)
restore-again-smtp-ca = le fichier de certificat du serveur d'envoi (son chemin n'existe pas sur cet ordinateur)
restore-again-imap-ca = le fichier de certificat du serveur de la boîte aux lettres (son chemin n'existe pas sur cet ordinateur)
restore-again-sign-in = la connexion Microsoft 365 ou Google (reconnectez-vous)
erase-backups-note = L'effacement retire définitivement la personne de ce fichier, du registre des envois et du journal de la boîte aux lettres : seule une empreinte de l'adresse reste, pour qu'aucun import ne la rajoute. Les sauvegardes faites avant la gardent jusqu'à ce que Tandem les supprime, à mesure que de nouvelles les remplacent (la dernière, mensuelle, environ 15 mois plus tard). Une restauration ne ramène jamais une personne effacée.
placement-synced = Le dossier de données de Tandem se trouve dans { $service } ({ $root }). La synchronisation peut copier la base pendant que Tandem y écrit, et l'endommager. Gardez le dossier de données sur le disque de cet ordinateur, et confiez plutôt les sauvegardes à { $service } : des fichiers terminés y sont en sécurité.
placement-network = Le dossier de données de Tandem se trouve sur un lecteur réseau ({ $fs }). La base peut y être endommagée quand la connexion tombe ou qu'un autre ordinateur l'ouvre. Gardez le dossier de données sur le disque de cet ordinateur, et mettez plutôt une copie des sauvegardes sur le lecteur réseau.
placement-fuse = Le dossier de données de Tandem se trouve sur un lecteur monté par un programme ({ $fs }), en général un lecteur réseau ou en ligne. La base peut y être endommagée. Gardez le dossier de données sur le disque de cet ordinateur, et mettez plutôt une copie des sauvegardes sur ce lecteur.
placement-use-for-backups = Mettre une copie des sauvegardes dans { $service }
error-backup-passphrase-needed = Cette sauvegarde est protégée par une phrase secrète. Saisissez-la dans Réglages → Sauvegardes, puis réessayez.
error-backup-passphrase-wrong = Cette phrase secrète n'ouvre pas la sauvegarde. Rien n'a été modifié ; vérifiez la phrase secrète et réessayez.
backups-passphrase = Phrase secrète des sauvegardes (facultative)
backups-passphrase-off = Les sauvegardes ne sont pas chiffrées. Avec une phrase secrète, personne ne peut lire une sauvegarde sans elle (une clé USB perdue, un dossier partagé en ligne). Gardez-la en lieu sûr en dehors de Tandem : sans elle, une sauvegarde chiffrée ne peut pas être restaurée.
backups-passphrase-on = Les nouvelles sauvegardes sont chiffrées avec la phrase secrète gardée sur cet ordinateur (dans son trousseau, ou le fichier privé que vous avez accepté). Gardez-la aussi en lieu sûr en dehors de Tandem : un nouvel ordinateur en a besoin pour les restaurer.
backups-passphrase-save = Enregistrer la phrase secrète
backups-passphrase-remove = Ne plus chiffrer
backups-passphrase-saved = Enregistrée. Les prochaines sauvegardes l'utilisent.
backups-encrypted = chiffrée
backups-no-keychain = Cet ordinateur n'a pas de trousseau. Garder la phrase secrète dans un fichier du dossier de données que seul votre compte peut lire ?

## Paramètres → Dossier des données
data-folder-title = Dossier des données
data-folder-help = Tandem garde ici sa base de données, ses sauvegardes et la boîte d'envoi. Vous pouvez les déplacer vers un autre dossier de cet ordinateur : Tandem copie tout, vérifie la copie, et seulement ensuite supprime les anciens fichiers.
data-folder-move-advice = Déplacez le dossier des données sur le disque de cet ordinateur.
data-folder-move-local = Déplacer vers le dossier de cet ordinateur
data-folder-local-is = Dossier propre à cet ordinateur : { $path }
data-folder-move-pick = Déplacer vers un autre dossier…
data-folder-confirm-title = Déplacer les données de Tandem vers ce dossier ?
data-folder-confirm-what = Tandem y copie la base de données, les sauvegardes et la boîte d'envoi, vérifie la copie, puis supprime les anciens fichiers. Une note laissée à l'ancien emplacement mène Tandem au nouveau dossier. Rien d'autre ne doit utiliser Tandem pendant ce temps.
data-folder-do = Déplacer les données
data-folder-busy = Déplacement…
data-folder-moved = Les données ont été déplacées. L'ancien dossier était { $from }.
data-folder-target-synced = Ce dossier se trouve dans { $service }. Une base de données gardée là peut être abîmée par la synchronisation. Choisissez un dossier sur le disque de cet ordinateur.
data-folder-target-network = Ce dossier se trouve sur un lecteur réseau ({ $fs }). Une base de données gardée là peut être abîmée. Choisissez un dossier sur le disque de cet ordinateur.
data-folder-target-fuse = Ce dossier se trouve sur un lecteur monté par un programme ({ $fs }). Une base de données gardée là peut être abîmée. Choisissez un dossier sur le disque de cet ordinateur.
error-move-has-database = Ce dossier contient déjà une base de données Tandem. Choisissez un dossier vide, ou déplacez d'abord cette base ailleurs.
error-move-not-a-folder = C'est un fichier, pas un dossier. Choisissez un dossier.
error-move-nested = Choisissez un dossier en dehors du dossier des données actuel de Tandem (et qui ne le contient pas).
error-move-send-running = Un envoi est en cours. Mettez-le en pause ou laissez-le se terminer, puis déplacez le dossier des données.
restore-passphrase-label = Phrase secrète de cette sauvegarde
restore-passphrase-help = Cette sauvegarde est protégée par une phrase secrète (celle choisie dans Tandem sur l'ordinateur qui l'a faite). Tapez-la pour ouvrir la sauvegarde ; rien n'est modifié avant votre confirmation.
restore-passphrase-open = Ouvrir la sauvegarde

## Délivrabilité : le domaine de l'expéditeur
deliv-sender-public = { $domain } est une messagerie publique. Une newsletter envoyée « de » cette adresse par un autre serveur échoue aux contrôles de ce fournisseur et est traitée comme suspecte ou refusée. Envoyez depuis une adresse du domaine de l'organisation (demandez à qui gère le domaine du site), avec Microsoft 365, Google Workspace ou le serveur de votre hébergeur.
deliv-mx-ok = Le domaine reçoit du courrier ({ $hosts }) : les réponses et les retours peuvent revenir.
deliv-mx-none = Le domaine n'a pas d'enregistrement MX : les réponses et les retours ne peuvent pas revenir, et certains fournisseurs se méfient de tels expéditeurs. Demandez à qui gère le domaine d'ajouter les enregistrements MX de votre fournisseur de messagerie.
deliv-mx-none-no-host = Le domaine { $domain } n'a ni enregistrement MX ni adresse : les fournisseurs refusent le courrier d'un domaine qui n'existe pas dans le DNS. Vérifiez l'adresse d'expéditeur.
deliv-spf-missing = Le domaine ne publie pas d'enregistrement SPF : rien ne dit quels serveurs peuvent envoyer son courrier, et Gmail, Yahoo et Outlook.com le mettent en indésirables ou le refusent. Donnez à qui gère le domaine l'enregistrement ci-dessous.
deliv-spf-multiple = Le domaine publie { $count } enregistrements SPF. Les destinataires considèrent alors le SPF comme cassé (la RFC 7208 n'en permet qu'un). Fusionnez-les en un seul.
deliv-spf-too-many-lookups = L'enregistrement SPF demande { $count } requêtes DNS une fois ses « include » suivis ; les destinataires s'arrêtent à 10 et le considèrent comme cassé. Retirez les services qui n'envoient plus pour vous, ou remplacez-les par leurs plages d'adresses IP.
deliv-spf-broken-include = L'enregistrement SPF inclut { $target }, qui ne publie pas un seul enregistrement SPF : les destinataires considèrent le SPF comme cassé. Retirez ou corrigez cet « include ».
deliv-spf-provider-missing = L'enregistrement SPF n'autorise pas { $provider } (include:{ $include }) : votre newsletter échoue au SPF. Remplacez l'enregistrement par celui ci-dessous.
deliv-spf-plus-all = L'enregistrement SPF se termine par « +all » : il autorise tous les serveurs du monde à envoyer en votre nom, ce que les fournisseurs traitent comme aucune protection. Terminez-le plutôt par « ~all ».
deliv-spf-neutral = L'enregistrement SPF ne se termine ni par « ~all » ni par « -all » : il ne protège de rien contre les expéditeurs qu'il ne cite pas. Terminez-le par « ~all ».
deliv-spf-ok = Le SPF est en place et autorise votre fournisseur ({ $lookups } requêtes DNS sur les 10 permises).
deliv-dkim-ok = Une clé DKIM est publiée (sélecteur { $selectors }) : les messages peuvent être signés pour le domaine.
deliv-dkim-revoked = La clé DKIM du sélecteur { $selector } est révoquée (vide). Si votre fournisseur signe encore avec elle, ses signatures échouent.
deliv-dkim-missing-microsoft = Aucune clé DKIM n'est publiée pour Microsoft 365 (selector1 et selector2). Demandez à votre administrateur Microsoft 365 d'activer DKIM pour { $domain } dans Microsoft Defender (Paramètres d'authentification de l'e-mail → DKIM) : il affiche les deux enregistrements CNAME à ajouter au domaine.
deliv-dkim-missing-google = Aucune clé DKIM n'est publiée pour Google Workspace (sélecteur « google »). Demandez à votre administrateur Google Workspace de générer une clé DKIM pour { $domain } (console d'administration → Applications → Gmail → Authentifier les e-mails) et de publier l'enregistrement TXT affiché.
deliv-dkim-missing-custom = Aucune clé DKIM n'a été trouvée sous les sélecteurs habituels. Votre serveur signe peut-être avec un sélecteur à lui : envoyez un message de test à votre boîte pour le voir, ou demandez à votre hébergeur s'il signe le courrier de { $domain }.
deliv-dmarc-missing = Le domaine ne publie pas de politique DMARC. Gmail, Yahoo et Outlook.com l'exigent de tout expéditeur de newsletters. Commencez par l'enregistrement ci-dessous (il ne change rien à la distribution et vous envoie des rapports).
deliv-dmarc-multiple = Le domaine publie { $count } enregistrements DMARC ; les destinataires ignorent alors DMARC. Gardez-en un seul.
deliv-dmarc-no-alignment = DMARC dit « { $policy } », mais ni SPF ni DKIM ne peuvent réussir pour ce domaine avec votre fournisseur : les destinataires vont { $policy ->
    [reject] refuser
   *[other] mettre en indésirables
} votre newsletter. Corrigez d'abord SPF ou DKIM ci-dessus.
deliv-dmarc-ok = DMARC est en place (politique « { $policy } ») et votre fournisseur peut y satisfaire.
deliv-dmarc-none = DMARC est en place avec la politique « none » : les destinataires font rapport mais n'agissent pas. Quand les rapports montrent que tout votre courrier réussit, passez à « p=quarantine ».
deliv-dmarc-none-unaligned = DMARC est en place avec la politique « none », mais ni SPF ni DKIM ne peuvent encore réussir pour ce domaine avec votre fournisseur : corrigez-les ci-dessus, sinon les fournisseurs se méfieront de votre newsletter.
deliv-dmarc-invalid = L'enregistrement DMARC n'a pas de politique valable (p=none, quarantine ou reject) ; les destinataires l'ignorent.
error-deliv-address = Ce n'est pas une adresse e-mail. Vérifiez l'adresse d'expéditeur.
error-deliv-dns = Le domaine n'a pas pu être consulté (pas de réponse du DNS). Vérifiez la connexion internet et réessayez.

## Délivrabilité : liens et contenu
deliv-link-ok = Le lien fonctionne.
deliv-link-redirected = Le lien fonctionne ; il mène à { $target }.
deliv-link-login = Le lien mène à une page de connexion ({ $target }) : les lecteurs sans compte ne verront pas la page. Mettez plutôt un lien vers une page publique.
deliv-link-other-site = Le lien mène à un autre site ({ $target }). Vérifiez que c'est bien la page voulue, et mettez un lien direct vers elle.
deliv-link-status = La page répond par l'erreur { $status } : les lecteurs trouveront { $status ->
    [404] une page qui n'existe pas
    [410] une page supprimée
   *[other] une erreur
}. Corrigez le lien.
deliv-link-loop = Le lien tourne en rond (ses redirections reviennent à leur point de départ) : aucun lecteur n'arrive à une page. Corrigez le lien.
deliv-link-too-many-redirects = Le lien est renvoyé plus de { $count } fois : navigateurs et messageries abandonnent. Mettez un lien direct vers la page finale.
deliv-link-unknown-host = Le site { $host } n'existe pas (son nom est introuvable). Vérifiez l'orthographe du lien.
deliv-link-tls = Le site { $host } a un certificat auquel les navigateurs ne font pas confiance : les lecteurs reçoivent un avertissement de sécurité. Prévenez le propriétaire du site, ou mettez un lien vers une autre page.
deliv-link-timeout = Le site n'a pas répondu en { $seconds } secondes. Réessayez plus tard ; s'il reste muet, mettez un lien vers une autre page.
deliv-link-unreachable = Le site { $host } est injoignable. Vérifiez le lien, ou réessayez plus tard.
deliv-link-malformed = Ce n'est pas un lien web que Tandem peut vérifier. Corrigez l'adresse (elle doit commencer par https://).
deliv-link-mailto = Le lien e-mail est bien formé.
deliv-link-mailto-bad = Le lien e-mail ne contient pas d'adresse valable. Corrigez-le.
deliv-link-tel = Le lien téléphone est bien formé.
deliv-link-tel-bad = Le lien téléphone ne contient pas de numéro de téléphone. Corrigez-le.
deliv-alt-missing = L'image du bloc { $block } n'a pas de description en { $lang ->
    [fr] français
   *[nl] néerlandais
} : les lecteurs dont la messagerie masque les images, et les lecteurs aveugles, n'ont rien. Ajoutez-en une.
deliv-subject-long = L'objet en { $lang ->
    [fr] français
   *[nl] néerlandais
} compte { $count } caractères : les téléphones en montrent environ { $max }. Mettez l'essentiel au début, ou raccourcissez-le.
deliv-preheader-empty = Le texte d'aperçu en { $lang ->
    [fr] français
   *[nl] néerlandais
} est vide : les boîtes de réception montrent alors les premiers mots du message. Écrivez une ligne qui donne envie d'ouvrir.
deliv-size-ok = L'édition { $edition ->
    [fr] française
    [nl] néerlandaise
   *[bilingual] bilingue
} pèse { $kb } Ko : Gmail l'affiche en entier.
deliv-size-clipped = L'édition { $edition ->
    [fr] française
    [nl] néerlandaise
   *[bilingual] bilingue
} pèse { $kb } Ko : Gmail coupe les messages de plus de 102 Ko et cache la suite, lien de désinscription compris. Raccourcissez-la ou scindez-la.
deliv-domain-unchecked = Le domaine de l'expéditeur n'a pas pu être vérifié ({ $reason }). Le reste a été vérifié.
deliv-record-at = À publier sur { $name } :
deliv-link-chain = Redirections : { $chain }
deliv-links-ok = { $count ->
    [one] 1 lien fonctionne
   *[other] { $count } liens fonctionnent
}
send-deliverability-title = Arrivera-t-elle ?
send-deliverability-busy = Vérification du domaine de l'expéditeur et de chaque lien…
send-deliverability-summary = { $blocking ->
    [0] Rien ne bloque la newsletter ;
    [one] 1 problème peut arrêter la newsletter ;
   *[other] { $blocking } problèmes peuvent arrêter la newsletter ;
} { $improve ->
    [0] rien à améliorer.
    [one] 1 point à améliorer.
   *[other] { $improve } points à améliorer.
}
send-deliverability-all-good = Le domaine de l'expéditeur, chaque lien et le contenu sont en ordre.
send-deliverability-again = Vérifier à nouveau
send-confirm-blocking = { $count ->
    [one] 1 problème signalé sous « Arrivera-t-elle ? » peut arrêter cette newsletter.
   *[other] { $count } problèmes signalés sous « Arrivera-t-elle ? » peuvent arrêter cette newsletter.
} N'envoyez quand même que si vous savez pourquoi.
sending-domain-title = Domaine d'envoi
sending-domain-help = Gmail, Yahoo et Outlook.com mettent en indésirables, ou refusent, le courrier d'un domaine sans SPF, DKIM et DMARC. Vérifiez ce que publie votre domaine ; Tandem donne l'enregistrement exact à transmettre à qui le gère.
sending-domain-from = Adresse d'expéditeur
sending-domain-from-placeholder = l'adresse des réglages d'envoi
sending-domain-provider = Envoyé avec
sending-domain-provider-saved = comme dans les réglages d'envoi
sending-domain-check = Vérifier le domaine
sending-domain-busy = Vérification…
sending-domain-result = Ce que publie { $domain } :
send-bounce-rate = { $bounced } des { $sent } messages acceptés sont revenus non distribuables ({ $percent } %) : sous les 2 % à partir desquels Gmail, Yahoo et Outlook.com se méfient d'un expéditeur.
send-bounce-rate-high = { $bounced } des { $sent } messages acceptés sont revenus non distribuables ({ $percent } %) : au-dessus des 2 % à partir desquels Gmail, Yahoo et Outlook.com mettent le courrier d'un expéditeur en indésirables. Tandem n'envoie plus à ces adresses. Avant le prochain numéro, vérifiez d'où viennent les adresses de cette liste, et retirez celles que personne n'a confirmées depuis des années.
deliv-arrival-inbox = Le message de test est arrivé dans la boîte de réception ({ $folder }).
deliv-arrival-junk = Le message de test est arrivé dans les indésirables ({ $folder }) : les newsletters de vos lecteurs aussi. Corrigez d'abord ce qui est signalé ci-dessous.
deliv-received = Le destinataire indique { $method }={ $result }{ $result ->
    [pass] .
    [none] { "\u00A0" }: il n'a rien trouvé à vérifier. Voyez les constats sur le domaine d'envoi.
   *[other] { "\u00A0" }: voyez les constats sur le domaine d'envoi pour ce qu'il faut corriger.
}
deliv-received-unknown = Le destinataire n'a écrit aucun résultat { $method } sur le message.
deliv-scl-ok = Le niveau de confiance anti-spam de Microsoft est { $scl } : pas du spam.
deliv-scl-spam = Le niveau de confiance anti-spam de Microsoft est { $scl } : Outlook et Microsoft 365 traitent le message comme du spam.
deliv-received-size = Le message reçu pèse { $kb } Ko.
deliv-arrival-missing = Le message de test n'est pas arrivé dans { $address } après { $seconds } secondes, ni dans la boîte de réception ni dans les indésirables. Il est peut-être retenu ou refusé : vérifiez à nouveau dans quelques minutes, et voyez les constats sur le domaine d'envoi.
deliv-arrival-not-sent = Le serveur d'envoi n'a pas accepté le message de test : il ne peut pas être cherché. Vérifiez les réglages d'envoi et envoyez-le à nouveau.
send-roundtrip-title = Comment arrive-t-elle vraiment ?
send-roundtrip-help = Tandem envoie un message de test de l'édition choisie à { $email }, le retrouve dans la boîte de réception ou dans les indésirables, et lit ce que le destinataire en a dit. Puis il le classe dans le dossier Tandem ; rien d'autre dans la boîte n'est lu ni déplacé.
send-roundtrip-button = M'envoyer un test et le vérifier
send-roundtrip-sending = Envoi du message de test…
send-roundtrip-looking = Recherche du message de test dans la boîte (jusqu'à une minute)…
send-roundtrip-off = Indiquez la boîte aux lettres dans les Réglages (Boîte aux lettres d'envoi) pour vérifier comment arrive un message de test.
deliv-dkim-verify = Vérification par Tandem de la signature DKIM de { $domain } (sélecteur { $selector }) avec la clé publiée dans le DNS : { $result ->
    [pass] elle est valable.
    [fail] elle n'est pas valable : le message a été modifié après la signature, ou la clé du DNS n'est pas celle qui a signé.
   *[other] { $result }. Vérifiez que la clé est publiée sur { $selector }._domainkey.{ $domain }.
}
deliv-dkim-verify-unsigned = Le message de test est arrivé sans aucune signature DKIM : les fournisseurs font moins confiance aux newsletters non signées. Activez la signature DKIM chez votre fournisseur (voir les constats sur le domaine d'envoi).
deliv-dkim-verify-error = Tandem n'a pas pu vérifier lui-même la signature DKIM ({ $reason }).
error-issue-sent-kept = Ce numéro a été envoyé : il reste, pour que son registre dise qui l'a reçu. Créez plutôt un nouveau numéro à partir de lui.
composer-new-from = Nouveau numéro à partir de celui-ci
composer-delete-issue = Supprimer ce numéro
composer-delete-confirm = Supprimer le numéro { $number } avec ses blocs et ses images ? C'est définitif (les sauvegardes le gardent).
composer-delete-yes = Supprimer
crash-title = Tandem s'est fermé de façon inattendue la dernière fois. Rien de ce que vous aviez enregistré n'est perdu. Si cela se reproduit, copiez le rapport et envoyez-le à qui vous aide avec Tandem : il ne contient ni adresse, ni nom, ni mot de passe.
crash-show = Afficher le rapport
crash-copy = Copier le rapport
crash-copied = Copié.

## Diagnostic report (Settings → About, `tandem doctor`)
doctor-button = Copier un rapport de diagnostic
doctor-intro = Le rapport ci-dessous contient ce que Tandem sait de cette installation, pour la personne qui vous aide. Il ne contient aucune adresse, aucun nom, aucun mot de passe ni aucune clé. Tandem teste maintenant les connexions configurées dans les Réglages.
doctor-running = Test des connexions…
doctor-copy = Copier le rapport
doctor-copied = Copié. Collez-le dans un message à la personne qui vous aide.
doctor-close = Fermer
doctor-line = { $label }{ "\u00A0" }: { $value }
doctor-heading = Tandem — rapport de diagnostic
doctor-section-about = Cette installation
doctor-section-counts = Contenu du fichier
doctor-section-settings = Réglages (sans les secrets)
doctor-section-checks = Tests de connexion
doctor-section-log = Dernières lignes du journal
doctor-version = Version
doctor-system = Système
doctor-webview = Moteur d’affichage
doctor-data-folder = Dossier des données
doctor-database = Fichier de la base de données
doctor-schema = Schéma de la base de données
doctor-keychain = Trousseau du système disponible
doctor-issues = Numéros
doctor-contacts = Contacts
doctor-contacts-by-status = Contacts par statut
doctor-sends = Envois
doctor-database-size = Taille de la base de données
doctor-backups = Sauvegardes (la plus récente)
doctor-smtp = Serveur d’envoi
doctor-smtp-pace = Cadence
doctor-smtp-trust = Certificats acceptés
doctor-imap = Boîte relue
doctor-sign-in = Connexion au compte
doctor-translation = Service de traduction
doctor-backup-settings = Sauvegardes
doctor-check-smtp = Serveur d’envoi (SMTP)
doctor-check-imap = Boîte aux lettres (IMAP)
doctor-check-sign-in = Renouvellement du jeton de connexion
doctor-check-translation = Service de traduction
doctor-checks-skipped = Non effectués (hors ligne)
doctor-yes = oui
doctor-no = non
doctor-status-ok = fonctionne
doctor-status-failed = ne fonctionne pas
doctor-status-not-set = non configuré
doctor-status-count = { $status ->
    [subscribed] inscrits
    [unsubscribed] désinscrits
    [bounced] adresse en erreur
   *[other] { $status }
  }{ "\u00A0" }: { $count }
doctor-kb = { $kb } Ko
doctor-outbox = boîte d’envoi (aucun serveur configuré)
doctor-smtp-value = { $host }:{ $port } { $security }, { $login ->
    [oauth] connexion au compte (XOAUTH2)
    [none] sans identifiant
   *[password] identifiant et mot de passe, mot de passe enregistré{ "\u00A0" }: { $saved ->
        [yes] oui
       *[no] non
    }
  }, préréglage{ "\u00A0" }: { $preset ->
    [custom] personnalisé
   *[other] { $preset }
  }
doctor-smtp-pace-value = { $limits ->
    [none] sans limite
   *[other] { $limits }
  }{ "\u00A0" }; { $concurrency } à la fois
doctor-trust-pinned = certificat épinglé
doctor-trust-ca = autorité de certification supplémentaire
doctor-trust-system = ceux du système
doctor-imap-value = { $host }:{ $port } { $security }, dossier { $folder }, { $login ->
    [oauth] connexion au compte
   *[password] mot de passe
  }, automatique{ "\u00A0" }: { $automatic ->
    [yes] oui
   *[no] non
  }
doctor-sign-in-value = { $provider }, connecté le { $when }, jeton gardé dans { $kept ->
    [file] un fichier privé
   *[keychain] le trousseau
  }
doctor-translation-value = { $service }, clé enregistrée{ "\u00A0" }: { $saved ->
    [yes] oui
   *[no] non
  }
doctor-backup-settings-value = second dossier{ "\u00A0" }: { $folder }, phrase secrète enregistrée{ "\u00A0" }: { $passphrase ->
    [yes] oui
   *[no] non
  }
doctor-mailbox-messages = { $count ->
    [one] { $count } message dans le dossier
   *[other] { $count } messages dans le dossier
  }
doctor-token-renewed = jeton renouvelé
doctor-token-valid-until = jeton renouvelé, valable jusqu’au { $until }
doctor-translation-answers = répond
doctor-translation-usage = répond{ "\u00A0" }; { $used } caractères utilisés sur { $limit }
