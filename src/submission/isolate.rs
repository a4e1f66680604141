//! Reading workbooks in child processes, so that no file can take the run
//! down. calamine sizes some allocations from numbers a file declares (an xls
//! record, an ods repeat count) and an allocation that fails aborts the whole
//! process; a Rust program cannot catch that. So the binary reads each
//! workbook in a reader process (the same executable, started with
//! `READER_ARG`) whose address space and time per file are limited: when a
//! file exhausts them, that reader dies, the file is reported as unreadable,
//! and the next file gets a fresh reader. Readers are kept and reused, one per
//! worker thread at most.
//!
//! The protocol on the reader's stdin and stdout: a request is the workbook's
//! bytes (u64 length, then the bytes); a reply is one tag byte (0 sheets
//! follow, 1 a JSON `Failure` follows) and a u64-length-prefixed body.

use super::failure::Failure;
use super::open::{self, Cell, Grid, Loaded};
use calamine::{CellErrorType, Data, Dimensions, ExcelDateTime, ExcelDateTimeType};
use std::io::{BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::Mutex;
use std::time::Duration;

/// The first argument that makes the executable a reader process.
pub const READER_ARG: &str = "__citystar-reader";
/// Address space a reader may use, MiB (`CITYSTAR_READER_MEMORY_MB` overrides).
pub const READER_MEMORY_MB: u64 = 1024;
/// Time a reader may spend on one file, seconds (`CITYSTAR_READER_SECONDS` overrides).
pub const READER_SECONDS: u64 = 30;

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|v| *v > 0)
        .unwrap_or(default)
}

/// The limits readers run under.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub memory_mb: u64,
    pub seconds: u64,
}

impl Limits {
    pub fn from_env() -> Self {
        Limits {
            memory_mb: env_u64("CITYSTAR_READER_MEMORY_MB", READER_MEMORY_MB),
            seconds: env_u64("CITYSTAR_READER_SECONDS", READER_SECONDS),
        }
    }
}

struct Reader {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

/// Reader processes, started on demand and reused.
pub struct ReaderPool {
    exe: PathBuf,
    limits: Limits,
    idle: Mutex<Vec<Reader>>,
}

impl ReaderPool {
    /// Readers that run `exe` (this executable: it must handle `READER_ARG`
    /// by calling `reader_main`).
    pub fn new(exe: PathBuf, limits: Limits) -> Self {
        ReaderPool {
            exe,
            limits,
            idle: Mutex::new(Vec::new()),
        }
    }

    fn spawn(&self) -> Result<Reader, Failure> {
        let mut child = Command::new(&self.exe)
            .arg(READER_ARG)
            .env(
                "CITYSTAR_READER_MEMORY_MB",
                self.limits.memory_mb.to_string(),
            )
            .env("CITYSTAR_READER_SECONDS", self.limits.seconds.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| Failure::ReaderCrashed {
                detail: format!("cannot start the reader process: {e}"),
            })?;
        let stdin = child.stdin.take().expect("piped");
        let stdout = BufReader::new(child.stdout.take().expect("piped"));
        Ok(Reader {
            child,
            stdin,
            stdout,
        })
    }

