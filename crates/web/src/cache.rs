//! A small in-process read cache with a time to live. It keeps hot, rarely changing reads (the
//! session behind a cookie, the list of centres) off the database for a second or two. Each node
//! has its own: a change made through another node shows here within the TTL; a change made
//! through this node clears the entries it affects at once.
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;
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
}
