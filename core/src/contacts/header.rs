//! Column headers in French, Dutch and English, and Outlook's and Google Contacts'
//! export columns, recognised whatever their case, accents or punctuation.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Field {
    Email,
    FirstName,
    LastName,
    Organisation,
    Language,
    Lists,
    Notes,
    ConsentSource,
    ConsentDate,
    Status,
}

/// Lower case, accents removed, letters and digits only.
fn key(header: &str) -> String {
    header
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            c => c,
        })
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

const ALIASES: &[(Field, &[&str])] = &[
    (
        Field::Email,
        &[
            "email",
            "courriel",
            "adressee",
            "adresseemail",
            "adressecourriel",
            "mail",
            "emailadres",
            "emailaddress",
            "email1value",
            "primaryemail",
            "emailadresse",
            "adresseelectronique",
            "eadres",
        ],
    ),
    (
        Field::FirstName,
        &["prenom", "voornaam", "firstname", "givenname", "first"],
    ),
    (
        Field::LastName,
        &[
            "nom",
            "nomdefamille",
            "naam",
            "achternaam",
            "familienaam",
            "lastname",
            "familyname",
            "surname",
            "last",
        ],
    ),
    (
        Field::Organisation,
        &[
            "organisation",
            "organisatie",
            "organization",
            "company",
            "societe",
            "entreprise",
            "bedrijf",
            "organization1name",
            "organizationname",
            "institution",
            "structure",
        ],
    ),
    (
        Field::Language,
        &[
            "langue",
            "taal",
            "language",
            "lang",
            "languedecorrespondance",
        ],
    ),
    (
        Field::Lists,
        &[
            "listes",
            "liste",
            "lijsten",
            "lijst",
            "lists",
            "list",
            "groupmembership",
            "labels",
            "groupes",
            "groepen",
            "categories",
        ],
    ),
    (
        Field::Notes,
        &[
            "notes",
            "note",
            "remarques",
            "remarque",
            "opmerkingen",
            "notities",
            "commentaire",
        ],
    ),
    (
        Field::ConsentSource,
        &[
            "consentsource",
            "sourceduconsentement",
            "consentement",
            "brontoestemming",
            "toestemming",
        ],
    ),
    (
        Field::ConsentDate,
        &["consentdate", "dateduconsentement", "datumtoestemming"],
    ),
    (Field::Status, &["status", "statut"]),
];

/// The field each header stands for (`None`: ignored), each field used at most once
/// (the first matching column wins).
pub fn map_headers(headers: &[String]) -> Vec<Option<Field>> {
    let mut used = Vec::new();
    headers
        .iter()
        .map(|h| {
            let k = key(h);
            let field = ALIASES
                .iter()
                .find(|(_, aliases)| aliases.contains(&k.as_str()))
                .map(|(f, _)| *f)
                .filter(|f| !used.contains(f));
            if let Some(f) = field {
                used.push(f);
            }
            field
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(h: &str) -> Option<Field> {
        map_headers(&[h.to_owned()])[0]
    }

    #[test]
    fn headers_in_three_languages_and_from_mail_programs() {
        for h in [
            "e-mail",
            "Courriel",
            "Adresse e-mail",
            "E-mailadres",
            "E-mail Address",
            "E-mail 1 - Value",
            "EMAIL",
        ] {
            assert_eq!(one(h), Some(Field::Email), "{h}");
        }
        for h in ["Langue", "taal", "Language"] {
            assert_eq!(one(h), Some(Field::Language), "{h}");
        }
        for h in ["Nom", "naam", "Last Name", "Family Name"] {
            assert_eq!(one(h), Some(Field::LastName), "{h}");
        }
        for h in ["Prénom", "Voornaam", "First Name", "Given Name"] {
            assert_eq!(one(h), Some(Field::FirstName), "{h}");
        }
        for h in [
            "Organisation",
            "organisatie",
            "Company",
            "Organization 1 - Name",
        ] {
            assert_eq!(one(h), Some(Field::Organisation), "{h}");
        }
        for h in ["Listes", "lijsten", "Lists", "Group Membership"] {
            assert_eq!(one(h), Some(Field::Lists), "{h}");
        }
        assert_eq!(one("Fax"), None);
        let twice = map_headers(&["E-mail".into(), "E-mail 2".into(), "Courriel".into()]);
        assert_eq!(twice, vec![Some(Field::Email), None, None]);
    }
}
