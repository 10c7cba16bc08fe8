//! `klantinteracties`: validate Klantinteracties API 0.9.0 documents, print their JSON
//! Schemas and the rule catalogue, fill a register with synthetic data and inspect it.
//!
//! Exit codes are a contract for scripts: 0 valid (nothing on stdout), 1 invalid (a
//! problem+json document on stdout), 2 a usage error, an unknown resource or an unreadable
//! file (one line on stderr).

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

mod conformance;
mod output;
mod voortgang;

use clap::{Parser, Subcommand, ValueEnum};
use klantinteracties::catalogus;
use klantinteracties::register::Register;
use klantinteracties::rules::{self, Options, Profile};
use klantinteracties::synthetic::{self, Omvang};
use klantinteracties::{schema, Resource};

#[derive(Debug, Parser)]
#[command(
    name = "klantinteracties",
    version,
    about = "The Klantinteracties standard (VNG) as a command line: validate API 0.9.0 documents, print schemas and rules"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate one document: exit 0 when valid, 1 with problem+json on stdout when not.
    Validate {
        /// The API 0.9.0 collection: partijen, partij-identificatoren, digitaleadressen,
        /// rekeningnummers, vertegenwoordigingen, categorieen, categorie-relaties,
        /// klantcontacten, betrokkenen, actorklantcontacten, onderwerpobjecten, bijlagen,
        /// actoren, internetaken, maak-klantcontact.
        resource: String,
        /// The document; `-` or nothing reads standard input.
        file: Option<String>,
        /// The rule set.
        #[arg(long, value_enum, default_value_t = ProfileArg::Standaard)]
        profile: ProfileArg,
        /// Check a response body instead of a create (POST) body.
        #[arg(long, conflicts_with = "partial")]
        response: bool,
        /// Check a partial update (PATCH) body: top-level properties are optional.
        #[arg(long)]
        partial: bool,
    },
    /// Print the JSON Schema of a resource's create body (or, with --response, its response).
    Schema {
        /// The API 0.9.0 collection name.
        resource: String,
        /// The response shape instead of the create body.
        #[arg(long)]
        response: bool,
    },
    /// Print the OpenAPI 3.1 document `serve` publishes at /klantinteracties/api/v1/openapi.json.
    Openapi,
    /// Fill a register (a journal in DIR) with synthetic, valid data through the register's
    /// functions, and print the counts and the time taken.
    Generate {
        /// The register's directory (created if needed; data is added to what is there).
        #[arg(long)]
        data: PathBuf,
        /// Partijen (persons with a BSN and a digitaal adres; every 20th an organisatie).
        #[arg(long, default_value_t = 1000)]
        partijen: usize,
        /// Klantcontacten, each with one actor and one betrokkene.
        #[arg(long, default_value_t = 2000)]
        klantcontacten: usize,
        /// Interne taken (default: a quarter of the klantcontacten).
        #[arg(long)]
        interne_taken: Option<usize>,
        /// Seed of the generator: the same seed gives the same data.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Calls per transaction (each transaction is synced to disk once).
        #[arg(long, default_value_t = 1000)]
        batch: usize,
        /// The rule set.
        #[arg(long, value_enum, default_value_t = ProfileArg::Standaard)]
        profile: ProfileArg,
    },
    /// Read a register and print the count per resource, the journal's length, what
    /// recovery found and whether every invariant holds (exit 1 when one does not). Reads
    /// only: it writes nothing and works while another process has the register open.
    Inspect {
        /// The register's directory.
        #[arg(long)]
        data: PathBuf,
        /// The rule set.
        #[arg(long, value_enum, default_value_t = ProfileArg::Standaard)]
        profile: ProfileArg,
    },
    /// Repair a damaged journal, explicitly: cut it at the first frame that is not a valid
    /// next transaction, keeping the cut bytes in a side file beside it
    /// (`journal.log.cut-at-<offset>`), and move a snapshot that no longer matches aside.
    Repair {
        /// The register's directory.
        #[arg(long)]
        data: PathBuf,
    },
    /// Run the conformance suite (every documented case and every catalogued rule) against
    /// the embedded register or any implementation of API 0.9.0 over HTTP and print the
    /// report: exit 0 when everything passes or is a listed deviation, 1 otherwise. Also
    /// renders run records again, compares them, and shows the suite's coverage.
    #[command(args_conflicts_with_subcommands = true)]
    Conformance {
        #[command(subcommand)]
        action: Option<conformance::Action>,
        #[command(flatten)]
        run: conformance::RunArgs,
    },
    /// Serve the Klantinteracties API 0.9.0 over the register at
    /// `/klantinteracties/api/v1/` until SIGTERM or Ctrl-C. Every request but `GET /health`
    /// needs `Authorization: Token <key>`; logs are JSON lines on standard error.
    Serve {
        /// The address to listen on.
        #[arg(long, default_value = "127.0.0.1:8000")]
        listen: std::net::SocketAddr,
        /// The register's directory (its durable journal); in memory when left out.
        #[arg(long)]
        data: Option<PathBuf>,
        /// The rule set.
        #[arg(long, value_enum, default_value_t = ProfileArg::Standaard)]
        profile: ProfileArg,
        /// The tokens accepted: one `name: key` a line; the name is the audit log's `who`.
        /// Without it, the one key in the environment variable KLANTINTERACTIES_TOKEN.
        #[arg(long)]
        tokens: Option<PathBuf>,
        /// The API root the answers' URLs start with (default:
        /// `http://<listen>/klantinteracties/api/v1`), for a server behind a proxy.
        #[arg(long)]
        base_url: Option<String>,
        /// The largest request body, in bytes.
        #[arg(long, default_value_t = 1 << 20)]
        max_body: usize,
        /// Requests handled at once; more are refused with 503.
        #[arg(long, default_value_t = 256)]
        max_in_flight: usize,
        /// Seconds one request may take (504 beyond).
        #[arg(long, default_value_t = 30)]
        timeout: u64,
    },
    /// Print the rule catalogue.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ProfileArg {
    Standaard,
    OpenKlant,
}

