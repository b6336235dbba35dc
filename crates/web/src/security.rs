//! Secrets: random tokens, their stored hashes, and argon2id password hashes.
use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString, rand_core::OsRng};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;
use thiserror::Error;
use tokio::sync::Semaphore;

/// A random token for a URL or a cookie (256 bits, URL-safe).
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What the database keeps of a token: its SHA-256, so a leaked table opens nothing.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Compares two secrets in constant time.
pub fn same_secret(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// OWASP's argon2id baseline: 19 MiB (in 1 KiB blocks), 2 passes, 1 lane.
const MEMORY_BLOCKS: u32 = 19 * 1024;

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_BLOCKS, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes into `memory` (at least [`MEMORY_BLOCKS`] blocks) and returns the PHC string.
fn hash_with(memory: &mut [Block], password: &[u8]) -> Result<String, String> {
    let salt = SaltString::generate(&mut OsRng);
    let mut salt_bytes = [0u8; 64];
    let salt_bytes = salt
        .decode_b64(&mut salt_bytes)
        .map_err(|e| e.to_string())?;
    let a = argon2();
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    a.hash_password_into_with_memory(password, salt_bytes, &mut out, memory)
        .map_err(|e| e.to_string())?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(a.params()).map_err(|e| e.to_string())?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&out).map_err(|e| e.to_string())?),
    };
    Ok(phc.to_string())
}

/// Checks `password` against a PHC string, computing in `memory` (a stored hash made with more
/// memory than ours, which we never write, gets its own).
fn verify_with(memory: &mut [Block], password: &[u8], stored: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    let (Ok(algorithm), Ok(params), Some(salt), Some(expected)) = (
        Algorithm::try_from(parsed.algorithm),
        Params::try_from(&parsed),
        parsed.salt,
        parsed.hash,
    ) else {
        return false;
    };
    let Ok(version) = parsed.version.map(Version::try_from).transpose() else {
        return false;
    };
    let mut salt_bytes = [0u8; 64];
    let Ok(salt_bytes) = salt.decode_b64(&mut salt_bytes) else {
        return false;
    };
    let blocks = params.block_count();
    let a = Argon2::new(algorithm, version.unwrap_or_default(), params);
    let mut out = vec![0u8; expected.len()];
    let done = if blocks <= memory.len() {
        a.hash_password_into_with_memory(password, salt_bytes, &mut out, memory)
    } else {
        a.hash_password_into(password, salt_bytes, &mut out)
    };
    // `Output` compares in constant time.
    done.is_ok() && Output::new(&out).is_ok_and(|o| o == expected)
}

/// Argon2 runs allowed at once in this process. Each holds 19 MiB while it runs, so this bounds
/// what any number of sign-in attempts can take (about 60 MiB), whatever the traffic.
pub const HASH_PERMITS: usize = 3;
/// How long a request waits for a free permit before it is answered 503 (busy, retry later).
pub const HASH_WAIT: Duration = Duration::from_secs(2);

/// The permits shared by every [`Hasher`] of the process (one per `AppState`, one in the CLI).
static POOL: LazyLock<Arc<Pool>> = LazyLock::new(|| Arc::new(Pool::new(HASH_PERMITS)));

/// Permits, and the working memory of the runs that hold them: each run borrows a buffer and gives
/// it back, so argon2 never allocates and the memory stays at one buffer per permit, whatever
/// the allocator would keep of freed 19 MiB blocks (glibc kept about 800 MB under a flood).
struct Pool {
    permits: Arc<Semaphore>,
    memory: Mutex<Vec<Vec<Block>>>,
}

impl Pool {
    fn new(permits: usize) -> Pool {
        Pool {
            permits: Arc::new(Semaphore::new(permits)),
            memory: Mutex::new(Vec::new()),
        }
    }

    /// A free buffer (made the first time each permit needs one).
    fn take(&self) -> Vec<Block> {
        let spare = self.memory.lock().map(|mut m| m.pop()).unwrap_or(None);
        spare.unwrap_or_else(|| vec![Block::default(); MEMORY_BLOCKS as usize])
    }

    fn give_back(&self, buffer: Vec<Block>) {
        if let Ok(mut m) = self.memory.lock() {
            m.push(buffer);
        }
    }
}

#[derive(Debug, Error)]
pub enum HashError {
    /// Every permit stayed taken for the whole wait.
    #[error("too many password checks at once")]
    Busy,
    #[error("password hashing failed: {0}")]
    Failed(String),
}

/// Runs argon2 (hash or verify) on a blocking thread while holding one of the process's
/// [`HASH_PERMITS`]; waits at most [`HASH_WAIT`] for one. Every password hashed or checked while
/// serving a request goes through the state's `Hasher`. It counts its runs and the most that ran
/// at once (for tests and `/metrics`).
pub struct Hasher {
    pool: Arc<Pool>,
    wait: Duration,
    counts: Arc<HashCounts>,
}

#[derive(Debug, Default)]
struct HashCounts {
    running: AtomicUsize,
    peak: AtomicUsize,
    runs: AtomicU64,
    busy: AtomicU64,
}

impl Default for Hasher {
    fn default() -> Self {
        Hasher {
            pool: POOL.clone(),
            wait: HASH_WAIT,
            counts: Arc::default(),
        }
    }
}

impl Hasher {
    /// A hasher with its own permits (tests of the bound itself).
    pub fn with_permits(permits: usize, wait: Duration) -> Hasher {
        Hasher {
            pool: Arc::new(Pool::new(permits)),
            wait,
            counts: Arc::default(),
        }
    }

