//! Stage 2 (with the section's other kinds): records, lines of structured
//! text that no layout wrapped.
//!
//! A log, a chat export, a CSV file or a configuration file is a run of
//! lines that each stand alone, and they are short and as wide as one
//! another: without their kind, a column of such lines reads as a wrapped
//! paragraph and is run together. Each kind has a shape that a wrapped
//! line keeps only by chance, and never line after line:
//!
//! - *stamped* lines open with a date or a time and a space (`2024-05-01
//!   10:02:33 INFO …`, `[2024-05-01 10:02] 张三: …`, `[10:02:33]`): three or
//!   more in a chain, no more than [`STAMP_GAP`] lines apart (a chat export
//!   sets each message on the lines under its stamp);
//! - *delimited* lines hold as many ASCII commas as one another, short
//!   fields, no full-width mark, quote or bracket, and a number in most
//!   (`北京,2189万,16410平方公里`): three or more in a row. (Prose whose
//!   commas OCR read as ASCII cuts words at its lines' edges, and its
//!   clauses seldom open with a number.)
//! - *settings* are `key=value` lines and the `[section]` lines above them,
//!   or a JSON object's members (`"name": "张三",`) and its braces: three or
//!   more in a row, two of them settings;
//! - *markup* lines open with a tag and end with one (`<li>苹果</li>`): three
//!   or more in a row;
//! - *paths* are files' paths and URLs, one whole to a line
//!   (`/usr/bin/reflow`, `https://…`): three or more in a row. (A URL
//!   wrapped at a narrow column goes on after a `/`, not with one.)
//! - *glosses* pair a term with its translation, a space apart and no mark
//!   in either (`apple 苹果`, `苹果 píngguǒ apple`): four or more in a row,
//!   the Latin words on the same side. (Wrapped prose that mixes Latin
//!   words in holds marks, and more than [`MAX_GLOSS`] ideographs a line
//!   at all but the narrowest columns.)
//!
//! Record lines are marked as a table's rows are (see
//! [`crate::line::Shape::table`]): kept line by line. The test reads each
//! line by its own text and its neighbours', so it finds the same records
//! in the output.

use crate::classify::{role_of, CharRole};
use crate::line::{find_either, Line};

/// Lines that may stand between two stamped lines of one chain: a chat
/// export's message under its stamp, a log entry's continuation.
const STAMP_GAP: usize = 3;

/// Characters a key (before `=`) or a field (between commas) may hold: a
/// field of a table, not a clause of prose (as for a table's cells set
/// apart by spaces, `paragraph::MAX_CELL`).
const MAX_FIELD: usize = 10;

/// [`MAX_FIELD`] for a field of ASCII alone: a Latin word, a number, a path.
const MAX_LATIN_FIELD: usize = 24;

/// The most ideographs a gloss's Chinese term holds (`计算机`, `人工智能`).
/// (Wrapped prose ran three lines of a Latin word and six ideographs
/// (`Debian 系统处于最新`) in the corpus, never four.)
const MAX_GLOSS: u32 = 4;

/// The fewest glosses in a row that make a glossary.
const GLOSSES: usize = 4;

/// What kind of record a line may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Record {
    /// Fields split by this many ASCII commas.
    Delimited(usize),
    /// `key=value`.
    Setting,
    /// `[section]` of a configuration file.
    SettingsSection,
    /// A file's path or a URL, whole: `/usr/bin/reflow`, `https://…`.
    Path,
    /// Markup, a tag to open and close the line: `<li>苹果</li>`, `</ul>`.
    Markup,
}

/// Marks the records of `section` (see the module's documentation).
pub(crate) fn mark_records(section: &mut [Line], text: &str) {
    mark_stamped(section, text);
    mark_delimited(section, text);
    mark_glosses(section, text);
}

/// Which side of a gloss its Latin words stand on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gloss {
    /// `apple 苹果`
    LatinFirst,
    /// `苹果 píngguǒ apple`
    ChineseFirst,
}

