//! `citystar serve`: the server started as a user starts it (`--port 0
//! --no-open`, the address read from its first line on stdout), spoken to
//! with plain HTTP/1.1 over a `TcpStream`; its answers compared with
//! `citystar assess --format json` and the command line's messages.

use assert_cmd::Command;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::Duration;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const SAMPLES: [&str; 4] = [
    "city-a.xlsx",
    "city-b.xlsx",
    "county-a.ods",
    "community-a.xlsx",
];
const HOSTILE: &str = "tests/fixtures/hostile2/shared-strings-unique-count.xlsx";

/// A running `citystar serve`; stopped when dropped.
struct Server {
    child: std::process::Child,
    /// `127.0.0.1:PORT`
    addr: String,
    /// The first line it printed.
    url: String,
    /// Its stdout, kept open (a closed pipe would end it at its next line).
    _out: BufReader<std::process::ChildStdout>,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("citystar"))
            .current_dir(ROOT)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C")
            .args(["serve", "--port", "0", "--no-open"])
            .args(extra)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        out.read_line(&mut line).unwrap();
        let url = line.trim().to_string();
        let rest = url.strip_prefix("http://").expect(&url);
        let hostport = &rest[..rest.find('/').unwrap()];
        let port = &hostport[hostport.rfind(':').unwrap() + 1..];
        Server {
            child,
            addr: format!("127.0.0.1:{port}"),
            url,
            _out: out,
        }
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP/1.1 exchange: (status, headers lowercased, body).
fn http(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, String, Vec<u8>) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    if !headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case("content-length"))
    {
        req.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).unwrap();
    // The server may answer (and close) before the body is all sent.
    let _ = s.write_all(body);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let end = out
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("no HTTP head");
    let head = String::from_utf8_lossy(&out[..end]).to_lowercase();
    let status: u16 = head.split(' ').nth(1).unwrap().parse().unwrap();
    let mut body = out[end + 4..].to_vec();
    if head.contains("transfer-encoding: chunked") {
        body = unchunk(&body);
    }
    (status, head, body)
}

fn unchunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let eol = b.windows(2).position(|w| w == b"\r\n").unwrap();
        let size_text = String::from_utf8_lossy(&b[..eol]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16).unwrap();
        b = &b[eol + 2..];
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&b[..size]);
        b = &b[size + 2..];
    }
}

fn upload(addr: &str, name: &str, query: &str, bytes: &[u8]) -> (u16, Value) {
    let (status, head, body) = http(
        addr,
        "POST",
        &format!("/api/assess?name={name}{query}"),
        &[],
        bytes,
    );
    assert!(head.contains("application/json"), "{head}");
    (status, serde_json::from_slice(&body).unwrap())
}

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(ROOT).join("sample-submissions").join(name)).unwrap()
}

/// `assess --format json` of the samples, by file name.
fn cli_json() -> std::collections::HashMap<String, Value> {
    let out = Command::cargo_bin("citystar")
        .unwrap()
        .current_dir(ROOT)
        .args([
            "assess",
            "sample-submissions",
            "--format",
            "json",
            "--benchmark",
            "zhejiang",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let f = e["file"].as_str().unwrap();
            (
                Path::new(f)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                e.clone(),
            )
        })
        .collect()
}