    /// Read workbook bytes in a reader process.
    pub fn load(&self, bytes: Vec<u8>) -> Result<Loaded, Failure> {
        // The reader refuses (and ends on) a frame beyond the file cap: say so here.
        if bytes.len() as u64 > open::MAX_FILE_BYTES {
            return Err(Failure::TooBig {
                bytes: bytes.len() as u64,
                max: open::MAX_FILE_BYTES,
            });
        }
        let mut reader = loop {
            let idle = self.idle.lock().ok().and_then(|mut v| v.pop());
            match idle {
                // A reader that has ended is never written to (its pipe would
                // raise SIGPIPE and end this process).
                Some(mut r) => {
                    if matches!(r.child.try_wait(), Ok(None)) {
                        break r;
                    }
                    let _ = r.child.wait();
                }
                None => break self.spawn()?,
            }
        };
        match exchange(&mut reader, &bytes) {
            // A reader that timed out has ended after answering: never pooled.
            Ok(result @ Err(Failure::TimedOut { .. })) => {
                let _ = reader.child.kill();
                let _ = reader.child.wait();
                result
            }
            Ok(result) => {
                if let Ok(mut v) = self.idle.lock() {
                    v.push(reader);
                }
                result
            }
            // The reader died on this file: say why, from how it ended.
            Err(_) => {
                let _ = reader.child.kill();
                let status = reader.child.wait().ok();
                Err(death(status, self.limits))
            }
        }
    }
}

impl Drop for ReaderPool {
    fn drop(&mut self) {
        if let Ok(v) = self.idle.get_mut() {
            for mut r in v.drain(..) {
                // End of input ends the reader.
                drop(r.stdin);
                let _ = r.child.wait();
            }
        }
    }
}

fn death(status: Option<std::process::ExitStatus>, limits: Limits) -> Failure {
    use std::os::unix::process::ExitStatusExt;
    match status.and_then(|s| s.signal()) {
        // An allocation that fails aborts.
        Some(6) => Failure::OutOfMemory {
            limit_mb: limits.memory_mb,
        },
        other => Failure::ReaderCrashed {
            detail: match (other, status) {
                (Some(sig), _) => format!("the reader process ended on signal {sig}"),
                (None, Some(s)) => format!("the reader process ended with {s}"),
                (None, None) => "the reader process ended".into(),
            },
        },
    }
}

fn exchange(r: &mut Reader, bytes: &[u8]) -> std::io::Result<Result<Loaded, Failure>> {
    write_frame(&mut r.stdin, &(bytes.len() as u64).to_le_bytes(), bytes)?;
    let mut tag = [0u8; 1];
    r.stdout.read_exact(&mut tag)?;
    let body = read_frame(&mut r.stdout, u64::MAX)?;
    let bad = |m: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, m.to_string());
    match tag[0] {
        0 => Ok(Ok(decode(&body).ok_or_else(|| bad("bad reply"))?)),
        1 => Ok(Err(
            serde_json::from_slice(&body).map_err(|_| bad("bad reply"))?
        )),
        _ => Err(bad("bad reply tag")),
    }
}

fn read_frame(r: &mut impl Read, max: u64) -> std::io::Result<Vec<u8>> {
    let mut len = [0u8; 8];
    r.read_exact(&mut len)?;
    let len = u64::from_le_bytes(len);
    if len > max {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "frame too long",
        ));
    }
    let mut body = Vec::with_capacity(len.min(1 << 20) as usize);
    r.take(len).read_to_end(&mut body)?;
    if body.len() as u64 != len {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    Ok(body)
}

/// The reader process: limit itself, then answer requests until its input
/// ends. Returns the process exit status.
pub fn reader_main() -> i32 {
    let limits = Limits::from_env();
    let bytes = limits.memory_mb.saturating_mul(1024 * 1024);
    let _ = rlimit::setrlimit(rlimit::Resource::AS, bytes, bytes);
    // The file being read, since when, and the way out: the reading thread
    // and the watchdog (this thread) take turns on it, so a reply is never
    // cut into.
    let line = std::sync::Arc::new(Mutex::new(Line {
        started: None,
        output: raw_stdout(),
    }));
    // The reading runs on a thread of its own for the reader's life (on the
    // main thread, glibc's main heap gave its pages back and took them again
    // for every file; a thread per file cost a fresh stack and arena).
    let reading = {
        let line = std::sync::Arc::clone(&line);
        std::thread::spawn(move || {
            let mut input = BufReader::new(std::io::stdin().lock());
            loop {
                let Ok(request) = read_frame(&mut input, open::MAX_FILE_BYTES) else {
                    // The end of input ends the reader.
                    std::process::exit(0);
                };
                if let Ok(mut l) = line.lock() {
                    l.started = Some(std::time::Instant::now());
                }
                let (tag, body) = match open::load(request) {
                    Ok(loaded) => (0u8, encode(&loaded)),
                    Err(f) => (1u8, serde_json::to_vec(&f).unwrap_or_default()),
                };
                // A watchdog that answered first holds the line until the process ends.
                let Ok(mut l) = line.lock() else { return };
                l.started = None;
                if l.reply(tag, &body).is_err() {
                    std::process::exit(0);
                }
            }
        })
    };
    // The watchdog looks a few times a second (a wake-up per file cost more
    // than the guard was worth): a file that takes too long is answered for,
    // and the reader ends.
    let limit = Duration::from_secs(limits.seconds);
    loop {
        std::thread::sleep(WATCH_EVERY);
        // The reading thread ended without an answer (a panic outside the
        // guards): the parent learns it from the exit.
        if reading.is_finished() {
            return 101;
        }
        let Ok(mut l) = line.lock() else { return 101 };
        if l.started.is_some_and(|t| t.elapsed() >= limit) {
            let f = Failure::TimedOut {
                seconds: limits.seconds,
            };
            let _ = l.reply(1, &serde_json::to_vec(&f).unwrap_or_default());
            // The reading goes on in the other thread: end the process with
            // the line still held, so nothing follows the answer.
            std::process::exit(0);
        }
    }
}

