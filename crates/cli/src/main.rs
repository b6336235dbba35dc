//! The `impact-studio` binary: serve | worker | migrate | demo | admin | roadmap | forecast.
#![forbid(unsafe_code)]

use anyhow::{Context, Result, anyhow};
use clap::{Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;
use tokio::sync::watch;
use web::config::Layer;

#[derive(Parser)]
#[command(
    name = "impact-studio",
    version,
    about = "Impact Studio: the platform of a Studio d'Impact Local and its micro-centres."
)]
struct Cli {
    /// Database URL: sqlite://path (created if missing) or postgres://user:pass@host/db.
    #[arg(long, global = true, env = "IMPACT_DATABASE_URL")]
    database_url: Option<String>,
    /// Optional TOML configuration file (overridden by IMPACT_* variables and flags).
    #[arg(long, global = true, env = "IMPACT_CONFIG")]
    config: Option<PathBuf>,
    /// Folder of uploaded files, when they are kept on disk (default data/files).
    #[arg(long, global = true)]
    files_dir: Option<String>,
    /// Keep uploaded files in this S3-compatible bucket instead of the files folder
    /// (credentials: IMPACT_S3_ACCESS_KEY_ID/IMPACT_S3_SECRET_ACCESS_KEY or the AWS_* variables).
    #[arg(long, global = true)]
    s3_bucket: Option<String>,
    /// Address of the S3-compatible store (e.g. http://127.0.0.1:5000); AWS when absent.
    #[arg(long, global = true)]
    s3_endpoint: Option<String>,
    /// Region of the bucket (default us-east-1).
    #[arg(long, global = true)]
    s3_region: Option<String>,
    /// Key prefix of the files within the bucket.
    #[arg(long, global = true)]
    s3_prefix: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (and background jobs unless IMPACT_RUN_JOBS=false).
    Serve {
        /// Address to listen on.
        #[arg(long)]
        addr: Option<String>,
        /// Load the demo data first (idempotent).
        #[arg(long)]
        demo: bool,
    },
    /// Run background jobs only.
    Worker,
    /// Apply pending database migrations.
    Migrate,
    /// Load the demo data and print the demo logins.
    Demo,
    /// Administration commands.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Import or export a roadmap in the Markdown format of feuille-de-route.md.
    Roadmap {
        #[command(subcommand)]
        command: RoadmapCommand,
    },
    /// Financial forecasts in the exchange format of forecast.md.
    Forecast {
        #[command(subcommand)]
        command: ForecastCommand,
    },
}

#[derive(Subcommand)]
enum ForecastCommand {
    /// Compute a forecast file and print the result JSON (bad input: the field, exit status 2).
    Compute { file: PathBuf },
}

#[derive(Subcommand)]
enum RoadmapCommand {
    /// Import a Markdown roadmap and print its id.
    Import {
        file: PathBuf,
        /// Centre slug (default: the studio, the first centre).
        #[arg(long)]
        centre: Option<String>,
        /// Attach the roadmap to this project (of the same centre).
        #[arg(long)]
        project: Option<i64>,
        /// Start date (YYYY-MM-DD): « Mois 1 » is that date's month.
        #[arg(long)]
        start: Option<String>,
    },
    /// Print a roadmap as Markdown, exactly as imported plus the changes made since.
    Export { id: i64 },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create a user with a role in a centre and print a one-time password.
    CreateUser {
        #[arg(long)]
        email: String,
        /// participant, ambassador, coach, centre_manager or network_admin.
        #[arg(long)]
        role: String,
        /// Centre slug (default: the studio, the first centre).
        #[arg(long)]
        centre: Option<String>,
        /// Display name (default: the part of the e-mail before @).
        #[arg(long)]
        name: Option<String>,
    },
}

fn main() {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            use clap::error::ErrorKind;
            if matches!(
                err.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                let _ = err.print();
                std::process::exit(
                    if err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                        2
                    } else {
                        0
                    },
                );
            }
            let text = err.to_string();
            let first = text.lines().next().unwrap_or("invalid arguments");
            eprintln!("{first} (see impact-studio --help)");
            std::process::exit(2);
        }
    };
    if let Command::Forecast {
        command: ForecastCommand::Compute { file },
    } = &cli.command
    {
        std::process::exit(forecast_compute(file));
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(err) => {
            eprintln!("error: cannot start the runtime: {err}");
            std::process::exit(1);
        }
    };
    if let Err(err) = runtime.block_on(run(cli)) {
        eprintln!("error: {}", one_line(&err));
        std::process::exit(1);
    }
}

/// `forecast compute FILE`: the result JSON on stdout, or one line naming the field and status 2.
fn forecast_compute(file: &std::path::Path) -> i32 {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("{}: cannot read: {err}", file.display());
            return 2;
        }
    };
    match domain::forecast::compute_text(&text) {
        Ok(result) => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            match writeln!(out, "{}", result.to_json()).and_then(|_| out.flush()) {
                Ok(()) => 0,
                Err(err) => {
                    eprintln!("error: cannot write to standard output: {err}");
                    1
                }
            }
        }
        Err(err) if err.path.is_empty() => {
            eprintln!("{}: {}", file.display(), err.problem);
            2
        }
        Err(err) => {
            eprintln!("{err}");
            2
        }
    }
}

