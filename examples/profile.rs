//! Runs `reflow` (or the benchmarks' floor) over a file a given number of
//! times, for profilers: `valgrind --tool=callgrind` counts instructions
//! deterministically, so instructions per input byte are
//! `(Ir(runs = 1) - Ir(runs = 0)) / bytes`, with reading the file subtracted.
//!
//! ```text
//! cargo build --release --example profile
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/profile FILE 1 reflow
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/profile FILE 0 reflow
//! ```
//!
//! Modes: `reflow` (`Reflower::reflow_into`), `stream` (`Reflower::reflow_stream`
//! over the text as a slice), `reader` (`Reflower::reflow_stream` through a
//! 64 KiB `BufReader`, as the CLI reads a file or stdin) and `floor` (split
//! into lines, trim, copy: what `benches/reflow.rs` calls the floor).

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(Ok(runs))) = (args.first(), args.get(1).map(|n| n.parse::<usize>()))
    else {
        eprintln!("usage: profile FILE RUNS [reflow|stream|reader|floor]");
        return ExitCode::from(2);
    };
    let mode = args.get(2).map_or("reflow", String::as_str);
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("profile: {path}: {e}");
            return ExitCode::from(1);
        }
    };
    let reflower = cjk_reflow::Reflower::default();
    let mut out = String::with_capacity(text.len());
    let mut sink = Vec::with_capacity(text.len());
    let start = std::time::Instant::now();
    for _ in 0..runs {
        out.clear();
        sink.clear();
        match mode {
            "floor" => {
                for line in text.lines() {
                    out.push_str(line.trim());
                    out.push('\n');
                }
            }
            "stream" => {
                if let Err(e) = reflower.reflow_stream(text.as_bytes(), &mut sink) {
                    eprintln!("profile: {e}");
                    return ExitCode::from(1);
                }
            }
            "reader" => {
                let reader = std::io::BufReader::with_capacity(1 << 16, text.as_bytes());
                if let Err(e) = reflower.reflow_stream(reader, &mut sink) {
                    eprintln!("profile: {e}");
                    return ExitCode::from(1);
                }
            }
            "reflow" => reflower.reflow_into(&text, &mut out),
            other => {
                eprintln!("profile: unknown mode {other:?}");
                return ExitCode::from(2);
            }
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    if runs > 0 {
        let mib = (text.len() * runs) as f64 / f64::from(1 << 20);
        eprintln!("{mode}: {:.1} MiB/s", mib / seconds);
    }
    ExitCode::SUCCESS
}
