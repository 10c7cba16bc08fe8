//! API tokens as Open Klant takes them (`Authorization: Token <key>`), each with the name of
//! the application it was given to; the name is the audit log's `who` (B8694).

use std::collections::HashMap;
use std::path::Path;

/// The tokens the server accepts: key → the application's name.
#[derive(Clone, Default)]
pub struct Tokens {
    by_key: HashMap<String, String>,
}

impl std::fmt::Debug for Tokens {
    // Keys are secrets: only the names are shown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut names: Vec<&String> = self.by_key.values().collect();
        names.sort();
        f.debug_struct("Tokens").field("names", &names).finish()
    }
}

/// A tokens file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum TokensError {
    /// The file cannot be read.
    #[error("cannot read the tokens file {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A line is not `name: key`.
    #[error("tokens file line {line}: expected `name: key`")]
    Line {
        /// The line number, from 1.
        line: usize,
    },
    /// A key or name is given twice.
    #[error("tokens file line {line}: {what} given twice")]
    Twice {
        /// The line number, from 1.
        line: usize,
        /// `key` or `name`.
        what: &'static str,
    },
}

impl Tokens {
    /// Reads a tokens file: one `name: key` a line; empty lines and lines starting with `#`
    /// are skipped. A key has no white space.
    pub fn from_file(path: &Path) -> Result<Self, TokensError> {
        let text = std::fs::read_to_string(path).map_err(|source| TokensError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Self::parse(&text)
    }

    /// Reads the text of a tokens file.
    pub fn parse(text: &str) -> Result<Self, TokensError> {
        let mut tokens = Self::default();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((name, key)) = line.split_once(':') else {
                return Err(TokensError::Line { line: i + 1 });
            };
            let (name, key) = (name.trim(), key.trim());
            if name.is_empty() || key.is_empty() || key.contains(char::is_whitespace) {
                return Err(TokensError::Line { line: i + 1 });
            }
            if tokens.by_key.values().any(|n| n == name) {
                return Err(TokensError::Twice {
                    line: i + 1,
                    what: "name",
                });
            }
            if tokens
                .by_key
                .insert(key.to_owned(), name.to_owned())
                .is_some()
            {
                return Err(TokensError::Twice {
                    line: i + 1,
                    what: "key",
                });
            }
        }
        Ok(tokens)
    }

    /// One token, named `name`.
    pub fn single(name: &str, key: &str) -> Self {
        let mut tokens = Self::default();
        tokens.by_key.insert(key.to_owned(), name.to_owned());
        tokens
    }

    /// Whether no token is accepted (then every request but `/health` is refused).
    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }

    /// How many tokens there are.
    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    /// The application a key belongs to.
    pub fn name_of(&self, key: &str) -> Option<&str> {
        self.by_key.get(key).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tokens_file_names_each_key() {
        let t = Tokens::parse("# KCC\nkiss: abc123\n\nformulieren :  def456 \n").unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t.name_of("abc123"), Some("kiss"));
        assert_eq!(t.name_of("def456"), Some("formulieren"));
        assert_eq!(t.name_of("xyz"), None);
        assert!(!format!("{t:?}").contains("abc123"), "Debug shows no key");
    }

    #[test]
    fn a_bad_tokens_file_is_refused_with_its_line() {
        for (text, line) in [
            ("kiss abc", 1),
            ("kiss: a b", 1),
            ("a: x\n: y", 2),
            ("a: x\nb: x", 2),
            ("a: x\na: y", 2),
        ] {
            let e = Tokens::parse(text).unwrap_err();
            assert!(
                e.to_string().contains(&format!("line {line}")),
                "{text}: {e}"
            );
        }
    }
}
