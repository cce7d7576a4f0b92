//! The cjk-reflow command line: reflow hard-wrapped Chinese text.
//!
//! Run `cargo run --release --example reflow -- tests/corpus/sample/newspaper-page.txt`,
//! or `--help` for the options. Reads files (or stdin for `-` or no argument)
//! and writes the reflowed text to stdout.
//!
//! Exit codes: 0 success, 1 input or output error (missing file, invalid
//! UTF-8), 2 invalid usage.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::process::ExitCode;

use cjk_reflow::{ColumnWidth, Indent, Options, Reflower, Separator};

const USAGE: &str = "\
usage: reflow [OPTIONS] [FILE ...]

Reflow hard-wrapped Chinese text: join soft line wraps, keep paragraph ends.
Reads each FILE (or stdin when FILE is '-' or absent), writes to stdout.

options:
  --explain            print one line per break point instead of the text:
                       line numbers, join/break/keep, and the reason (a
                       fifth field where the output, read again, decided it)
  --json               print the paragraphs as JSON (text, byte span, lines, kind)
  --separator SEP      paragraph separator: 'blank' (default) or 'newline'
  --indent IND         paragraph indent: 'preserve' (default: an indent of 1 em
                       or more kept as it came), 'none' or 'ideographic' (two U+3000)
  --width N            column width in em (4-60), or 'auto' (default)
  --encoding ENC       input encoding: 'auto' (default: UTF-8, or GB18030/GBK or
                       Big5 when the input is not UTF-8 and reads cleanly as
                       one), 'utf-8', 'gb18030' (also reads GBK), 'big5'
  --output-encoding E  'utf-8' (default) or 'input' (the input's encoding)
  -o, --output-dir DIR batch mode: write each FILE's reflow to DIR/<file name>,
                       processing files in parallel on all cores; progress on
                       stderr (a bar when stderr is a terminal)
  -j, --jobs N         threads for batch mode (default: all cores)
  -h, --help           print this help

exit codes: 0 success, 1 input/output error, 2 invalid usage";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Text,
    Explain,
    Json,
}

