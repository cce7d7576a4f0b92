//! Throughput of `reflow` against a floor: the same input split into lines and
//! copied into one output buffer with no decisions. Targets are ratios to the
//! floor in the same run (absolute figures drift on shared machines).
//!
//! `cargo bench --bench reflow` runs everything; `cargo bench --bench reflow -- throughput`
//! only the 16 MB comparison. Inputs: the sample page and every corpus page
//! under `tests/corpus/`, concatenated and repeated.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// The labelled pages, concatenated (sections separated by two blank lines).
fn corpus() -> String {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut paths = Vec::new();
    for split in std::fs::read_dir(root).unwrap().flatten() {
        if !split.path().is_dir() || split.file_name() == "tools" {
            continue;
        }
        for f in std::fs::read_dir(split.path()).unwrap().flatten() {
            let name = f.file_name().to_string_lossy().into_owned();
            if name.ends_with(".txt") && !name.ends_with(".expected.txt") {
                paths.push(f.path());
            }
        }
    }
    paths.sort();
    let mut text = String::new();
    for p in paths {
        text.push_str(&std::fs::read_to_string(p).unwrap());
        text.push_str("\n\n\n");
    }
    text
}

/// `base` repeated until at least `size` bytes, cut at a line end.
fn sized(base: &str, size: usize) -> String {
    let mut text = String::with_capacity(size + base.len());
    while text.len() < size {
        text.push_str(base);
    }
    let cut = text.as_bytes()[..size]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(text.len(), |i| i + 1);
    text.truncate(cut);
    text
}

/// The floor: split into lines, trim, copy into one buffer.
fn floor(text: &str, out: &mut String) {
    out.clear();
    for line in text.lines() {
        out.push_str(line.trim());
        out.push('\n');
    }
}

fn throughput(c: &mut Criterion) {
    let text = sized(&corpus(), 16 << 20);
    let mut group = c.benchmark_group("throughput");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    let reflower = cjk_reflow::Reflower::default();
    let mut out = String::with_capacity(text.len());
    group.bench_function("floor", |b| b.iter(|| floor(black_box(&text), &mut out)));
    group.bench_function("reflow", |b| {
        b.iter(|| {
            out.clear();
            reflower.reflow_into(black_box(&text), &mut out)
        })
    });
    group.bench_function("reflow_stream", |b| {
        let mut sink = Vec::with_capacity(text.len());
        b.iter(|| {
            sink.clear();
            reflower
                .reflow_stream(black_box(text.as_bytes()), &mut sink)
                .unwrap()
        })
    });
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let base = corpus();
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    let reflower = cjk_reflow::Reflower::default();
    for size in [1 << 10, 16 << 10, 256 << 10, 1 << 20, 4 << 20, 16 << 20] {
        let text = sized(&base, size);
        let mut out = String::with_capacity(text.len());
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("floor", size), &text, |b, t| {
            b.iter(|| floor(t, &mut out))
        });
        group.bench_with_input(BenchmarkId::new("reflow", size), &text, |b, t| {
            b.iter(|| {
                out.clear();
                reflower.reflow_into(t, &mut out)
            })
        });
    }
    group.finish();
}

fn stages(c: &mut Criterion) {
    let text = sized(&corpus(), 4 << 20);
    let mut group = c.benchmark_group("stages");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("1-measure", |b| {
        b.iter(|| cjk_reflow::stages::measure(black_box(&text)))
    });
    group.bench_function("2-columns", |b| {
        b.iter(|| cjk_reflow::stages::columns(black_box(&text)))
    });
    group.bench_function("3-decide", |b| {
        b.iter(|| cjk_reflow::stages::decide(black_box(&text)))
    });
    group.bench_function("4-settle", |b| {
        b.iter(|| cjk_reflow::stages::settle(black_box(&text)))
    });
    let reflower = cjk_reflow::Reflower::default();
    group.bench_function("5-join-and-write", |b| {
        b.iter(|| reflower.reflow(black_box(&text)))
    });
    group.finish();
}

/// Adversarial shapes, each about 4 MB, against a normal page of the same
/// size: time per MB should stay within 2x of the normal page's.
fn pathological(c: &mut Criterion) {
    const SIZE: usize = 4 << 20;
    let page = include_str!("../tests/corpus/sample/newspaper-page.txt");
    let line = |s: &str| format!("{s}\n");
    let shapes: Vec<(&str, String)> = vec![
        ("normal-page", sized(page, SIZE)),
        (
            "same-width-lines",
            sized(&line("一二三四五六七八九十一二三四五六"), SIZE),
        ),
        (
            "alternating-widths",
            sized(
                &(line("一二三四五六七八九十一二三四五六") + &line("一二三")),
                SIZE,
            ),
        ),
        ("one-char-lines", sized(&line("字"), SIZE)),
        (
            "one-paragraph",
            sized("一二三四五六七八九十，一二三四五六七八九十。", SIZE),
        ),
        (
            "punctuation-only",
            sized(&line("，。、；：？！“”（）《》……——"), SIZE),
        ),
        ("blank-lines", sized("\n", SIZE)),
        // Lines ended by a lone `\r` (old Mac files): no `\n` to find at all.
        ("lone-cr-page", sized(page, SIZE).replace('\n', "\r")),
        ("ten-mb-line", sized("一二三四五六七八九十", 10 << 20)),
    ];
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    let reflower = cjk_reflow::Reflower::default();
    for (name, text) in &shapes {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| reflower.reflow(t))
        });
    }
    group.finish();
}

criterion_group!(benches, throughput, scaling, stages, pathological);
criterion_main!(benches);