fn one_line(err: &anyhow::Error) -> String {
    err.chain()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join(": ")
        .replace('\n', " ")
}

fn config(cli: &Cli, addr: Option<String>) -> Result<web::Config> {
    let file = match &cli.config {
        Some(path) => Layer::from_file(path).map_err(|e| anyhow!("config file {e}"))?,
        None => Layer::default(),
    };
    let env = Layer::from_env(std::env::vars()).map_err(|e| anyhow!("environment: {e}"))?;
    let flags = Layer {
        database_url: cli.database_url.clone(),
        addr,
        files_dir: cli.files_dir.clone(),
        s3_bucket: cli.s3_bucket.clone(),
        s3_endpoint: cli.s3_endpoint.clone(),
        s3_region: cli.s3_region.clone(),
        s3_prefix: cli.s3_prefix.clone(),
        ..Layer::default()
    };
    file.merge(env)
        .merge(flags)
        .build()
        .map_err(|e| anyhow!("configuration: {e}"))
}

fn init_logs(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("IMPACT_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        builder.json().init()
    } else {
        builder.init()
    }
}

async fn open_db(config: &web::Config) -> Result<store::Db> {
    let db = store::Db::connect(&config.database_url)
        .await
        .context("cannot open the database")?;
    db.migrate().await.context("cannot migrate the database")?;
    Ok(db)
}

async fn run(cli: Cli) -> Result<()> {
    match &cli.command {
        Command::Serve { addr, demo } => {
            let config = config(&cli, addr.clone())?;
            init_logs(config.log_json);
            serve(config, *demo).await
        }
        Command::Worker => {
            let config = config(&cli, None)?;
            init_logs(config.log_json);
            let db = open_db(&config).await?;
            let state = web::AppState::new(db, config).await?;
            let (tx, rx) = watch::channel(false);
            let worker = tokio::spawn(web::jobs::run_worker(state, rx));
            shutdown_signal().await;
            let _ = tx.send(true);
            worker.await.context("worker stopped abnormally")?;
            Ok(())
        }
        Command::Migrate => {
            let config = config(&cli, None)?;
            open_db(&config).await?;
            println!("migrations applied: {}", redact(&config.database_url));
            Ok(())
        }
        Command::Demo => {
            let config = config(&cli, None)?;
            let db = open_db(&config).await?;
            web::demo::load(&db).await?;
            print_demo_logins();
            Ok(())
        }
        Command::Roadmap { command } => {
            let config = config(&cli, None)?;
            let db = open_db(&config).await?;
            match command {
                RoadmapCommand::Import {
                    file,
                    centre,
                    project,
                    start,
                } => import_roadmap(&db, file, centre.as_deref(), *project, start.as_deref()).await,
                RoadmapCommand::Export { id } => {
                    let row = store::roadmaps::find(&db, *id)
                        .await?
                        .ok_or_else(|| anyhow!("no roadmap {id}"))?;
                    let text = domain::roadmap::render(&row.roadmap()?);
                    use std::io::Write;
                    let mut out = std::io::stdout().lock();
                    out.write_all(text.as_bytes())
                        .context("cannot write to standard output")?;
                    out.flush().context("cannot write to standard output")?;
                    Ok(())
                }
            }
        }
        Command::Forecast {
            command: ForecastCommand::Compute { file },
        } => match forecast_compute(file) {
            0 => Ok(()),
            _ => Err(anyhow!("forecast compute failed")),
        },
        Command::Admin {
            command:
                AdminCommand::CreateUser {
                    email,
                    role,
                    centre,
                    name,
                },
        } => {
            let config = config(&cli, None)?;
            let db = open_db(&config).await?;
            create_user(&db, email, role, centre.as_deref(), name.as_deref()).await
        }
    }
}

fn print_demo_logins() {
    println!(
        "Demo data loaded. Sign in with any of these (password: {}):",
        web::demo::PASSWORD
    );
    for (email, _, role, centre) in web::demo::USERS {
        println!("  {email:<28} {:<15} {centre}", role.code());
    }
}

/// A database URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            format!("{}://***{}", &url[..scheme], &url[at..])
        }
        _ => url.to_string(),
    }
}

async fn serve(config: web::Config, demo: bool) -> Result<()> {
    let addr = config.addr;
    let db = open_db(&config).await?;
    if demo {
        web::demo::load(&db).await?;
        print_demo_logins();
    }
    let run_jobs = config.run_jobs;
    let state = web::AppState::new(db.clone(), config).await?;
    // Temporary upload files a crash left behind (the worker's maintenance removes them hourly).
    web::streamed_upload::remove_stale(&state, std::time::SystemTime::now()).await;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    let local = listener.local_addr()?;
    tracing::info!(addr = %local, database = %redact(&state.config.database_url), "Impact Studio is listening");
    println!("Impact Studio is listening on http://{local}");
    let (tx, rx) = watch::channel(false);
    let worker = run_jobs.then(|| tokio::spawn(web::jobs::run_worker(state.clone(), rx.clone())));
    let live = state.live.clone();
    let app = web::router(state);
    let mut shutdown = rx;
    let server = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        let _ = shutdown.wait_for(|stop| *stop).await;
    });
    let signal_tx = tx.clone();
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!("shutting down: finishing requests in flight");
        live.close();
        let _ = signal_tx.send(true);
    });
    server.await.context("server error")?;
    let _ = tx.send(true);
    if let Some(worker) = worker {
        worker.await.context("worker stopped abnormally")?;
    }
    db.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
}

