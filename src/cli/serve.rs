//! `citystar serve [--port N] [--no-open] [--bind ADDR]`: the self-check in a
//! browser (docs/serve.md). One page and a few endpoints on a small HTTP
//! server; uploads are assessed in memory through the same guarded reader as
//! the command line (`super::loader()`), never written to disk.

use super::Outcome;
use crate::Lang;
use crate::assess::{self as core, Options};
use crate::catalogue::cli as m;
use crate::standard::{Level, Standard};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use clap::Args;
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Port to listen on (0: any free port; the address is printed).
    #[arg(long, default_value_t = 8800)]
    pub port: u16,
    /// Do not open the page in the default browser.
    #[arg(long)]
    pub no_open: bool,
    /// Address to listen on; any other than loopback requires the access token printed at start.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub bind: IpAddr,
}

/// Largest upload: the largest workbook the command line reads, plus headroom
/// for nothing else (the body is the workbook's bytes).
const MAX_BODY: usize = crate::submission::open::MAX_FILE_BYTES as usize;
/// How long one request may take, reading included (the reader process has
/// its own, lower time limit: `submission::isolate`).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);
/// How long an upload waits for a free assessment slot before 503.
const QUEUE_TIMEOUT: Duration = Duration::from_secs(60);

const PAGE: &str = include_str!("serve/page.html");
const SCRIPT: &str = include_str!("serve/page.js");
const STYLE: &str = include_str!("serve/page.css");

struct Shared {
    token: Option<String>,
    slots: Arc<tokio::sync::Semaphore>,
    shipped: &'static [crate::standard::embedded::Embedded],
}

pub fn run(args: ServeArgs, lang: Lang) -> anyhow::Result<Outcome> {
    let loopback = args.bind.is_loopback();
    let token = (!loopback).then(new_token).transpose()?;
    let shipped = crate::standard::embedded::parsed()?;
    let cpus = std::thread::available_parallelism().map_or(1, usize::from);
    let shared = Arc::new(Shared {
        token: token.clone(),
        slots: Arc::new(tokio::sync::Semaphore::new(cpus)),
        shipped,
    });
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(cpus.max(2) * 2)
        .enable_io()
        .enable_time()
        .build()?;
    rt.block_on(async move {
        let addr = SocketAddr::new(args.bind, args.port);
        let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| {
            let port = addr.port();
            if e.kind() == std::io::ErrorKind::AddrInUse {
                super::said_msg(m::PORT_IN_USE, &[&port])
            } else {
                super::said_each(m::CANNOT_LISTEN, |lang| {
                    // The system's own words are English; Chinese names the kind.
                    let why = match lang {
                        Lang::Zh => e.kind().to_string(),
                        Lang::En => e.to_string(),
                    };
                    vec![addr.to_string(), why]
                })
            }
        })?;
        let bound = listener.local_addr()?;
        let host = match bound.ip() {
            IpAddr::V6(ip) => format!("[{ip}]"),
            ip => ip.to_string(),
        };
        let url = match &token {
            Some(t) => format!("http://{host}:{}/?token={t}", bound.port()),
            None => format!("http://{host}:{}/", bound.port()),
        };
        // The first line on stdout is the address (tests and scripts read it).
        println!("{url}");
        if !loopback {
            super::sayln!("{}", m::SERVE_NOT_LOOPBACK.get(lang));
        }
        super::sayln!("{}", m::SERVE_OPEN.get(lang));
        use std::io::Write;
        let _ = std::io::stdout().flush();
        if !args.no_open {
            open_browser(&url);
        }
        let app = router(shared);
        axum::serve(listener, app).await?;
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(Outcome::Done)
}

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(page))
        .route(
            "/page.js",
            get(|| async { asset(SCRIPT, "text/javascript; charset=utf-8") }),
        )
        .route(
            "/page.css",
            get(|| async { asset(STYLE, "text/css; charset=utf-8") }),
        )
        .route("/api/template", get(template))
        .route("/api/assess", post(assess))
        .layer(axum::middleware::from_fn_with_state(shared.clone(), guard))
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(tower_http::limit::RequestBodyLimitLayer::new(MAX_BODY))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .with_state(shared)
}