#[derive(Debug)]
struct Args {
    mode: Mode,
    options: Options,
    encoding: encoding::Requested,
    output_in_input_encoding: bool,
    files: Vec<String>,
    output_dir: Option<std::path::PathBuf>,
    jobs: Option<usize>,
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("reflow: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let reflower = match args.options.clone().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("reflow: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Some(dir) = &args.output_dir {
        if args.mode != Mode::Text {
            eprintln!("reflow: --output-dir writes reflowed text; it does not combine with --explain or --json\n\n{USAGE}");
            return ExitCode::from(2);
        }
        if args.files.is_empty() || args.files.iter().any(|f| f == "-") {
            eprintln!("reflow: --output-dir needs FILE arguments (not stdin)\n\n{USAGE}");
            return ExitCode::from(2);
        }
        return match batch::run(&reflower, &args, dir) {
            Ok(()) => ExitCode::SUCCESS,
            Err(msg) => {
                eprintln!("reflow: {msg}");
                ExitCode::from(1)
            }
        };
    }
    let files = if args.files.is_empty() {
        vec!["-".to_string()]
    } else {
        args.files.clone()
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for name in &files {
        if let Err(msg) = run_one(&reflower, &args, name, &mut out) {
            eprintln!("reflow: {msg}");
            return ExitCode::from(1);
        }
    }
    if let Err(e) = out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("reflow: cannot write output: {e}");
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut args = Args {
        mode: Mode::Text,
        options: Options::new(),
        encoding: encoding::Requested::Auto,
        output_in_input_encoding: false,
        files: Vec::new(),
        output_dir: None,
        jobs: None,
    };
    while let Some(arg) = it.next() {
        let mut value = |flag: &str| it.next().ok_or_else(|| format!("{flag} needs a value"));
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--explain" => args.mode = Mode::Explain,
            "--json" => args.mode = Mode::Json,
            "--separator" => {
                args.options = args
                    .options
                    .separator(match value("--separator")?.as_str() {
                        "blank" => Separator::BlankLine,
                        "newline" => Separator::Newline,
                        v => {
                            return Err(format!(
                                "invalid --separator '{v}': expected 'blank' or 'newline'"
                            ))
                        }
                    })
            }
            "--indent" => {
                args.options = args.options.indent(match value("--indent")?.as_str() {
                    "preserve" => Indent::Preserve,
                    "none" => Indent::None,
                    "ideographic" => Indent::Ideographic,
                    v => {
                        return Err(format!(
                            "invalid --indent '{v}': expected 'preserve', 'none' or 'ideographic'"
                        ))
                    }
                })
            }
            "--width" => {
                let v = value("--width")?;
                let column = if v == "auto" {
                    ColumnWidth::Auto
                } else {
                    match v.parse::<u16>() {
                        Ok(n) => ColumnWidth::Fixed(n),
                        Err(_) => {
                            return Err(format!(
                                "invalid --width '{v}': expected a number of em or 'auto'"
                            ))
                        }
                    }
                };
                args.options = args.options.column(column);
            }
            "--encoding" => {
                let v = value("--encoding")?;
                args.encoding = encoding::Requested::parse(&v).ok_or_else(|| {
                    format!("invalid --encoding '{v}': expected auto, utf-8, gb18030, gbk or big5")
                })?;
            }
            "--output-encoding" => {
                args.output_in_input_encoding = match value("--output-encoding")?.as_str() {
                    "utf-8" | "utf8" => false,
                    "input" => true,
                    v => {
                        return Err(format!(
                            "invalid --output-encoding '{v}': expected utf-8 or input"
                        ))
                    }
                }
            }
            "-o" | "--output-dir" => args.output_dir = Some(value("--output-dir")?.into()),
            "-j" | "--jobs" => {
                let v = value("--jobs")?;
                match v.parse::<usize>() {
                    Ok(n) if n > 0 => args.jobs = Some(n),
                    _ => return Err(format!("invalid --jobs '{v}': expected a positive number")),
                }
            }
            "--" => args.files.extend(it.by_ref()),
            "-" => args.files.push(arg),
            s if s.starts_with('-') => return Err(format!("unknown option '{s}'")),
            _ => args.files.push(arg),
        }
    }
    Ok(Some(args))
}

/// Batch mode: many files, all cores, one output file each.
mod batch {
    use std::io::{self, IsTerminal, Write};
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    use std::time::{Duration, Instant};

    use cjk_reflow::Reflower;

