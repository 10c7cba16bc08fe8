//! `klantinteracties serve`: the Klantinteracties API 0.9.0 over the embedded register, a
//! drop-in for Open Klant's API.
//!
//! A thin adapter over [`Register::handle_als`](klantinteracties::register::Register):
//! one request is one register call (one transaction), run off the async threads; answers and
//! errors are the library's. Around it: authentication as Open Klant does it
//! (`Authorization: Token <key>`, the token's name as the audit log's `who`), a body size
//! limit, a concurrency limit that sheds load with 503 instead of queueing, a timeout,
//! request ids, structured logs without personal data, and a panic answered with 500 while
//! the server stays up. SIGTERM (or Ctrl-C) finishes the requests in flight and stops.

pub mod api;
mod layers;
pub mod openapi;
pub mod problem;
pub mod tokens;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::routing::{any, get};
use axum::Router;
use klantinteracties::progress::Progress;
use klantinteracties::register::Register;
use klantinteracties::rules::Profile;

pub use api::App;
pub use tokens::{Tokens, TokensError};

/// Where the API lives below the server's root (as in Open Klant).
pub const API_ROOT: &str = "/klantinteracties/api/v1";

/// How much the server takes on.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The largest request body, in bytes (413 beyond).
    pub max_body: usize,
    /// Requests handled at once; more are refused with 503 at once (load shedding).
    pub max_in_flight: usize,
    /// How long one request may take (504 beyond).
    pub timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_body: 1 << 20,
            max_in_flight: 256,
            timeout: Duration::from_secs(30),
        }
    }
}

/// Everything `serve` needs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The address to listen on.
    pub listen: SocketAddr,
    /// The API root the answers' URLs start with; `http://<listen>/klantinteracties/api/v1`
    /// when not given.
    pub base_url: Option<String>,
    /// The rule set.
    pub profile: Profile,
    /// The register's directory (its durable journal); in memory when not given.
    pub data: Option<PathBuf>,
    /// The tokens accepted.
    pub tokens: Tokens,
    /// The limits.
    pub limits: Limits,
}

/// Why the server could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The register could not be opened (for example: its directory is in use by another
    /// process).
    #[error("the register: {0}")]
    Register(#[from] klantinteracties::register::Error),
    /// The address cannot be listened on, or the server failed.
    #[error("the server: {0}")]
    Io(#[from] std::io::Error),
}

impl Config {
    /// The API root the answers' URLs start with.
    pub fn base_url(&self) -> String {
        self.base_url
            .clone()
            .unwrap_or_else(|| format!("http://{}{API_ROOT}", self.listen))
            .trim_end_matches('/')
            .to_owned()
    }

    /// The register this configuration names, opened.
    pub fn open_register(&self) -> Result<Register, ServerError> {
        self.open_register_with(Progress::none())
    }

    /// [`Config::open_register`], reporting the journal's replay to `progress`.
    pub fn open_register_with(&self, progress: Progress) -> Result<Register, ServerError> {
        let builder = Register::builder()
            .progress(progress)
            .profile(self.profile)
            .base_url(&self.base_url())
            .who("klantinteracties-server");
        Ok(match &self.data {
            Some(dir) => builder.open(dir)?,
            None => builder.in_memory(),
        })
    }
}

/// The routes with every layer, over `app`.
pub fn router(app: &Arc<App>, limits: Limits) -> Router {
    let api = Router::new()
        .route("/openapi.json", get(api::openapi))
        .route("/{collection}", any(api::collection))
        .route("/{collection}/{id}", any(api::object));
    let routes = Router::new()
        .route("/health", get(api::health))
        .nest(API_ROOT, api)
        .fallback(layers::fallback)
        .with_state(Arc::clone(app));
    layers::wrap(routes, app, limits)
}

/// Serves `config` until SIGTERM or Ctrl-C; the requests in flight are finished first.
pub async fn serve(config: Config) -> Result<(), ServerError> {
    let register = Arc::new(config.open_register()?);
    serve_register(config, register).await
}

/// [`serve`] over a register the caller opened (with [`Config::open_register_with`]).
pub async fn serve_register(config: Config, register: Arc<Register>) -> Result<(), ServerError> {
    let base = config.base_url();
    let app = Arc::new(App {
        register: Arc::clone(&register),
        tokens: config.tokens.clone(),
        origin: problem::origin_of(&base),
    });
    let listener = tokio::net::TcpListener::bind(config.listen).await?;
    tracing::info!(
        listen = %listener.local_addr()?,
        base_url = %base,
        profile = config.profile.as_str(),
        storage = %register.opslag(),
        tokens = config.tokens.len(),
        "serving the Klantinteracties API 0.9.0"
    );
    axum::serve(listener, router(&app, config.limits))
        .with_graceful_shutdown(shutdown())
        .await?;
    tracing::info!("stopped: every request answered, every commit synced");
    Ok(())
}

/// Serves `register` as `config` says, on a runtime of its own (for the command line).
pub fn run(config: Config, register: Register) -> Result<(), ServerError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(serve_register(config, Arc::new(register)))
}

/// Structured logs (JSON lines on standard error), at `info` unless `RUST_LOG` says otherwise.
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .json()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("stopping: finishing the requests in flight");
}