/// A random access token (128 bits from the system's generator).
fn new_token() -> anyhow::Result<String> {
    use std::io::Read;
    let mut b = [0u8; 16];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut b)?;
    Ok(b.iter().map(|x| format!("{x:02x}")).collect())
}

/// Open `url` in the default browser where an opener is found; never fatal.
fn open_browser(url: &str) {
    let openers: &[(&str, &[&str])] = if cfg!(target_os = "macos") {
        &[("open", &[])]
    } else if cfg!(windows) {
        &[("cmd", &["/C", "start", ""])]
    } else {
        &[("xdg-open", &[])]
    };
    for (prog, pre) in openers {
        let spawned = std::process::Command::new(prog)
            .args(*pre)
            .arg(url)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
        if spawned.is_ok() {
            return;
        }
    }
}

/// With a token (a non-loopback `--bind`), every request carries it: as
/// `?token=` or the `X-Citystar-Token` header; others get 403. The page's
/// script and style sheet are the same for everyone and are served without
/// (the page that loads them is not).
async fn guard(State(s): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let public = matches!(req.uri().path(), "/page.js" | "/page.css");
    if let Some(want) = s.token.as_ref().filter(|_| !public) {
        let from_query = req.uri().query().and_then(|q| {
            q.split('&')
                .find_map(|kv| kv.strip_prefix("token="))
                .map(str::to_string)
        });
        let from_header = req
            .headers()
            .get("x-citystar-token")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let ok = [from_query, from_header]
            .into_iter()
            .flatten()
            .any(|t| same(t.as_bytes(), want.as_bytes()));
        if !ok {
            return (
                StatusCode::FORBIDDEN,
                "access token required: open the address citystar serve printed (with ?token=…)\n需要访问令牌：请打开 citystar serve 打印的完整地址（含 ?token=…）\n",
            )
                .into_response();
        }
    }
    next.run(req).await
}

/// Byte strings compared in time independent of where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn asset(body: &'static str, kind: &'static str) -> Response {
    ([(header::CONTENT_TYPE, kind)], body).into_response()
}

/// `?lang=zh|en`, else the browser's `Accept-Language` (the first of zh or en
/// it names), else English.
fn page_lang(q: &HashMap<String, String>, headers: &HeaderMap) -> Lang {
    match q.get("lang").map(String::as_str) {
        Some("zh") => return Lang::Zh,
        Some("en") => return Lang::En,
        _ => {}
    }
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    for part in accept.split(',') {
        let mut it = part.split(';');
        let tag = it.next().unwrap_or("").trim().to_ascii_lowercase();
        let refused = it.any(|p| p.trim().replace(' ', "") == "q=0");
        if refused {
            continue;
        }
        if tag.starts_with("zh") {
            return Lang::Zh;
        }
        if tag.starts_with("en") {
            return Lang::En;
        }
    }
    Lang::En
}

/// The page's words, by key (`{{key}}` in page.html).
const TEXTS: &[(&str, crate::catalogue::Msg)] = &[
    ("title", m::PAGE_TITLE),
    ("intro", m::PAGE_INTRO),
    ("template_h", m::PAGE_TEMPLATE_HEADING),
    ("city", m::PAGE_CITY),
    ("county", m::PAGE_COUNTY),
    ("community", m::PAGE_COMMUNITY),
    ("download", m::PAGE_DOWNLOAD),
    ("upload_h", m::PAGE_UPLOAD_HEADING),
    ("benchmark", m::PAGE_BENCHMARK),
    ("none", m::PAGE_NO_BENCHMARK),
    ("drop", m::PAGE_DROP),
    ("results_h", m::PAGE_RESULTS_HEADING),
    ("stars", m::PAGE_STARS),
    ("total", m::PAGE_TOTAL),
    ("html", m::PAGE_DOWNLOAD_HTML),
    ("xlsx", m::PAGE_DOWNLOAD_XLSX),
    ("working", m::PAGE_WORKING),
    ("failed", m::PAGE_FAILED),
];

/// The page's language and the switch to the other one (`{{lang}}`,
/// `{{switch}}`, `{{switch_to}}`): each language's code and its own name,
/// not words translated.
fn language_texts(lang: Lang) -> [(&'static str, &'static str); 3] {
    match lang {
        Lang::Zh => [
            ("lang", "zh-CN"),
            ("switch", "English"),
            ("switch_to", "en"),
        ],
        Lang::En => [("lang", "en"), ("switch", "中文"), ("switch_to", "zh")],
    }
}

