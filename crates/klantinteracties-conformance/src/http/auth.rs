//! The `Authorization` header of each request, from secrets read out of the environment.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use serde_json::json;
use sha2::Sha256;

use super::target_file::Authentication;

/// A ready credential: the secret read once, the header made per request.
#[derive(Clone)]
pub(crate) enum Credential {
    None,
    Header(String),
    Jwt {
        client_id: String,
        secret: String,
        user_id: String,
    },
}

impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the secret.
        f.write_str(match self {
            Self::None => "Credential::None",
            Self::Header(_) => "Credential::Header(<redacted>)",
            Self::Jwt { .. } => "Credential::Jwt(<redacted>)",
        })
    }
}

fn env(var: &str, field: &str) -> Result<String, String> {
    match std::env::var(var) {
        Ok(v) if !v.is_empty() => Ok(v),
        _ => Err(format!(
            "authentication.{field}: the environment variable `{var}` is not set"
        )),
    }
}

impl Credential {
    /// Reads the secret the authentication names.
    pub(crate) fn from(auth: &Authentication) -> Result<Self, String> {
        Ok(match auth {
            Authentication::None => Self::None,
            Authentication::Token { token_env } => {
                Self::Header(format!("Token {}", env(token_env, "token_env")?))
            }
            Authentication::Bearer { token_env } => {
                Self::Header(format!("Bearer {}", env(token_env, "token_env")?))
            }
            Authentication::ZgwJwt {
                client_id,
                secret_env,
                user_id,
            } => Self::Jwt {
                client_id: client_id.clone(),
                secret: env(secret_env, "secret_env")?,
                user_id: user_id.clone().unwrap_or_else(|| "conformance".to_owned()),
            },
        })
    }

    /// The header's value for a request made now.
    pub(crate) fn header(&self) -> Option<String> {
        match self {
            Self::None => None,
            Self::Header(h) => Some(h.clone()),
            Self::Jwt {
                client_id,
                secret,
                user_id,
            } => Some(format!(
                "Bearer {}",
                zgw_jwt(client_id, secret, user_id, chrono::Utc::now().timestamp())
            )),
        }
    }
}

/// A ZGW JWT: HS256 over `{iss, iat, client_id, user_id, user_representation}`.
pub(crate) fn zgw_jwt(client_id: &str, secret: &str, user_id: &str, iat: i64) -> String {
    let header = json!({"alg": "HS256", "typ": "JWT"});
    let claims = json!({
        "iss": client_id,
        "iat": iat,
        "client_id": client_id,
        "user_id": user_id,
        "user_representation": user_id,
    });
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    );
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(signing_input.as_bytes());
    let signature = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
    format!("{signing_input}.{signature}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_jwt_is_signed_with_hs256_over_its_first_two_parts() {
        let jwt = zgw_jwt("klant-app", "geheim", "conformance", 1_700_000_000);
        let parts: Vec<&str> = jwt.split('.').collect();
        assert_eq!(parts.len(), 3);
        let claims: serde_json::Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
        assert_eq!(claims["client_id"], "klant-app");
        assert_eq!(claims["iat"], 1_700_000_000);
        let mut mac = Hmac::<Sha256>::new_from_slice(b"geheim").unwrap();
        mac.update(format!("{}.{}", parts[0], parts[1]).as_bytes());
        mac.verify_slice(&URL_SAFE_NO_PAD.decode(parts[2]).unwrap())
            .expect("the signature verifies with the secret");
        let mut other = Hmac::<Sha256>::new_from_slice(b"ander").unwrap();
        other.update(format!("{}.{}", parts[0], parts[1]).as_bytes());
        assert!(other
            .verify_slice(&URL_SAFE_NO_PAD.decode(parts[2]).unwrap())
            .is_err());
    }

    #[test]
    fn a_missing_variable_is_named_without_a_value() {
        let e = Credential::from(&Authentication::Token {
            token_env: "KLANTINTERACTIES_TEST_UNSET_VARIABLE".into(),
        })
        .unwrap_err();
        assert!(e.contains("KLANTINTERACTIES_TEST_UNSET_VARIABLE"), "{e}");
        assert!(format!("{:?}", Credential::Header("Token s3cret".into())).contains("redacted"));
    }
}