#[test]
fn each_sample_gets_the_rating_and_total_of_assess() {
    let want = cli_json();
    let s = Server::start(&[]);
    assert!(s.url.starts_with("http://127.0.0.1:"), "{}", s.url);
    for name in SAMPLES {
        let (status, v) = upload(&s.addr, name, "&benchmark=zhejiang&lang=en", &sample(name));
        assert_eq!(status, 200, "{name}: {v}");
        let w = &want[name];
        assert_eq!(v["stars"], w["stars"], "{name}");
        assert_eq!(v["score"], w["score"], "{name}");
        assert_eq!(v["name"], w["name"], "{name}");
        assert_eq!(v["stars_label"], w["stars_label"], "{name}");
        // The report shown is the HTML report, with the benchmark's gaps.
        let html = v["html"].as_str().unwrap();
        assert!(html.contains("<meta name=\"citystar-report\""), "{name}");
        assert!(
            html.contains("zhejiang"),
            "{name}: no benchmark in the report"
        );
        // And downloadable as HTML and as a workbook.
        let (st, head, body) = http(
            &s.addr,
            "POST",
            &format!("/api/assess?name={name}&format=xlsx&benchmark=zhejiang"),
            &[],
            &sample(name),
        );
        assert_eq!(st, 200);
        assert!(head.contains("attachment"), "{head}");
        assert_eq!(&body[..2], b"PK", "{name}: the Excel report is no zip");
        calamine::open_workbook_from_rs::<calamine::Xlsx<_>, _>(std::io::Cursor::new(body))
            .unwrap();
        let (st, _, body) = http(
            &s.addr,
            "POST",
            &format!("/api/assess?name={name}&format=html"),
            &[],
            &sample(name),
        );
        assert_eq!(st, 200);
        assert!(
            String::from_utf8(body)
                .unwrap()
                .starts_with("<!DOCTYPE html>")
        );
    }
}

#[test]
fn a_bad_file_gets_the_command_line_message_and_the_server_goes_on() {
    let s = Server::start(&[]);
    for lang in ["en", "zh"] {
        let out = Command::cargo_bin("citystar")
            .unwrap()
            .current_dir(ROOT)
            .args(["check", HOSTILE, "--lang", lang])
            .output()
            .unwrap();
        let cli = String::from_utf8_lossy(&out.stdout).to_string()
            + &String::from_utf8_lossy(&out.stderr);
        let bytes = std::fs::read(Path::new(ROOT).join(HOSTILE)).unwrap();
        let (status, v) = upload(&s.addr, "hostile.xlsx", &format!("&lang={lang}"), &bytes);
        assert_eq!(status, 422, "{v}");
        let msg = v["message"].as_str().unwrap();
        let said = msg.strip_prefix("hostile.xlsx: ").unwrap();
        // The command line wraps to its width: compare without line breaks.
        let flat = |t: &str| t.split_whitespace().collect::<String>();
        assert!(
            flat(&cli).contains(&flat(said)),
            "server: {said}\ncli: {cli}"
        );
        // Not a workbook at all.
        let (status, v) = upload(
            &s.addr,
            "notes.xlsx",
            &format!("&lang={lang}"),
            b"just some text",
        );
        assert_eq!(status, 422);
        assert_eq!(v["code"], "not-a-workbook");
    }
    // Still serving, and right.
    let (status, v) = upload(&s.addr, "city-a.xlsx", "", &sample("city-a.xlsx"));
    assert_eq!(status, 200);
    assert_eq!(v["stars"], 4);
}

#[test]
fn oversized_and_malformed_requests_are_refused() {
    let s = Server::start(&[]);
    // Larger than the largest workbook read (50 MB): refused from its length.
    let (status, _, _) = http(
        &s.addr,
        "POST",
        "/api/assess?name=big.xlsx",
        &[("Content-Length", "60000000")],
        &[],
    );
    assert_eq!(status, 413);
    // Sent without a length, refused once past the limit.
    let big = vec![0u8; 51 * 1024 * 1024];
    let (status, _, _) = http(
        &s.addr,
        "POST",
        "/api/assess?name=big.xlsx",
        &[("Content-Length", &big.len().to_string())],
        &big,
    );
    assert_eq!(status, 413);
    let (status, _, _) = http(&s.addr, "POST", "/api/assess?name=a.xlsx", &[], &[]);
    assert_eq!(status, 400, "no body");
    let (status, _, _) = http(
        &s.addr,
        "POST",
        "/api/assess?name=a.xlsx&format=pdf",
        &[],
        b"x",
    );
    assert_eq!(status, 400, "unknown format");
    let (status, _, _) = http(&s.addr, "GET", "/api/assess", &[], &[]);
    assert_eq!(status, 405);
    let (status, _, _) = http(&s.addr, "GET", "/api/template?level=province", &[], &[]);
    assert_eq!(status, 400);
    let (status, _, _) = http(&s.addr, "GET", "/nothing-here", &[], &[]);
    assert_eq!(status, 404);
    // A request line that is no HTTP.
    let mut t = TcpStream::connect(&s.addr).unwrap();
    t.write_all(b"\x16\x03\x01 garbage\r\n\r\n").unwrap();
    let mut out = Vec::new();
    t.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let _ = t.read_to_end(&mut out);
    assert!(out.is_empty() || String::from_utf8_lossy(&out).starts_with("HTTP/1.1 400"));
    // And it goes on serving.
    let (status, _, body) = http(
        &s.addr,
        "GET",
        "/api/template?level=community&lang=zh",
        &[],
        &[],
    );
    assert_eq!(status, 200);
    calamine::open_workbook_from_rs::<calamine::Xlsx<_>, _>(std::io::Cursor::new(body)).unwrap();
}