    pub fn run(reflower: &Reflower, args: &super::Args, dir: &Path) -> Result<(), String> {
        let (files, jobs) = (&args.files, args.jobs);
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let targets: Vec<PathBuf> = files.iter().map(|f| target_for(dir, f)).collect();
        let mut seen = std::collections::HashSet::new();
        if let Some(t) = targets.iter().find(|t| !seen.insert(*t)) {
            return Err(format!(
                "two inputs would both be written to {}",
                t.display()
            ));
        }
        let threads = jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .min(files.len());
        let next = AtomicUsize::new(0);
        let done = AtomicUsize::new(0);
        let errors = Mutex::new(Vec::new());
        let progress = Progress::new(files.len());
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= files.len() {
                        break;
                    }
                    if let Err(msg) = one(reflower, args, &files[i], &targets[i]) {
                        errors
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .push((i, msg));
                    }
                    progress.tick(done.fetch_add(1, Ordering::Relaxed) + 1);
                });
            }
        });
        progress.finish();
        let mut errors = errors.into_inner().unwrap_or_else(|e| e.into_inner());
        errors.sort();
        match errors.len() {
            0 => Ok(()),
            n => {
                for (_, msg) in &errors[..n - 1] {
                    eprintln!("reflow: {msg}");
                }
                Err(format!(
                    "{} (and {} of {} files failed in all)",
                    errors[n - 1].1,
                    n,
                    files.len()
                ))
            }
        }
    }

    fn target_for(dir: &Path, file: &str) -> PathBuf {
        dir.join(Path::new(file).file_name().unwrap_or(file.as_ref()))
    }

    /// Reflows `file` into `target`, as a single-file run writes it to stdout.
    fn one(
        reflower: &Reflower,
        args: &super::Args,
        file: &str,
        target: &Path,
    ) -> Result<(), String> {
        let input = super::open(file)?;
        let output = std::fs::File::create(target)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        let mut output = io::BufWriter::new(output);
        super::reflow_text(reflower, args, input, file, &mut output)?;
        output
            .flush()
            .map_err(|e| format!("cannot write {}: {e}", target.display()))
    }

    /// Progress on stderr: a bar when stderr is a terminal, otherwise a line
    /// every few seconds once a run has taken more than two seconds.
    struct Progress {
        total: usize,
        start: Instant,
        last: Mutex<Instant>,
        terminal: bool,
    }

    impl Progress {
        fn new(total: usize) -> Self {
            let now = Instant::now();
            Progress {
                total,
                start: now,
                last: Mutex::new(now),
                terminal: io::stderr().is_terminal(),
            }
        }

        fn tick(&self, done: usize) {
            let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
            let every = if self.terminal {
                Duration::from_millis(100)
            } else {
                Duration::from_secs(5)
            };
            if last.elapsed() < every || self.start.elapsed() < Duration::from_secs(2) {
                return;
            }
            *last = Instant::now();
            let mut err = io::stderr().lock();
            if self.terminal {
                let filled = done * 30 / self.total.max(1);
                let _ = write!(
                    err,
                    "\r[{}{}] {done}/{} files",
                    "#".repeat(filled),
                    " ".repeat(30 - filled),
                    self.total
                );
            } else {
                let _ = writeln!(err, "reflow: {done}/{} files", self.total);
            }
        }

        fn finish(&self) {
            if self.terminal && self.start.elapsed() >= Duration::from_secs(2) {
                let _ = writeln!(
                    io::stderr(),
                    "\r{} files done{}",
                    self.total,
                    " ".repeat(30)
                );
            }
        }
    }
}

fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

fn run_one(
    reflower: &Reflower,
    args: &Args,
    name: &str,
    out: &mut impl Write,
) -> Result<(), String> {
    let shown = if name == "-" { "<stdin>" } else { name };
    let mut input = open(name)?;
    if args.mode == Mode::Text {
        return reflow_text(reflower, args, input, shown, out);
    }
    let detected = encoding::sniff(&mut *input, args.encoding, shown)?;
    let text = encoding::read_all(&mut *input, detected, shown)?;
    // `--explain` and `--json` report on the whole text.
    let rendered = if args.mode == Mode::Explain {
        explain(reflower, &text)
    } else {
        json(reflower, &text)
    };
    match out.write_all(rendered.as_bytes()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("cannot write output: {e}")),
        _ => Ok(()),
    }
}