/// How often a reader's watchdog looks at the clock.
const WATCH_EVERY: Duration = Duration::from_millis(200);

/// A reader's way out, and since when its current file is being read.
struct Line {
    started: Option<std::time::Instant>,
    output: std::fs::File,
}

impl Line {
    fn reply(&mut self, tag: u8, body: &[u8]) -> std::io::Result<()> {
        let mut head = [tag; 9];
        head[1..].copy_from_slice(&(body.len() as u64).to_le_bytes());
        write_frame(&mut self.output, &head, body)
    }
}

/// Standard output without std's line buffering (a reply is written whole).
fn raw_stdout() -> std::fs::File {
    use std::os::fd::AsFd;
    match std::io::stdout().as_fd().try_clone_to_owned() {
        Ok(fd) => std::fs::File::from(fd),
        // Without a way out there is nobody to answer.
        Err(_) => std::process::exit(0),
    }
}

/// A frame's head and body in as few writes as the pipe takes (head and body
/// written apart woke the other side twice per file).
fn write_frame(w: &mut impl Write, head: &[u8], body: &[u8]) -> std::io::Result<()> {
    use std::io::IoSlice;
    let mut slices = [IoSlice::new(head), IoSlice::new(body)];
    let mut rest = &mut slices[..];
    while !rest.is_empty() {
        match w.write_vectored(rest) {
            Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(&mut rest, n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

// ---- the wire form of `Loaded` ----

struct Out(Vec<u8>);

impl Out {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
}

struct In<'a>(&'a [u8]);

impl In<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        if self.0.len() < n {
            return None;
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Some(a)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn str(&mut self) -> Option<String> {
        let n = self.u32()? as usize;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }
}

const ERRORS: [CellErrorType; 8] = [
    CellErrorType::Div0,
    CellErrorType::NA,
    CellErrorType::Name,
    CellErrorType::Null,
    CellErrorType::Num,
    CellErrorType::Ref,
    CellErrorType::Value,
    CellErrorType::GettingData,
];

fn put_data(o: &mut Out, d: &Data) {
    match d {
        Data::Empty => o.u8(0),
        Data::Int(i) => {
            o.u8(1);
            o.u64(*i as u64);
        }
        Data::Float(x) => {
            o.u8(2);
            o.u64(x.to_bits());
        }
        Data::String(s) => {
            o.u8(3);
            o.str(s);
        }
        Data::Bool(b) => {
            o.u8(4);
            o.u8(u8::from(*b));
        }
        Data::DateTime(dt) => {
            o.u8(5);
            o.u64(dt.as_f64().to_bits());
            o.u8(u8::from(dt.is_duration()));
            let kind = if dt.is_duration() {
                ExcelDateTimeType::TimeDelta
            } else {
                ExcelDateTimeType::DateTime
            };
            o.u8(u8::from(ExcelDateTime::new(dt.as_f64(), kind, true) == *dt));
        }
        Data::DateTimeIso(s) => {
            o.u8(6);
            o.str(s);
        }
        Data::DurationIso(s) => {
            o.u8(7);
            o.str(s);
        }
        Data::Error(e) => {
            o.u8(8);
            o.u8(ERRORS.iter().position(|x| x == e).unwrap_or(0) as u8);
        }
    }
}

fn get_data(i: &mut In<'_>) -> Option<Data> {
    Some(match i.u8()? {
        0 => Data::Empty,
        1 => Data::Int(i.u64()? as i64),
        2 => Data::Float(f64::from_bits(i.u64()?)),
        3 => Data::String(i.str()?),
        4 => Data::Bool(i.u8()? != 0),
        5 => {
            let v = f64::from_bits(i.u64()?);
            let kind = if i.u8()? != 0 {
                ExcelDateTimeType::TimeDelta
            } else {
                ExcelDateTimeType::DateTime
            };
            Data::DateTime(ExcelDateTime::new(v, kind, i.u8()? != 0))
        }
        6 => Data::DateTimeIso(i.str()?),
        7 => Data::DurationIso(i.str()?),
        8 => Data::Error(ERRORS.get(i.u8()? as usize)?.clone()),
        _ => return None,
    })
}

/// `Loaded` as bytes; `decode` gives it back exactly.
pub fn encode(l: &Loaded) -> Vec<u8> {
    let mut o = Out(Vec::with_capacity(16 * 1024));
    o.u32(l.sheets.len() as u32);
    for (name, hidden) in &l.sheets {
        o.str(name);
        o.u8(u8::from(*hidden));
    }
    o.u32(l.grids.len() as u32);
    for g in &l.grids {
        o.str(&g.name);
        o.u8(u8::from(g.hidden));
        o.u32(g.cells.len() as u32);
        for (&(r, c), cell) in &g.cells {
            o.u32(r);
            o.u32(c);
            put_data(&mut o, &cell.value);
            match &cell.formula {
                Some(f) => {
                    o.u8(1);
                    o.str(f);
                }
                None => o.u8(0),
            }
        }
        o.u32(g.merged.len() as u32);
        for m in &g.merged {
            for v in [m.start.0, m.start.1, m.end.0, m.end.1] {
                o.u32(v);
            }
        }
        o.u32(g.hidden_rows.len() as u32);
        for r in &g.hidden_rows {
            o.u32(*r);
        }
        o.u32(g.bad_cells.len() as u32);
        for (r, c, t) in &g.bad_cells {
            o.u32(*r);
            o.u32(*c);
            o.str(t);
        }
    }
    o.0
}

pub fn decode(bytes: &[u8]) -> Option<Loaded> {
    let mut i = In(bytes);
    let n = i.u32()? as usize;
    let mut sheets = Vec::with_capacity(n.min(bytes.len()));
    for _ in 0..n {
        sheets.push((i.str()?, i.u8()? != 0));
    }
    let n = i.u32()? as usize;
    let mut grids = Vec::with_capacity(n.min(bytes.len()));
    for _ in 0..n {
        let mut g = Grid {
            name: i.str()?,
            hidden: i.u8()? != 0,
            ..Grid::default()
        };
        let n = i.u32()?;
        // A cell takes at least 10 bytes of the reply: never more room than it holds.
        g.cells.reserve((n as usize).min(i.0.len() / 10));
        for _ in 0..n {
            let pos = (i.u32()?, i.u32()?);
            let value = get_data(&mut i)?;
            let formula = match i.u8()? {
                0 => None,
                _ => Some(i.str()?),
            };
            g.cells.insert(pos, Cell { value, formula });
        }
        g.cells.settle();
        for _ in 0..i.u32()? {
            let (a, b, c, d) = (i.u32()?, i.u32()?, i.u32()?, i.u32()?);
            g.merged.push(Dimensions::new((a, b), (c, d)));
        }
        for _ in 0..i.u32()? {
            g.hidden_rows.push(i.u32()?);
        }
        for _ in 0..i.u32()? {
            g.bad_cells.push((i.u32()?, i.u32()?, i.str()?));
        }
        grids.push(g);
    }
    i.0.is_empty().then_some(Loaded { sheets, grids })
}
