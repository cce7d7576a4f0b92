//! Runs the built `reflow` example on files and stdin, and checks stdout,
//! stderr and exit codes.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const PAGE: &str = "tests/corpus/sample/newspaper-page.txt";

/// The example binary, next to the test binaries. `cargo test` builds the
/// examples but `cargo test --test cli` does not, and a binary left from an
/// earlier build may be stale, so it is built once per run (a no-op when
/// it is fresh).
fn binary() -> PathBuf {
    static BUILT: std::sync::Once = std::sync::Once::new();
    let mut dir = std::env::current_exe().unwrap();
    dir.pop();
    if dir.ends_with("deps") {
        dir.pop();
    }
    BUILT.call_once(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut build = Command::new(cargo);
        build.args(["build", "--quiet", "--example", "reflow"]);
        if dir.ends_with("release") {
            build.arg("--release");
        }
        assert!(
            build.status().unwrap().success(),
            "building the example failed"
        );
    });
    dir.join("examples")
        .join(format!("reflow{}", std::env::consts::EXE_SUFFIX))
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(binary())
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Written from a thread: a large input would otherwise fill the pipe
    // while the child's output fills its own. A child that stops reading
    // (on an error) closes the pipe; that is not a failure here.
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || match pipe.write_all(&input) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e),
        _ => Ok(()),
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    output
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn reflows_a_file_like_the_library() {
    let o = run(&[PAGE], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = std::fs::read_to_string(PAGE).unwrap();
    assert_eq!(stdout(&o), cjk_reflow::reflow(&page));
    assert!(stderr(&o).is_empty());
}

#[test]
fn reads_stdin_without_argument_and_with_dash() {
    let input = "十多年前，笔者在采访一些\n关注行政领域事务的学者时，常\n听到的一个观点是：加强问责。\n理由是，出了事若不敢问责、问\n责不力。\n";
    for args in [&[][..], &["-"][..]] {
        let o = run(args, input.as_bytes());
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(stdout(&o), cjk_reflow::reflow(input));
    }
}

#[test]
fn explain_prints_one_line_per_break_point() {
    let o = run(&["--explain", PAGE], b"");
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 514);
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("1-2\tbreak\t"), "{first}");
    assert!(out
        .lines()
        .any(|l| l.contains("join") && l.contains("line fills the column")));
    // Four fields a line; a fifth only where settling decided the break,
    // which the sample page never needs.
    assert!(out.lines().all(|l| l.split('\t').count() == 4), "{out}");
}

#[test]
fn explain_says_which_breaks_the_output_decided() {
    // A text renderer's page (w3m) where settling joins a line that the
    // first round kept: the fifth field says so.
    let o = run(&["--explain", "tests/corpus/rendered/r03.txt"], b"");
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let settled: Vec<&str> = out.lines().filter(|l| l.split('\t').count() == 5).collect();
    assert!(!settled.is_empty(), "{out}");
    assert!(settled
        .iter()
        .all(|l| l.ends_with("\tdecided again on the output's lines")));
}

#[test]
fn json_lists_paragraphs_with_spans_and_kinds() {
    let o = run(&["--json", "-"], "□本报记者 张三\n\n甲乙丙。\n".as_bytes());
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v[0]["kind"], "byline");
    assert_eq!(v[1]["text"], "甲乙丙。");
    assert_eq!(v[1]["span"], serde_json::json!([24, 36]));
    assert_eq!(v[1]["lines"], serde_json::json!([3, 3]));
    assert_eq!(v[1]["kind"], "body");
}