/// Reflows one input to `out` as a stream, legacy encodings decoded (and
/// encoded back, if asked) as it goes: memory stays bounded by one section.
/// Single-file and batch runs both come here.
fn reflow_text(
    reflower: &Reflower,
    args: &Args,
    mut input: Box<dyn io::BufRead>,
    shown: &str,
    out: &mut dyn Write,
) -> Result<(), String> {
    let streamed = match encoding::sniff(&mut *input, args.encoding, shown)? {
        None => reflower.reflow_stream(input, &mut *out),
        Some(enc) => {
            let input = encoding::Decoded::new(input, enc);
            if args.output_in_input_encoding {
                let mut encoded = encoding::Encoded::new(&mut *out, enc);
                reflower
                    .reflow_stream(input, &mut encoded)
                    .and_then(|()| encoded.finish().map_err(cjk_reflow::Error::Io))
            } else {
                reflower.reflow_stream(input, &mut *out)
            }
        }
    };
    match streamed {
        Ok(()) => Ok(()),
        Err(cjk_reflow::Error::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(cjk_reflow::Error::InvalidUtf8 { offset }) => {
            Err(format!("{shown}: invalid UTF-8 at byte offset {offset}"))
        }
        // The decoder's own error names the encoding and the offset.
        Err(cjk_reflow::Error::Io(e)) if e.kind() == io::ErrorKind::InvalidData => {
            Err(format!("{shown}: {e}"))
        }
        Err(e) => Err(format!("{shown}: {e}")),
    }
}

/// Opens a file, or stdin for `-`, buffered.
fn open(name: &str) -> Result<Box<dyn io::BufRead>, String> {
    if name == "-" {
        return Ok(Box::new(io::BufReader::with_capacity(1 << 16, io::stdin())));
    }
    let file =
        std::fs::File::open(name).map_err(|e| format!("cannot read {name}: {}", describe(&e)))?;
    Ok(Box::new(io::BufReader::with_capacity(1 << 16, file)))
}

/// Input encodings: UTF-8, or the legacy encodings much scanned Chinese text
/// still lives in (GB18030/GBK, Big5), through encoding_rs and chardetng.
mod encoding {
    use std::io::{self, BufRead};

    use encoding_rs::{Encoding, BIG5, GB18030, GBK};

    /// What `--encoding` asked for.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Requested {
        Auto,
        Utf8,
        Legacy(&'static Encoding),
    }

    impl Requested {
        pub fn parse(name: &str) -> Option<Requested> {
            Some(match name.to_ascii_lowercase().as_str() {
                "auto" => Requested::Auto,
                "utf-8" | "utf8" => Requested::Utf8,
                "gb18030" | "gbk" | "gb2312" => Requested::Legacy(GB18030),
                "big5" => Requested::Legacy(BIG5),
                _ => return None,
            })
        }
    }

    /// Non-ASCII bytes needed before a guess is trusted.
    const EVIDENCE: usize = 16;

    /// The legacy encoding to decode the input with, or `None` for UTF-8.
    ///
    /// In auto mode the first buffer of input decides: valid UTF-8 (or a
    /// character cut at its end) is UTF-8; otherwise chardetng's guess is
    /// taken if it is GB18030/GBK or Big5, the bytes decode cleanly in it and
    /// there are enough of them. Anything else stays UTF-8, so invalid UTF-8
    /// is reported with its offset.
    pub fn sniff(
        input: &mut dyn BufRead,
        requested: Requested,
        shown: &str,
    ) -> Result<Option<&'static Encoding>, String> {
        match requested {
            Requested::Utf8 => return Ok(None),
            Requested::Legacy(enc) => return Ok(Some(enc)),
            Requested::Auto => {}
        }
        let peek = input
            .fill_buf()
            .map_err(|e| format!("cannot read {shown}: {e}"))?;
        match std::str::from_utf8(peek) {
            Ok(_) => return Ok(None),
            Err(e) if e.error_len().is_none() => return Ok(None),
            Err(_) => {}
        }
        if peek.iter().filter(|b| !b.is_ascii()).count() < EVIDENCE {
            return Ok(None);
        }
        let mut detector = chardetng::EncodingDetector::new();
        detector.feed(peek, false);
        let guess = detector.guess(None, true);
        let enc = if guess == GBK || guess == GB18030 {
            GB18030
        } else if guess == BIG5 {
            BIG5
        } else {
            return Ok(None);
        };
        let mut decoder = enc.new_decoder_without_bom_handling();
        let mut scratch = String::with_capacity(peek.len() * 2);
        let (result, _) = decoder.decode_to_string_without_replacement(peek, &mut scratch, false);
        if matches!(result, encoding_rs::DecoderResult::Malformed(..)) {
            return Ok(None);
        }
        eprintln!("reflow: {shown}: not UTF-8; reading it as {}", enc.name());
        Ok(Some(enc))
    }

    /// A legacy-encoded input read as UTF-8, decoded a buffer at a time.
    /// A malformed sequence is an [`io::ErrorKind::InvalidData`] error that
    /// names the encoding and the byte offset in the input.
    pub struct Decoded<R> {
        input: R,
        encoding: &'static Encoding,
        decoder: encoding_rs::Decoder,
        /// Decoded text not yet consumed, from `pos`.
        text: String,
        pos: usize,
        /// Input bytes decoded so far.
        read: usize,
        done: bool,
    }

    impl<R: BufRead> Decoded<R> {
        pub fn new(input: R, encoding: &'static Encoding) -> Self {
            Decoded {
                input,
                encoding,
                decoder: encoding.new_decoder_without_bom_handling(),
                text: String::new(),
                pos: 0,
                read: 0,
                done: false,
            }
        }
    }

    impl<R: BufRead> io::Read for Decoded<R> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let available = self.fill_buf()?;
            let n = available.len().min(buf.len());
            buf[..n].copy_from_slice(&available[..n]);
            self.consume(n);
            Ok(n)
        }
    }

    impl<R: BufRead> BufRead for Decoded<R> {
        fn fill_buf(&mut self) -> io::Result<&[u8]> {
            while self.pos == self.text.len() && !self.done {
                self.text.clear();
                self.pos = 0;
                let src = self.input.fill_buf()?;
                let last = src.is_empty();
                let need = self
                    .decoder
                    .max_utf8_buffer_length_without_replacement(src.len())
                    .unwrap_or(src.len() * 4 + 16);
                self.text.reserve(need);
                let (result, used) =
                    self.decoder
                        .decode_to_string_without_replacement(src, &mut self.text, last);
                self.input.consume(used);
                self.read += used;
                match result {
                    encoding_rs::DecoderResult::InputEmpty => self.done = last,
                    encoding_rs::DecoderResult::OutputFull => {}
                    encoding_rs::DecoderResult::Malformed(bad, after) => {
                        let at = self.read - usize::from(after) - usize::from(bad);
                        return Err(io::Error::new(
                            io::ErrorKind::InvalidData,
                            format!("invalid {} at byte offset {at}", self.encoding.name()),
                        ));
                    }
                }
            }
            Ok(&self.text.as_bytes()[self.pos..])
        }

        fn consume(&mut self, amount: usize) {
            self.pos = (self.pos + amount).min(self.text.len());
        }
    }

    /// UTF-8 written out in a legacy encoding (characters it lacks become
    /// numeric character references, as `Encoding::encode` writes them).
    pub struct Encoded<W> {
        output: W,
        encoder: encoding_rs::Encoder,
        /// The start of a character cut at the end of the last write.
        partial: Vec<u8>,
        bytes: Vec<u8>,
    }

    impl<W: io::Write> Encoded<W> {
        pub fn new(output: W, encoding: &'static Encoding) -> Self {
            Encoded {
                output,
                encoder: encoding.new_encoder(),
                partial: Vec::new(),
                bytes: Vec::new(),
            }
        }

        /// Ends the output (encoders with state write their last bytes).
        pub fn finish(&mut self) -> io::Result<()> {
            self.encode(b"", true)?;
            self.output.flush()
        }

        fn encode(&mut self, utf8: &[u8], last: bool) -> io::Result<()> {
            self.partial.extend_from_slice(utf8);
            let whole = match std::str::from_utf8(&self.partial) {
                Ok(s) => s.len(),
                Err(e) if e.error_len().is_none() && !last => e.valid_up_to(),
                Err(_) => {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        "output is not UTF-8",
                    ))
                }
            };
            let text = std::str::from_utf8(&self.partial[..whole]).expect("checked above");
            self.bytes.clear();
            let need = self
                .encoder
                .max_buffer_length_from_utf8_if_no_unmappables(text.len())
                .unwrap_or(text.len() * 4)
                + 16;
            let mut rest = text;
            loop {
                self.bytes.reserve(need);
                let (result, used, _) =
                    self.encoder
                        .encode_from_utf8_to_vec(rest, &mut self.bytes, last);
                rest = &rest[used..];
                if result == encoding_rs::CoderResult::InputEmpty {
                    break;
                }
            }
            self.output.write_all(&self.bytes)?;
            self.partial.drain(..whole);
            Ok(())
        }
    }

    impl<W: io::Write> io::Write for Encoded<W> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.encode(buf, false)?;
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            self.output.flush()
        }
    }

    /// Reads the whole input and decodes it.
    pub fn read_all(
        input: &mut dyn BufRead,
        enc: Option<&'static Encoding>,
        shown: &str,
    ) -> Result<String, String> {
        let mut bytes = Vec::new();
        input
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read {shown}: {e}"))?;
        match enc {
            None => String::from_utf8(bytes).map_err(|e| {
                format!(
                    "{shown}: invalid UTF-8 at byte offset {}",
                    e.utf8_error().valid_up_to()
                )
            }),
            Some(enc) => {
                let mut decoder = enc.new_decoder_without_bom_handling();
                let mut text = String::new();
                let mut done = 0;
                loop {
                    let need = decoder
                        .max_utf8_buffer_length_without_replacement(bytes.len() - done)
                        .unwrap_or(bytes.len() * 4);
                    text.reserve(need);
                    let (result, read) = decoder.decode_to_string_without_replacement(
                        &bytes[done..],
                        &mut text,
                        true,
                    );
                    done += read;
                    match result {
                        encoding_rs::DecoderResult::InputEmpty => return Ok(text),
                        encoding_rs::DecoderResult::OutputFull => continue,
                        encoding_rs::DecoderResult::Malformed(len, after) => {
                            // `done` counts the malformed bytes and the
                            // `after` bytes read past them.
                            return Err(format!(
                                "{shown}: invalid {} at byte offset {}",
                                enc.name(),
                                done - usize::from(after) - usize::from(len)
                            ));
                        }
                    }
                }
            }
        }
    }
}

