//! E-mail: composed in the recipient's language from the catalogue, rendered as text and HTML,
//! queued as a job, then sent over SMTP — or written to a local outbox folder when no SMTP
//! server is configured, so the demo works offline.
use crate::config::Config;
use crate::error::WebError;
use crate::i18n::I18n;
use crate::state::AppState;
use askama::Template;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

pub const JOB_KIND: &str = "send_email";

/// A message ready to send, as stored in the job payload.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// One-click unsubscribe address (`List-Unsubscribe` and `List-Unsubscribe-Post` headers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_unsubscribe: Option<String>,
    /// Files sent with the message (an event's `.ics`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<MailAttachment>,
}

/// A file attached to a message: its name, its media type and its text (or, when `base64` is
/// set, its bytes in base64: a PDF).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct MailAttachment {
    pub name: String,
    pub content_type: String,
    pub body: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub base64: bool,
}

impl MailAttachment {
    /// A binary file (a PDF), kept in base64 in the job's payload.
    pub fn bytes(name: &str, content_type: &str, bytes: &[u8]) -> Self {
        use base64::Engine;
        MailAttachment {
            name: name.to_string(),
            content_type: content_type.to_string(),
            body: base64::engine::general_purpose::STANDARD.encode(bytes),
            base64: true,
        }
    }
}

/// The content of one e-mail, in one language.
pub struct Compose<'a> {
    pub i: I18n,
    pub to: &'a str,
    pub subject: String,
    pub greeting: String,
    pub paragraphs: Vec<String>,
    pub action: Option<(String, String)>,
    pub after: Vec<String>,
}

#[derive(Template)]
#[template(path = "email/message.html")]
struct HtmlMail<'a> {
    c: &'a Compose<'a>,
    footer: String,
    lang: &'static str,
    links: &'a [(String, String)],
}

#[derive(Template)]
#[template(path = "email/message.txt")]
struct TextMail<'a> {
    c: &'a Compose<'a>,
    footer: String,
    links: &'a [(String, String)],
}

impl Compose<'_> {
    pub fn render(&self) -> Result<OutgoingMail, WebError> {
        self.render_with_links(&[], None)
    }

    /// Renders with footer links (label, URL) — « unsubscribe », « my data » — and, when given,
    /// the one-click unsubscribe address for the `List-Unsubscribe` headers.
    pub fn render_with_links(
        &self,
        links: &[(String, String)],
        list_unsubscribe: Option<String>,
    ) -> Result<OutgoingMail, WebError> {
        let footer = self.i.t("email-footer");
        let html = HtmlMail {
            c: self,
            footer: footer.clone(),
            lang: self.i.code(),
            links,
        }
        .render()?;
        let text = TextMail {
            c: self,
            footer,
            links,
        }
        .render()?;
        Ok(OutgoingMail {
            to: self.to.to_string(),
            subject: self.subject.clone(),
            text,
            html,
            list_unsubscribe,
            attachments: Vec::new(),
        })
    }

    /// Renders and sends the message at once (from inside a job).
    pub async fn send_now(self, state: &AppState, job_id: i64) -> Result<(), String> {
        let mail = self.render().map_err(|e| e.to_string())?;
        state.mailer.send(&mail, job_id).await?;
        state
            .metrics
            .mails_sent
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }

    /// Renders and queues the message; the worker sends it.
    pub async fn queue(self, state: &AppState) -> Result<(), WebError> {
        let mail = self.render()?;
        queue_mail(state, &mail).await
    }

    /// Renders and queues the message inside the change's unit of work: it is sent only if
    /// that change commits. Wake the worker (`AppState::jobs_queued`) after the commit.
    pub async fn queue_in(self, tx: &mut store::Tx) -> Result<(), WebError> {
        queue_mail_in(tx, &self.render()?).await
    }
}