/// Marks runs of [`GLOSSES`] or more glosses, the Latin words on the same
/// side, no blank line between them.
fn mark_glosses(section: &mut [Line], text: &str) {
    let gloss = |line: &Line| gloss_of(&text[line.text_start..line.text_end]);
    let mut i = 0;
    // Runs of lines that may be glosses by their records, long enough, are
    // read (most lines that may be one stand alone: not read at all).
    while let Some(skip) = section[i..].iter().position(may_be_gloss) {
        let start = i + skip;
        let end = section[start + 1..]
            .iter()
            .position(|line| line.blanks_before > 0 || !may_be_gloss(line))
            .map_or(section.len(), |k| start + 1 + k);
        let mut at = start;
        while end - at >= GLOSSES {
            let Some(side) = gloss(&section[at]) else {
                at += 1;
                continue;
            };
            let run_end = section[at + 1..end]
                .iter()
                .position(|line| gloss(line) != Some(side))
                .map_or(end, |k| at + 1 + k);
            if run_end - at >= GLOSSES {
                section[at..run_end].iter_mut().for_each(mark);
            }
            at = run_end;
        }
        i = end;
    }
}

/// Whether `line` may be a gloss, by its record: a few ideographs, Latin
/// letters and a word space, and no mark that prose holds.
fn may_be_gloss(line: &Line) -> bool {
    // (Word spaces first: most lines have none.)
    line.gaps >= 1
        && (1..=MAX_GLOSS).contains(&line.wide_chars)
        && line.pauses == 0
        && line.letter_spaces == 0
        && !line.punctuated
        && !line.ends_sentence
}

/// The side the Latin words of `body` stand on, if it is a gloss: one run
/// of ideographs and one of Latin words (letters, with their accents, and
/// the hyphens and apostrophes inside them), a space between.
fn gloss_of(body: &str) -> Option<Gloss> {
    let latin = |word: &str| {
        word.chars().next().is_some_and(char::is_alphabetic)
            && word
                .chars()
                .all(|c| (c.is_alphabetic() && c < '\u{2E80}') || matches!(c, '-' | '\''))
    };
    let chinese =
        |word: &str| !word.is_empty() && word.chars().all(|c| role_of(c) == CharRole::Ideograph);
    let (head, tail) = body.split_once(' ')?;
    let tail = tail.trim_start_matches(' ');
    if chinese(head) && tail.split(' ').filter(|w| !w.is_empty()).all(latin) {
        return Some(Gloss::ChineseFirst);
    }
    let (words, term) = body.rsplit_once(' ')?;
    (chinese(term) && words.split(' ').filter(|w| !w.is_empty()).all(latin))
        .then_some(Gloss::LatinFirst)
}

/// Marks chains of three or more stamped lines, each no more than
/// [`STAMP_GAP`] lines after the one before.
fn mark_stamped(section: &mut [Line], text: &str) {
    let bytes = text.as_bytes();
    let stamped = |line: &Line| {
        opens_as_stamp(line) && opens_with_stamp(&bytes[line.text_start..line.text_end])
    };
    let mut i = 0;
    while let Some(skip) = section[i..].iter().position(opens_as_stamp) {
        if !stamped(&section[i + skip]) {
            i += skip + 1;
            continue;
        }
        // The chain that opens here: its last stamped line, and how many.
        let first = i + skip;
        let (mut last, mut count) = (first, 1);
        while let Some(gap) = section[last + 1..]
            .iter()
            .take(STAMP_GAP + 1)
            .position(stamped)
        {
            last += 1 + gap;
            count += 1;
        }
        if count >= 3 {
            for line in &mut section[first..=last] {
                if stamped(line) {
                    mark(line);
                }
            }
        }
        i = last + 1;
    }
}

/// Marks runs of three or more delimited lines with as many commas (numbers
/// in most), of three or more settings and their sections (two of them
/// settings), and of three or more paths or lines of markup.
fn mark_delimited(section: &mut [Line], text: &str) {
    let record = |line: &Line| record_of(&text[line.text_start..line.text_end]);
    let settings = |kind| matches!(kind, Record::Setting | Record::SettingsSection);
    let mut i = 0;
    while let Some(start) = three_marked(section, i) {
        i = start;
        let Some((kind, numbered)) = record(&section[i]) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        let mut set = usize::from(kind == Record::Setting);
        let mut numbered = usize::from(numbered);
        while let Some(line) = section.get(end) {
            match holds_ascii_mark(line).then(|| record(line)).flatten() {
                Some((next, number))
                    if line.blanks_before == 0
                        && (next == kind || (settings(kind) && settings(next))) =>
                {
                    set += usize::from(next == Record::Setting);
                    numbered += usize::from(number);
                    end += 1;
                }
                _ => break,
            }
        }
        let rows = end - i;
        // Delimited rows, as a table's (see `paragraph::mark_table_rows`),
        // hold numbers: most enumerations in prose hold none.
        let kept = match kind {
            Record::Setting | Record::SettingsSection => set >= 2,
            Record::Delimited(_) => numbered >= 2 && 2 * numbered >= rows,
            Record::Path | Record::Markup => true,
        };
        if rows >= 3 && kept {
            section[i..end].iter_mut().for_each(mark);
        }
        i = end;
    }
}