fn explain(reflower: &Reflower, text: &str) -> String {
    let mut s = String::new();
    for p in reflower.break_points(text) {
        let column = p.column_em.map_or("-".to_string(), |c| format!("{c}"));
        // (A break decided again on the output says so in a fifth field.)
        let settled = if p.settled {
            "\tdecided again on the output's lines"
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "{}-{}\t{}\twidth {} col {}\t{}{}",
            p.line + 1,
            p.next_line + 1,
            p.action,
            p.width_em,
            column,
            p.reason,
            settled
        );
    }
    s
}

fn json(reflower: &Reflower, text: &str) -> String {
    let mut s = String::from("[\n");
    let mut first = true;
    for p in reflower.paragraphs(text) {
        if !first {
            s.push_str(",\n");
        }
        first = false;
        let kind = match p.kind() {
            cjk_reflow::ParagraphKind::Body => "body".to_string(),
            cjk_reflow::ParagraphKind::Heading => "heading".to_string(),
            cjk_reflow::ParagraphKind::Preformatted => "preformatted".to_string(),
            cjk_reflow::ParagraphKind::Furniture(f) => format!("{f:?}").to_lowercase(),
            k => format!("{k:?}").to_lowercase(),
        };
        let _ = write!(
            s,
            "  {{\"text\": {}, \"span\": [{}, {}], \"lines\": [{}, {}], \"kind\": \"{}\"}}",
            json_string(p.text()),
            p.span().start,
            p.span().end,
            p.lines().start + 1,
            p.lines().end,
            kind
        );
    }
    s.push_str("\n]\n");
    s
}

fn json_string(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 2);
    s.push('"');
    for c in text.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            '\t' => s.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(s, "\\u{:04x}", c as u32);
            }
            c => s.push(c),
        }
    }
    s.push('"');
    s
}