#[test]
fn the_page_follows_accept_language_and_the_switch() {
    let s = Server::start(&[]);
    let page = |q: &str, accept: &str| {
        let (status, head, body) = http(
            &s.addr,
            "GET",
            &format!("/{q}"),
            &[("Accept-Language", accept)],
            &[],
        );
        assert_eq!(status, 200);
        assert!(head.contains("content-security-policy"), "{head}");
        String::from_utf8(body).unwrap()
    };
    let zh = page("", "zh-CN,zh;q=0.9,en;q=0.8");
    assert!(zh.contains("<html lang=\"zh-CN\">") && zh.contains("智慧城市星级自评"));
    let en = page("", "en-GB,en;q=0.9");
    assert!(en.contains("<html lang=\"en\">") && en.contains("Smart city star self-check"));
    assert!(!en.contains("空白填报表"), "Chinese in the English page");
    assert!(page("?lang=en", "zh-CN").contains("Smart city star self-check"));
    assert!(page("?lang=zh", "en").contains("智慧城市星级自评"));
    // Nothing from elsewhere: no absolute URL in the page or its script.
    let (_, _, js) = http(&s.addr, "GET", "/page.js", &[], &[]);
    for text in [zh, String::from_utf8(js).unwrap()] {
        assert!(!text.contains("http://") && !text.contains("https://") && !text.contains("//cdn"));
    }
}

#[test]
fn bound_elsewhere_it_wants_the_token() {
    let s = Server::start(&["--bind", "0.0.0.0"]);
    let token = s.url.split("?token=").nth(1).expect(&s.url).to_string();
    assert_eq!(token.len(), 32, "{}", s.url);
    let (status, _, _) = http(&s.addr, "GET", "/", &[], &[]);
    assert_eq!(status, 403);
    let (status, _, _) = http(
        &s.addr,
        "POST",
        "/api/assess?name=city-a.xlsx",
        &[],
        &sample("city-a.xlsx"),
    );
    assert_eq!(status, 403);
    let (status, _, _) = http(
        &s.addr,
        "GET",
        "/?token=0123456789abcdef0123456789abcdef",
        &[],
        &[],
    );
    assert_eq!(status, 403, "a wrong token");
    let (status, _, page) = http(&s.addr, "GET", &format!("/?token={token}"), &[], &[]);
    assert_eq!(status, 200);
    // The page's script and style load as the browser asks for them (no token).
    let page = String::from_utf8(page).unwrap();
    for asset in ["page.js", "page.css"] {
        assert!(page.contains(&format!("\"{asset}\"")), "{asset}");
        let (status, _, _) = http(&s.addr, "GET", &format!("/{asset}"), &[], &[]);
        assert_eq!(status, 200, "{asset}");
    }
    let (status, v) = upload(
        &s.addr,
        "city-a.xlsx",
        &format!("&token={token}"),
        &sample("city-a.xlsx"),
    );
    assert_eq!(status, 200);
    assert_eq!(v["stars"], 4);
    let (status, _, _) = http(
        &s.addr,
        "GET",
        "/api/template?level=city",
        &[("X-Citystar-Token", &token)],
        &[],
    );
    assert_eq!(status, 200);
    // Loopback needs none.
    let l = Server::start(&[]);
    assert!(!l.url.contains("token"));
}

