//! A local SMTP sink: accepts every message and keeps it for the test to read, except to an
//! address starting with `refuse`, which it refuses as a server refuses an unknown mailbox.
use std::sync::Arc;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::Mutex;

/// Received messages: (recipients, raw message).
type Inbox = Arc<Mutex<Vec<(Vec<String>, String)>>>;

#[derive(Clone)]
pub struct SmtpSink {
    pub port: u16,
    messages: Inbox,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("smtp sink bind");
        let port = listener.local_addr().expect("addr").port();
        let messages: Inbox = Arc::default();
        let store = messages.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let store = store.clone();
                tokio::spawn(async move {
                    let (read, mut write) = stream.into_split();
                    let mut lines = BufReader::new(read).lines();
                    let _ = write.write_all(b"220 sink ESMTP\r\n").await;
                    let mut rcpt = Vec::new();
                    while let Ok(Some(line)) = lines.next_line().await {
                        let upper = line.to_ascii_uppercase();
                        let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO")
                        {
                            b"250-sink\r\n250 8BITMIME\r\n"
                        } else if upper.starts_with("RCPT TO:") {
                            let to = line[8..].trim().trim_matches(['<', '>']).to_string();
                            if to.starts_with("refuse") {
                                // A mailbox the server refuses (a bounce, for tests).
                                b"550 5.1.1 no such mailbox\r\n"
                            } else {
                                rcpt.push(to);
                                b"250 OK\r\n"
                            }
                        } else if upper.starts_with("DATA") {
                            let _ = write.write_all(b"354 go ahead\r\n").await;
                            let mut data = String::new();
                            while let Ok(Some(l)) = lines.next_line().await {
                                if l == "." {
                                    break;
                                }
                                data.push_str(
                                    l.strip_prefix('.')
                                        .filter(|_| l.starts_with(".."))
                                        .unwrap_or(&l),
                                );
                                data.push_str("\r\n");
                            }
                            store.lock().await.push((std::mem::take(&mut rcpt), data));
                            b"250 OK queued\r\n"
                        } else if upper.starts_with("QUIT") {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            break;
                        } else {
                            b"250 OK\r\n"
                        };
                        if write.write_all(reply).await.is_err() {
                            break;
                        }
                    }
                });
            }
        });
        SmtpSink { port, messages }
    }

    pub async fn count(&self) -> usize {
        self.messages.lock().await.len()
    }

    /// All messages sent to `to`, decoded.
    pub async fn to(&self, to: &str) -> Vec<web::mail::OutboxEntry> {
        self.messages
            .lock()
            .await
            .iter()
            .filter(|(rcpt, _)| rcpt.iter().any(|r| r == to))
            .map(|(_, raw)| web::mail::parse_eml(String::new(), raw))
            .collect()
    }

    /// The raw messages (headers and body) sent to `to`.
    pub async fn raw_to(&self, to: &str) -> Vec<String> {
        self.messages
            .lock()
            .await
            .iter()
            .filter(|(rcpt, _)| rcpt.iter().any(|r| r == to))
            .map(|(_, raw)| raw.clone())
            .collect()
    }

    pub async fn last_to(&self, to: &str) -> Option<web::mail::OutboxEntry> {
        self.to(to).await.pop()
    }
}
