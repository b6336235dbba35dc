//! Real headless Chromium through chromedriver (Debian's `chromium` and `chromium-driver`).
//! One chromedriver per test binary; one fresh browser profile per session. When no browser is
//! installed the test prints why and is skipped, except in CI (`CI=true`) where it fails
//! (`crate::missing`).
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

const AXE: &str = include_str!("../vendor/axe-core-4.11.0.min.js");

struct Driver {
    port: u16,
    _child: Child,
}

static DRIVER: OnceLock<Mutex<Option<Driver>>> = OnceLock::new();

fn find(names: &[&str]) -> Option<String> {
    names
        .iter()
        .find(|p| std::path::Path::new(p).exists())
        .map(|p| p.to_string())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(9515)
}

fn start_driver() -> Result<Driver, String> {
    let driver = find(&["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"])
        .ok_or("chromedriver not found (apt-get install chromium-driver)")?;
    find(&["/usr/bin/chromium", "/usr/bin/chromium-browser"])
        .ok_or("chromium not found (apt-get install chromium)")?;
    let port = free_port();
    let child = Command::new(driver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start chromedriver: {e}"))?;
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if started.elapsed() > Duration::from_secs(15) {
            return Err("chromedriver did not start".into());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(Driver {
        port,
        _child: child,
    })
}

/// A browser session, or `None` (with a note) when no browser can run here outside CI.
pub async fn browser(width: u32, height: u32) -> Option<Browser> {
    let port = {
        let cell = DRIVER.get_or_init(|| Mutex::new(None));
        let mut guard = cell.lock().unwrap_or_else(|e| e.into_inner());
        if guard.is_none() {
            match start_driver() {
                Ok(d) => *guard = Some(d),
                Err(why) => {
                    crate::missing(&format!("no browser for this test: {why}"));
                    return None;
                }
            }
        }
        guard.as_ref().map(|d| d.port)?
    };
    let profile = std::env::temp_dir().join(format!("impact-chrome-{}", crate::db::unique_name()));
    let mut caps = json!({
        "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--lang=fr-FR", "--accept-lang=fr-FR,fr",
                format!("--window-size={width},{height}"),
                format!("--user-data-dir={}", profile.display()),
            ],
            "prefs": { "intl.accept_languages": "fr-FR,fr" }
        }
    });
    // A desktop window is never narrower than 500 px: a phone's width is emulated instead (its
    // viewport, its `meta viewport`, touch), so a 360 px test really lays the page out at 360.
    if width < 500 {
        caps["goog:chromeOptions"]["mobileEmulation"] = json!({
            "deviceMetrics": { "width": width, "height": height, "pixelRatio": 1.0 }
        });
    }
    let caps = caps.as_object().cloned().unwrap_or_default();
    // fantoccini's TLS stack brings a second crypto provider; pick one (we only speak plain
    // HTTP to chromedriver on loopback).
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = ClientBuilder::rustls()
        .expect("rustls")
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("new browser session");
    Some(Browser { client, profile })
}

pub struct Browser {
    pub client: Client,
    profile: std::path::PathBuf,
}