impl From<ProfileArg> for Profile {
    fn from(p: ProfileArg) -> Self {
        match p {
            ProfileArg::Standaard => Profile::Standaard,
            ProfileArg::OpenKlant => Profile::OpenKlant,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RulesFormat {
    Text,
    Json,
    Markdown,
}

/// A failure that ends the program with exit code 2 and one line on stderr.
pub(crate) struct Usage(pub(crate) String);

fn main() -> ExitCode {
    output::fail_quietly_on_write_errors();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            if matches!(
                e.kind(),
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion
            ) {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            let text = e.to_string();
            let line = text.lines().next().unwrap_or("usage error").trim();
            eprintln!("{line} (see `klantinteracties --help`)");
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(Usage(line)) => {
            eprintln!("error: {line}");
            ExitCode::from(2)
        }
    }
}

/// The tokens of `--tokens FILE`, or the one key of `KLANTINTERACTIES_TOKEN` (named `token`).
fn server_tokens(file: Option<&std::path::Path>) -> Result<klantinteracties_server::Tokens, Usage> {
    if let Some(file) = file {
        return klantinteracties_server::Tokens::from_file(file).map_err(|e| Usage(e.to_string()));
    }
    match std::env::var("KLANTINTERACTIES_TOKEN") {
        Ok(key) if !key.trim().is_empty() => {
            Ok(klantinteracties_server::Tokens::single("token", key.trim()))
        }
        _ => Err(Usage(
            "no tokens: give --tokens FILE (`name: key` a line) or set KLANTINTERACTIES_TOKEN"
                .to_owned(),
        )),
    }
}

fn serve(config: klantinteracties_server::Config) -> ExitCode {
    klantinteracties_server::init_logging();
    let balk = voortgang::Balk::start("journal lezen");
    let register = config.open_register_with(balk.progress());
    balk.finish();
    match register.and_then(|register| klantinteracties_server::run(config, register)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn resource(name: &str) -> Result<Resource, Usage> {
    name.parse::<Resource>().map_err(|e| Usage(e.to_string()))
}

fn read_input(file: Option<&str>) -> Result<Vec<u8>, Usage> {
    match file {
        None | Some("-") => {
            let mut buf = Vec::new();
            io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| Usage(format!("cannot read standard input: {e}")))?;
            Ok(buf)
        }
        Some(path) => std::fs::read(path).map_err(|e| Usage(format!("cannot read `{path}`: {e}"))),
    }
}

fn print_json(value: &impl serde::Serialize) -> Result<(), Usage> {
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)
        .map_err(|e| Usage(format!("cannot write output: {e}")))?;
    writeln!(out).map_err(|e| Usage(format!("cannot write output: {e}")))
}

fn run(cli: Cli) -> Result<ExitCode, Usage> {
    match cli.command {
        Command::Serve {
            listen,
            data,
            profile,
            tokens,
            base_url,
            max_body,
            max_in_flight,
            timeout,
        } => Ok(serve(klantinteracties_server::Config {
            listen,
            base_url,
            profile: profile.into(),
            data,
            tokens: server_tokens(tokens.as_deref())?,
            limits: klantinteracties_server::Limits {
                max_body,
                max_in_flight,
                timeout: std::time::Duration::from_secs(timeout),
            },
        })),
        Command::Validate {
            resource: name,
            file,
            profile,
            response,
            partial,
        } => {
            let resource = resource(&name)?;
            let bytes = read_input(file.as_deref())?;
            let options = Options {
                profile: profile.into(),
                response,
                partial,
            };
            let report = rules::validate(resource, &bytes, options);
            if report.is_valid() {
                Ok(ExitCode::SUCCESS)
            } else {
                print_json(&report.problem())?;
                Ok(ExitCode::from(1))
            }
        }
        Command::Schema {
            resource: name,
            response,
        } => {
            let resource = resource(&name)?;
            print_json(&schema::json_schema(resource, response))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Openapi => {
            print_json(&klantinteracties_server::openapi::published())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Generate {
            data,
            partijen,
            klantcontacten,
            interne_taken,
            seed,
            batch,
            profile,
        } => {
            let register = open(&data, profile, false)?;
            let mut omvang = Omvang::voor(partijen, klantcontacten);
            omvang.batch = batch;
            if let Some(n) = interne_taken {
                omvang.interne_taken = n;
            }
            let start = Instant::now();
            let balk = voortgang::Balk::start("genereren");
            let filled = synthetic::vul_met_voortgang(&register, &omvang, seed, &balk.progress());
            balk.finish();
            filled.map_err(|e| Usage(format!("generating failed: {e}")))?;
            let took = start.elapsed();
            println!("register: {}", register.opslag());
            print_counts(&register);
            println!("tijd: {:.2} s", took.as_secs_f64());
            Ok(ExitCode::SUCCESS)
        }
        Command::Conformance { action, run } => conformance::main(action, &run),
        Command::Inspect { data, profile } => {
            if !data.join("journal.log").exists() {
                return Err(Usage(format!("{} holds no register", data.display())));
            }
            let start = Instant::now();
            let register = open(&data, profile, true)?;
            let took = start.elapsed();
            println!("register: {}", register.opslag());
            println!(
                "herstel: {} in {:.2} s",
                register.herstelrapport().summary(),
                took.as_secs_f64()
            );
            print_counts(&register);
            let bytes = std::fs::metadata(data.join("journal.log")).map_or(0, |m| m.len());
            let (records, transacties) = register.lengte();
            println!("journaal: {records} auditrecords, {transacties} transacties, {bytes} bytes");
            let findings = register.controleer_invarianten();
            if findings.is_empty() {
                println!("invarianten: alle gelden");
                Ok(ExitCode::SUCCESS)
            } else {
                println!("invarianten: {} overtredingen", findings.len());
                for v in findings.iter().take(20) {
                    println!("  {} {} ({})", v.name, v.reason, v.rule);
                }
                Ok(ExitCode::from(1))
            }
        }
        Command::Repair { data } => {
            if !data.join("journal.log").exists() {
                return Err(Usage(format!("{} holds no register", data.display())));
            }
            let repair = klantinteracties::register::Journal::repair(&data).map_err(|e| {
                Usage(format!(
                    "cannot repair the register in {}: {e}",
                    data.display()
                ))
            })?;
            match &repair.side_file {
                None => println!("journaal: onbeschadigd, niets veranderd"),
                Some(side) => println!(
                    "journaal: afgekapt bij byte {} ({}); {} bytes bewaard in {}",
                    repair.offset,
                    repair.reason.as_deref().unwrap_or("beschadigd"),
                    repair.cut,
                    side.display()
                ),
            }
            if let Some(aside) = &repair.snapshot_set_aside {
                println!(
                    "snapshot: paste niet meer bij het journaal; verplaatst naar {}",
                    aside.display()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules { format } => {
            match format {
                RulesFormat::Json => {
                    let all: Vec<_> = catalogus::alle().collect();
                    print_json(&all)?;
                }
                RulesFormat::Markdown => print!("{}", catalogus::markdown()),
                RulesFormat::Text => {
                    for r in catalogus::alle() {
                        let profiles: Vec<&str> = r.profiles.iter().map(|p| p.as_str()).collect();
                        println!("{:<45} {:<28} {}", r.id, profiles.join(","), r.description);
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The register in `dir`, to write (locked for this process) or, `read_only`, to read beside
/// a writer without writing anything.
fn open(dir: &std::path::Path, profile: ProfileArg, read_only: bool) -> Result<Register, Usage> {
    let balk = voortgang::Balk::start("journal lezen");
    let builder = Register::builder()
        .profile(profile.into())
        .progress(balk.progress());
    let register = if read_only {
        builder.open_read_only(dir)
    } else {
        builder.open(dir)
    }
    .map_err(|e| {
        Usage(format!(
            "cannot open the register in {}: {e}",
            dir.display()
        ))
    });
    balk.finish();
    register
}

fn print_counts(register: &Register) {
    for (resource, n) in register.aantallen() {
        println!("{:<24} {n}", resource.collection());
    }
}