#[test]
fn options_change_the_output() {
    let input = "一二三四五六七八九十\n一二三四五六七八九十\n一二三四五六七八九十\n甲乙。\n\n一二三四五六七八九十\n一二三四五六七八九十\n丙丁。\n";
    let o = run(
        &[
            "--separator",
            "newline",
            "--indent",
            "ideographic",
            "--width",
            "auto",
        ],
        input.as_bytes(),
    );
    assert_eq!(
        stdout(&o),
        "\u{3000}\u{3000}一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十甲乙。\n\u{3000}\u{3000}一二三四五六七八九十一二三四五六七八九十丙丁。\n"
    );
    let o = run(&["--width", "5"], "一二三四五\n六七。\n".as_bytes());
    assert_eq!(stdout(&o), "一二三四五六七。\n");
    // The default keeps an indent as it came, as `preserve` does; `none`
    // drops it.
    let indented = "\u{3000}\u{3000}一二三。\n";
    assert_eq!(stdout(&run(&[], indented.as_bytes())), indented);
    let o = run(&["--indent", "preserve"], indented.as_bytes());
    assert_eq!(stdout(&o), indented);
    let o = run(&["--indent", "none"], indented.as_bytes());
    assert_eq!(stdout(&o), "一二三。\n");
}

#[test]
fn invalid_utf8_exits_1_with_the_offset() {
    let o = run(&[], b"abc\n\xe4\xb8def");
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(err.contains("invalid UTF-8 at byte offset 4"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn missing_file_exits_1_with_a_clear_message() {
    let o = run(&["no/such/file.txt"], b"");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(
        err.trim_end(),
        "reflow: cannot read no/such/file.txt: no such file"
    );
}

#[test]
fn bad_flags_exit_2_with_usage() {
    for args in [
        &["--bogus"][..],
        &["--width", "abc"],
        &["--width", "0"],
        &["--separator", "tab"],
        &["--indent"],
    ] {
        let o = run(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.starts_with("reflow: ") && err.contains("usage: reflow"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"));
    }
}

#[test]
fn help_exits_0_with_usage_on_stdout() {
    let o = run(&["--help"], b"");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("usage: reflow"));
}

#[test]
fn batch_mode_writes_one_file_per_input_identical_to_single_runs() {
    let dir = std::env::temp_dir().join(format!("cjk-reflow-batch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let inputs = [
        "tests/corpus/sample/newspaper-page.txt",
        "tests/corpus/pdftotext/p03.txt",
        "tests/corpus/ocr/p06.txt",
        "tests/corpus/traditional/t01-pymupdf.txt",
    ];
    let mut args = vec!["--output-dir", dir.to_str().unwrap(), "--jobs", "2"];
    args.extend(inputs);
    let o = run(&args, b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for input in inputs {
        let name = std::path::Path::new(input).file_name().unwrap();
        let batch = std::fs::read_to_string(dir.join(name)).unwrap();
        let single = stdout(&run(&[input], b""));
        assert_eq!(batch, single, "{input}");
    }
    // A GB18030 file is detected in batch mode as on its own, and written
    // back in its encoding when asked.
    let page = std::fs::read_to_string(inputs[0]).unwrap();
    let gb = write_temp("batch-gb.txt", &encoding_rs::GB18030.encode(&page).0);
    let gb_name = gb.file_name().unwrap();
    for flags in [&[][..], &["--output-encoding", "input"][..]] {
        let mut args = vec!["--output-dir", dir.to_str().unwrap()];
        args.extend(flags);
        args.push(gb.to_str().unwrap());
        let o = run(&args, b"");
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let mut single_args = flags.to_vec();
        single_args.push(gb.to_str().unwrap());
        let single = run(&single_args, b"").stdout;
        assert!(
            std::fs::read(dir.join(gb_name)).unwrap() == single,
            "{flags:?}"
        );
    }
    let _ = std::fs::remove_file(&gb);
    let o = run(&["--output-dir", dir.to_str().unwrap(), "no/such.txt"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot read no/such.txt: no such file"));
    let o = run(
        &[
            "--output-dir",
            dir.to_str().unwrap(),
            "--explain",
            inputs[0],
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

fn write_temp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("cjk-reflow-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn gb18030_and_big5_inputs_are_detected_and_decoded() {
    let page = std::fs::read_to_string(PAGE).unwrap();
    let traditional = std::fs::read_to_string("tests/corpus/traditional/t01-pymupdf.txt").unwrap();
    for (name, text, encoding) in [
        ("gb.txt", &page, encoding_rs::GB18030),
        ("big5.txt", &traditional, encoding_rs::BIG5),
    ] {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(
            !unmappable,
            "{name} has characters outside {}",
            encoding.name()
        );
        let path = write_temp(name, &bytes);
        let o = run(&[path.to_str().unwrap()], b"");
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(stdout(&o), cjk_reflow::reflow(text), "{name}");
        assert!(stderr(&o).contains(&format!("reading it as {}", encoding.name())));
        // Told explicitly, and written back in the input's encoding.
        let flag = if encoding == encoding_rs::BIG5 {
            "big5"
        } else {
            "gbk"
        };
        let o = run(
            &[
                "--encoding",
                flag,
                "--output-encoding",
                "input",
                path.to_str().unwrap(),
            ],
            b"",
        );
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(
            o.stdout,
            encoding.encode(&cjk_reflow::reflow(text)).0.into_owned()
        );
        let _ = std::fs::remove_file(path);
    }
}

#[test]
fn invalid_legacy_bytes_exit_1_with_the_offset() {
    let o = run(&["--encoding", "big5"], b"\xa4\xa4\xa4\xe5\x80\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("invalid Big5 at byte offset 4"),
        "{}",
        stderr(&o)
    );
}

/// Legacy-encoded input is decoded and encoded back as it streams: a page
/// many 64 KiB reads long comes out as the whole-text reflow does, and a
/// malformed byte deep in it is reported at its offset in the input.
#[test]
fn legacy_encodings_stream_across_many_reads() {
    let page = std::fs::read_to_string(PAGE).unwrap();
    let text = (page + "\n\n").repeat(40);
    let (bytes, _, _) = encoding_rs::GB18030.encode(&text);
    assert!(bytes.len() > 8 * (64 << 10));
    let path = write_temp("gb-long.txt", &bytes);
    let o = run(&[path.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o) == cjk_reflow::reflow(&text));
    let o = run(&["--output-encoding", "input", path.to_str().unwrap()], b"");
    assert!(*o.stdout == *encoding_rs::GB18030.encode(&cjk_reflow::reflow(&text)).0);

    let mut broken = bytes.into_owned();
    let at = broken.len() - 1000;
    let at = at + broken[at..].iter().position(|&b| b == b'\n').unwrap() + 1;
    broken.insert(at, 0xFF);
    let o = run(&["--encoding", "gb18030"], &broken);
    assert_eq!(o.status.code(), Some(1));
    let expected = format!("invalid gb18030 at byte offset {at}");
    assert!(
        stderr(&o).to_lowercase().contains(&expected),
        "{}",
        stderr(&o)
    );
    let _ = std::fs::remove_file(path);
}

/// A malformed GB18030 four-byte sequence (`81 30 81` then `A`) is reported
/// where it starts, in one plain line, whether the text streams (reflow) or
/// is read whole (`--explain`, `--json`): the decoder reads past the bad
/// bytes before it reports them.
#[test]
fn malformed_legacy_sequence_is_reported_where_it_starts_in_every_mode() {
    let input = b"\xa4\xa4\x81\x30\x81\x41\xa4\xa4\n";
    for mode in [&[][..], &["--explain"][..], &["--json"][..]] {
        let mut args = vec!["--encoding", "gb18030"];
        args.extend_from_slice(mode);
        let o = run(&args, input);
        assert_eq!(o.status.code(), Some(1), "{mode:?}");
        let err = stderr(&o);
        assert!(
            err.contains("invalid gb18030 at byte offset 2"),
            "{mode:?}: {err}"
        );
        assert!(!err.contains("i/o error"), "{mode:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{mode:?}: {err}");
    }
}