impl Browser {
    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("goto");
    }

    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.element(css).await;
        field.clear().await.expect("clear");
        field.send_keys(text).await.expect("type");
    }

    async fn element(&self, css: &str) -> fantoccini::elements::Element {
        let element = self
            .client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .expect(css);
        let arg = serde_json::to_value(&element).expect("element");
        self.client
            .execute(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
                vec![arg],
            )
            .await
            .expect("scroll");
        element
    }

    /// Clicks something that loads a new page, and waits for that page.
    pub async fn click(&self, css: &str) {
        self.client
            .execute("window.__impactOldPage = true;", vec![])
            .await
            .expect("mark page");
        self.element(css).await.click().await.expect("click");
        let started = Instant::now();
        loop {
            let fresh = self
                .client
                .execute(
                    "return !window.__impactOldPage && document.readyState === 'complete';",
                    vec![],
                )
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            if fresh {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "no new page after clicking {css}"
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Clicks something that changes the page in place (opens a disclosure, …).
    pub async fn press(&self, css: &str) {
        self.element(css).await.click().await.expect("click");
    }

    /// Sends one key (arrow, Enter…) to an element, which gets the focus first.
    pub async fn key(&self, css: &str, key: fantoccini::key::Key) {
        let element = self.element(css).await;
        let arg = serde_json::to_value(&element).expect("element");
        self.client
            .execute("arguments[0].focus();", vec![arg])
            .await
            .expect("focus");
        element.send_keys(&key.to_string()).await.expect("key");
    }

    /// Drags `from` with the mouse and drops it over `to` (pointer events, as a person would).
    pub async fn drag(&self, from: &str, to: &str) {
        use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
        let source = self.element(from).await;
        let target = self.client.find(Locator::Css(to)).await.expect(to);
        let step = Some(Duration::from_millis(150));
        let actions = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement {
                element: source,
                duration: None,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::MoveToElement {
                element: target.clone(),
                duration: step,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::MoveToElement {
                element: target,
                duration: step,
                x: 0.0,
                y: 2.0,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.client.perform_actions(actions).await.expect("drag");
    }

    /// Draws a stroke on an element (a signature pad) with the mouse: pointer down at the first
    /// point, through the others, up at the last; points are offsets from its centre.
    pub async fn draw(&self, css: &str, points: &[(f64, f64)]) {
        use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
        let pad = self.element(css).await;
        let step = Some(Duration::from_millis(40));
        let mut actions = MouseActions::new("mouse".into());
        for (n, &(x, y)) in points.iter().enumerate() {
            actions = actions.then(PointerAction::MoveToElement {
                element: pad.clone(),
                duration: if n == 0 { None } else { step },
                x,
                y,
            });
            if n == 0 {
                actions = actions.then(PointerAction::Down {
                    button: MOUSE_BUTTON_LEFT,
                });
            }
        }
        actions = actions.then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
        self.client.perform_actions(actions).await.expect("draw");
    }

    /// Waits (up to 10 s) until the element's text contains `needle`, and returns the text.
    pub async fn wait_for_text(&self, css: &str, needle: &str) -> String {
        let started = Instant::now();
        loop {
            let text = match self.client.find(Locator::Css(css)).await {
                Ok(element) => element.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if text.contains(needle) {
                return text;
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "{needle:?} never appeared in {css}: {text:?}"
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Waits (up to 10 s) until a script expression is true.
    pub async fn wait_until(&self, script: &str) {
        let started = Instant::now();
        loop {
            let done = self
                .client
                .execute(&format!("return !!({script});"), vec![])
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            if done {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "never true: {script}"
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Chooses an option of a `<select>`.
    pub async fn select(&self, css: &str, value: &str) {
        let select = self.element(css).await;
        select
            .find(Locator::Css(&format!("option[value='{value}']")))
            .await
            .expect(value)
            .click()
            .await
            .expect("select");
    }

    pub async fn path(&self) -> String {
        self.client
            .current_url()
            .await
            .expect("url")
            .path()
            .to_string()
    }

    pub async fn html(&self) -> String {
        self.client.source().await.expect("source")
    }

    pub async fn text(&self, css: &str) -> String {
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .expect(css)
            .text()
            .await
            .expect("text")
    }

    /// Runs axe-core in the page and returns its violations as `rule: target…` lines.
    pub async fn axe_violations(&self) -> Vec<String> {
        self.client.execute(AXE, vec![]).await.expect("inject axe");
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))).catch(e => done(['axe error: ' + e]));",
                vec![],
            )
            .await
            .expect("run axe");
        result
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// `None` when the page fits the viewport's width (`scrollWidth <= innerWidth`); otherwise
    /// the widths and a selector for each outermost element that sticks out (elements inside
    /// a scrolling or clipping box do not count: they make no page scroll sideways).
    pub async fn too_wide(&self) -> Option<String> {
        let found = self
            .client
            .execute(
                r#"
const w = window.innerWidth, doc = document.documentElement;
if (doc.scrollWidth <= w) return null;
const name = el => {
  let s = el.tagName.toLowerCase();
  if (el.id) s += '#' + el.id;
  for (const c of el.classList) s += '.' + c;
  return s;
};
const path = el => {
  const parts = [];
  for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) parts.unshift(name(e));
  return parts.join(' > ');
};
// A scrolling or clipping box holds what is inside it, except an absolutely positioned element
// whose containing block is above that box.
const clipped = el => {
  let free = ['absolute', 'fixed'].includes(getComputedStyle(el).position);
  for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.overflowX !== 'visible' && (!free || s.position !== 'static')) return true;
    if (free && s.position !== 'static') free = ['absolute', 'fixed'].includes(s.position);
  }
  return false;
};
const out = [];
for (const el of document.body.querySelectorAll('*')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || (r.right <= w + 0.5 && r.left >= -0.5)) continue;
  if (clipped(el) || out.some(o => o.el.contains(el))) continue;
  out.push({ el, text: path(el) + ' [' + Math.round(r.left) + '..' + Math.round(r.right) + ']' });
  if (out.length >= 5) break;
}
return 'page ' + doc.scrollWidth + ' px wide in ' + w + ' px: ' + out.map(o => o.text).join(' ; ');
"#,
                vec![],
            )
            .await
            .expect("measure width");
        found.as_str().map(str::to_string)
    }

    /// Signs a demo person in (password `impact-demo`); they land on their dashboard.
    pub async fn sign_in(&self, url: &str, email: &str) {
        self.goto(&format!("{url}/login")).await;
        self.fill("#f-email", email).await;
        self.fill("#f-password", "impact-demo").await;
        self.click("form[action='/login'] button[type=submit]")
            .await;
        assert_eq!(self.path().await, "/dashboard");
    }

    /// axe-core finds no violation on the page, and nothing scrolls sideways.
    pub async fn check(&self, page: &str) {
        let violations = self.axe_violations().await;
        assert!(violations.is_empty(), "{page}: {violations:?}");
        assert_eq!(self.too_wide().await, None, "{page} scrolls sideways");
    }

    /// A screenshot with the element `css` at the top of the screen (to look at the lower parts
    /// of a page).
    pub async fn screenshot_at(&self, name: &str, css: &str) {
        self.client
            .execute(
                "const e = document.querySelector(arguments[0]); if (e) { e.scrollIntoView({block: 'start', behavior: 'instant'}); }",
                vec![serde_json::Value::String(css.into())],
            )
            .await
            .expect("scroll");
        self.screenshot(name).await;
    }

    /// Saves a PNG screenshot when `IMPACT_SCREENSHOTS` names a folder (to look at the pages).
    pub async fn screenshot(&self, name: &str) {
        if let Ok(dir) = std::env::var("IMPACT_SCREENSHOTS") {
            let png = self.client.screenshot().await.expect("screenshot");
            let _ = std::fs::create_dir_all(&dir);
            let _ = std::fs::write(std::path::Path::new(&dir).join(format!("{name}.png")), png);
        }
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
