//! `klantinteracties conformance`: run the suite against the embedded register or any
//! implementation of API 0.9.0 over HTTP, render a run record again, compare runs, and show
//! which scenarios trace each rule, case and F-function.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use klantinteracties_conformance::embedded::EmbeddedTarget;
use klantinteracties_conformance::http::{Authentication, HttpTarget, Registration, TargetFile};
use klantinteracties_conformance::run::{self, RunReport};
use klantinteracties_conformance::suite::Suite;
use klantinteracties_conformance::target::Target;
use klantinteracties_conformance::{compare, coverage, report};

use crate::{voortgang, Usage};

/// What `conformance` does; without a subcommand it runs the suite.
#[derive(Debug, Subcommand)]
pub enum Action {
    /// Render a run record (`--record`) again, offline.
    Report {
        /// The run record (JSON, or gzip-compressed JSON when it ends in `.gz`).
        run: PathBuf,
        /// Report format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
        format: ReportFormat,
        /// Keep the exchanges of every scenario (`all`) or only of those that did not pass
        /// (`failing`: a smaller report to publish; the run record keeps everything).
        #[arg(long, value_enum, default_value_t = Traces::All)]
        traces: Traces,
        /// Write to this file instead of standard output.
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Put the verdicts of several run records side by side.
    Compare {
        /// The run records.
        #[arg(required = true)]
        runs: Vec<PathBuf>,
        /// `markdown` or `html`.
        #[arg(long, value_enum, default_value_t = CompareFormat::Markdown)]
        format: CompareFormat,
        /// Write to this file instead of standard output.
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Every catalogued rule, documented case and F-function with the scenarios that exercise
    /// it; exit 1 when one has none.
    Coverage {
        /// `text`, `markdown` or `json`.
        #[arg(long, value_enum, default_value_t = CoverageFormat::Text)]
        format: CoverageFormat,
        /// The suite's folder.
        #[arg(long)]
        suite: Option<PathBuf>,
    },
}

/// Options of a run.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// The target: `embedded` (the embedded register, profile standaard) or
    /// `embedded-open-klant`.
    #[arg(long, default_value = "embedded", conflicts_with_all = ["target_file", "base_url"])]
    target: String,
    /// A target file (TOML or JSON, `conformance/schema/target.schema.json`) describing an
    /// implementation of API 0.9.0 over HTTP.
    #[arg(long, conflicts_with = "base_url")]
    target_file: Option<PathBuf>,
    /// A quick HTTP run: the API's root, e.g. `http://127.0.0.1:8000/klantinteracties/api/v1`.
    #[arg(long)]
    base_url: Option<String>,
    /// With `--base-url`: the environment variable holding the API token
    /// (`Authorization: Token …`).
    #[arg(long, requires = "base_url")]
    token_env: Option<String>,
    /// With `--base-url`: the profile to check (`standaard` or `open-klant`).
    #[arg(long, requires = "base_url", default_value = "standaard")]
    profile: String,
    /// With `--base-url`: the target's name (names the expectations file).
    #[arg(long, requires = "base_url", default_value = "http")]
    name: String,
    /// Only the scenarios whose id matches (`*` is a wildcard): `C9167*`, `C6114/B`,
    /// `rules/*`.
    #[arg(long)]
    cases: Option<String>,
    /// Report format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long)]
    output: Option<PathBuf>,
    /// Also write the run record (JSON: harness, suite hash, target without secrets, every
    /// exchange) to this file, gzip-compressed when it ends in `.gz`; `conformance report`
    /// renders it again.
    #[arg(long)]
    record: Option<PathBuf>,
    /// The suite's folder (default: `conformance/` here, else the one this program was
    /// built from, else the copy compiled into the program).
    #[arg(long)]
    suite: Option<PathBuf>,
}

/// Report formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReportFormat {
    /// A table for the terminal.
    Text,
    /// JSON lines, one per scenario.
    Json,
    /// JUnit XML.
    Junit,
    /// Markdown.
    Markdown,
    /// One self-contained HTML file.
    Html,
}

impl From<ReportFormat> for report::Format {
    fn from(f: ReportFormat) -> Self {
        match f {
            ReportFormat::Text => report::Format::Text,
            ReportFormat::Json => report::Format::Json,
            ReportFormat::Junit => report::Format::Junit,
            ReportFormat::Markdown => report::Format::Markdown,
            ReportFormat::Html => report::Format::Html,
        }
    }
}

/// Which scenarios' exchanges a report shows.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Traces {
    /// Every scenario's.
    All,
    /// Those of scenarios that did not pass.
    Failing,
}

/// Comparison formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CompareFormat {
    /// Markdown tables.
    Markdown,
    /// One self-contained HTML file.
    Html,
}

/// Coverage formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CoverageFormat {
    /// One line per item.
    Text,
    /// Markdown tables.
    Markdown,
    /// JSON.
    Json,
}