async fn page(Query(q): Query<HashMap<String, String>>, headers: HeaderMap) -> Response {
    let lang = page_lang(&q, &headers);
    let mut html = PAGE.to_string();
    let words = TEXTS.iter().map(|(key, msg)| (*key, msg.get(lang)));
    for (key, text) in language_texts(lang).into_iter().chain(words) {
        let text = crate::render::escape::html(text);
        html = html.replace(&format!("{{{{{key}}}}}"), &text);
    }
    let options: String = crate::benchmark::embedded::names()
        .iter()
        .map(|n| {
            let n = crate::render::escape::html(n);
            format!("<option value=\"{n}\">{n}</option>")
        })
        .collect();
    html = html.replace("<!--benchmarks-->", &options);
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8")),
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(
                    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-src 'self' about:; img-src 'self' data:; child-src 'self' about:",
                ),
            ),
            (header::VARY, HeaderValue::from_static("Accept-Language")),
        ],
        html,
    )
        .into_response()
}

fn query_lang(q: &HashMap<String, String>) -> Lang {
    match q.get("lang").map(String::as_str) {
        Some("zh") => Lang::Zh,
        _ => Lang::En,
    }
}

fn bad(status: StatusCode, msg: crate::catalogue::Msg, lang: Lang) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("{}\n", msg.get(lang)),
    )
        .into_response()
}

/// `GET /api/template?level=city|county|community&lang=zh|en`: the blank workbook.
async fn template(
    State(s): State<Arc<Shared>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let lang = query_lang(&q);
    let level = match q.get("level").map(String::as_str) {
        Some("city") => Level::City,
        Some("county") => Level::County,
        Some("community") => Level::Community,
        _ => {
            return bad(StatusCode::BAD_REQUEST, m::SERVE_GIVE_LEVEL, lang);
        }
    };
    let Some(e) = s.shipped.iter().find(|e| e.standard.level() == level) else {
        return bad(StatusCode::NOT_FOUND, m::SERVE_NO_STANDARD, lang);
    };
    match crate::submission::template::blank(&e.standard, lang) {
        Ok(bytes) => download(
            bytes,
            XLSX,
            &format!("citystar-template-{}.xlsx", level.key()),
        ),
        Err(err) => (StatusCode::INTERNAL_SERVER_ERROR, err.to_string()).into_response(),
    }
}

fn json(status: StatusCode, v: &serde_json::Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        v.to_string(),
    )
        .into_response()
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn download(bytes: Vec<u8>, kind: &'static str, name: &str) -> Response {
    // The name is ASCII-only here (level keys, sanitised stems).
    let disposition = format!("attachment; filename=\"{name}\"");
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(kind)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition)
                    .unwrap_or_else(|_| HeaderValue::from_static("attachment")),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// `POST /api/assess?name=FILE&lang=zh|en&benchmark=NAME&format=json|html|xlsx`,
/// the workbook's bytes as the body. JSON (default): the rating, the total and
/// the HTML report; `html` / `xlsx`: the report as a download. A file that
/// cannot be read: 422 with the command line's message.
async fn assess(
    State(s): State<Arc<Shared>>,
    Query(q): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    let lang = query_lang(&q);
    let name = q
        .get("name")
        .cloned()
        .unwrap_or_else(|| "upload.xlsx".to_string());
    let benchmark = q.get("benchmark").filter(|b| !b.is_empty()).cloned();
    let format = q.get("format").cloned().unwrap_or_else(|| "json".into());
    if !matches!(format.as_str(), "json" | "html" | "xlsx") {
        return bad(StatusCode::BAD_REQUEST, m::SERVE_BAD_FORMAT, lang);
    }
    if body.is_empty() {
        return bad(StatusCode::BAD_REQUEST, m::SERVE_NO_WORKBOOK, lang);
    }
    let permit = match tokio::time::timeout(QUEUE_TIMEOUT, s.slots.clone().acquire_owned()).await {
        Ok(Ok(p)) => p,
        _ => {
            return bad(StatusCode::SERVICE_UNAVAILABLE, m::SERVE_BUSY, lang);
        }
    };
    let shipped = s.shipped;
    let done = tokio::task::spawn_blocking(move || {
        let r = assess_bytes(
            shipped,
            &name,
            body.to_vec(),
            lang,
            benchmark.as_deref(),
            &format,
        );
        drop(permit);
        r
    })
    .await;
    match done {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => {
            let text = super::error_words(&e, lang);
            (StatusCode::BAD_REQUEST, format!("{text}\n")).into_response()
        }
        Err(_) => bad(StatusCode::INTERNAL_SERVER_ERROR, m::SERVE_FAILED, lang),
    }
}