async fn import_roadmap(
    db: &store::Db,
    file: &std::path::Path,
    centre: Option<&str>,
    project: Option<i64>,
    start: Option<&str>,
) -> Result<()> {
    use web::roadmaps::import::{File, ImportError, Target, import};
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    if let Some(start) = start {
        domain::tracking::parse_date(start)
            .map_err(|_| anyhow!("--start: expected a date like 2026-10-01"))?;
    }
    let centre = match (centre, project) {
        (_, Some(project)) => {
            let centres = store::centres::list(db).await?;
            let mut found = None;
            for c in &centres {
                if store::projects::for_centre(db, c.id, 0)
                    .await?
                    .iter()
                    .any(|p| p.id == project)
                {
                    found = Some(c.clone());
                }
            }
            let c = found.ok_or_else(|| anyhow!("--project: no project {project}"))?;
            if centre.is_some_and(|slug| slug != c.slug) {
                return Err(anyhow!(
                    "--project: project {project} is not in centre {}",
                    centre.unwrap_or_default()
                ));
            }
            c
        }
        (Some(slug), None) => store::centres::find_by_slug(db, slug)
            .await?
            .ok_or_else(|| anyhow!("--centre: no centre {slug:?}"))?,
        (None, None) => first_centre(db).await?,
    };
    // The web's import, keeping the file's bytes exactly (a CRLF file exports as CRLF).
    let target = Target::New {
        centre_id: centre.id,
        project_id: project,
        start_date: start,
    };
    let id = match import(db, File::Exact(&bytes), target, None).await {
        Ok(id) => id,
        Err(ImportError::File(e)) if e.line == 0 => {
            return Err(anyhow!("{}: {}", file.display(), e.kind));
        }
        Err(ImportError::File(e)) => {
            return Err(anyhow!("{}:{}: {}", file.display(), e.line, e.kind));
        }
        Err(ImportError::Store(e)) => return Err(e.into()),
    };
    println!("{id}");
    Ok(())
}

async fn create_user(
    db: &store::Db,
    email: &str,
    role: &str,
    centre: Option<&str>,
    name: Option<&str>,
) -> Result<()> {
    let email = domain::Email::parse(email).map_err(|e| anyhow!("--email: {e}"))?;
    let role = domain::Role::parse_member(role).map_err(|_| {
        anyhow!("--role: expected participant, ambassador, coach, centre_manager or network_admin")
    })?;
    let centre = match centre {
        Some(slug) => store::centres::find_by_slug(db, slug)
            .await?
            .ok_or_else(|| anyhow!("--centre: no centre {slug:?}"))?,
        None => first_centre(db).await?,
    };
    let password = web::security::new_token()[..20].to_string();
    let hash = web::security::hash_password(password.clone())
        .await
        .map_err(|e| anyhow!(e))?;
    let display = name
        .map(str::to_string)
        .unwrap_or_else(|| email.as_str().split('@').next().unwrap_or("").to_string());
    let new = store::accounts::NewUser {
        email: email.as_str(),
        password_hash: &hash,
        display_name: &display,
        locale: "fr",
        verified: true,
    };
    let user_id = match store::accounts::create_user(db, &new).await {
        Ok(id) => id,
        Err(store::StoreError::Duplicate) => {
            return Err(anyhow!("--email: a user with this e-mail already exists"));
        }
        Err(err) => return Err(err.into()),
    };
    store::centres::grant(db, user_id, centre.id, role).await?;
    store::audit::record(
        db,
        store::audit::AuditAction::RoleGranted,
        store::audit::Entry {
            centre_id: Some(centre.id),
            subject_id: Some(user_id),
            detail: role.code(),
            ..Default::default()
        },
    )
    .await?;
    println!(
        "created {} ({}) in {}; one-time password: {password}",
        email,
        role.code(),
        centre.slug
    );
    println!("ask them to change it from « Mon compte » after signing in.");
    Ok(())
}

/// The first centre (the studio), created on a fresh database so that the first command run
/// there works.
async fn first_centre(db: &store::Db) -> Result<store::centres::Centre> {
    if let Some(c) = store::centres::list(db).await?.into_iter().next() {
        return Ok(c);
    }
    let id = store::centres::create(
        db,
        &store::centres::NewCentre {
            slug: "studio",
            name: "Studio d'Impact Local",
            kind: "studio",
            town: "",
        },
    )
    .await?;
    store::centres::find(db, id)
        .await?
        .ok_or_else(|| anyhow!("studio centre missing"))
}