/// Peak resident memory of a process, in kB (Linux).
fn peak_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn load_200_uploads_from_20_clients() {
    let want = cli_json();
    let s = Server::start(&[]);
    let books: Vec<(&str, Vec<u8>)> = SAMPLES.iter().map(|n| (*n, sample(n))).collect();
    let started = std::time::Instant::now();
    std::thread::scope(|scope| {
        for client in 0..20 {
            let (books, want, addr) = (&books, &want, &s.addr);
            scope.spawn(move || {
                for k in 0..10 {
                    let (name, bytes) = &books[(client + k) % books.len()];
                    let (status, v) = upload(addr, name, "&benchmark=zhejiang", bytes);
                    assert_eq!(status, 200, "{name}: {v}");
                    assert_eq!(v["stars"], want[*name]["stars"], "{name}");
                    assert_eq!(v["score"], want[*name]["score"], "{name}");
                }
            });
        }
    });
    let took = started.elapsed();
    let peak = peak_kb(s.pid());
    eprintln!("serve load: 200 uploads from 20 clients in {took:.1?}, server peak RSS {peak:?} kB");
    assert!(took < Duration::from_secs(300), "{took:?}");
    if let Some(kb) = peak {
        // The readers are separate processes; the server holds at most a few
        // uploads and their reports at once.
        assert!(kb < 300 * 1024, "server peak RSS {kb} kB");
    }
}

/// Chromium driven over the DevTools protocol on a pipe
/// (`--remote-debugging-pipe`: commands on fd 3, answers on fd 4, each a
/// JSON message ended by NUL), so no WebSocket client and no npm.
struct Devtools {
    child: std::process::Child,
    to: std::fs::File,
    from: BufReader<std::fs::File>,
    next: u64,
    session: Option<String>,
    _profile: tempfile::TempDir,
}