/// Runs `conformance`.
pub fn main(action: Option<Action>, args: &RunArgs) -> Result<ExitCode, Usage> {
    match action {
        None => run_suite(args),
        Some(Action::Report {
            run,
            format,
            traces,
            output,
        }) => {
            let mut record = read_record(&run)?;
            if matches!(traces, Traces::Failing) {
                record = record.without_passing_traces();
            }
            write(output.as_deref(), &report::render(&record, format.into()))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Action::Compare {
            runs,
            format,
            output,
        }) => {
            let records = runs
                .iter()
                .map(|p| read_record(p))
                .collect::<Result<Vec<_>, _>>()?;
            let text = match format {
                CompareFormat::Markdown => compare::markdown(&records),
                CompareFormat::Html => compare::html(&records),
            };
            write(output.as_deref(), &text)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Action::Coverage { format, suite }) => {
            let suite = load_suite(suite)?;
            let c = coverage::coverage(&suite);
            let text = match format {
                CoverageFormat::Text => coverage::text(&c),
                CoverageFormat::Markdown => coverage::markdown(&c),
                CoverageFormat::Json => serde_json::to_string_pretty(&c).unwrap_or_default() + "\n",
            };
            write(None, &text)?;
            Ok(if c.uncovered().is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}

fn is_gzip(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "gz")
}

fn read_record(path: &Path) -> Result<RunReport, Usage> {
    let file = std::fs::File::open(path)
        .map_err(|e| Usage(format!("cannot read `{}`: {e}", path.display())))?;
    let reader: Box<dyn io::Read> = if is_gzip(path) {
        Box::new(flate2::read::GzDecoder::new(file))
    } else {
        Box::new(file)
    };
    serde_json::from_reader(io::BufReader::new(reader))
        .map_err(|e| Usage(format!("`{}` is no run record: {e}", path.display())))
}

/// Writes a run record: pretty JSON, gzip-compressed when the name ends in `.gz`.
fn write_record(path: &Path, record: &RunReport) -> Result<(), Usage> {
    let err = |e: &dyn std::fmt::Display| Usage(format!("cannot write `{}`: {e}", path.display()));
    let file = std::fs::File::create(path).map_err(|e| err(&e))?;
    if is_gzip(path) {
        let mut z = flate2::write::GzEncoder::new(file, flate2::Compression::best());
        serde_json::to_writer(&mut z, record).map_err(|e| err(&e))?;
        z.finish().map_err(|e| err(&e))?;
    } else {
        let mut w = io::BufWriter::new(file);
        serde_json::to_writer_pretty(&mut w, record).map_err(|e| err(&e))?;
        w.write_all(b"\n").map_err(|e| err(&e))?;
    }
    Ok(())
}

fn write(output: Option<&Path>, text: &str) -> Result<(), Usage> {
    if let Some(path) = output {
        std::fs::write(path, text)
            .map_err(|e| Usage(format!("cannot write `{}`: {e}", path.display())))
    } else {
        io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .map_err(|e| Usage(format!("cannot write output: {e}")))
    }
}

fn load_suite(suite: Option<PathBuf>) -> Result<Suite, Usage> {
    let root = suite.or_else(|| {
        [PathBuf::from("conformance"), Suite::default_root()]
            .into_iter()
            .find(|p| p.join("cases").is_dir())
    });
    let loaded = match &root {
        Some(root) => Suite::load(root),
        None => Suite::embedded(),
    };
    // One line, as every usage error: each problem names its file.
    loaded.map_err(|errors| {
        let problems: Vec<String> = errors.iter().map(ToString::to_string).collect();
        Usage(format!(
            "the suite in {} does not load: {}",
            root.as_deref().unwrap_or(Path::new("<embedded>")).display(),
            problems.join("; ")
        ))
    })
}

/// The target the options name, and the name of its expectations file.
fn target(args: &RunArgs) -> Result<(Box<dyn Target>, String), Usage> {
    let file = if let Some(path) = &args.target_file {
        Some(TargetFile::load(path).map_err(|e| Usage(e.to_string()))?)
    } else {
        args.base_url.as_ref().map(|base_url| TargetFile {
            name: args.name.clone(),
            base_url: base_url.clone(),
            profile: args.profile.clone(),
            api_version: klantinteracties::API_VERSION.to_owned(),
            authentication: match &args.token_env {
                Some(var) => Authentication::Token {
                    token_env: var.clone(),
                },
                None => Authentication::None,
            },
            timeouts: klantinteracties_conformance::http::target_file::Timeouts::default(),
            headers: std::collections::BTreeMap::new(),
            reset: None,
            registration: Registration::Sequence,
            client_uuids: klantinteracties_conformance::http::ClientUuids::Send,
            expectations: None,
        })
    };
    if let Some(file) = file {
        let expectations = file
            .expectations
            .clone()
            .unwrap_or_else(|| file.name.clone());
        let t = HttpTarget::new(file).map_err(Usage)?;
        return Ok((Box::new(t), expectations));
    }
    let t = EmbeddedTarget::by_name(&args.target).ok_or_else(|| {
        Usage(format!(
            "unknown target `{}` (known: embedded, embedded-open-klant; or --target-file, --base-url)",
            args.target
        ))
    })?;
    Ok((Box::new(t), args.target.clone()))
}

fn run_suite(args: &RunArgs) -> Result<ExitCode, Usage> {
    let suite = load_suite(args.suite.clone())?;
    let (mut target, expectations_name) = target(args)?;
    let expectations = suite
        .expectations(&expectations_name)
        .map_err(|e| Usage(e.to_string()))?;
    let remote = args.target_file.is_some() || args.base_url.is_some();
    let balk = voortgang::Scenarios::start(remote);
    let result = run::run_with(
        &suite,
        target.as_mut(),
        &expectations,
        args.cases.as_deref(),
        &mut |p| balk.show(p.index, p.total, p.id),
    );
    balk.finish();
    if result.results.is_empty() {
        return Err(Usage(format!(
            "no scenario matches `{}`",
            args.cases.as_deref().unwrap_or_default()
        )));
    }
    if let Some(path) = &args.record {
        write_record(path, &result)?;
    }
    write(
        args.output.as_deref(),
        &report::render(&result, args.format.into()),
    )?;
    Ok(if result.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
