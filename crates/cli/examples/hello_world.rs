//! Minimal axum hello-world server, used as a baseline by `scripts/bench.sh`.
//!
//! Usage: `hello_world [ADDR]` (default `127.0.0.1:8090`).

use std::net::SocketAddr;

use axum::{Router, routing::get};
use tokio::net::TcpListener;

const DEFAULT_ADDR: &str = "127.0.0.1:8090";

#[tokio::main]
async fn main() {
    let raw = std::env::args()
        .nth(1)
        .unwrap_or_else(|| DEFAULT_ADDR.to_owned());
    let addr: SocketAddr = match raw.parse() {
        Ok(addr) => addr,
        Err(err) => {
            eprintln!(
                "hello_world: invalid address {raw:?}: {err} (expected IP:PORT, e.g. {DEFAULT_ADDR})"
            );
            std::process::exit(2);
        }
    };

    let app = Router::new().route("/", get(|| async { "Hello, world!" }));

    let listener = match TcpListener::bind(addr).await {
        Ok(listener) => listener,
        Err(err) => {
            eprintln!("hello_world: cannot bind {addr}: {err}");
            std::process::exit(1);
        }
    };
    eprintln!("hello_world: listening on http://{addr}");

    if let Err(err) = axum::serve(listener, app).await {
        eprintln!("hello_world: server error: {err}");
        std::process::exit(1);
    }
}