/// Whether `line` opens with a digit or a bracket, as a stamp does (told
/// by its record: most lines open with an ideograph).
fn opens_as_stamp(line: &Line) -> bool {
    matches!(line.first, CharRole::Digit | CharRole::Open)
}

/// The first of three lines in a row from `from` on, no blank line
/// between them, that hold an ASCII mark (told by their records): only they
/// may open a run of delimited lines or settings.
fn three_marked(section: &[Line], from: usize) -> Option<usize> {
    let mut in_a_row = 0;
    for (i, line) in section.iter().enumerate().skip(from) {
        in_a_row = match (holds_ascii_mark(line), line.blanks_before) {
            (false, _) => 0,
            (true, 0) => in_a_row + 1,
            (true, _) => 1,
        };
        if in_a_row == 3 {
            return Some(i - 2);
        }
    }
    None
}

/// Whether `line` holds an ASCII mark (`,`, `=`, `[`…): what its width
/// leaves over once its ideographs, letters, digits and the spaces beside
/// them are counted.
fn holds_ascii_mark(line: &Line) -> bool {
    line.width > line.indent + 2 * line.wide_chars + line.narrow + line.gaps + line.letter_spaces
}

/// Marks `line` as a record, kept line by line.
fn mark(line: &mut Line) {
    line.shape.record = true;
    line.shape.table = true;
    line.shape.preformatted = true;
}

/// The kind of record `body` may be, by its text alone: no full-width
/// sentence or pause mark, and fields no longer than [`MAX_FIELD`]; and
/// whether a field of delimited text opens with a number.
fn record_of(body: &str) -> Option<(Record, bool)> {
    if is_path(body) {
        return Some((Record::Path, false));
    }
    if is_markup(body) {
        return Some((Record::Markup, false));
    }
    // A JSON object's braces stand as a settings file's sections do, its
    // members (`"name": "张三",`) as its settings.
    if matches!(body, "{" | "}" | "}," | "[" | "]" | "],") {
        return Some((Record::SettingsSection, false));
    }
    if let Some(member) = body.strip_prefix('"') {
        return member
            .split_once("\":")
            .is_some_and(|(key, _)| is_field(key) && !key.contains('"'))
            .then_some((Record::Setting, false));
    }
    // (Bytes first: most lines hold neither `,` nor `=` where a record's
    // first field ends.)
    let head = &body.as_bytes()[..body.len().min(MAX_LATIN_FIELD.max(3 * MAX_FIELD) + 1)];
    if !body.starts_with('[') && find_either(head, 0, b',', b'=') == head.len() {
        return None;
    }
    if body.contains(['，', '。', '、', '；', '：', '！', '？']) {
        return None;
    }
    if let Some(name) = body.strip_prefix('[').and_then(|b| b.strip_suffix(']')) {
        return (is_field(name) && !name.contains([' ', '[', ']']))
            .then_some((Record::SettingsSection, false));
    }
    if let Some((key, value)) = body.split_once('=') {
        let key = key.trim_end_matches(' ');
        return (is_field(key)
            && !key.contains(' ')
            && !value.trim_start_matches(' ').is_empty()
            && !body.contains(','))
        .then_some((Record::Setting, false));
    }
    let commas = body.bytes().filter(|&b| b == b',').count();
    // (Quotes, brackets and titles are prose's: `感党恩”宣讲,花艺烘焙培训,职工趣味`.)
    if commas == 0
        || body.contains([
            '“', '”', '‘', '’', '「', '」', '『', '』', '《', '》', '（', '）',
        ])
    {
        return None;
    }
    let fields: Vec<&str> = body.split(',').map(|f| f.trim_matches(' ')).collect();
    // A wrapped line of prose whose commas OCR read as ASCII opens with the
    // tail of a word cut at the line before, and may end with a word's
    // head: one ideograph (`候,你應該謹慎的操作,同`). A table's first and
    // last fields are names and values.
    let one_ideograph = |f: &str| {
        let mut chars = f.chars();
        chars.next().is_some_and(|c| !c.is_ascii()) && chars.next().is_none()
    };
    let (first, last) = (fields[0], fields[fields.len() - 1]);
    let numbered = fields
        .iter()
        .any(|f| f.starts_with(|c: char| c.is_ascii_digit()));
    (fields.iter().all(|f| is_field(f) || f.is_empty())
        && !one_ideograph(first)
        && !one_ideograph(last))
    .then_some((Record::Delimited(commas), numbered))
}

