//! Live updates: a change made on any node reaches every open page of the same canvas within
//! milliseconds. Each node keeps one broadcast channel per watched canvas; on PostgreSQL a change
//! travels through `NOTIFY` and every node's listener hands it to its local channels, on SQLite
//! (one node) it is handed over directly.
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use store::Db;
use tokio::sync::{broadcast, watch};

/// What changed on a canvas: the pages re-read these blocks.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Change {
    pub canvas: i64,
    pub blocks: Vec<String>,
    /// The page that made the change (it already shows it), if the change came from a script.
    pub client: String,
}

#[derive(Clone)]
pub struct Live {
    channels: Arc<Mutex<HashMap<i64, broadcast::Sender<Arc<Change>>>>>,
    closed: watch::Sender<bool>,
}

impl Default for Live {
    fn default() -> Self {
        Live {
            channels: Arc::default(),
            closed: watch::channel(false).0,
        }
    }
}

impl Live {
    /// Starts the cross-node listener when the database is shared.
    pub fn start(db: &Db) -> Live {
        let live = Live::default();
        if store::live::crosses_nodes(db) {
            tokio::spawn(listen(live.clone(), db.clone()));
        }
        live
    }

    /// Changes of one canvas from now on.
    pub fn subscribe(&self, canvas: i64) -> broadcast::Receiver<Arc<Change>> {
        let mut channels = self.channels.lock().unwrap_or_else(|e| e.into_inner());
        channels
            .entry(canvas)
            .or_insert_with(|| broadcast::channel(64).0)
            .subscribe()
    }

    /// Tells every page of the canvas, on every node. A failure to notify is logged, never
    /// returned: the change itself is saved, and pages catch up when they reconnect.
    pub async fn publish(&self, db: &Db, change: Change) {
        if store::live::crosses_nodes(db) {
            match serde_json::to_string(&change) {
                Ok(payload) => {
                    if let Err(err) = store::live::notify(db, &payload).await {
                        tracing::warn!(error = %err, "live change not sent");
                    }
                }
                Err(err) => tracing::warn!(error = %err, "live change not encoded"),
            }
        } else {
            self.deliver(change);
        }
    }

    fn deliver(&self, change: Change) {
        let mut channels = self.channels.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(tx) = channels.get(&change.canvas) {
            if tx.receiver_count() == 0 {
                channels.remove(&change.canvas);
            } else {
                let _ = tx.send(Arc::new(change));
            }
        }
    }

    /// A signal that turns true on shutdown, so open streams end and the server can stop.
    pub fn closed(&self) -> watch::Receiver<bool> {
        self.closed.subscribe()
    }

    pub fn close(&self) {
        let _ = self.closed.send(true);
    }
}

/// Forwards every notification to this node's channels, reconnecting after a lost connection.
async fn listen(live: Live, db: Db) {
    let mut closed = live.closed();
    let mut delay = Duration::from_millis(200);
    loop {
        match store::live::listener(&db).await {
            Ok(Some(mut listener)) => {
                delay = Duration::from_millis(200);
                loop {
                    tokio::select! {
                        _ = closed.wait_for(|c| *c) => return,
                        message = listener.recv() => match message {
                            Ok(n) => match serde_json::from_str::<Change>(n.payload()) {
                                Ok(change) => live.deliver(change),
                                Err(err) => tracing::warn!(error = %err, "unreadable live change"),
                            },
                            Err(err) => {
                                tracing::warn!(error = %err, "live listener lost its connection");
                                break;
                            }
                        },
                    }
                }
            }
            Ok(None) => return,
            Err(err) => tracing::warn!(error = %err, "live listener cannot connect"),
        }
        tokio::select! {
            _ = closed.wait_for(|c| *c) => return,
            _ = tokio::time::sleep(delay) => {}
        }
        delay = (delay * 2).min(Duration::from_secs(10));
    }
}