impl Devtools {
    fn start(chromium: &Path, accept_lang: &str) -> Devtools {
        use std::os::fd::FromRawFd;
        use std::os::unix::process::CommandExt;
        let profile = tempfile::tempdir().unwrap();
        let (mut cmd_pipe, mut out_pipe) = ([0i32; 2], [0i32; 2]);
        // SAFETY: two new pipes; their ends are moved into Files below.
        unsafe {
            assert_eq!(libc::pipe(cmd_pipe.as_mut_ptr()), 0);
            assert_eq!(libc::pipe(out_pipe.as_mut_ptr()), 0);
        }
        let (child_in, child_out) = (cmd_pipe[0], out_pipe[1]);
        let mut c = std::process::Command::new(chromium);
        c.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--remote-debugging-pipe",
            "--window-size=900,1000",
        ])
        .arg(format!("--accept-lang={accept_lang}"))
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
        // SAFETY: only async-signal-safe dup2 calls between fork and exec.
        unsafe {
            c.pre_exec(move || {
                if libc::dup2(child_in, 3) < 0 || libc::dup2(child_out, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = c.spawn().unwrap();
        // SAFETY: the parent's ends, owned from here on; the child's closed.
        let (to, from) = unsafe {
            libc::close(child_in);
            libc::close(child_out);
            (
                std::fs::File::from_raw_fd(cmd_pipe[1]),
                std::fs::File::from_raw_fd(out_pipe[0]),
            )
        };
        Devtools {
            child,
            to,
            from: BufReader::new(from),
            next: 0,
            session: None,
            _profile: profile,
        }
    }

    /// Send a command and wait for its answer (events are passed over).
    fn call(&mut self, method: &str, params: Value) -> Value {
        match self.try_call(method, params) {
            Ok(v) => v,
            Err(v) => panic!("{method}: {v}"),
        }
    }

    /// A command's answer, or the whole reply when it is an error.
    fn try_call(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        self.next += 1;
        let mut msg = serde_json::json!({"id": self.next, "method": method, "params": params});
        if let Some(s) = &self.session {
            msg["sessionId"] = Value::String(s.clone());
        }
        let mut bytes = msg.to_string().into_bytes();
        bytes.push(0);
        self.to.write_all(&bytes).unwrap();
        loop {
            let mut buf = Vec::new();
            let n = self.from.read_until(0, &mut buf).unwrap();
            assert!(n > 0, "chromium closed the DevTools pipe");
            buf.pop();
            let v: Value = serde_json::from_slice(&buf).unwrap();
            if v["id"] == self.next {
                return match v.get("error") {
                    None => Ok(v["result"].clone()),
                    Some(_) => Err(v),
                };
            }
        }
    }

    fn open(&mut self, url: &str) {
        let t = self.call(
            "Target.createTarget",
            serde_json::json!({"url": "about:blank"}),
        );
        let s = self.call(
            "Target.attachToTarget",
            serde_json::json!({"targetId": t["targetId"], "flatten": true}),
        );
        self.session = Some(s["sessionId"].as_str().unwrap().to_string());
        self.call("Page.enable", serde_json::json!({}));
        self.call("Page.navigate", serde_json::json!({"url": url}));
        self.wait("document.body && document.body.dataset.ready === '1'");
    }

    fn eval(&mut self, expr: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            serde_json::json!({"expression": expr, "returnByValue": true, "awaitPromise": true}),
        );
        r["result"]["value"].clone()
    }

    /// Run what makes the page go to another document (its answer may be
    /// lost with the page it ran in).
    fn leave_by(&mut self, expr: &str) {
        let r = self.try_call(
            "Runtime.evaluate",
            serde_json::json!({"expression": expr, "returnByValue": true}),
        );
        if let Err(e) = r {
            assert!(navigating(&e), "Runtime.evaluate: {e}");
        }
    }

    fn wait(&mut self, cond: &str) {
        let start = std::time::Instant::now();
        loop {
            let r = self.try_call(
                "Runtime.evaluate",
                serde_json::json!({"expression": format!("!!({cond})"), "returnByValue": true}),
            );
            match r {
                Ok(v) if v["result"]["value"] == Value::Bool(true) => return,
                Ok(_) => {}
                // The page was between documents (a reload, a language
                // switch): ask again once the next one is there.
                Err(e) if navigating(&e) => {}
                Err(e) => panic!("Runtime.evaluate: {e}"),
            }
            assert!(
                start.elapsed() < Duration::from_secs(120),
                "timed out waiting for {cond}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Devtools {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn in_chromium_upload_each_sample_and_a_hostile_file_and_switch_language() {
    let Some(chromium) = crate::tools::chromium("serve::in_chromium") else {
        return;
    };
    let want = cli_json();
    let s = Server::start(&[]);
    let mut d = Devtools::start(&chromium, "zh-CN,zh");
    d.open(&format!("http://{}/", s.addr));
    assert_eq!(d.eval("document.documentElement.lang"), "zh-CN");
    assert_eq!(
        d.eval("document.getElementById('title').textContent"),
        "智慧城市星级自评"
    );
    // The template link answers with a workbook.
    let status = d.eval(
        "fetch('api/template?level=county&lang=zh').then(r => r.status + ' ' + r.headers.get('content-type'))",
    );
    assert!(
        status
            .as_str()
            .unwrap()
            .starts_with("200 application/vnd.openxml"),
        "{status}"
    );
    // Choose the samples and a hostile file in the file input, with the Zhejiang benchmark.
    d.eval("document.getElementById('benchmark').value = 'zhejiang'");
    let doc = d.call("DOM.getDocument", serde_json::json!({}));
    let input = d.call(
        "DOM.querySelector",
        serde_json::json!({"nodeId": doc["root"]["nodeId"], "selector": "#files"}),
    );
    let mut files: Vec<String> = SAMPLES
        .iter()
        .map(|n| format!("{ROOT}/sample-submissions/{n}"))
        .collect();
    files.push(format!("{ROOT}/{HOSTILE}"));
    d.call(
        "DOM.setFileInputFiles",
        serde_json::json!({"nodeId": input["nodeId"], "files": files}),
    );
    d.wait("document.querySelectorAll('li.result[data-state]').length === 5");
    let rows = d.eval(
        "Array.from(document.querySelectorAll('li.result')).map(l => ({file: l.dataset.file, state: l.dataset.state, stars: l.dataset.stars, score: l.dataset.score, text: l.firstChild.textContent, frame: (l.querySelector('iframe') || {}).srcdoc || ''}))",
    );
    let rows = rows.as_array().unwrap();
    for (row, name) in rows.iter().zip(SAMPLES) {
        assert_eq!(row["file"], name);
        assert_eq!(row["state"], "done", "{row}");
        let w = &want[name];
        assert_eq!(
            row["stars"].as_str().unwrap(),
            w["stars"].to_string(),
            "{name}"
        );
        assert_eq!(
            row["score"].as_str().unwrap().parse::<f64>().unwrap(),
            w["score"].as_f64().unwrap(),
            "{name}"
        );
        let text = row["text"].as_str().unwrap();
        assert!(
            text.contains(&format!("总分 {:.2}", w["score"].as_f64().unwrap())),
            "{text}"
        );
        assert!(
            row["frame"].as_str().unwrap().contains("citystar-report"),
            "{name}: no report shown"
        );
    }
    let bad = &rows[4];
    assert_eq!(bad["state"], "error");
    let text = bad["text"].as_str().unwrap();
    assert!(
        text.starts_with("无法评估: shared-strings-unique-count.xlsx: "),
        "{text}"
    );
    assert!(text.contains("已损坏"), "{text}");
    // Downloads, as a user clicks them: the template and city-a's two reports.
    let downloads = tempfile::tempdir().unwrap();
    let session = d.session.take();
    d.call(
        "Browser.setDownloadBehavior",
        serde_json::json!({"behavior": "allow", "downloadPath": downloads.path()}),
    );
    d.session = session;
    d.eval("document.getElementById('level').value = 'county'");
    d.eval("document.getElementById('template-download').click()");
    d.eval("document.querySelectorAll('li.result')[0].querySelectorAll('.actions a')[0].click()");
    d.eval("document.querySelectorAll('li.result')[0].querySelectorAll('.actions a')[1].click()");
    let got = |n: &str| downloads.path().join(n);
    let start = std::time::Instant::now();
    while ![
        "citystar-template-county.xlsx",
        "city-a.html",
        "city-a.xlsx",
    ]
    .iter()
    .all(|n| got(n).is_file())
    {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "downloads: {:?}",
            std::fs::read_dir(downloads.path())
                .unwrap()
                .collect::<Vec<_>>()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(300));
    for n in ["citystar-template-county.xlsx", "city-a.xlsx"] {
        calamine::open_workbook::<calamine::Xlsx<_>, _>(got(n))
            .unwrap_or_else(|e| panic!("{n}: {e}"));
    }
    let html = std::fs::read_to_string(got("city-a.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("lang=\"zh-CN\""));
    assert!(
        html.contains(&crate_format(
            want["city-a.xlsx"]["score"].as_f64().unwrap()
        )),
        "no total in the downloaded report"
    );
    if let Some(path) = std::env::var_os("CITYSTAR_SERVE_SCREENSHOT") {
        use base64_free::decode;
        let shot = d.call(
            "Page.captureScreenshot",
            serde_json::json!({"format": "png"}),
        );
        std::fs::write(path, decode(shot["data"].as_str().unwrap())).unwrap();
    }
    // Switch language: the page reloads in English.
    d.leave_by("document.getElementById('switch').click()");
    d.wait("document.documentElement.lang === 'en' && document.body.dataset.ready === '1'");
    assert_eq!(
        d.eval("document.getElementById('title').textContent"),
        "Smart city star self-check"
    );
    assert_eq!(
        d.eval("document.getElementById('switch').textContent"),
        "中文"
    );
}

/// A total as the reports print it (two decimals).
fn crate_format(v: f64) -> String {
    format!("{v:.2}")
}

/// Base64 decoding of DevTools' screenshot data, without a dependency.
mod base64_free {
    pub fn decode(s: &str) -> Vec<u8> {
        let val = |c: u8| match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            _ => 63,
        };
        let bytes: Vec<u8> = s.bytes().filter(|c| *c != b'=').collect();
        let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
        for chunk in bytes.chunks(4) {
            let mut n = 0u32;
            for (k, c) in chunk.iter().enumerate() {
                n |= (val(*c) as u32) << (18 - 6 * k);
            }
            out.push((n >> 16) as u8);
            if chunk.len() > 2 {
                out.push((n >> 8) as u8);
            }
            if chunk.len() > 3 {
                out.push(n as u8);
            }
        }
        out
    }
}

/// What `citystar serve` prints at start, in `lang` at 80 columns (the
/// server stopped once it has said it).
fn start_text(lang: &str, extra: &[&str]) -> String {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("citystar"))
        .current_dir(ROOT)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .env("COLUMNS", "80")
        .args(["serve", "--port", "0", "--no-open"])
        .args(extra)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    // The rest follows at once (stdout is flushed before serving).
    std::thread::sleep(Duration::from_millis(500));
    let _ = child.kill();
    let mut rest = String::new();
    out.read_to_string(&mut rest).unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let _ = child.wait();
    assert_eq!(err, "", "nothing on stderr");
    first + &rest
}

#[test]
fn what_it_prints_fits_80_columns_in_the_readers_language() {
    use unicode_width::UnicodeWidthStr;
    for extra in [&[][..], &["--bind", "0.0.0.0"][..]] {
        let zh = start_text("zh_CN.UTF-8", extra);
        let en = start_text("C", extra);
        for text in [&zh, &en] {
            for line in text.lines().filter(|l| !l.contains("://")) {
                assert!(line.width() <= 80, "{} columns:\n{line}", line.width());
            }
        }
        // Wrapped prose, read as one line.
        let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let (zh, en) = (flat(&zh), flat(&en));
        assert!(zh.contains("按 Ctrl+C 停止"), "{zh}");
        assert!(en.contains("Ctrl+C stops"), "{en}");
        // No English sentence in the Chinese text, no Chinese in the English.
        assert!(!zh.contains("the ") && !zh.contains("address"), "{zh}");
        assert!(
            !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{en}"
        );
        if !extra.is_empty() {
            assert!(zh.contains("警告：") && zh.contains("经网络传输"), "{zh}");
            assert!(
                en.contains("warning:") && en.contains("cross the network"),
                "{en}"
            );
        }
    }
}

#[test]
fn a_port_in_use_is_said_in_the_readers_language() {
    use unicode_width::UnicodeWidthStr;
    let s = Server::start(&[]);
    let port = s.addr.rsplit(':').next().unwrap().to_string();
    for (lang, want) in [("zh_CN.UTF-8", "已被占用"), ("C", "is in use")] {
        let out = Command::cargo_bin("citystar")
            .unwrap()
            .env_remove("LC_ALL")
            .env("LANG", lang)
            .args(["serve", "--no-open", "--port", &port])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want) && err.contains(&port), "{err}");
        for line in err.lines() {
            assert!(line.width() <= 80, "{line}");
        }
    }
    // The first goes on serving.
    let (status, _, _) = http(&s.addr, "GET", "/", &[], &[]);
    assert_eq!(status, 200);
}

