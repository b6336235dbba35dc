//! Prometheus text metrics, counted in process (each node exposes its own).
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

const BUCKETS: [f64; 9] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2.0];

pub struct Metrics {
    started: Instant,
    by_class: [AtomicU64; 5],
    buckets: [AtomicU64; BUCKETS.len()],
    sum_micros: AtomicU64,
    count: AtomicU64,
    pub jobs_run: AtomicU64,
    pub jobs_failed: AtomicU64,
    pub mails_sent: AtomicU64,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            started: Instant::now(),
            by_class: Default::default(),
            buckets: Default::default(),
            sum_micros: AtomicU64::new(0),
            count: AtomicU64::new(0),
            jobs_run: AtomicU64::new(0),
            jobs_failed: AtomicU64::new(0),
            mails_sent: AtomicU64::new(0),
        }
    }
}

impl Metrics {
    pub fn record(&self, status: u16, elapsed: Duration) {
        let class = usize::from(status / 100).clamp(1, 5) - 1;
        self.by_class[class].fetch_add(1, Ordering::Relaxed);
        let secs = elapsed.as_secs_f64();
        for (bucket, le) in self.buckets.iter().zip(BUCKETS) {
            if secs <= le {
                bucket.fetch_add(1, Ordering::Relaxed);
            }
        }
        self.sum_micros
            .fetch_add(elapsed.as_micros() as u64, Ordering::Relaxed);
        self.count.fetch_add(1, Ordering::Relaxed);
    }

    /// The text exposition; `jobs` are the queue counts per status, read from the database.
    pub fn render(&self, jobs: &[(store::jobs::JobStatus, i64)]) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# HELP impact_uptime_seconds Seconds since this node started."
        );
        let _ = writeln!(out, "# TYPE impact_uptime_seconds gauge");
        let _ = writeln!(
            out,
            "impact_uptime_seconds {}",
            self.started.elapsed().as_secs()
        );
        let _ = writeln!(
            out,
            "# HELP impact_http_requests_total HTTP requests answered, by status class."
        );
        let _ = writeln!(out, "# TYPE impact_http_requests_total counter");
        for (i, counter) in self.by_class.iter().enumerate() {
            let _ = writeln!(
                out,
                "impact_http_requests_total{{class=\"{}xx\"}} {}",
                i + 1,
                counter.load(Ordering::Relaxed)
            );
        }
        let _ = writeln!(
            out,
            "# HELP impact_http_request_duration_seconds Time to answer a request."
        );
        let _ = writeln!(out, "# TYPE impact_http_request_duration_seconds histogram");
        for (bucket, le) in self.buckets.iter().zip(BUCKETS) {
            let _ = writeln!(
                out,
                "impact_http_request_duration_seconds_bucket{{le=\"{le}\"}} {}",
                bucket.load(Ordering::Relaxed)
            );
        }
        let count = self.count.load(Ordering::Relaxed);
        let _ = writeln!(
            out,
            "impact_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {count}"
        );
        let sum = self.sum_micros.load(Ordering::Relaxed) as f64 / 1e6;
        let _ = writeln!(out, "impact_http_request_duration_seconds_sum {sum}");
        let _ = writeln!(out, "impact_http_request_duration_seconds_count {count}");
        for (name, help, value) in [
            (
                "impact_jobs_run_total",
                "Jobs run by this node.",
                &self.jobs_run,
            ),
            (
                "impact_jobs_failed_total",
                "Job attempts that failed on this node.",
                &self.jobs_failed,
            ),
            (
                "impact_mails_sent_total",
                "E-mails sent or written to the outbox by this node.",
                &self.mails_sent,
            ),
        ] {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}",
                value.load(Ordering::Relaxed)
            );
        }
        let _ = writeln!(out, "# HELP impact_jobs Jobs in the queue, by status.");
        let _ = writeln!(out, "# TYPE impact_jobs gauge");
        for status in store::jobs::JobStatus::ALL {
            let n = jobs
                .iter()
                .find(|(s, _)| *s == status)
                .map_or(0, |(_, n)| *n);
            let _ = writeln!(out, "impact_jobs{{status=\"{}\"}} {n}", status.code());
        }
        out
    }
}
