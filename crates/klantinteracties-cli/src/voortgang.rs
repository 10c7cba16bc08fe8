//! Progress bars on a terminal (indicatif) for the library's [`Progress`] reports: replaying a
//! journal on open and generating synthetic data. When standard error is not a terminal
//! nothing is drawn, so logs and pipes stay clean.

use std::io::IsTerminal;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use klantinteracties::progress::Progress;

/// A bar on standard error, and the library callback that moves it.
pub struct Balk {
    bar: Option<ProgressBar>,
}

impl Balk {
    /// A spinner with `message` while nothing is counted yet; hidden off a terminal.
    pub fn start(message: &str) -> Self {
        if !std::io::stderr().is_terminal() {
            return Self { bar: None };
        }
        let bar = ProgressBar::new_spinner().with_message(message.to_owned());
        bar.enable_steady_tick(Duration::from_millis(120));
        Self { bar: Some(bar) }
    }

    /// The callback for the library: each new stage becomes the bar's message and length.
    pub fn progress(&self) -> Progress {
        let Some(bar) = self.bar.clone() else {
            return Progress::none();
        };
        let stage = Arc::new(Mutex::new(String::new()));
        let style = ProgressStyle::with_template(
            "{spinner} {msg:<16} [{bar:40}] {human_pos}/{human_len} ({per_sec}, {eta})",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
        Progress::new(move |name, done, total| {
            let mut current = stage
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if *current != name {
                name.clone_into(&mut current);
                bar.reset();
                bar.set_length(total);
                bar.set_style(style.clone());
                bar.set_message(name.to_owned());
            }
            bar.set_position(done);
        })
    }

    /// Removes the bar.
    pub fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Scenario n of N and the current one, for runs against a remote target; nothing otherwise
/// or off a terminal.
pub struct Scenarios {
    bar: Option<ProgressBar>,
}

impl Scenarios {
    /// A bar when `remote` and standard error is a terminal.
    pub fn start(remote: bool) -> Self {
        if !remote || !std::io::stderr().is_terminal() {
            return Self { bar: None };
        }
        let bar = ProgressBar::new(0).with_style(
            ProgressStyle::with_template("{spinner} scenario {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar.enable_steady_tick(Duration::from_millis(120));
        Self { bar: Some(bar) }
    }

    /// Before scenario `index` of `total`.
    pub fn show(&self, index: usize, total: usize, id: &str) {
        if let Some(bar) = &self.bar {
            bar.set_length(total as u64);
            bar.set_position(index as u64);
            bar.set_message(id.to_owned());
        }
    }

    /// Removes the bar.
    pub fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}