/// Queues a rendered message on the pool or inside the change's unit of work (see
/// `Compose::queue_in`).
pub async fn queue_mail_in<'e>(
    ex: impl Into<store::Exec<'e>>,
    mail: &OutgoingMail,
) -> Result<(), WebError> {
    let payload = serde_json::to_string(mail).map_err(|e| WebError::Internal(e.to_string()))?;
    store::jobs::enqueue(ex, JOB_KIND, &payload, None).await?;
    Ok(())
}

/// Queues a rendered message; the worker sends it.
pub async fn queue_mail(state: &AppState, mail: &OutgoingMail) -> Result<(), WebError> {
    queue_mail_in(&state.db, mail).await?;
    state.jobs_ready.notify_one();
    Ok(())
}

#[derive(Clone)]
pub struct Mailer {
    smtp: Option<AsyncSmtpTransport<Tokio1Executor>>,
    from: String,
    outbox: PathBuf,
}

impl Mailer {
    pub fn new(config: &Config) -> Self {
        let smtp = config.smtp_url.as_deref().and_then(|url| {
            AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .map(|b| b.timeout(Some(std::time::Duration::from_secs(20))).build())
                .map_err(
                    |e| tracing::error!(error = %e, "invalid SMTP URL; mails go to the outbox"),
                )
                .ok()
        });
        Mailer {
            smtp,
            from: config.mail_from.clone(),
            outbox: config.outbox_dir.clone(),
        }
    }

    pub fn outbox_dir(&self) -> Option<&std::path::Path> {
        self.smtp.is_none().then_some(self.outbox.as_path())
    }

    fn build(&self, mail: &OutgoingMail) -> Result<Message, String> {
        let from: Mailbox = self.from.parse().map_err(|e| format!("from: {e}"))?;
        let to: Mailbox = mail.to.parse().map_err(|e| format!("to: {e}"))?;
        let mut builder = Message::builder().from(from).to(to).subject(&mail.subject);
        if let Some(url) = &mail.list_unsubscribe {
            builder = builder
                .header(ListUnsubscribe(format!("<{url}>")))
                .header(ListUnsubscribePost);
        }
        let body = MultiPart::alternative_plain_html(mail.text.clone(), mail.html.clone());
        if mail.attachments.is_empty() {
            return builder.multipart(body).map_err(|e| e.to_string());
        }
        let mut mixed = MultiPart::mixed().multipart(body);
        for a in &mail.attachments {
            let content_type = ContentType::parse(&a.content_type).map_err(|e| e.to_string())?;
            let attachment = Attachment::new(a.name.clone());
            let part = if a.base64 {
                use base64::Engine;
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(&a.body)
                    .map_err(|e| format!("attachment: {e}"))?;
                attachment.body(bytes, content_type)
            } else {
                attachment.body(a.body.clone(), content_type)
            };
            mixed = mixed.singlepart(part);
        }
        builder.multipart(mixed).map_err(|e| e.to_string())
    }

    /// Sends one message; the error is kept on the job for the admin page.
    pub async fn send(&self, mail: &OutgoingMail, job_id: i64) -> Result<(), String> {
        let message = self.build(mail)?;
        match &self.smtp {
            Some(smtp) => smtp
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| format!("smtp: {e}")),
            None => {
                tokio::fs::create_dir_all(&self.outbox)
                    .await
                    .map_err(|e| format!("outbox: {e}"))?;
                // Named after the job, so a retried job overwrites instead of duplicating.
                let path = self.outbox.join(format!("{:>012}.eml", job_id));
                tokio::fs::write(&path, message.formatted())
                    .await
                    .map_err(|e| format!("outbox: {e}"))
            }
        }
    }
}

/// `List-Unsubscribe: <https://…>` (RFC 2369).
#[derive(Debug, Clone)]
struct ListUnsubscribe(String);

impl lettre::message::header::Header for ListUnsubscribe {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.to_string()))
    }

    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).
#[derive(Debug, Clone)]
struct ListUnsubscribePost;

impl lettre::message::header::Header for ListUnsubscribePost {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }

    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".into())
    }
}

/// Text of a stored outbox message, decoded enough for the admin page.
pub struct OutboxEntry {
    pub file: String,
    pub to: String,
    pub subject: String,
    pub date: String,
    pub text: String,
}

