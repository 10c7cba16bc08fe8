//! Timing for the benchmarks that print tables (a script, not criterion): the median and
//! p99 of many runs after a warm-up.

use std::time::{Duration, Instant};

/// The median and p99 of a measurement.
pub struct Stats {
    pub median: Duration,
    pub p99: Duration,
}

/// Runs `f(i)` for `i` in `0..n` after a warm-up of at most 1,000 runs, timing each.
pub fn measure(n: usize, mut f: impl FnMut(usize)) -> Stats {
    for i in 0..n.min(1000) {
        f(i);
    }
    let mut times: Vec<Duration> = (0..n)
        .map(|i| {
            let t = Instant::now();
            f(i);
            t.elapsed()
        })
        .collect();
    times.sort();
    Stats {
        median: times[times.len() / 2],
        p99: times[times.len() * 99 / 100],
    }
}

/// Microseconds.
pub fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}