/// One upload, assessed as `citystar assess FILE [--benchmark NAME]` does
/// (default seed and draws; no evidence folder and no review: an upload has
/// neither).
fn assess_bytes(
    shipped: &'static [crate::standard::embedded::Embedded],
    name: &str,
    bytes: Vec<u8>,
    lang: Lang,
    benchmark: Option<&str>,
    format: &str,
) -> anyhow::Result<Response> {
    let named_none = std::cell::Cell::new(false);
    let choose = |level: Option<Level>| -> &Standard {
        named_none.set(level.is_none());
        let want = level.unwrap_or(Level::City);
        shipped
            .iter()
            .find(|e| e.standard.level() == want)
            .map(|e| &e.standard)
            .unwrap_or(&shipped[0].standard)
    };
    let read = crate::submission::read_bytes(super::loader(), name, bytes, &choose);
    let (submission, standard) = match read {
        Ok(r) => r,
        Err(e) => {
            let message = super::failure_message(&e.failure).words(lang);
            let body = serde_json::json!({
                "file": name,
                "code": e.failure.code(),
                "message": format!("{name}: {message}"),
            });
            return Ok(json(StatusCode::UNPROCESSABLE_ENTITY, &body));
        }
    };
    let options = Options {
        seed: core::stability::DEFAULT_SEED,
        draws: core::stability::DEFAULT_DRAWS,
        standard_sha256: shipped
            .iter()
            .find(|e| e.standard.id() == standard.id())
            .map(|e| e.sha256.clone()),
        ..Options::default()
    };
    let mut opts = options;
    if named_none.get() {
        opts.notes.push(super::assess::no_level_note(standard));
    }
    let mut a = core::assess(standard, &submission, &opts);
    let mut cx = crate::report::Context {
        lang,
        benchmarks: Vec::new(),
        seed: opts.seed,
        draws: opts.draws,
    };
    if let Some(spec) = benchmark {
        let file = super::benchmarks::resolve(spec, None)?.map_err(|e| anyhow::anyhow!("{e}"))?;
        let text = crate::benchmark::embedded::FILES
            .iter()
            .find(|(n, _)| file.origin == format!("embedded:{n}"))
            .map(|(_, t)| *t)
            .ok_or_else(|| super::said_msg(m::NO_EMBEDDED_BENCHMARK, &[&spec]))?;
        cx.benchmarks.push(crate::report::BenchmarkSource {
            name: file.name.clone(),
            origin: file.origin.clone(),
            sha256: Some(crate::sha256_hex(text.as_bytes())),
        });
        let b = crate::benchmark::Benchmark::from_file(&file);
        core::gaps::add_gaps(standard, &mut a, &[b]);
    }
    let stem = download_stem(name);
    Ok(match format {
        "xlsx" => download(
            crate::report::entity_workbook(&a, &cx)?,
            XLSX,
            &format!("{stem}.xlsx"),
        ),
        "html" => download(
            crate::report::entity_html(&a, &cx).into_bytes(),
            "text/html; charset=utf-8",
            &format!("{stem}.html"),
        ),
        _ => json(
            StatusCode::OK,
            &serde_json::json!({
                "file": name,
                "name": a.name,
                "stars": a.stars,
                "stars_label": a.stars_label.get(lang),
                "score": a.score,
                "complete": a.complete,
                "html": crate::report::entity_html(&a, &cx),
            }),
        ),
    })
}

/// A file name for a download: the upload's stem in ASCII letters, digits,
/// `-` and `_` (others become `_`), else `report`.
fn download_stem(name: &str) -> String {
    let stem = std::path::Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let clean: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    if clean.trim_matches('_').is_empty() {
        "report".into()
    } else {
        clean
    }
}