/// The newest messages of the outbox folder.
pub async fn read_outbox(dir: &std::path::Path, limit: usize) -> Vec<OutboxEntry> {
    let Ok(mut entries) = tokio::fs::read_dir(dir).await else {
        return Vec::new();
    };
    let mut names = Vec::new();
    while let Ok(Some(entry)) = entries.next_entry().await {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.ends_with(".eml") {
            names.push(name);
        }
    }
    names.sort_unstable_by(|a, b| b.cmp(a));
    let mut out = Vec::new();
    for name in names.into_iter().take(limit) {
        let Ok(raw) = tokio::fs::read_to_string(dir.join(&name)).await else {
            continue;
        };
        out.push(parse_eml(name, &raw));
    }
    out
}

/// Reads the headers and plain-text part of a message as written by lettre.
pub fn parse_eml(file: String, raw: &str) -> OutboxEntry {
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((raw, ""));
    // A long header is folded on several lines, each continuation starting with a blank.
    let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
    let header = |name: &str| {
        unfolded
            .lines()
            .find_map(|l| l.strip_prefix(name).map(|v| decode_header(v.trim())))
            .unwrap_or_default()
    };
    OutboxEntry {
        to: header("To:"),
        subject: header("Subject:"),
        date: header("Date:"),
        text: text_part(body),
        file,
    }
}

/// Decodes an RFC 2047 `=?utf-8?b?…?=` header (what lettre writes for non-ASCII subjects).
fn decode_header(value: &str) -> String {
    use base64::Engine;
    value
        .split_whitespace()
        .map(|word| {
            let lower = word.to_ascii_lowercase();
            if lower.starts_with("=?utf-8?b?") && word.ends_with("?=") && word.len() >= 12 {
                base64::engine::general_purpose::STANDARD
                    .decode(&word[10..word.len() - 2])
                    .ok()
                    .and_then(|b| String::from_utf8(b).ok())
                    .unwrap_or_else(|| word.to_string())
            } else {
                format!("{word} ")
            }
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// The plain-text part of a multipart body, with quoted-printable soft breaks undone.
fn text_part(body: &str) -> String {
    part(body, "text/plain")
}

/// The decoded text of the first part of a message whose type starts with `content_type`
/// (`text/plain`, `text/calendar`…).
pub fn part(body: &str, content_type: &str) -> String {
    let Some(start) = body.find(&format!("Content-Type: {content_type}")) else {
        return String::new();
    };
    let part = &body[start..];
    let (head, rest) = part.split_once("\r\n\r\n").unwrap_or(("", part));
    // The next boundary line (`--` and the boundary); a lone `--` is the text's own signature
    // separator.
    let end = rest
        .match_indices("\r\n--")
        .map(|(i, _)| i)
        .find(|i| !rest[i + 4..].starts_with("\r\n") && i + 4 < rest.len())
        .unwrap_or(rest.len());
    let content = &rest[..end];
    if head.contains("base64") {
        use base64::Engine;
        let joined: String = content.lines().collect();
        base64::engine::general_purpose::STANDARD
            .decode(joined.trim())
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_default()
    } else if head.contains("quoted-printable") {
        decode_qp(content)
    } else {
        content.to_string()
    }
}

fn decode_qp(input: &str) -> String {
    let joined = input.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let Some(b) = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_what_lettre_writes() {
        assert_eq!(decode_header("=?utf-8?b?w4lsw6hu?="), "Élèn");
        assert_eq!(decode_header("Plain subject"), "Plain subject");
        assert_eq!(decode_qp("caf=C3=A9 =\r\nsuite"), "café suite");
        // Hostile input never panics.
        assert_eq!(decode_header("=?utf-8?b?="), "=?utf-8?b?=");
        assert_eq!(decode_qp("a=é1 b=\u{1F600}"), "a=é1 b=\u{1F600}");
        assert_eq!(decode_qp("fin="), "fin=");
    }
}