#[test]
fn in_chromium_the_page_carries_the_token() {
    let Some(chromium) = crate::tools::chromium("serve::in_chromium_the_page_carries_the_token")
    else {
        return;
    };
    let s = Server::start(&["--bind", "0.0.0.0"]);
    let url = s.url.replace("0.0.0.0", "127.0.0.1");
    let mut d = Devtools::start(&chromium, "en");
    d.open(&url);
    let doc = d.call("DOM.getDocument", serde_json::json!({}));
    let input = d.call(
        "DOM.querySelector",
        serde_json::json!({"nodeId": doc["root"]["nodeId"], "selector": "#files"}),
    );
    d.call(
        "DOM.setFileInputFiles",
        serde_json::json!({"nodeId": input["nodeId"], "files": [format!("{ROOT}/sample-submissions/city-a.xlsx")]}),
    );
    d.wait("document.querySelector('li.result[data-state]')");
    assert_eq!(
        d.eval("document.querySelector('li.result').dataset.state"),
        "done"
    );
    assert_eq!(
        d.eval("document.querySelector('li.result').dataset.stars"),
        "4"
    );
    // The language switch keeps the token.
    d.leave_by("document.getElementById('switch').click()");
    d.wait("document.documentElement.lang === 'zh-CN' && document.body.dataset.ready === '1'");
    assert!(
        d.eval("location.search")
            .as_str()
            .unwrap()
            .contains("token=")
    );
}

/// A DevTools error that only says the page was between documents.
fn navigating(reply: &Value) -> bool {
    let m = reply["error"]["message"].as_str().unwrap_or("");
    m.contains("navigated or closed")
        || m.contains("Cannot find context")
        || m.contains("context was destroyed")
}
