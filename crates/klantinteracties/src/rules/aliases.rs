//! Older attribute names of the VNG documents and their API 0.9.0 counterparts, so that an
//! `unknown-field` violation can say "did you mean `kanaal`" (architecture decision 1).

use super::shape::Shape;

/// Old name → API 0.9.0 name, as the VNG cases and functions use them.
pub const ALIASES: &[(&str, &str)] = &[
    ("codeKanaal", "kanaal"),
    ("codeTaal", "taal"),
    ("codeVoorkeurstaal", "voorkeurstaal"),
    ("verwerktOp", "afgehandeldOp"),
    ("toegewezenAanActor", "toegewezenAanActoren"),
    ("codeSoortDigitaalAdres", "soortDigitaalAdres"),
    ("partijtype", "partijIdentificatie"),
    ("actortype", "actorIdentificatie"),
    ("persoonsnaam", "contactnaam"),
    ("onderwerpWasKlantcontact", "wasKlantcontact"),
    ("wasOnderwerpVanKlantcontact", "klantcontact"),
    ("identificeerdePartij", "identificeerdePartij"),
    ("codeLand", "land"),
    ("nummeraanduidingid", "nummeraanduidingId"),
    ("klantcontactId", "klantcontact"),
    ("actorId", "actor"),
    ("betrokkeneBijKlantcontact", "betrokkene"),
    ("eMailadres", "emailadres"),
    ("id", "uuid"),
];

/// A suggestion for an unknown property `key` of `shape`: an old name from [`ALIASES`], the
/// camelCase form of a snake_case name, or a name that differs only in case; only names the
/// shape really has are suggested.
pub fn suggest(key: &str, shape: &Shape) -> Option<&'static str> {
    let known = |candidate: &str| shape.field(candidate).map(|f| f.name);
    if let Some(hit) = ALIASES
        .iter()
        .filter(|(old, _)| old.eq_ignore_ascii_case(key))
        .find_map(|(_, new)| known(new))
    {
        return Some(hit);
    }
    if key.contains('_') {
        let mut camel = String::with_capacity(key.len());
        let mut upper = false;
        for c in key.chars() {
            if c == '_' {
                upper = true;
            } else if upper {
                camel.extend(c.to_uppercase());
                upper = false;
            } else {
                camel.push(c);
            }
        }
        if let Some(hit) = known(&camel) {
            return Some(hit);
        }
    }
    shape
        .fields
        .iter()
        .find(|f| f.name.eq_ignore_ascii_case(key))
        .map(|f| f.name)
}