/// Whether `body` is a path or a URL and nothing else: no space, and it
/// opens as an absolute or relative path does (`/`, `~/`, `./`, `../`, a
/// drive `C:\`) or with a URL's scheme. (A URL wrapped at a narrow column
/// goes on after a `/` it was cut at, not with one: its pieces are no list.)
fn is_path(body: &str) -> bool {
    let bytes = body.as_bytes();
    let opens = match bytes {
        [b'/', next, ..] => next.is_ascii_alphanumeric() || matches!(next, b'_' | b'.'),
        [b'~' | b'.', b'/', ..] | [b'.', b'.', b'/', ..] => true,
        [drive, b':', b'\\', ..] => drive.is_ascii_alphabetic(),
        _ => ["http://", "https://", "ftp://", "file://"]
            .iter()
            .any(|scheme| body.starts_with(scheme)),
    };
    opens && bytes.len() > 2 && !bytes.iter().any(|b| b.is_ascii_whitespace())
}

/// Whether `body` opens with an HTML or XML tag (`<li>`, `</ul>`,
/// `<!-- -->`) and ends with one's `>`.
fn is_markup(body: &str) -> bool {
    matches!(body.as_bytes(), [b'<', next, ..] if next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?'))
        && body.ends_with('>')
}

/// Whether `field` may be a key, a field or a section's name: not empty, no
/// longer than [`MAX_FIELD`] characters ([`MAX_LATIN_FIELD`] in ASCII), and
/// no full stop beside an ideograph (OCR's reading of `。`).
fn is_field(field: &str) -> bool {
    let max = if field.is_ascii() {
        MAX_LATIN_FIELD
    } else {
        MAX_FIELD
    };
    !field.is_empty()
        && field.chars().count() <= max
        && !field
            .as_bytes()
            .windows(2)
            .any(|pair| matches!(pair, [b'.', 0x80..=0xFF] | [0x80..=0xFF, b'.']))
}

/// Whether `bytes` open with a date or a time, perhaps in brackets, and
/// then a space, a closing bracket or the line's end: `2024-05-01 10:02:33`,
/// `[2024/5/1 10:02]`, `10:02:33`, `2024-05-01`, `[10:02]`. (A time alone
/// needs its seconds or its brackets: `10:30，` opens a line of prose.)
fn opens_with_stamp(bytes: &[u8]) -> bool {
    let first = bytes.first().copied().unwrap_or(0);
    if !(first.is_ascii_digit() || first == b'[' || first == b'(') {
        return false;
    }
    let bracketed = !first.is_ascii_digit();
    let at = usize::from(bracketed);
    let (stamp_end, seconds) = match date_at(bytes, at) {
        Some(date_end) => match bytes.get(date_end) {
            Some(b' ' | b'T') => match time_at(bytes, date_end + 1) {
                Some((end, _)) => (end, true),
                None => (date_end, true),
            },
            _ => (date_end, true),
        },
        None => match time_at(bytes, at) {
            Some((end, seconds)) => (end, seconds),
            None => return false,
        },
    };
    if !(seconds || bracketed) {
        return false;
    }
    match bytes.get(stamp_end) {
        None => !bracketed,
        Some(b' ' | b'\t') => !bracketed,
        Some(b']' | b')') => bracketed,
        _ => false,
    }
}

/// The end of a date at `at` (`2024-05-01`, `2024/5/1`, `2024.05.01`).
fn date_at(bytes: &[u8], at: usize) -> Option<usize> {
    let year = digits_at(bytes, at, 4, 4)?;
    let sep = *bytes
        .get(year)
        .filter(|b| matches!(b, b'-' | b'/' | b'.'))?;
    let month = digits_at(bytes, year + 1, 1, 2)?;
    (bytes.get(month) == Some(&sep)).then_some(())?;
    digits_at(bytes, month + 1, 1, 2)
}

/// The end of a time at `at` (`10:02`, `10:02:33`, `10:02:33.125`) and
/// whether it has its seconds.
fn time_at(bytes: &[u8], at: usize) -> Option<(usize, bool)> {
    let hours = digits_at(bytes, at, 1, 2)?;
    (bytes.get(hours) == Some(&b':')).then_some(())?;
    let minutes = digits_at(bytes, hours + 1, 2, 2)?;
    if bytes.get(minutes) != Some(&b':') {
        return Some((minutes, false));
    }
    let seconds = digits_at(bytes, minutes + 1, 2, 2)?;
    let end = match bytes.get(seconds) {
        Some(b'.' | b',') => digits_at(bytes, seconds + 1, 1, 9).unwrap_or(seconds),
        _ => seconds,
    };
    Some((end, true))
}

/// The end of `min..=max` ASCII digits at `at`, followed by no digit.
fn digits_at(bytes: &[u8], at: usize, min: usize, max: usize) -> Option<usize> {
    let n = bytes
        .get(at..)?
        .iter()
        .take(max + 1)
        .take_while(|b| b.is_ascii_digit())
        .count();
    (min..=max).contains(&n).then_some(at + n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glosses() {
        for (body, side) in [
            ("apple 苹果", Gloss::LatinFirst),
            ("ice cream 冰淇淋", Gloss::LatinFirst),
            ("don't 不要", Gloss::LatinFirst),
            ("苹果 píngguǒ apple", Gloss::ChineseFirst),
            ("电脑 computer", Gloss::ChineseFirst),
        ] {
            assert_eq!(gloss_of(body), Some(side), "{body}");
        }
        for body in [
            "apple",
            "苹果",
            "苹果 apple 香蕉",
            "apple 苹果 banana 香蕉",
            "v2 版本",
            "GOsa² 登录",
            "Debian，软件",
            "apt-get 和 dpkg",
        ] {
            assert_eq!(gloss_of(body), None, "{body}");
        }
    }

    #[test]
    fn stamps() {
        for yes in [
            "2024-05-01 10:02:33 INFO 服务启动",
            "[2024-05-01 10:02] 张三: 大家好",
            "[10:02:33] 连接成功",
            "10:02:33 连接成功",
            "2024/5/1 发布",
            "2024-05-01T10:02:33.125 ok",
            "[10:02] 李四",
            "2024-05-01",
        ] {
            assert!(opens_with_stamp(yes.as_bytes()), "{yes}");
        }
        for no in [
            "10:30，记者来到现场",
            "10:30 记者来到现场",
            "8859-2，应当被视作",
            "2024年5月1日 发布",
            "[1] 参考文献",
            "20240-05-01 x",
            "2024-05-01，",
            "(10:02 李四",
        ] {
            assert!(!opens_with_stamp(no.as_bytes()), "{no}");
        }
    }

    #[test]
    fn records() {
        assert_eq!(
            record_of("北京,2189万,16410平方公里"),
            Some((Record::Delimited(2), true))
        );
        assert_eq!(
            record_of("城市,人口,面积"),
            Some((Record::Delimited(2), false))
        );
        assert_eq!(record_of("地址=127.0.0.1"), Some((Record::Setting, false)));
        assert_eq!(record_of("level = info"), Some((Record::Setting, false)));
        assert_eq!(
            record_of("[数据库]"),
            Some((Record::SettingsSection, false))
        );
        assert_eq!(record_of("感党恩”宣讲,花艺烘焙培训,职工趣味"), None);
        assert_eq!(
            record_of("\"name\": \"张三\","),
            Some((Record::Setting, false))
        );
        assert_eq!(record_of("}"), Some((Record::SettingsSection, false)));
        for path in [
            "/usr/bin/reflow",
            "~/.config/app",
            "../README",
            "C:\\Windows",
            "https://example.com/a",
        ] {
            assert_eq!(record_of(path), Some((Record::Path, false)), "{path}");
        }
        assert_eq!(record_of("<li>苹果</li>"), Some((Record::Markup, false)));
        assert_eq!(record_of("</ul>"), Some((Record::Markup, false)));
        assert_eq!(record_of("<3 我爱你"), None);
        for not in [
            "/ 分隔",
            "/",
            "share/doc/reflow/",
            "//注释",
            "/usr/bin 目录",
        ] {
            assert_eq!(record_of(not), None, "{not}");
        }
        // Prose, as OCR reads its commas.
        assert_eq!(record_of("候,你應該謹慎的操作,同"), None);
        assert_eq!(record_of("目,例如,移除桌面環境這"), None);
        assert_eq!(record_of("北京，2189万，16410平方公里"), None);
        assert_eq!(record_of("a=1，b=2"), None);
        assert_eq!(record_of("一,二"), None);
    }
}