    /// Hashes a new password (argon2id, fresh salt).
    pub async fn hash(&self, password: String) -> Result<String, HashError> {
        self.run(move |memory| hash_with(memory, password.as_bytes()).map_err(HashError::Failed))
            .await?
    }

    /// Checks a password against a stored hash (or the dummy hash when `hash` is `None`, so an
    /// unknown address takes the same time as a known one).
    pub async fn verify(&self, password: String, hash: Option<String>) -> Result<bool, HashError> {
        let real = hash.is_some();
        self.run(move |memory| {
            let stored = hash.as_deref().unwrap_or(DUMMY_HASH);
            verify_with(memory, password.as_bytes(), stored) && real
        })
        .await
    }

    async fn run<T: Send + 'static>(
        &self,
        job: impl FnOnce(&mut [Block]) -> T + Send + 'static,
    ) -> Result<T, HashError> {
        let acquired =
            tokio::time::timeout(self.wait, self.pool.permits.clone().acquire_owned()).await;
        let Ok(Ok(permit)) = acquired else {
            self.counts.busy.fetch_add(1, Ordering::Relaxed);
            return Err(HashError::Busy);
        };
        let counts = self.counts.clone();
        let pool = self.pool.clone();
        // The permit moves into the blocking task: a client that hangs up does not free it
        // before the hash it started is done.
        tokio::task::spawn_blocking(move || {
            let now = counts.running.fetch_add(1, Ordering::SeqCst) + 1;
            counts.peak.fetch_max(now, Ordering::SeqCst);
            counts.runs.fetch_add(1, Ordering::Relaxed);
            let mut memory = pool.take();
            let out = job(&mut memory);
            pool.give_back(memory);
            counts.running.fetch_sub(1, Ordering::SeqCst);
            drop(permit);
            out
        })
        .await
        .map_err(|e| HashError::Failed(e.to_string()))
    }

    /// Argon2 runs started by this hasher.
    pub fn runs(&self) -> u64 {
        self.counts.runs.load(Ordering::Relaxed)
    }

    /// The most argon2 runs of this hasher that ran at once.
    pub fn peak(&self) -> usize {
        self.counts.peak.load(Ordering::SeqCst)
    }

    /// Requests answered « busy » because no permit came free in time.
    pub fn busy(&self) -> u64 {
        self.counts.busy.load(Ordering::Relaxed)
    }
}

/// Hashes a password outside a request (command line, demo data): the process-wide bound
/// applies, and it waits as long as needed.
pub async fn hash_password(password: String) -> Result<String, String> {
    let hasher = Hasher {
        wait: Duration::from_secs(3_600),
        ..Hasher::default()
    };
    hasher.hash(password).await.map_err(|e| e.to_string())
}

/// A hash of a password nobody has, verified when an e-mail is unknown so that a failed sign-in
/// takes the same time whether the account exists or not.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2Eu0Ck3B3ZiWlQ2o7x8o+JnqV5Ay5ZQyGq9cKZfLqzE";

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_are_argon2id() {
        let h = Hasher::default();
        let hash = hash_password("une phrase solide".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(
            h.verify("une phrase solide".into(), Some(hash.clone()))
                .await
                .unwrap()
        );
        assert!(!h.verify("autre chose".into(), Some(hash)).await.unwrap());
        assert!(!h.verify("x".into(), None).await.unwrap());
        assert!(
            !h.verify("x".into(), Some("not a hash".into()))
                .await
                .unwrap()
        );
        assert_eq!(h.runs(), 4);
        // Hashes made by the crate's own API (stored before the pooled memory) still verify.
        use argon2::PasswordHasher;
        let salt = SaltString::generate(&mut OsRng);
        let old = argon2()
            .hash_password(b"ancien", &salt)
            .unwrap()
            .to_string();
        assert!(h.verify("ancien".into(), Some(old.clone())).await.unwrap());
        assert!(!h.verify("autre".into(), Some(old)).await.unwrap());
        let small = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(64, 1, 1, None).unwrap(),
        )
        .hash_password(b"petit", &salt)
        .unwrap()
        .to_string();
        assert!(h.verify("petit".into(), Some(small)).await.unwrap());
        assert!(
            !h.verify("x".into(), Some(DUMMY_HASH.replace("19456", "99999")))
                .await
                .unwrap()
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn no_more_hashes_run_at_once_than_permits() {
        let h = Arc::new(Hasher::with_permits(2, Duration::from_secs(30)));
        let tasks: Vec<_> = (0..8)
            .map(|_| {
                let h = h.clone();
                tokio::spawn(async move { h.verify("x".into(), None).await })
            })
            .collect();
        for task in tasks {
            assert!(!task.await.unwrap().unwrap());
        }
        assert_eq!(h.runs(), 8, "every check ran, none refused");
        assert_eq!(h.peak(), 2, "two at once at most");
        assert_eq!(h.busy(), 0);
    }

    #[tokio::test]
    async fn a_check_waits_briefly_then_is_refused_busy() {
        let h = Hasher::with_permits(1, Duration::from_millis(50));
        let held = h.pool.permits.clone().acquire_owned().await.unwrap();
        assert!(matches!(
            h.verify("x".into(), None).await,
            Err(HashError::Busy)
        ));
        assert_eq!((h.runs(), h.busy()), (0, 1), "nothing hashed while busy");
        drop(held);
        assert!(!h.verify("x".into(), None).await.unwrap());
    }

    #[test]
    fn tokens() {
        let a = new_token();
        assert_eq!(a.len(), 43);
        assert_ne!(a, new_token());
        assert_eq!(token_hash("abc").len(), 64);
        assert!(
            same_secret("abc", "abc") && !same_secret("abc", "abd") && !same_secret("ab", "abc")
        );
    }
}
