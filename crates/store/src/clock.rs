//! The time [`now`] gives. A server reads the system clock. A test app carries a [`Clock`] it
//! moves forward ([`Clock::advance`]) instead of sleeping, and whatever runs for that app (its
//! requests, its jobs) runs inside [`Clock::run`], so every `store::now()` on the way, in the
//! store as in the handlers, reads the app's time. Two apps in one process keep their own time.
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

tokio::task_local! {
    static CURRENT: Clock;
}

/// The system clock, or the system clock moved forward by what a test asked.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// Seconds added to the system time; `None` for the system clock itself.
    offset: Option<Arc<AtomicI64>>,
}

impl Clock {
    /// The system clock: what a server runs on.
    pub fn system() -> Clock {
        Clock::default()
    }

    /// A clock that starts at the system time and that [`Clock::advance`] moves forward.
    pub fn adjustable() -> Clock {
        Clock {
            offset: Some(Arc::new(AtomicI64::new(0))),
        }
    }

    pub fn is_system(&self) -> bool {
        self.offset.is_none()
    }

    /// Seconds since the Unix epoch on this clock.
    pub fn now(&self) -> i64 {
        let offset = self.offset.as_ref().map_or(0, |o| o.load(Ordering::SeqCst));
        system_now() + offset
    }

    /// Moves an adjustable clock `secs` seconds forward (the system clock does not move).
    pub fn advance(&self, secs: i64) {
        debug_assert!(self.offset.is_some(), "the system clock cannot be moved");
        if let Some(offset) = &self.offset {
            offset.fetch_add(secs, Ordering::SeqCst);
        }
    }

    /// Runs `work` with this clock as [`now`]. On the system clock it runs `work` as it is.
    pub async fn run<F: Future>(&self, work: F) -> F::Output {
        if self.is_system() {
            work.await
        } else {
            CURRENT.scope(self.clone(), work).await
        }
    }
}

fn system_now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// Seconds since the Unix epoch: the one time representation stored in both databases. The
/// system time, or the clock of the app this runs for (see [`Clock::run`]).
pub fn now() -> i64 {
    CURRENT
        .try_with(Clock::now)
        .unwrap_or_else(|_| system_now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn an_adjustable_clock_moves_only_the_work_it_runs() {
        let clock = Clock::adjustable();
        clock.advance(3_600);
        let inside = clock.run(async { now() }).await;
        assert!(inside - system_now() >= 3_599, "{inside}");
        assert!(
            now() - system_now() < 2,
            "outside the clock's work: system time"
        );
        assert!(Clock::system().run(async { now() }).await - system_now() < 2);
    }
}
