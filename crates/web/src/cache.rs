//! A small in-process read cache with a time to live. It keeps hot, rarely changing reads (the
//! session behind a cookie, the list of centres) off the database for a second or two. Each node
//! has its own: a change made through another node shows here within the TTL; a change made
//! through this node clears the entries it affects at once.
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct TtlCache<K, V> {
    ttl: Duration,
    capacity: usize,
    entries: Mutex<HashMap<K, (Instant, V)>>,
}

impl<K: Eq + Hash + Clone, V: Clone> TtlCache<K, V> {
    pub fn new(ttl: Duration, capacity: usize) -> Self {
        TtlCache {
            ttl,
            capacity,
            entries: Mutex::new(HashMap::new()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<K, (Instant, V)>> {
        self.entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn get(&self, key: &K) -> Option<V> {
        self.get_at(key, Instant::now())
    }

    pub fn insert(&self, key: K, value: V) {
        self.insert_at(key, value, Instant::now());
    }

    /// Whether an entry made `at` is still fresh `now`.
    fn fresh(&self, at: Instant, now: Instant) -> bool {
        now.saturating_duration_since(at) < self.ttl
    }

    fn get_at(&self, key: &K, now: Instant) -> Option<V> {
        let entries = self.lock();
        entries
            .get(key)
            .filter(|(at, _)| self.fresh(*at, now))
            .map(|(_, v)| v.clone())
    }

    fn insert_at(&self, key: K, value: V, now: Instant) {
        let mut entries = self.lock();
        if entries.len() >= self.capacity {
            entries.retain(|_, (at, _)| self.fresh(*at, now));
            if entries.len() >= self.capacity {
                entries.clear();
            }
        }
        entries.insert(key, (now, value));
    }

    pub fn remove(&self, key: &K) {
        self.lock().remove(key);
    }

    pub fn clear(&self) {
        self.lock().clear();
    }
}

/// What a page reads across people and projects (a dashboard, a project page), kept for its
/// time to live and forgotten whole after any change made through this node. A generation
/// grows with every change, so a read that started before one does not put its possibly stale
/// answer back.
pub struct PageCache<K, V> {
    entries: TtlCache<K, V>,
    generation: AtomicU64,
}

impl<K: Eq + Hash + Clone, V: Clone> PageCache<K, V> {
    pub fn new(ttl: Duration, capacity: usize) -> Self {
        PageCache {
            entries: TtlCache::new(ttl, capacity),
            generation: AtomicU64::new(0),
        }
    }

    /// Something changed through this node: every entry is read afresh.
    pub fn changed(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.entries.clear();
    }

    /// The entry for `key`, or what `read` answers (kept unless something changed meanwhile).
    pub async fn get_or_read<E>(
        &self,
        key: K,
        read: impl std::future::Future<Output = Result<V, E>>,
    ) -> Result<V, E> {
        if let Some(value) = self.entries.get(&key) {
            return Ok(value);
        }
        let generation = self.generation.load(Ordering::SeqCst);
        let value = read.await?;
        if self.generation.load(Ordering::SeqCst) == generation {
            self.entries.insert(key, value.clone());
        }
        Ok(value)
    }
}

/// The staff pages' reads across people and projects (the impact report's totals, a
/// diagnostic's score counts, the leads list), each under its own key and type: kept a few
/// seconds and forgotten whole after any change made through this node, as a [`PageCache`].
/// Who may read what is checked on every request before the key is chosen.
pub struct Reads {
    entries: PageCache<(TypeId, String), Arc<dyn Any + Send + Sync>>,
}

impl Reads {
    pub fn new(ttl: Duration, capacity: usize) -> Self {
        Reads {
            entries: PageCache::new(ttl, capacity),
        }
    }

    pub fn changed(&self) {
        self.entries.changed();
    }

    /// Forgets the value of type `T` kept under `key` (after a change made by a GET).
    pub fn forget<T: 'static>(&self, key: String) {
        self.entries.entries.remove(&(TypeId::of::<T>(), key));
    }

    /// The value of type `T` kept under `key`, or what `read` answers.
    pub async fn get_or_read<T: Send + Sync + 'static, E>(
        &self,
        key: String,
        read: impl std::future::Future<Output = Result<T, E>>,
    ) -> Result<Arc<T>, E> {
        let value = self
            .entries
            .get_or_read((TypeId::of::<T>(), key), async {
                read.await
                    .map(|v| Arc::new(v) as Arc<dyn Any + Send + Sync>)
            })
            .await?;
        // The key holds `T`'s type, so the value is always a `T`.
        Ok(value
            .downcast::<T>()
            .unwrap_or_else(|_| unreachable!("a read kept under another type")))
    }
}

/// How long [`Reads`] keeps a read: 5 s, or `IMPACT_READS_TTL_MS` milliseconds (0 keeps
/// nothing: what the page benchmark and a profile use to measure what the caches save).
pub fn reads_ttl() -> Duration {
    std::env::var("IMPACT_READS_TTL_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(Duration::from_secs(5), Duration::from_millis)
}

/// A read for a page: on a GET or HEAD kept a few seconds under `key` in `AppState::reads`
/// (forgotten after any change made through this node); a request that may write reads afresh.
pub async fn kept<T: Send + Sync + 'static, E>(
    state: &crate::state::AppState,
    ctx: &crate::ctx::Ctx,
    key: String,
    read: impl std::future::Future<Output = Result<T, E>>,
) -> Result<Arc<T>, E> {
    if ctx.reading {
        state.reads.get_or_read(key, read).await
    } else {
        read.await.map(Arc::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expires_and_stays_bounded() {
        let cache = TtlCache::new(Duration::from_secs(2), 2);
        let start = Instant::now();
        cache.insert_at("a", 1, start);
        assert_eq!(cache.get_at(&"a", start), Some(1));
        cache.insert_at("b", 2, start);
        cache.insert_at("c", 3, start);
        assert!(cache.lock().len() <= 2);
        let later = start + Duration::from_secs(2);
        assert_eq!(
            cache.get_at(&"c", later - Duration::from_millis(1)),
            Some(3)
        );
        assert_eq!(cache.get_at(&"c", later), None);
        cache.insert("d", 4);
        cache.remove(&"d");
        assert_eq!(cache.get(&"d"), None);
    }

    #[tokio::test]
    async fn a_page_read_while_something_changed_is_not_kept() {
        let pages = PageCache::new(Duration::from_secs(60), 10);
        let first = pages.get_or_read("p", async { Ok::<_, ()>(1) }).await;
        assert_eq!(first, Ok(1));
        let kept = pages.get_or_read("p", async { Ok::<_, ()>(2) }).await;
        assert_eq!(kept, Ok(1), "the kept answer, not a new read");
        pages.changed();
        let during = pages
            .get_or_read("p", async {
                pages.changed();
                Ok::<_, ()>(3)
            })
            .await;
        assert_eq!(during, Ok(3));
        let after = pages.get_or_read("p", async { Ok::<_, ()>(4) }).await;
        assert_eq!(after, Ok(4), "a read that overlapped a change was not kept");
        let refused = pages.get_or_read("q", async { Err::<i32, _>("no") }).await;
        assert_eq!(refused, Err("no"));
    }

    #[tokio::test]
    async fn reads_keep_each_type_under_its_own_key() {
        let reads = Reads::new(Duration::from_secs(60), 10);
        let n = reads
            .get_or_read("k".into(), async { Ok::<_, ()>(1u32) })
            .await;
        assert_eq!(n.map(|v| *v), Ok(1));
        let text = reads
            .get_or_read("k".into(), async { Ok::<_, ()>(String::from("a")) })
            .await;
        assert_eq!(text.map(|v| v.to_string()), Ok("a".into()));
        let kept = reads
            .get_or_read("k".into(), async { Ok::<_, ()>(2u32) })
            .await;
        assert_eq!(kept.map(|v| *v), Ok(1));
        reads.changed();
        let fresh = reads
            .get_or_read("k".into(), async { Ok::<_, ()>(3u32) })
            .await;
        assert_eq!(fresh.map(|v| *v), Ok(3));
    }
}
