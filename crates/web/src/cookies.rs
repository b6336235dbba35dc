//! Reading and writing the few cookies we use, with the right flags.
use axum::http::{HeaderMap, HeaderValue, header};

/// Cookie names; `__Host-` prefixed when cookies are Secure (HTTPS).
#[derive(Debug, Clone, Copy)]
pub struct Names {
    pub session: &'static str,
    pub csrf: &'static str,
    pub secure: bool,
}

impl Names {
    pub fn new(secure: bool) -> Self {
        if secure {
            Names {
                session: "__Host-session",
                csrf: "__Host-csrf",
                secure,
            }
        } else {
            Names {
                session: "session",
                csrf: "csrf",
                secure,
            }
        }
    }
}

pub const LANG: &str = "lang";
pub const FLASH: &str = "flash";

/// The value of cookie `name` in a request.
pub fn get<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (k, v) = pair.trim().split_once('=')?;
            (k == name).then_some(v)
        })
}

/// A `Set-Cookie` value. `max_age` 0 deletes the cookie.
pub fn set(name: &str, value: &str, max_age: i64, http_only: bool, secure: bool) -> HeaderValue {
    let mut cookie = format!("{name}={value}; Path=/; Max-Age={max_age}; SameSite=Lax");
    if http_only {
        cookie.push_str("; HttpOnly");
    }
    if secure {
        cookie.push_str("; Secure");
    }
    HeaderValue::from_str(&cookie)
        .unwrap_or_else(|_| HeaderValue::from_static("invalid=; Max-Age=0"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cookies() {
        let mut h = HeaderMap::new();
        h.append(header::COOKIE, HeaderValue::from_static("a=1; session=abc"));
        h.append(header::COOKIE, HeaderValue::from_static("lang=en"));
        assert_eq!(get(&h, "session"), Some("abc"));
        assert_eq!(get(&h, "lang"), Some("en"));
        assert_eq!(get(&h, "sess"), None);
        let c = set("session", "x", 60, true, true);
        assert_eq!(
            c.to_str().unwrap(),
            "session=x; Path=/; Max-Age=60; SameSite=Lax; HttpOnly; Secure"
        );
    }
}
