//! Stage 3: decide every break point.
//!
//! Consumes two consecutive non-blank [`Line`]s (and the one after), the local
//! column width from [`layout`](crate::layout) and whether the first line opens
//! a paragraph; produces an [`Action`] and the [`Reason`] that settled it. The
//! rules form a cascade, strongest evidence first: preformatted text, the
//! kinsoku prohibitions, newspaper furniture, explicit indents, and then the
//! width evidence: how full the line is, whether it ends a sentence, whether
//! the next line is two em short, and blank lines between them. No allocation,
//! no I/O.

use std::fmt;

use crate::classify::CharRole;
use crate::layout::{
    fit, fit_as_set, may_cut_between, printed_line_goes_on, set_in_as_kept, BlankLines, Fit,
    Openings, MAX_COLUMN, MIN_COLUMN,
};
use crate::line::{Furniture, Line, FOLIO_WIDTH};

/// How much short of the column a spread line may end and still have been
/// stretched to it, in half-em.
const SPREAD_SLACK: u32 = 4;

/// What happens to one line break.
///
/// # Examples
///
/// ```
/// use cjk_reflow::{Action, Reflower};
///
/// let page = "十多年前，笔者在采访一些\n关注行政领域事务的学者时，常\n听到的一个观点是：加强问责。\n理由是，出了事若不敢问责、问\n责不力。\n";
/// let actions: Vec<Action> = Reflower::default().break_points(page).iter().map(|p| p.action).collect();
/// assert_eq!(actions, [Action::Join; 4]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Action {
    /// A soft wrap: the lines are joined with nothing between them.
    Join,
    /// A soft wrap between two words of a space-separated script: joined with one space.
    JoinWithSpace,
    /// A paragraph end: the paragraph separator is written.
    Break,
    /// Text that is not hard-wrapped (or is preformatted): the break is kept
    /// as it was. So is every paragraph end of a section where no line is
    /// joined: nothing there was wrapped.
    Keep,
}

impl Action {
    /// `true` for [`Action::Join`] and [`Action::JoinWithSpace`].
    ///
    /// ```
    /// use cjk_reflow::Action;
    /// assert!(Action::JoinWithSpace.is_join());
    /// assert!(!Action::Keep.is_join());
    /// ```
    pub fn is_join(self) -> bool {
        matches!(self, Action::Join | Action::JoinWithSpace)
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Action::Join => "join",
            Action::JoinWithSpace => "join+space",
            Action::Break => "break",
            Action::Keep => "keep",
        })
    }
}

/// The rule or evidence that settled a break decision.
///
/// Its `Display` is a one-line lowercase explanation.
///
/// ```
/// use cjk_reflow::Reason;
/// assert_eq!(
///     Reason::NextStartsWithClosing.to_string(),
///     "next line starts with closing or pause punctuation (kinsoku)"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// Join: no line may start with closing or pause punctuation (，。、」）…).
    NextStartsWithClosing,
    /// Join: no line may end with an opening bracket or quote (（「“《…).
    PrevEndsWithOpening,
    /// Join: the line opens a bracket at its start and does not close it
    /// at its end: the bracketed remark runs on (into a credit, but no other
    /// furniture).
    BracketLeftOpen,
    /// Join: the line stops mid-sentence inside a bracket or quote that it,
    /// or the line joined before it, opened.
    InsideBrackets,
    /// Join: the line stops short at a pause mark (`，、；：`), which ends
    /// no paragraph.
    ShortAtPause,
    /// Join: the line fills its column and stops mid-sentence.
    FullLine,
    /// Join: a bracketed remark or credit after a sentence end belongs to its
    /// paragraph (`…的文件。（另请参见…）`, `…操作。（本报记者 … 摄）`).
    BracketAfterSentence,
    /// Join: a story's opening dateline (`本报北京1月28日电`) runs on into its
    /// first sentence.
    DatelineLead,
    /// Join: the line ends inside a word, path or URL (`apt-`, `/usr/`) and
    /// the next line goes on with letters or digits.
    WordContinues,
    /// Join: the line fills its column mid-sentence; the blank line after it is a column break.
    FullLineAcrossBlank,
    /// Join: the line fills its column and ends a sentence, but the next line
    /// does not look like the start of a paragraph.
    FullLineSentenceEnd,
    /// Keep: most lines of the section end a sentence, and few stand after
    /// a blank line: already-flowing text, one paragraph per line with
    /// headings between, not hard-wrapped (even where some of its lines
    /// happen to be as wide as one another).
    SentencePerLine,
    /// Join: the line ends a sentence but was stretched to the column
    /// (letter-spaced by justification): a paragraph's last line is not
    /// justified, so its paragraph goes on.
    StretchedLine,
    /// Break: the line follows a running header and stops without a mark
    /// (no comma or full stop in it): the page's first block opens with a
    /// kicker or a headline, a heading of its own.
    AfterRunningHeader,
    /// Break: an ellipsis alone on its line (`……`) after a sentence's end,
    /// or the line after one that stands alone: a mark of text left out
    /// between two sections, a paragraph of its own.
    SectionMark,
    /// Join: a paragraph's first line, short by its lost 2-em indent, that
    /// opens its block and ends no sentence. Not when the next line is the
    /// first line instead: 2 em short of the line after it and at least
    /// 1.5 em narrower as set, its shortness not explained by an
    /// unbreakable chunk opening that line; or about 2 em short of the
    /// column before a full line while this one is shorter still.
    FirstLine,
    /// Join: a caption stops mid-sentence and runs on (captions are set to
    /// their own width, not the column's), or a bracketed photo credit
    /// closes it (the credit on the next line, or cut in two over the next
    /// line, left open, and the one after it).
    CaptionRunsOn,
    /// Join: a subtitle that stops without a mark goes on into its tail,
    /// a line that opens mid-phrase (`的服务`) or a question's short end
    /// (`的便捷的方法？`), whatever the subtitle's width.
    SubtitleRunsOn,
    /// Join: a fragment of one or two characters inside a paragraph, split
    /// off a stretched justified line by the extractor, or the first of two
    /// pieces of a line cut before a quote or bracket. Not a glyph alone on
    /// its printed line (after a full line) before a first line short by
    /// its indent and a full line: that glyph ends its heading or paragraph.
    Fragment,
    /// Join: the line ends with the one space after a word, as an extractor
    /// (PyMuPDF) leaves it where it cut a stretched printed line at a word
    /// space, and stops short of the column mid-sentence: the printed line
    /// goes on.
    WordSpaceLeft,
    /// Join: the blank line between the two lines holds one space, the word
    /// space the extractor cut the printed line at and wrote as a line of
    /// its own (PyMuPDF on WeasyPrint's PDFs); the sentence goes on.
    SpaceLineBetween,
    /// Join: a glyph of at most one em inside a paragraph (joined into,
    /// stopping mid-word), one blank line, and a piece of at most half
    /// the column stopping mid-word before an adjacent line: a stretched
    /// printed line that the extractor cut into pieces and a space line.
    FragmentAcrossBlank,
    /// Join: the line ends a sentence and the extractor cut the printed line
    /// before the opening quote or bracket of the next line, which fills
    /// the printed line with it, stops mid-word before a full line, and is
    /// at least 3 em short of the column (no first line short by its
    /// indent): the paragraph goes on along the same printed line.
    QuoteAfterSentence,
    /// Join: a line wider than the column that holds a punctuation mark
    /// (headlines seldom do) and stops mid-word, before a line of the
    /// column with no blank line between (or one blank line, a column
    /// break, before a full line): two printed lines of a paragraph the
    /// extractor ran together, going on.
    OverlongRunsOn,
    /// Join: a piece of a printed line that the extractor cut at a
    /// compressed punctuation mark; the next piece fits beside it.
    Piece,
    /// Join: the line stops mid-word (no mark, no furniture) and the next
    /// opens mid-phrase: with the word's tail, one ideograph and the mark
    /// that closes its clause or sentence (`…应用软` | `件包。` reads `…软`
    /// | `件。`), with the particle `的` (`…系统` | `的配置`), or with a
    /// suffix or particle that opens no word (`…它` | `们将被`, `了`, `吗`,
    /// `呢`): no paragraph or heading opens so, whatever the widths say.
    OpensMidPhrase,
    /// Join: the line ends with the particle `的` (not the nouns `目的`,
    /// `标的`, nor in a line without marks that holds `是`, which may be a
    /// heading set as a sentence): the noun it qualifies opens the next
    /// line, whatever the widths say.
    NounFollows,
    /// Join: the line ends with a function word that closes no clause and
    /// no heading (`这 该 已 被 或 也 而 但 很 又 且 虽 于 个`, not `不已` or
    /// `而已`): the sentence runs on into the next line, whatever the widths
    /// say.
    FunctionWordRunsOn,
    /// Join: the line may be cut from the next at a compressed mark, the
    /// printed line so far falls short of the column, and the next line is
    /// a piece of at most half the column that stops mid-word (no cut after
    /// it) before a full line: too short for a paragraph's first line, so
    /// its printed line began with this one. After a sentence end, only
    /// when pieces were joined before this line, the next piece fills the
    /// printed line, and the line after it is full.
    LastPiece,
    /// Join: a short line stops mid-word; the line joined before it ended
    /// no sentence and is no furniture; no blank line follows and the next
    /// line is not a first line short by its indent (a line short only
    /// because the unbreakable chunk of 2 em or more opening the line after
    /// it did not fit is not one): no paragraph ends mid-sentence, mid-word
    /// (a piece of a printed line).
    SentenceRunsThrough,
    /// Join: the line closes a quote or bracket in the middle of a
    /// sentence that the line joined before it began (`…使用一种` |
    /// `“虚拟”` | `软件包系统…`): the sentence goes on.
    RemarkRunsOn,
    /// Join: a short line that opens its paragraph and stops mid-word
    /// before a piece of at most half a line that ends a sentence, or ends
    /// at a pause mark before an unindented line with no blank line between:
    /// the piece ends the sentence the line began (a paragraph's first line
    /// would be nearly full). A piece at a pause mark before an indented
    /// line stands alone (a salutation `各位同学：` after a title).
    BeforeShortPiece,
    /// Join: a furniture line that stops at a pause mark, most often the
    /// colon of its label (`来源：`, `（责任编辑：`), runs on into the next
    /// line when that is no furniture, not preformatted, and follows with
    /// no blank line between.
    LabelRunsOn,
    /// Join: a byline that stops at the reporter's label (`□本报记者`) runs
    /// on into the name cut off onto the next line, a line of two or three
    /// ideographs (across blank lines too).
    BylineRunsOn,
    /// Join: a story's opening dateline and the reporter's credit bracketed
    /// after it (`中新社西安2月17日电（记者曹帆然）`) run on into its first
    /// sentence.
    DatelineCredit,
    /// Join: a line that closes a quote or bracket mid-sentence before a
    /// piece of at most half a line: pieces of one printed line cut at
    /// compressed marks.
    ClosedBeforePiece,
    /// Join: among pieces of printed lines too short to agree on a column,
    /// a line that stops mid-word runs on when it goes on with the piece
    /// joined before it and the next line is a piece too (it ends a
    /// sentence or at a cut, either line holds a mark, or their widths
    /// differ by more than 1 em: lines of verse are as wide as one another
    /// and hold no mark), or when the next line is a piece cut at a mark
    /// mid-sentence and no dateline.
    PieceRunsOn,
    /// Join: where the lines around agree on no column (a short paragraph
    /// among furniture), a line of a narrow column (8 to 30 em) that stops
    /// mid-sentence without a mark runs on into the next line when that is
    /// no wider than it, and 8 em wide or more, or 5 em holding a mark
    /// (shorter lines without a column are verse or pieces): a Chinese sentence does not end without a mark,
    /// and a wrapped line is not wider than the one before it. Only when the
    /// line or the next holds a mark, or the line goes on from the line
    /// before: two lines without a mark, the first opening its block, may
    /// be a heading over a first line or lines of a list.
    NoColumnRunsOn,
    /// Blank lines end the section's paragraphs and nothing else: a line
    /// inside a block that stops mid-sentence goes on with the block.
    InsideBlock,
    /// Join: the line stops mid-word and is as full as the line before it in
    /// the same paragraph (a block set narrower than the column around it);
    /// not after a furniture label other than a dateline (a label runs on
    /// into its value only).
    AsFullAsLineBefore,
    /// Join: in a section that the extractor cut into pieces at compressed
    /// marks (most of its pause marks end a line), grouping its pieces into
    /// printed lines that fill the column puts the next piece on the same
    /// printed line as this one.
    PieceOfPrintedLine,
    /// Join: in a section cut into pieces, the printed line rebuilt from
    /// them fills the column, so the paragraph goes on.
    PrintedLineFilled,
    /// Break: in a section cut into pieces, the printed line rebuilt from
    /// them ends its paragraph: it stops short of the column (or the
    /// pieces after it only fill printed lines as a new paragraph).
    PrintedLineEndsParagraph,
    /// Break: the line ends a sentence within the column's tolerance, but
    /// the next line's first chunk (at least 1 em) would still have fitted
    /// beside it within the full line joined before it, even with that
    /// line's punctuation compressed: a justified line inside a paragraph
    /// is as wide as the one before, so this one ends its paragraph. (Not
    /// for the tail of a line cut at a closing mark: its head is the line
    /// before.)
    SentenceEndShort,
    /// Break: where paragraphs are set flush (books and manuals, no
    /// indent), the line ends a sentence at least 1 em short of the column
    /// and the next line's first chunk would have fitted beside it: a
    /// justified line inside a paragraph fills its column, so this one is
    /// the paragraph's last. (With an indent, the next line shows a
    /// paragraph's start instead.)
    FlushLastLine,
    /// Break: the line fills the column without a sentence end or a pause
    /// mark, and after one blank line comes a line about 2 em short of the
    /// column (a lost indent), ending no sentence, before a full line: a column
    /// break would carry the paragraph on with a full line, so a paragraph
    /// ended here (its final mark dropped, as OCR often does).
    BlankBeforeFirstLine,
    /// Break: the next line is a story's opening dateline (`本报重庆11月2日电`),
    /// which opens the story's first paragraph; the line before it (a
    /// headline, a kicker, a last line) stopping at a character or a
    /// sentence end ends there.
    BeforeDateline,
    /// Break: a line without marks that opens its block, stops mid-word and
    /// is narrower than the full line after the next one, before a line
    /// about 2 em short of that full line (a shortness that the unbreakable
    /// chunk opening the full line does not explain): a heading before a
    /// paragraph's first line (a first line itself would be followed by a
    /// full line).
    ShortHeading,
    /// Break: a short line without marks opening its block, before a line
    /// without marks that a byline follows: a kicker above its headline
    /// (a headline set on two lines would fill its first line).
    KickerBeforeHeadline,
    /// Break: the line ends a sentence; the next line fills the column
    /// without a single mark and stops mid-word, and the line after it is
    /// about 2 em short of the column and stops mid-word too (no last line
    /// of a paragraph, which would end with a mark): the next line is a
    /// subhead before a paragraph's first line. Or the line after it is
    /// shorter still, without a mark either and not ending with a word
    /// that needs what follows: the subhead's own last line.
    NextIsSubhead,
    /// Break: a byline, dateline, source line, caption, subtitle or list item
    /// is its own paragraph; a caption ends with the bracketed photo credit
    /// that closes it.
    Furniture(Furniture),
    /// Break: the next line is indented more than this one.
    NextIndented,
    /// Break: the line ends a sentence and the next line is about 2 em short of
    /// the column, the shape of a first line whose indent was lost.
    NextShortByIndent,
    /// Break: the line ends a sentence and a blank line follows.
    BlankAfterSentence,
    /// Break: the line ends short of its column, so its paragraph ends here.
    ShortLine,
    /// Keep: a line of verse, or of a list set line by line, on one side:
    /// three or more lines as wide as one another, narrower than the lines
    /// around them, without a mark but one at the end.
    Verse,
    /// Keep: a row of a table on one side: three or more lines below one
    /// another split by spaces into as many short cells, numbers in most,
    /// and no sentence punctuation; or four or more short lines of a cell
    /// or two each, three of them numbers alone.
    TableRow,
    /// Keep: a record on one side: one of three or more lines of a log or a
    /// chat export that open with a date or a time, of comma-separated
    /// fields (numbers in most), of `key=value` settings or a JSON object's
    /// members, of paths or URLs, or of markup; or one of four or more
    /// glosses (`apple 苹果`).
    Record,
    /// Break: the line ends a sentence and the next line is short and stops
    /// without a mark: a heading, not the last line of this paragraph.
    NextIsHeading,
    /// Break: the line ends a sentence at the column, and the next line
    /// fills it with a question, or with the first line of one that ends on
    /// the line after it: a subhead set flush (`如何安装？`), where a
    /// paragraph's first line would be short by its lost indent. (A question
    /// that ends a paragraph seldom begins just where a line does.)
    NextIsQuestion,
    /// Break: a question that fills the column opens its paragraph, where
    /// a paragraph's first line would be short by its lost indent: a
    /// subhead set flush, not the first line of what follows it.
    QuestionHeading,
    /// Break: a short line without a sentence end or a pause mark, before a
    /// paragraph's first line; or one that opens its block at the full
    /// column width (a subhead).
    Heading,
    /// Break: the line is wider than the column around it (a headline or caption).
    WiderThanColumn,
    /// Break: the next line is wider than the column, so it is not a wrapped line of it.
    NextWiderThanColumn,
    /// Keep: two or more blank lines separate independent sections.
    SectionBreak,
    /// Keep: a run of more than 4096 lines with no two blank lines in a row
    /// was cut into sections here, at the likeliest paragraph end in its
    /// second half, so that memory stays bounded. Written as it came where
    /// the text on both sides came out unchanged, else as two blank lines.
    LongSection,
    /// Keep: one of the lines is preformatted (code, table, aligned columns).
    Preformatted,
    /// Keep: one of the lines is an entry of a table of contents, leaders
    /// before a page number (`第一章　总则……………1`): kept line by line.
    ContentsEntry,
    /// Break: the next line opens with a label and its colon, and so does
    /// the line before it or the line after it (`张三：…` / `李四：…`,
    /// `电话：…` / `传真：…`): the turns of a dialogue or the fields of a
    /// form, each its own paragraph, whatever the widths.
    LabelledLines,
    /// Keep: the lines around do not share a column width, so the text is not
    /// hard-wrapped here (already-flowing paragraphs, short items).
    NotWrapped,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Reason::NextStartsWithClosing => {
                "next line starts with closing or pause punctuation (kinsoku)"
            }
            Reason::PrevEndsWithOpening => "line ends with an opening bracket or quote (kinsoku)",
            Reason::BracketLeftOpen => "line opens a bracket and does not close it",
            Reason::ShortAtPause => "line stops short at a pause mark, mid-sentence",
            Reason::InsideBrackets => "line stops mid-sentence inside a bracket or quote",
            Reason::FullLine => "line fills the column mid-sentence",
            Reason::DatelineLead => "opening dateline runs on into the story",
            Reason::BracketAfterSentence => {
                "a bracketed remark after a sentence stays in its paragraph"
            }
            Reason::WordContinues => "line ends inside a word, path or URL",
            Reason::FullLineAcrossBlank => {
                "line fills the column mid-sentence; the blank line is a column break"
            }
            Reason::FullLineSentenceEnd => {
                "line fills the column; the next line does not start a paragraph"
            }
            Reason::AfterRunningHeader => {
                "unpunctuated line after a running header: a heading of its own"
            }
            Reason::SectionMark => "an ellipsis alone after a sentence marks a cut: its own paragraph",
            Reason::SentencePerLine => {
                "most lines end a sentence: flowing text, one paragraph per line, not hard-wrapped"
            }
            Reason::StretchedLine => {
                "line ends a sentence but was stretched to the column: not a paragraph's last line"
            }
            Reason::FirstLine => "first line of a paragraph, short by its lost indent",
            Reason::CaptionRunsOn => "caption runs on, mid-sentence or into its photo credit",
            Reason::SubtitleRunsOn => "subtitle runs on into its tail",
            Reason::Fragment => "fragment of a line split by the extractor, inside a paragraph",
            Reason::SpaceLineBetween => {
                "a line holding one space stands for the word space the extractor cut the printed line at"
            }
            Reason::WordSpaceLeft => {
                "line ends with the space after a word: the extractor cut the printed line there"
            }
            Reason::FragmentAcrossBlank => {
                "glyph and short piece of a stretched line split across a blank line"
            }
            Reason::QuoteAfterSentence => {
                "a quote cut off after a sentence end fills the printed line with it"
            }
            Reason::OverlongRunsOn => "lines run together by the extractor stop mid-word",
            Reason::Piece => {
                "piece of a printed line cut at a compressed mark: the next piece fits beside it"
            }
            Reason::OpensMidPhrase => {
                "next line opens mid-phrase (a word's tail, 的 or 们): the line runs on"
            }
            Reason::NounFollows => "line ends with 的: the noun it qualifies follows",
            Reason::FunctionWordRunsOn => {
                "line ends with a function word (这, 被, 或, 也…): the sentence runs on"
            }
            Reason::LastPiece => {
                "next line is the short last piece of a printed line, cut at a compressed mark"
            }
            Reason::SentenceRunsThrough => {
                "line goes on with the sentence before it and stops mid-word"
            }
            Reason::RemarkRunsOn => "line closes a quote or bracket mid-sentence",
            Reason::BeforeShortPiece => {
                "line stops mid-word before a short piece that ends the sentence"
            }
            Reason::LabelRunsOn => "label stops at its colon and runs on into what it labels",
            Reason::BylineRunsOn => "byline stops at the reporter's label and runs on into the name",
            Reason::DatelineCredit => {
                "opening dateline and its bracketed credit run on into the story"
            }
            Reason::ClosedBeforePiece => "line closes a quote or bracket before a short piece",
            Reason::PieceRunsOn => "piece of a printed line stops mid-sentence, mid-word",
            Reason::InsideBlock => {
                "blank lines end the paragraphs here: the line stops mid-sentence inside its block"
            }
            Reason::NoColumnRunsOn => {
                "no column, but a narrow line stops mid-sentence before one no wider"
            }
            Reason::AsFullAsLineBefore => "line stops mid-word, as full as the line before it",
            Reason::PieceOfPrintedLine => {
                "piece of a printed line: the pieces around, grouped into full lines, put the next one beside it"
            }
            Reason::PrintedLineFilled => {
                "printed line rebuilt from its pieces fills the column mid-paragraph"
            }
            Reason::PrintedLineEndsParagraph => {
                "printed line rebuilt from its pieces ends its paragraph"
            }
            Reason::FlushLastLine => {
                "sentence ends short of the column where paragraphs are set flush: a paragraph end"
            }
            Reason::SentenceEndShort => {
                "sentence ends short of the full line before it, with room for the next line's first word"
            }
            Reason::BlankBeforeFirstLine => {
                "full line, then a blank line and a first line short by its indent"
            }
            Reason::BeforeDateline => "next line is a story's opening dateline",
            Reason::ShortHeading => "heading: short, before a first line short by its indent",
            Reason::KickerBeforeHeadline => "kicker above a headline and its byline",
            Reason::NextIsSubhead => "sentence ends and the next line is a full-width subhead",
            Reason::Furniture(kind) => {
                return write!(f, "{} is its own paragraph", furniture_name(*kind))
            }
            Reason::NextIndented => "next line is indented",
            Reason::NextShortByIndent => {
                "sentence ends and the next line is 2 em short: a new paragraph"
            }
            Reason::NextIsHeading => "sentence ends and the next line is a short heading",
            Reason::QuestionHeading => "a question that fills the column opens its block: a subhead",
            Reason::NextIsQuestion => {
                "sentence ends at the column and the next line is a question: a subhead"
            }
            Reason::BlankAfterSentence => "sentence ends before a blank line",
            Reason::ShortLine => "line ends short of the column: paragraph end",
            Reason::Verse => "line of verse or of a list, set line by line",
            Reason::TableRow => "row of a table, its cells set apart by spaces, kept line by line",
            Reason::Record => {
                "record (a line of a log, CSV, settings, paths, markup or a glossary), kept line by line"
            }
            Reason::Heading => {
                "heading: a short or full line without sentence end before a first line"
            }
            Reason::WiderThanColumn => "line is wider than the column: headline",
            Reason::NextWiderThanColumn => {
                "next line is wider than the column: not a wrapped line of it"
            }
            Reason::SectionBreak => "two or more blank lines: a section break, kept",
            Reason::LongSection => "4096 lines without a section break: a new section starts here",
            Reason::Preformatted => "preformatted line (code, table or aligned text)",
            Reason::ContentsEntry => "entry of a table of contents (leaders and a page number)",
            Reason::LabelledLines => {
                "lines that open with a label and its colon (dialogue, form): each its own paragraph"
            }
            Reason::NotWrapped => "no column width shared by the lines around: not hard-wrapped",
        };
        f.write_str(text)
    }
}

fn furniture_name(kind: Furniture) -> &'static str {
    match kind {
        Furniture::Byline => "byline",
        Furniture::Dateline => "dateline",
        Furniture::Source => "source line",
        Furniture::Caption => "caption",
        Furniture::Subtitle => "subtitle",
        Furniture::ListItem => "list item (or interview turn)",
        Furniture::Jump => "jump line",
        Furniture::RunningHeader => "running header",
    }
}

/// What the decision stage sees at one break point.
#[derive(Clone, Copy, Debug)]
pub(crate) struct BreakContext<'a> {
    /// The line before the break.
    pub prev: &'a Line,
    /// The line after the break.
    pub next: &'a Line,
    /// Column width around `prev`, in half-em; `None` when not wrapped.
    pub column: Option<u32>,
    /// Column width around `next`: where two columns meet, `next` is judged
    /// against its own.
    pub next_column: Option<u32>,
    /// The line before `prev`, when the break between them was a join.
    pub joined_before: Option<&'a Line>,
    /// Brackets and quotes left open by every line of the paragraph before
    /// `prev` (0 when `prev` opens it): a paragraph's output line carries
    /// them all, so deciding the output again sees them (see
    /// `paragraph::Analysis::settle`).
    pub brackets_before: i32,
    /// The line before `prev` is a running header (`…星期一 第4版`), with
    /// no join between them: `prev` opens the page's first block.
    pub after_header: bool,
    /// The line after `next`, if any.
    pub after_next: Option<&'a Line>,
    /// The pieces of a printed line joined before `prev` (see
    /// [`Reason::Piece`]), side by side; `None` when `prev` starts a line.
    pub pieces_before: Option<&'a Line>,
    /// How the paragraphs of the section open.
    pub openings: Openings,
    /// What the section's blank lines stand for.
    pub blank_lines: BlankLines,
}

impl BreakContext<'_> {
    /// Whether `prev` opens a paragraph (the break before it was not a join).
    fn prev_opens_paragraph(&self) -> bool {
        self.joined_before.is_none()
    }

    /// Whether `line` is set in as a paragraph's first line where the
    /// section's first lines kept their indents: it opens a paragraph.
    fn set_in_where_kept(&self, line: &Line) -> bool {
        self.openings == Openings::Indented && set_in_as_kept(line)
    }

    /// Whether `next` may be a paragraph's first line whose indent was
    /// lost: not where the section's first lines are flush, nor where they
    /// kept their indents and `next` has none.
    fn next_may_have_lost_indent(&self) -> bool {
        match self.openings {
            Openings::LostIndent | Openings::EveryLine => true,
            Openings::Indented => self.next.indent > 0,
            Openings::Flush => false,
        }
    }

    /// Whether the section kept its indents and `next` has none: then it
    /// opens no paragraph, but goes on with the one before.
    fn next_opens_nothing(&self) -> bool {
        self.openings == Openings::Indented && self.next.indent == 0
    }
}

/// The widths (in half-em, inclusive) that `first` plus a lost 2-em indent
/// may print at: as set, up to its narrow characters printed at their widest.
fn with_indent(first: &Line) -> (u32, u32) {
    (first.width + 4, first.width + first.narrow_widening() + 4)
}

/// Whether `first` has the shape of a first line whose 2-em indent was lost,
/// judged against the full line `second` that follows it, set in a column
/// `column` wide: `first` plus 2 em is a width `second` could have been set
/// at (see [`Line::max_width_in`]).
#[inline]
fn indent_short_of(first: &Line, second: &Line, column: Option<u32>) -> bool {
    let (lo, hi) = with_indent(first);
    lo <= second.max_width_in(column) + 1 && second.min_width().saturating_sub(1) <= hi
}

/// A stricter [`indent_short_of`] that does not lean on punctuation
/// compression: `second` holds at most three compressible marks, and
/// `first` plus 2 em is at most half an em wider than `second` may print
/// and at most 1 em narrower than `second` as set (uncompressed).
fn plainly_indent_short_of(first: &Line, second: &Line, column: Option<u32>) -> bool {
    let (lo, hi) = with_indent(first);
    second.compressible <= 3
        && second.width.saturating_sub(2) <= hi
        && lo <= second.max_width_in(column) + 1
}

/// Whether `line` is as full as `before`, the line before it in the same
/// paragraph: at most 1 em short of `before` with its punctuation compressed.
fn as_full_as(line: &Line, before: &Line) -> bool {
    line.max_width() + 2 >= before.min_width()
}

/// [`furniture_rules`], with the common case first: none of them applies
/// between two lines that are not furniture, when the next line is no
/// dateline and opens no bracket, and the line before ends with no credit
/// and closes no bracket it did not open.
/// (Debug builds check that this still holds.)
#[inline(always)]
fn furniture_rule(ctx: &BreakContext<'_>, prev_full: bool) -> Option<(Action, Reason)> {
    let (prev, next) = (ctx.prev, ctx.next);
    if prev.furniture.is_none()
        && next.furniture.is_none()
        && !next.dateline_lead
        && !next.opens_with_bracket
        && !prev.ends_with_credit
        // (Nor does a line close a dateline's credit, see below.)
        && prev.brackets >= 0
    {
        debug_assert_eq!(furniture_rules(ctx, prev_full), None);
        return None;
    }
    furniture_rules(ctx, prev_full)
}

/// The furniture rules: bylines, datelines, source lines, running headers
/// stand alone; captions and subtitles may wrap; list items and subtitles
/// open a block unless the line before runs on into them.
fn furniture_rules(ctx: &BreakContext<'_>, prev_full: bool) -> Option<(Action, Reason)> {
    use Action::{Break, Join};
    let (prev, next) = (ctx.prev, ctx.next);
    // Captions and subtitles may wrap over several lines; the rest never do.
    let wraps_on = prev_full && !prev.ends_sentence;
    // Captions run on until a sentence end or a credit, whatever the column.
    let caption_runs_on = !prev.ends_sentence
        && !prev.ends_with_credit
        && (next.blanks_before == 0 || prev.width >= 24)
        && prev.stops_mid_sentence()
        && !matches!(
            next.furniture,
            Some(
                Furniture::RunningHeader
                    | Furniture::Byline
                    | Furniture::Dateline
                    | Furniture::Source
                    | Furniture::Jump
                    | Furniture::Caption
            )
        );
    // A bracketed credit closes the caption it follows: `图为…值守。（新华社记者 … 摄）`.
    let in_caption = prev.furniture == Some(Furniture::Caption)
        || ctx
            .joined_before
            .is_some_and(|before| before.furniture == Some(Furniture::Caption));
    // The credit may itself be cut in two: `（中新社记者` | `蔡丽欣 摄）`.
    let credit_follows = next.ends_with_credit
        || (next.brackets > 0
            && ctx
                .after_next
                .is_some_and(|after| after.ends_with_credit && after.blanks_before == 0));
    // Only a caption takes a bracketed credit: a whole one after any
    // sentence end closes a caption, its first line out of reach (cut into
    // pieces: `图为…，` | `技术人员正在巡检服务器。` | `（新华社记者 … 摄）`).
    let credit_closes = (in_caption && credit_follows)
        || (prev.ends_sentence && prev.furniture.is_none() && next.ends_with_photo_credit);
    if credit_closes && next.opens_with_bracket && next.blanks_before == 0 {
        return Some((Join, Reason::CaptionRunsOn));
    }
    // A byline cut off its name (`□本报记者` | `邵娟艳`) runs on into it.
    if prev.byline_without_name && next.furniture.is_none() && is_bare_name(next) {
        return Some((Join, Reason::BylineRunsOn));
    }
    // A label that stops at its colon (`来源：`, `（责任编辑：`) runs on into
    // what it labels: a line cut after a compressed colon.
    if prev.furniture.is_some()
        && prev.last == CharRole::Pause
        && next.blanks_before == 0
        && next.furniture.is_none()
        && !next.shape.preformatted
    {
        return Some((Join, Reason::LabelRunsOn));
    }
    // A story's opening dateline and the reporter's credit bracketed after
    // it (`中新社西安2月17日电` | `（记者曹帆然）`) run on into its first
    // sentence, when the extractor cut them apart.
    let after_lead =
        |line: &Line| line.furniture == Some(Furniture::Dateline) && line.opens_with_bracket;
    // So does the credit's tail where the line cut it (`新华社北京9月19日电（记者`
    // | `谢林萍）`): it closes the bracket the dateline (below) opened.
    let closes_lead = |line: &Line| {
        line.brackets < 0
            && line.last == CharRole::Close
            && ctx.joined_before.is_some_and(|before| before.brackets > 0)
    };
    if next.blanks_before == 0
        && ((prev.dateline_lead && after_lead(next))
            || ((after_lead(prev) || closes_lead(prev))
                && next.furniture.is_none()
                && ctx.joined_before.is_some_and(|before| before.dateline_lead)))
    {
        return Some((Join, Reason::DatelineCredit));
    }
    // A story's opening dateline (`本报重庆11月2日电`), or its first line
    // opening with the reporter's credit (`〔記者李大華／台中報導〕台中市今`),
    // opens its first paragraph: the line before it (a headline, a kicker)
    // ends there. (Not a `电` alone: only after its date is it a
    // dateline's; elsewhere a glyph of `电脑`, `充电`.)
    if ((next.dateline_lead && !single_glyph(next)) || next.opens_with_credit)
        && prev.furniture.is_none()
        && !prev.dateline_lead
        && matches!(
            prev.last,
            CharRole::Ideograph
                | CharRole::Letter
                | CharRole::Digit
                | CharRole::SentenceEnd
                | CharRole::Question
        )
    {
        return Some((Break, Reason::BeforeDateline));
    }
    // A photo credit (`（中新社记者 钟辰龙 摄）`) closes the caption it ends,
    // and so does one whose opening bracket the extractor cut onto the line
    // before (`（中` | `新社记者 江哲军 摄）`): a bracketed credit closes
    // whatever it ends.
    if prev.ends_with_credit && prev.last == CharRole::Close {
        return Some((Break, Reason::Furniture(Furniture::Caption)));
    }
    // A subtitle's own next line is its short tail, or ends its sentence
    // (a dash that opens a line of prose), or goes on into such a tail; a
    // line as full as the body's lines, or a dateline, is the story under
    // it.
    // Whatever its width (a subtitle may be set across the columns), one
    // that stops without a mark goes on into a line that opens mid-phrase,
    // is a question's tail short of the column, or a glyph or two cut off.
    let short = |line: &Line| ctx.column.map_or(true, |c| fit(line, c, 0) == Fit::Short);
    let full = |line: &Line| ctx.column.is_some_and(|c| fit(line, c, 0) == Fit::Full);
    let tail_follows = || {
        next.blanks_before == 0
            && next.furniture.is_none()
            && ((prev.last.is_text()
                && (next.opens_mid_phrase
                    || (next.last == CharRole::Question && !full(next))
                    || (next.width <= 4 && next.last.is_text())))
                // Or the subtitle's dash alone, its text cut off onto the
                // next line (`——` | `“测试”…`).
                || (prev.last == CharRole::Dash && prev.width <= 4))
    };
    let subtitle_goes_on = wraps_on
        && !next.dateline_lead
        && (next.ends_sentence
            || short(next)
            || ctx.after_next.is_some_and(|after| {
                after.blanks_before == 0 && after.ends_sentence && short(after)
            }));
    match prev.furniture {
        Some(Furniture::Caption) if caption_runs_on => return Some((Join, Reason::CaptionRunsOn)),
        Some(Furniture::Subtitle) if !next.dateline_lead && tail_follows() => {
            return Some((Join, Reason::SubtitleRunsOn))
        }
        Some(Furniture::Subtitle) if !subtitle_goes_on => {
            return Some((Break, Reason::Furniture(Furniture::Subtitle)))
        }
        Some(Furniture::Caption) if !wraps_on => {
            return Some((Break, Reason::Furniture(Furniture::Caption)))
        }
        Some(Furniture::Caption | Furniture::Subtitle | Furniture::ListItem) | None => {}
        Some(kind) => return Some((Break, Reason::Furniture(kind))),
    }
    match next.furniture {
        // A list item or a subtitle opens its own paragraph, but after a
        // full line mid-sentence it may go on with it: a dash line inside a
        // paragraph (after a line that stands alone, a headline, it is a
        // subtitle), a number cited inline (`消息递交端口` | `（587）发送。`),
        // a word's characters (`回` | `答：`, `统` | `一、规范`, `王` |
        // `五、赵六`). Not a numeral's marker after a line that opens its
        // paragraph with no mark at all (a heading: `2023年度工作总结` |
        // `一、…`), nor an item after an item: no item wraps onto a line
        // that opens with the next one's marker.
        Some(kind @ (Furniture::ListItem | Furniture::Subtitle))
            if !prev_full
                || prev.ends_sentence
                || prev.last == CharRole::Pause
                || (kind == Furniture::Subtitle && ctx.prev_opens_paragraph())
                || (kind == Furniture::ListItem
                    && ((next.first == CharRole::Ideograph
                        && !next.opens_with_label
                        && !prev.punctuated
                        && prev.pauses == 0
                        && ctx.prev_opens_paragraph())
                        || prev.furniture == Some(Furniture::ListItem))) =>
        {
            return Some((Break, Reason::Furniture(kind)))
        }
        Some(Furniture::ListItem | Furniture::Subtitle) | None => {}
        Some(kind) => return Some((Break, Reason::Furniture(kind))),
    }
    None
}

/// Whether `next` has the shape of a paragraph's first line whose 2-em
/// indent was lost: 2 em short of the column, or of a full line beside it.
fn next_opens_paragraph(ctx: &BreakContext<'_>, next_fit: Fit) -> bool {
    let (prev, next) = (ctx.prev, ctx.next);
    if !ctx.next_may_have_lost_indent() {
        return false;
    }
    next_fit == Fit::IndentShort
        || (next_fit == Fit::Short
            && !next.ends_sentence
            && ctx
                .after_next
                .is_some_and(|after| indent_short_of(next, after, ctx.next_column)))
        // Two em shorter than a full line beside it, as set (without leaning
        // on compression).
        || (!next.ends_sentence
            && (plainly_indent_short_of(next, prev, ctx.column)
                || ctx
                    .after_next
                    .is_some_and(|after| plainly_indent_short_of(next, after, ctx.next_column))))
}

/// Whether `prev` is a subhead set at the column width: it opens its block,
/// fills the column without the help of the next line's first chunk, stops
/// without a mark, and the next line is a first line that lost its 2-em
/// indent before a full line. A paragraph's own first line would be short
/// by its indent, so a full line that opens a block is not one.
#[inline(always)]
fn subhead_before_first_line(ctx: &BreakContext<'_>, column: u32, next_fit: Fit) -> bool {
    let (prev, next) = (ctx.prev, ctx.next);
    let Some(after) = ctx.after_next else {
        return false;
    };
    // `next` plus its indent is as wide as `after`, the narrow characters
    // (which print wider than half an em) counted at their widest, up to
    // the column.
    let next_short_by_indent = next.max_width() + 4 <= after.max_width_in(Some(column)) + 1
        && next.width + 6 >= after.min_width()
        && (next_fit == Fit::IndentShort || after.compressible <= 3);
    ctx.prev_opens_paragraph()
        && ctx.next_may_have_lost_indent()
        && prev.last.is_text()
        && fit(prev, column, 0) == Fit::Full
        && !prev.shape.letter_spaced
        // `next` goes on into `after` as a first line does: not into a
        // list item or other furniture, which opens its own paragraph.
        && after.furniture.is_none()
        && as_full_as(prev, after)
        // A first line's paragraph goes on at the column's width: a short
        // line after `next` says `next` was no first line but the end of a
        // subhead set on two lines, or of a paragraph.
        && matches!(fit(after, column, 0), Fit::Full | Fit::Overlong)
        && !next.ends_sentence
        && !next.shape.letter_spaced
        // The next line may pass for full against a column estimated a
        // little narrow: then only when no chunk of `after` explains its
        // shortness (a chunk that would have fitted on a line as wide as
        // `after` does not), and `prev` holds no punctuation but colons, as
        // subheads seldom do (`第二阶段：引载加载程序`).
        && (next_fit != Fit::Full
            || ((after.lead_chunk <= 2 || next.max_width() + after.lead_chunk <= after.width)
                && !prev.punctuated))
        && next_short_by_indent
}

/// Whether `prev` is a heading narrower than the column before a first
/// line: it opens its block, stops mid-word without a mark, is narrower
/// than the full line after the next one, and the next line is about 2 em
/// short of that full line (a first line that lost its indent). Had `prev`
/// been a paragraph's first line, the line after it would be full.
#[inline(always)]
fn heading_before_first_line(ctx: &BreakContext<'_>, column: u32, prev_fit: Option<Fit>) -> bool {
    let (prev, next) = (ctx.prev, ctx.next);
    let Some(after) = ctx.after_next else {
        return false;
    };
    ctx.prev_opens_paragraph()
        && ctx.next_may_have_lost_indent()
        && next.blanks_before == 0
        && after.blanks_before == 0
        && prev.compressible == 0
        && prev.last.is_text()
        && prev_fit != Some(Fit::Overlong)
        // Spread, not stretched to the column by justification (see
        // `fit`): a heading or a first line that OCR spaced out.
        && !stretched(prev, next, column)
        && !stretched(next, after, column)
        && !next.ends_sentence
        && next.furniture.is_none()
        && after.furniture.is_none()
        && !as_full_as(prev, after)
        && fit(after, column, 0) == Fit::Full
        // `next` is 1.5 to 3 em short of `after`, even with `after`'s
        // punctuation compressed and `next`'s narrow characters printed
        // at their widest.
        && next.max_width() + 3 <= after.min_width()
        && next.width + 6 >= after.min_width()
        // Not when the word opening `after` (which would not have fitted)
        // explains why `next` is short.
        && !short_by_next_word(next, after, column)
}

/// Whether `line` was spread (letter-spaced) by justification, stretched
/// to the column for the chunk that opens `after` (see `fit`).
fn stretched(line: &Line, after: &Line, column: u32) -> bool {
    line.shape.letter_spaced && fit(line, column, after.lead_chunk) == Fit::Full
}

/// Whether `line` stops short of the column because the unbreakable chunk
/// of 2 em or more that opens `after` (a Latin word or number, or a
/// character held to the mark after it by kinsoku) would not have fitted
/// beside it: a wrapped line, not one short by a lost indent.
fn short_by_next_word(line: &Line, after: &Line, column: u32) -> bool {
    after.lead_chunk >= 4 && line.max_width() + after.lead_chunk > column
}

/// Whether a line wider than the column is so by no more than its Latin
/// text (a URL, a path, a command): an unbreakable word pushed it past the
/// edge, and it is as full as a line can be. A headline seldom holds one.
fn overflows_by_latin(line: &Line, column: u32) -> bool {
    line.narrow >= 8 && line.width <= column + line.narrow
}

/// The line that `before` and `tail` were split from, when `tail` starts
/// with a mark no line may start with (`，直到它`, `。其他的`, `）并进行`):
/// the extractor cut a line at a quote or bracket. A lone mark closing a
/// sentence (`。`, `）` after `。`) is left alone: it ends what it closes.
#[inline]
fn whole_line(before: &Line, tail: &Line) -> Option<Line> {
    let lone_closing_mark = before.ends_sentence && tail.width <= 2;
    (tail.first.cannot_start_line() && !lone_closing_mark && !before.shape.letter_spaced)
        .then(|| pieces(before, tail))
}

/// One line made of `first` and `second` side by side.
fn pieces(first: &Line, second: &Line) -> Line {
    Line {
        width: first.width + (second.width - second.indent),
        compressible: first.compressible + second.compressible,
        narrow: first.narrow + second.narrow,
        broad: first.broad + second.broad,
        gaps: first.gaps + second.gaps,
        brackets: first.brackets + second.brackets,
        ..*second
    }
}

/// The printed line `prev` ends, so far: `prev` beside the pieces joined
/// before it.
pub(crate) fn line_so_far(ctx: &BreakContext<'_>) -> Line {
    ctx.pieces_before
        .map_or(*ctx.prev, |before| pieces(before, ctx.prev))
}

/// Whether `line`, which ends its printed line, is a short piece of it that
/// stops mid-word before `after`, a full line of the same paragraph: it is
/// too short to be a first line that lost its indent, and a paragraph's
/// last line would end with a mark.
fn ends_printed_line_mid_word(line: &Line, after: Option<&Line>, column: u32) -> bool {
    line.last.is_text() && line.furniture.is_none()
        // At most half the column: a line of Latin words prints wider
        // than it measures.
        && 2 * line.max_width() <= column
        && after.is_some_and(|after| {
            after.blanks_before == 0
                && after.furniture.is_none()
                && !after.shape.preformatted
                && fit(after, column, 0) == Fit::Full
        })
}

/// Compressed punctuation (xeCJK, newspapers) makes `pdftotext -raw` cut
/// one printed line into pieces after closing and pause marks and before
/// opening ones. Where the printed line so far falls short of the column
/// and the next piece fits beside it, it is the same printed line. A piece
/// that ends where no cut is possible ends its printed line, so it must
/// then fill the column: a paragraph's first line (short by its indent)
/// after a last line does not.
#[inline(always)]
fn piece_rule(ctx: &BreakContext<'_>, column: u32) -> Option<(Action, Reason)> {
    let (prev, next) = (ctx.prev, ctx.next);
    if !may_cut_between(prev, next)
        || prev.furniture.is_some()
        || next.furniture.is_some()
        || prev.shape.letter_spaced
        || next.shape.letter_spaced
        // A photo credit or a closed remark (`（完）`, `（組）`) ends what it closes.
        || prev.ends_with_credit
        || (prev.last == CharRole::Close && (prev.opens_with_bracket || ctx.prev_opens_paragraph()))
    {
        return None;
    }
    let so_far = line_so_far(ctx);
    if fit(&so_far, column, 0) == Fit::Full {
        return None;
    }
    let with_next = pieces(&so_far, next);
    let next_ends_line = !ctx
        .after_next
        .is_some_and(|after| printed_line_goes_on(next, after));
    // After a sentence end the next line may open a paragraph or be a
    // heading: short by its indent, it would fill the line beside a short
    // last line (or stop short before a long word). A piece is at most half
    // a line and is cut at a mark itself.
    // (A lone closing mark after a sentence end closes that sentence.)
    let ends_sentence = prev.ends_sentence
        || (prev.last == CharRole::Close
            && prev.width <= 2
            && ctx.joined_before.is_some_and(|before| before.ends_sentence));
    // A closing mark may close a sentence or a remark as well.
    let ends_unit = ends_sentence || prev.last == CharRole::Close;
    // A short piece that ends its printed line mid-word before a full line
    // is neither a paragraph's first line (short by its indent only) nor
    // its last (which ends with a mark): the printed line it ends began
    // before it.
    let with_next_fit = fit(&with_next, column, 0);
    if next_ends_line
        // After a sentence end the next line may be a heading: only where
        // the printed line is made of pieces, they fill it, and the line
        // after is not a first line short by its indent.
        && (!ends_sentence
            || (ctx.pieces_before.is_some()
                && with_next_fit == Fit::Full
                && ctx.after_next.is_some_and(|after| after.max_width() + 1 >= column)))
        && with_next_fit != Fit::Overlong
        && ends_printed_line_mid_word(next, ctx.after_next, column)
    {
        return Some((Action::Join, Reason::LastPiece));
    }
    // After a sentence end inside a printed line made of pieces, a piece
    // of at most a quarter of the column that fills the printed line and
    // ends it mid-sentence (cut between two characters, not at a mark)
    // began on that line: a heading or a first line would not stop there.
    if ends_sentence
        && ctx.pieces_before.is_some()
        && next_ends_line
        && with_next_fit == Fit::Full
        && 4 * next.max_width() <= column
        && !next.ends_sentence
        && next.last.is_text()
        && ctx.after_next.is_some_and(|after| {
            after.blanks_before == 0
                && after.furniture.is_none()
                && !after.shape.preformatted
                && !after.first.cannot_start_line()
        })
    {
        return Some((Action::Join, Reason::LastPiece));
    }
    // A line cut before an opening quote after a sentence end: when the
    // next piece fills the printed line and stops mid-word before a full
    // line, at least 3 em short of the column (too short for a first line
    // that lost its indent), the paragraph goes on along the same line.
    if ends_sentence
        && next_ends_line
        && next.first == CharRole::Open
        && with_next_fit == Fit::Full
        && next.max_width() + 6 <= column
        && next.last.is_text()
        && ctx.after_next.is_some_and(|after| {
            after.blanks_before == 0
                && after.furniture.is_none()
                && fit(after, column, 0) == Fit::Full
        })
    {
        return Some((Action::Join, Reason::QuoteAfterSentence));
    }
    if ends_unit && (next_ends_line || 2 * next.max_width() > column) {
        return None;
    }
    // After a sentence end, a piece that ends no sentence before a first
    // line short by its indent (which stops at no mark, so no extractor cut
    // it) is a heading: the tail of a printed line would be followed by the
    // next full line.
    if ends_sentence
        && !next.ends_sentence
        && ctx.after_next.is_some_and(|after| {
            after.blanks_before == 0
                && !after.ends_sentence
                && after.last.is_text()
                && matches!(fit(after, column, 0), Fit::IndentShort | Fit::Short)
                && 2 * after.max_width() >= column
        })
    {
        return None;
    }
    // Two sentences that fill the printed line between them are no
    // evidence of a cut: one page's paragraph end before a one-line
    // heading (`…的原因！` `是否有其他引导安装程序的方法？`) is as wide.
    let joins = match fit(&with_next, column, 0) {
        Fit::Full => !ends_sentence || !next.ends_sentence,
        Fit::Overlong => false,
        Fit::IndentShort | Fit::Short => !next_ends_line && !ends_sentence,
    };
    joins.then_some((Action::Join, Reason::Piece))
}

/// Whether `prev` or `next` is a page's running title (or a heading): a
/// short line without a mark that opens a page (after a form feed). It
/// stands alone. The text of a page goes on from the page before with a
/// full line, or ends its paragraph with a mark.
#[cold]
fn beside_page_title(ctx: &BreakContext<'_>) -> bool {
    let page_title = |line: &Line, column: Option<u32>| {
        line.shape.page_top
            && !line.ends_sentence
            && line.last.is_text()
            && column.map_or(true, |c| fit(line, c, 0) == Fit::Short)
    };
    page_title(ctx.next, ctx.next_column) || page_title(ctx.prev, ctx.column)
}

/// A single glyph of a stretched line that the extractor set one glyph a
/// line (a sentence's end is a line's end, not such a glyph).
pub(crate) fn single_glyph(line: &Line) -> bool {
    line.width <= 2 && !line.ends_sentence
}

/// A folio: a page number alone on its line (see `line::is_folio`).
pub(crate) fn is_folio_line(line: &Line) -> bool {
    line.furniture == Some(Furniture::RunningHeader) && line.width <= FOLIO_WIDTH
}

/// Decides one break point. Returns [`Action::Join`], never `JoinWithSpace`:
/// spacing is the join stage's business.
#[cfg(test)]
pub(crate) fn decide(ctx: &BreakContext<'_>) -> (Action, Reason) {
    let (action, reason, _) = decide_noting_full(ctx);
    (action, reason)
}

/// [`decide`], and whether it found `ctx.prev` full in `ctx.column` (as
/// [`fit`] with no next chunk reads it) on the way: the caller then need
/// not read it again. (`false` says nothing.)
#[inline(always)]
pub(crate) fn decide_noting_full(ctx: &BreakContext<'_>) -> (Action, Reason, bool) {
    // (Where a phrase runs on, which the cascade joins for that before any
    // other reason, the shortcuts join the full line as they do any other:
    // the same action, read off the widths.)
    let agrees = |decision: (Action, Reason)| {
        let cascade = decide_lines(ctx);
        cascade == decision
            || (decision.0 == Action::Join
                && matches!(
                    cascade,
                    (
                        Action::Join,
                        Reason::OpensMidPhrase | Reason::NounFollows | Reason::FunctionWordRunsOn
                    )
                ))
    };
    if let Some(reason) = plainly_full_line(ctx) {
        debug_assert!(agrees((Action::Join, reason)), "the common case's shortcut");
        // (`plainly_full_line` joins a full line for this reason alone.)
        return (Action::Join, reason, reason == Reason::FullLine);
    }
    if let Some(decision) = plainly_decided(ctx) {
        debug_assert!(agrees(decision), "the shortcut out of line");
        return (decision.0, decision.1, false);
    }
    let (prev, next) = (ctx.prev, ctx.next);
    if (prev.shape.page_top || next.shape.page_top) && beside_page_title(ctx) {
        return (
            Action::Break,
            Reason::Furniture(Furniture::RunningHeader),
            false,
        );
    }
    // A number alone beside a single glyph is a glyph of a stretched line
    // the extractor set one glyph a line (`津` `8` `月`), not a folio.
    let glyph = single_glyph;
    let not_folios;
    let ctx = if (is_folio_line(prev) && (glyph(next) || ctx.joined_before.is_some_and(glyph)))
        || (is_folio_line(next) && (glyph(prev) || ctx.after_next.is_some_and(glyph)))
    {
        let not_folio = |line: &Line| Line {
            furniture: line.furniture.filter(|_| !is_folio_line(line)),
            ..*line
        };
        not_folios = (not_folio(prev), not_folio(next));
        &BreakContext {
            prev: &not_folios.0,
            next: &not_folios.1,
            ..*ctx
        }
    } else {
        ctx
    };
    let (action, reason) = decide_lines(ctx);
    (action, reason, false)
}

/// The widest a heading set above its text is read to be, in half-em (14 em
/// less half an em): a wider line that stops mid-sentence is prose.
const MAX_HEADING_WIDTH: u32 = 27;

/// The common case, most breaks of a page: a line of ideographs inside a
/// paragraph that fills its column and stops mid-word (or at a pause mark),
/// before a line of ideographs right below it (or of Latin words and
/// numbers: no rule before the join reads a letter or digit at these edges
/// otherwise). No rule of the cascade before the full-line join applies
/// to such a pair (each condition of [`plain_pair`] turns one away), nor
/// before the joins inside brackets left open and inside a block, so
/// [`decide`] joins it at once, for the reason returned; debug builds run
/// the cascade and check. (Where blank lines end paragraphs, a block's
/// first line too, for the join inside a block.)
#[inline(always)]
fn plainly_full_line(ctx: &BreakContext<'_>) -> Option<Reason> {
    let prev = ctx.prev;
    // (A block's first line too where blank lines end paragraphs: no rule
    // before the join inside a block reads it as a first line but those
    // `plain_pair` turns away. Not where a phrase runs on: the cascade
    // gives that reason, which the output explains.)
    if !((ctx.joined_before.is_some()
        || (ctx.blank_lines == BlankLines::Paragraphs
            && !(ctx.next.opens_mid_phrase
                | prev.ends_before_noun
                | prev.ends_with_function_word)))
        && plain_pair(ctx))
    {
        return None;
    }
    // Inside a bracket or quote left open, the join comes before any rule
    // that reads the column (none before it reads these lines otherwise).
    if prev.brackets + ctx.brackets_before > 0 {
        return Some(Reason::InsideBrackets);
    }
    // Where blank lines end paragraphs, so does the join inside a block,
    // where a column was found (the rules for lines with none come first).
    if ctx.blank_lines == BlankLines::Paragraphs {
        return ctx
            .column
            .is_some_and(|column| {
                ctx.openings != Openings::EveryLine
                    && (prev.pauses + prev.compressible > 0
                        || prev.width > MAX_HEADING_WIDTH
                        || fit(prev, column, 0) == Fit::Full)
            })
            .then_some(Reason::InsideBlock);
    }
    (ctx.blank_lines != BlankLines::Paragraphs
        && ctx
            .column
            .is_some_and(|column| fit(prev, column, 0) == Fit::Full))
    .then_some(Reason::FullLine)
}

/// The pair of lines [`plainly_full_line`] and [`plainly_full_first_line`]
/// read: both plain text, neither furniture, spread, set in or at a page
/// top, `prev` stopping mid-word (or at a pause mark, on a printed line
/// of its own) and `next` right below it.
#[inline(always)]
fn plain_pair(ctx: &BreakContext<'_>) -> bool {
    let (prev, next) = (ctx.prev, ctx.next);
    next.blanks_before == 0
        // (A line of one space before `next` is no blank line, but a word
        // space the extractor cut at: see `Reason::SpaceLineBetween`.)
        && !next.word_space_before
        // Mid-word on both sides (an ideograph, a letter or a digit, not a
        // mark); a line that opens with one opens with no bracket or mark.
        // Or mid-sentence at a pause mark, on a printed line of its own (a
        // piece may be cut there: see `piece_rule`).
        && (prev.last.is_text()
            || (prev.last == CharRole::Pause && ctx.pieces_before.is_none()))
        // Or either opens with a quote or bracket: `prev` not a remark left
        // open with no other mark (`Reason::BracketLeftOpen`); `next` no
        // credit, not after a caption, and `prev` no piece (see
        // `piece_rule`).
        && (prev.first.is_text()
            || (prev.first == CharRole::Open && !(prev.opens_with_bracket && prev.compressible == 1)))
        && (next.first.is_text()
            || (next.first == CharRole::Open
                && !next.opens_with_credit
                && ctx.pieces_before.is_none()
                && !ctx
                    .joined_before
                    .is_some_and(|before| before.furniture == Some(Furniture::Caption))))
        && plain_lines(prev, next)
        // (A glyph or two that fill the column, as a justified line's
        // widened spaces may make them, are the glyph-run rule's.)
        && prev.width > 4
        && !ctx.after_header
}

/// Whether `next`, set in more than 2 em deeper than `prev`, which stops
/// mid-sentence (at a character, a pause or a closing mark), is the rest
/// of `prev`'s printed line placed where it printed, as `pdftotext
/// -layout` sets a piece a row down from the one it goes on from: a
/// paragraph's indent is 2 em deeper at most, and a heading set in so
/// (centred) follows a sentence end.
fn placed_piece(prev: &Line, next: &Line) -> bool {
    next.indent > prev.indent + 4
        && !prev.ends_sentence
        && (prev.last.is_text() || matches!(prev.last, CharRole::Pause | CharRole::Close))
        && prev.furniture.is_none()
        && next.furniture.is_none()
        && !next.shape.preformatted
}

/// Whether `next` is one of two or more lines in a row that open with a
/// label and its colon (see [`Reason::LabelledLines`]).
fn labelled_lines(ctx: &BreakContext<'_>) -> bool {
    ctx.next.opens_with_label
        && (ctx.prev.opens_with_label
            || ctx
                .after_next
                .is_some_and(|after| after.opens_with_label && after.blanks_before == 0))
}

/// Whether a phrase runs on across the break, whatever the widths say:
/// `next` opens mid-phrase, with the tail of the word `prev` stops in or
/// with `的` (see [`Reason::OpensMidPhrase`]), or `prev` ends with `的`
/// (see [`Reason::NounFollows`]) or another function word (see
/// [`Reason::FunctionWordRunsOn`]). Across a blank line too (a column break)
/// where the lines are wrapped at a column, unless blank lines end
/// paragraphs: in flowing text a blank line ends one, as does every line
/// where each is a paragraph (a heading cut mid-word, as the reflow of a
/// wrapped heading may leave it, stays as it is).
fn phrase_runs_on(ctx: &BreakContext<'_>) -> Option<Reason> {
    let (prev, next) = (ctx.prev, ctx.next);
    // (Not after a single glyph: a run of glyphs is a stretched line set
    // one glyph a line, which the glyph rule joins, a glyph that holds its
    // mark too: `由` | `是。`.)
    let reason = if next.opens_mid_phrase && prev.last.is_text() && !single_glyph(prev) {
        Reason::OpensMidPhrase
    } else if prev.ends_before_noun {
        Reason::NounFollows
    } else if prev.ends_with_function_word && prev.width > 4 {
        // (A glyph or two, a stretched line's, are the glyph-run rule's.)
        Reason::FunctionWordRunsOn
    } else {
        return None;
    };
    (prev.furniture.is_none()
        && next.furniture.is_none()
        && ctx.openings != Openings::EveryLine
        && (next.blanks_before == 0
            || (ctx.column.is_some() && ctx.blank_lines != BlankLines::Paragraphs)))
        .then_some(reason)
}

/// What the shortcuts ask of both lines: neither furniture, preformatted,
/// at a page top nor a dateline's lead, `prev` not spread (a spread line's
/// fit depends on the line after it: see `decide_lines`) and closing no
/// credit, `next` not set in.
#[inline(always)]
fn plain_lines(prev: &Line, next: &Line) -> bool {
    // (Flags read without a branch each: most pairs pass them all.)
    let flags = prev.shape.preformatted
        | next.shape.preformatted
        | prev.shape.letter_spaced
        | prev.shape.page_top
        | next.shape.page_top
        | prev.ends_with_credit
        | prev.dateline_lead
        | next.dateline_lead
        | next.opens_with_label;
    prev.furniture.is_none()
        && next.furniture.is_none()
        && !flags
        && next.indent < 2
        && next.indent < prev.indent + 2
}

/// A paragraph's first line in [`plain_pair`]'s case that fills its column
/// and stops mid-word: the full-line join, unless it is a heading or a
/// subhead above a first line that lost its indent (the only rules before
/// that join that read it as a first line; one that stops at a pause mark
/// may be read as a headline before a wider line). Debug builds run the
/// cascade and check.
#[inline(always)]
fn plainly_full_first_line(ctx: &BreakContext<'_>) -> bool {
    let prev = ctx.prev;
    ctx.joined_before.is_none()
        && ctx.column.is_some_and(|column| {
            fit(prev, column, 0) == Fit::Full
                && prev.last.is_text()
                && plain_pair(ctx)
                && prev.brackets + ctx.brackets_before <= 0
                && ctx.blank_lines != BlankLines::Paragraphs
                && !heading_before_first_line(ctx, column, Some(Fit::Full))
                && !subhead_before_first_line(ctx, column, next_fit(ctx, column))
        })
}

/// The shortcuts [`decide`] tries after the common case's:
/// [`plainly_not_wrapped`], [`plainly_full_first_line`],
/// [`plainly_short_line`] and [`plainly_furniture`]. (Inline, with the
/// full cascade out of line: about half the breaks that reach these
/// are decided by them. The other way round, these out of line and the
/// cascade inline, cost 0.63 instructions per byte more.)
#[inline(always)]
fn plainly_decided(ctx: &BreakContext<'_>) -> Option<(Action, Reason)> {
    if plainly_not_wrapped(ctx) {
        Some((Action::Keep, Reason::NotWrapped))
    } else if plainly_full_first_line(ctx) {
        Some((Action::Join, Reason::FullLine))
    } else if plainly_short_line(ctx) {
        Some((Action::Break, Reason::ShortLine))
    } else {
        plainly_furniture(ctx).map(|kind| (Action::Break, Reason::Furniture(kind)))
    }
}

/// Whether `line` is an ellipsis and nothing else: `……`, `⋯⋯`, `…`.
fn is_lone_ellipsis(line: &Line) -> bool {
    line.first == CharRole::Ellipsis
        && line.last == CharRole::Ellipsis
        && line.width - line.indent <= 4
}

/// Whether `line` is two or three ideographs and nothing else: a name.
fn is_bare_name(line: &Line) -> bool {
    let width = line.width - line.indent;
    (4..=6).contains(&width)
        && line.wide_chars * 2 == width
        && line.first == CharRole::Ideograph
        && line.last == CharRole::Ideograph
        && line.compressible == 0
        && line.letter_spaces == 0
}

/// A line of furniture that never wraps (a byline, a source line, a
/// running header, a jump line) before a line that opens with no closing
/// mark or bracket: it stands alone, as the furniture rules find it. The
/// rules before them need a mark or bracket at an edge, a credit, a
/// dateline, a folio or a page top; debug builds run the cascade and check.
#[inline(always)]
fn plainly_furniture(ctx: &BreakContext<'_>) -> Option<Furniture> {
    let (prev, next) = (ctx.prev, ctx.next);
    let kind = prev.furniture?;
    (matches!(
        kind,
        Furniture::Byline | Furniture::Source | Furniture::RunningHeader | Furniture::Jump
    ) && !matches!(
        prev.last,
        CharRole::Open | CharRole::Pause | CharRole::Close
    ) && !next.first.cannot_start_line()
        && !next.opens_with_bracket
        && !prev.shape.preformatted
        && !next.shape.preformatted
        && !prev.dateline_lead
        && !prev.ends_with_credit
        && !prev.byline_without_name
        && !next.opens_with_label
        && !prev.shape.page_top
        && !next.shape.page_top
        && !is_folio_line(prev)
        && !is_folio_line(next))
    .then_some(kind)
}

/// A paragraph's last line, well inside it: a plain line short of the
/// column that ends with a full stop or a question mark, before a line
/// that opens with no mark, is no piece of the same printed line and is no
/// wider than the column. Every rule before the
/// short-line break needs a line that goes on mid-sentence, a mark or
/// bracket at an edge, furniture, an indent or a glyph; debug builds run
/// the cascade and check.
#[inline(always)]
fn plainly_short_line(ctx: &BreakContext<'_>) -> bool {
    let (prev, next) = (ctx.prev, ctx.next);
    matches!(prev.last, CharRole::SentenceEnd | CharRole::Question)
        && ctx.joined_before.is_some()
        // (Pieces joined before would fill the line: see `decide_lines`.)
        && ctx.pieces_before.is_none()
        && prev.first.is_text()
        && next.first.is_text()
        && plain_lines(prev, next)
        // (A stop alone among single glyphs goes on with them.)
        && (prev.width > 4 || next.width > 2)
        && !prev.ends_mid_word
        && ctx.openings != Openings::EveryLine
        // (Else the next line's first chunk counts: see `decide_lines`.)
        && !ctx.next_opens_nothing()
        && ctx.column.is_some_and(|column| {
            matches!(fit(prev, column, 0), Fit::Short | Fit::IndentShort)
                // No piece of a printed line runs on from `prev` into
                // `next` (see `piece_rule`).
                && (next.blanks_before > 0
                    || 2 * next.max_width() > column
                    || !ctx
                        .after_next
                        .is_some_and(|after| printed_line_goes_on(next, after))
                    || fit(&pieces(prev, next), column, 0) != Fit::Full)
                && next_fit(ctx, column) != Fit::Overlong
        })
}

/// The common case where no column was found: a line that ends a
/// sentence, or any line before a blank line, before a line that opens
/// with no mark, neither of them furniture or set in. Every rule before
/// the one that keeps such a break needs the line to go on mid-sentence, a
/// mark or bracket at an edge, furniture or an indent, so [`decide`] keeps
/// it at once; debug builds run the cascade and check.
#[inline(always)]
fn plainly_not_wrapped(ctx: &BreakContext<'_>) -> bool {
    let (prev, next) = (ctx.prev, ctx.next);
    ctx.column.is_none()
        // (Across a blank line the rules for lines with no column, which
        // join pieces and glyphs, read nothing.)
        && (prev.ends_sentence
            || (next.blanks_before > 0
                && !next.word_space_before
                && prev.last != CharRole::Open))
        && ctx.openings != Openings::EveryLine
        && !next.first.cannot_start_line()
        // (Flags read without a branch each: most pairs pass them all.)
        && !(next.opens_with_bracket
            | prev.shape.preformatted
            | next.shape.preformatted
            | prev.ends_with_credit
            | prev.ends_mid_word
            | prev.dateline_lead
            | next.dateline_lead
            | prev.shape.page_top
            | next.shape.page_top
            | ctx.after_header
            | next.opens_with_label)
        && prev.furniture.is_none()
        && next.furniture.is_none()
        && prev.brackets >= 0
        && next.indent < 2
        && next.indent < prev.indent + 2
}

/// Whether [`decide`] joins `prev` and `next` by the glyph-run rule
/// (`(Join, Reason::Fragment)`), as single glyphs of a stretched line set
/// one glyph a line, judged from the two lines alone: where no column was
/// found, the blank lines are not line spacing, the break before `prev`
/// was a join (or `next` is a single glyph too), `brackets_before`
/// brackets were left open before `prev` and the line before `prev` is no
/// running header. Every rule ahead of that one is ruled out by the fields
/// it reads, so a section of glyphs is decided without the cascade (see
/// `paragraph::Analysis::decide_glyph_section`, which reads each line once:
/// [`glyph_plain`], then [`glyph_goes_on`] before a break and
/// [`glyph_takes_in`] after one); `false` says nothing.
/// (Release builds only document it: debug builds check the section's
/// shortcut against it.)
#[cfg_attr(not(debug_assertions), allow(dead_code))]
pub(crate) fn glyph_run_goes_on(prev: &Line, next: &Line, brackets_before: i32) -> bool {
    glyph_plain(prev)
        && glyph_plain(next)
        && glyph_goes_on(prev, brackets_before)
        && glyph_takes_in(next)
}

/// [`glyph_run_goes_on`]'s test of either line: no page title, folio or
/// other furniture (the furniture gate's fields), preformatted text,
/// bracket or dateline, which rules before the glyph-run rule read.
#[inline(always)]
pub(crate) fn glyph_plain(line: &Line) -> bool {
    !line.shape.page_top
        && line.furniture.is_none()
        && !line.shape.preformatted
        && !line.opens_with_bracket
        && !line.dateline_lead
}

/// [`glyph_run_goes_on`]'s test of the line before the break: a single
/// glyph (the rule itself) that leaves no bracket or quote open, and no
/// credit or word cut.
#[inline(always)]
pub(crate) fn glyph_goes_on(prev: &Line, brackets_before: i32) -> bool {
    single_glyph(prev)
        && prev.last != CharRole::Open
        && !prev.ends_with_credit
        && !prev.ends_mid_word
        && prev.brackets + brackets_before <= 0
}

/// [`glyph_run_goes_on`]'s test of the line after the break: right below
/// (no blank line), not deeper indented, and free to start a line (no
/// kinsoku mark).
#[inline(always)]
pub(crate) fn glyph_takes_in(next: &Line) -> bool {
    next.blanks_before == 0 && !next.first.cannot_start_line() && next.indent < 2
}

/// Whether the mark that opens `next` cannot go on from `prev`'s last
/// one: a pause mark after a sentence's own end (`。` then `，`) closes
/// nothing of it. OCR reads specks in a margin as such marks.
fn stray_mark_after_sentence(prev: &Line, next: &Line) -> bool {
    matches!(prev.last, CharRole::SentenceEnd | CharRole::Question) && next.first == CharRole::Pause
}

/// How `ctx.next` fills its column (the wider of its own and `column`),
/// with the first chunk of the line after it beside it.
#[inline(always)]
fn next_fit(ctx: &BreakContext<'_>, column: u32) -> Fit {
    let next = ctx.next;
    let next_column = ctx.next_column.map_or(column, |c| c.max(column));
    match fit(
        next,
        next_column,
        ctx.after_next.map_or(0, |l| l.lead_chunk),
    ) {
        // A line the extractor split before a mark no line may start with
        // (`。你`) is full when the whole line is (see `whole_line`).
        Fit::IndentShort | Fit::Short
            if ctx
                .after_next
                .and_then(|after| whole_line(next, after))
                .is_some_and(|whole| fit(&whole, next_column, 0) == Fit::Full) =>
        {
            Fit::Full
        }
        // Full-width brackets print half an em narrower where punctuation
        // is compressed (xeCJK's styles, Chromium's spacing trim): after a
        // sentence end, a first line that holds two or more and lost its
        // indent measures an em or half an em short of the column. (Not
        // after a line that stops mid-sentence: that is no heading.)
        Fit::Full
            if next.bracket_marks >= 2
                && ctx.prev.ends_sentence
                && !next.shape.justified
                && fit_as_set(
                    &Line {
                        width: next.width - next.bracket_marks,
                        ..*next
                    },
                    next_column,
                    ctx.after_next.map_or(0, |l| l.lead_chunk),
                ) == Fit::IndentShort =>
        {
            Fit::IndentShort
        }
        // So is a line wider than the column by its Latin text alone.
        Fit::Overlong
            if overflows_by_latin(next, next_column)
                && next.blanks_before == 0
                && next.furniture.is_none() =>
        {
            Fit::Full
        }
        // A line spread because the word after it did not fit, where that
        // word would have fitted in the full column: it was set to a
        // measure 2 em less, a first line that lost its indent.
        Fit::Full
            if next.shape.letter_spaced
                && ctx
                    .after_next
                    .is_some_and(|after| spread_short_of_column(next, after, next_column)) =>
        {
            Fit::IndentShort
        }
        f => f,
    }
}

/// Whether `line`, spread out, was stretched to a measure 2 em short of
/// `column`: the word that opens `after` would have fitted beside it in
/// the full column (at its widest), but not in one 2 em less (at its
/// narrowest).
fn spread_short_of_column(line: &Line, after: &Line, column: u32) -> bool {
    after.blanks_before == 0
        && matches!(after.first, CharRole::Letter | CharRole::Digit)
        && line.max_width() + after.lead_chunk <= column
        && line.min_width() + after.lead_chunk + 4 > column
}

/// [`decide`] once folios are told from glyphs. (Out of line: the
/// shortcuts before it decide most breaks; see [`plainly_decided`].)
#[inline(never)]
fn decide_lines(ctx: &BreakContext<'_>) -> (Action, Reason) {
    let decision = decide_cascade(ctx);
    // An ellipsis alone on its line after a sentence's end is no tail of
    // that sentence (one that trails off into `……` ends no sentence before
    // it): text was left out there, and the line after it opens a
    // paragraph. (Asked of joins alone: every rule that breaks there, and
    // the shortcuts, agree already.)
    let (prev, next) = (ctx.prev, ctx.next);
    if decision.0 == Action::Join
        && ((is_lone_ellipsis(next) && prev.ends_sentence)
            || (is_lone_ellipsis(prev) && ctx.prev_opens_paragraph()))
    {
        return (Action::Break, Reason::SectionMark);
    }
    decision
}

/// The cascade of [`decide_lines`], strongest evidence first.
#[inline(always)]
fn decide_cascade(ctx: &BreakContext<'_>) -> (Action, Reason) {
    use Action::{Break, Join, Keep};
    let (prev, next) = (ctx.prev, ctx.next);

    if prev.shape.preformatted || next.shape.preformatted {
        let reason = if prev.shape.verse || next.shape.verse {
            Reason::Verse
        } else if prev.shape.record || next.shape.record {
            Reason::Record
        } else if prev.shape.table || next.shape.table {
            Reason::TableRow
        } else if prev.shape.contents || next.shape.contents {
            Reason::ContentsEntry
        } else {
            Reason::Preformatted
        };
        return (Keep, reason);
    }
    if next.first.cannot_start_line() && !stray_mark_after_sentence(prev, next) {
        return (Join, Reason::NextStartsWithClosing);
    }
    if prev.last == CharRole::Open {
        return (Join, Reason::PrevEndsWithOpening);
    }
    if labelled_lines(ctx) {
        return (Break, Reason::LabelledLines);
    }
    // A line holding one space between two lines is the word space the
    // extractor cut the printed line at (see `Line::word_space_before`):
    // the line goes on past it.
    if next.word_space_before
        && !prev.ends_sentence
        && prev.furniture.is_none()
        && next.furniture.is_none()
    {
        return (Join, Reason::SpaceLineBetween);
    }
    // A bracketed remark opened at the line's start and not closed in the
    // line runs on: `（中新社记者` / `蔡丽欣 摄）`, `（这是一个打` / `包的
    // bug…`. Its opening bracket is then its only full-width mark. Not into
    // furniture (a caption, a list item), unless a credit closes it.
    if prev.opens_with_bracket
        && prev.compressible == 1
        && prev.last != CharRole::Close
        && !prev.ends_sentence
        && matches!(prev.furniture, None | Some(Furniture::Dateline))
        && next.blanks_before == 0
        && (next.furniture.is_none() || next.ends_with_credit)
    {
        return (Join, Reason::BracketLeftOpen);
    }
    // A paragraph's first line lost its 2-em indent: when a long unbreakable
    // chunk (a Latin word, a number) starts the next line, judge whether it
    // would have fitted with the indent counted.
    let lost_indent = if ctx.prev_opens_paragraph() && next.lead_chunk >= 4 {
        4
    } else {
        0
    };
    // A line that ends a sentence short of the column most likely ends its
    // paragraph; only mid-sentence does an unbreakable chunk explain it.
    // (Unless the text kept its indents and the next line has none: then
    // it goes on with the paragraph, and its first chunk did not fit.)
    let next_chunk = if prev.ends_sentence && !ctx.next_opens_nothing() {
        // Unless justification spread the line (see `fit`) before a word
        // or number: it was stretched for a word that did not fit, with a
        // word space (and Latin glyphs wider than measured) to spare.
        if prev.shape.letter_spaced && matches!(next.first, CharRole::Letter | CharRole::Digit) {
            next.lead_chunk + 2
        } else {
            0
        }
    } else {
        next.lead_chunk + lost_indent
    };
    // A line that starts with a mark no line may start with is the tail of
    // a line the extractor split (at a quote or bracket): it fills the
    // column as much as the whole line did, which may hang a mark past it.
    let prev_fit = ctx.column.map(
        |w| match ctx.joined_before.and_then(|b| whole_line(b, prev)) {
            Some(whole) => match fit(&whole, w, next_chunk) {
                Fit::Overlong => Fit::Full,
                f => f,
            },
            // A piece cut from the line before at a compressed mark that
            // ends a printed line of pieces fills the column as much as
            // the whole printed line does.
            None => match (fit(prev, w, next_chunk), ctx.pieces_before) {
                (Fit::Short | Fit::IndentShort, Some(_))
                    if ctx
                        .joined_before
                        .is_some_and(|before| may_cut_between(before, prev))
                        && fit(&line_so_far(ctx), w, next_chunk) == Fit::Full =>
                {
                    Fit::Full
                }
                // A first line that lost its indent is half full with the
                // indent counted, where a Latin word ends it and the next
                // begins the next line (`Debian` before `GNU/Linux 发行版`):
                // a heading or kicker ends with an ideograph.
                (Fit::Short | Fit::IndentShort, _)
                    if lost_indent > 0
                        && prev.last.is_alphanumeric()
                        && next.first.is_alphanumeric()
                        && (prev.max_width() + lost_indent) * 2 >= w
                        && prev.max_width() + next_chunk > w =>
                {
                    Fit::Full
                }
                // A spread line too short to have been stretched (see
                // `fit`) was, after all, before a glyph alone: the extractor
                // cut the stretched line at its spaces. (Not before two: a
                // spread kicker before a short heading, `读 者 来 信`.)
                (Fit::Short | Fit::IndentShort, _)
                    if prev.shape.letter_spaced
                        && !prev.ends_sentence
                        && prev.last != CharRole::Close
                        && next.blanks_before == 0
                        && next.width - next.indent <= 2 =>
                {
                    Fit::Full
                }
                (f, _) => f,
            },
        },
    );
    // A spread line well short of the column, before a line that opens
    // with an ideograph and is not spread, was not stretched for a word
    // that did not fit, nor cut from a printed line whose rest is spread
    // too: OCR spread it (a heading, `加 固 系 统`), and it is judged by its
    // width.
    let prev_fit = match prev_fit {
        Some(Fit::Full)
            if prev.shape.letter_spaced
                && prev.space_runs == 0
                && !next.shape.letter_spaced
                && next.first == CharRole::Ideograph
                && next.width > 4
                && ctx
                    .column
                    .is_some_and(|w| prev.max_width() + SPREAD_SLACK < w) =>
        {
            ctx.column.map(|w| fit_as_set(prev, w, next_chunk))
        }
        other => other,
    };
    // A paragraph's first line 2 em short of the column filled its printed
    // line, the indent lost: where its first sentence ends right there, the
    // paragraph goes on as after any full line. (Not a question standing
    // so, a heading: `pool目录里有什么？`.)
    let prev_fit = match prev_fit {
        Some(Fit::IndentShort)
            if ctx.prev_opens_paragraph()
                && ctx.openings == Openings::LostIndent
                && prev.ends_sentence
                && prev.last != CharRole::Question
                && prev.furniture.is_none()
                && next.blanks_before == 0 =>
        {
            Some(Fit::Full)
        }
        other => other,
    };
    let prev_full = prev_fit == Some(Fit::Full);
    if let Some(decision) = furniture_rule(ctx, prev_full) {
        return decision;
    }
    if let Some(reason) = phrase_runs_on(ctx) {
        return (Join, reason);
    }
    // The block a running header opens starts with a kicker or a headline:
    // a line there that stops without a mark is a heading of its own.
    // (Not a line set in by a kept indent: it opens a paragraph.)
    if ctx.after_header
        && ctx.joined_before.is_none()
        && prev.furniture.is_none()
        && prev.compressible == 0
        && prev.last.is_text()
        && !ctx.set_in_where_kept(prev)
    {
        return (Break, Reason::AfterRunningHeader);
    }
    // `（完）` and other short closed remarks stand alone.
    let closed_remark = next.last == CharRole::Close && next.width <= 8;
    if prev.ends_sentence
        && next.opens_with_bracket
        && !closed_remark
        && next.furniture.is_none()
        && prev.furniture.is_none()
    {
        return (Join, Reason::BracketAfterSentence);
    }
    // (Not into the running title a page opens with, after its form feed;
    // nor from a `电` alone but after its date.)
    if prev.dateline_lead
        && (!single_glyph(prev) || ctx.joined_before.is_some_and(|before| before.dateline_lead))
        && !next.shape.preformatted
        && !next.shape.page_top
        && next.furniture.is_none()
    {
        return (Join, Reason::DatelineLead);
    }
    if prev.ends_mid_word && matches!(next.first, CharRole::Letter | CharRole::Digit) {
        return (Join, Reason::WordContinues);
    }
    // (Not a piece `pdftotext -layout` placed where it printed.)
    if next.indent >= prev.indent + 2 && !placed_piece(prev, next) {
        return (Break, Reason::NextIndented);
    }
    // Where the section's first lines kept their indents, an indented line
    // opens a paragraph even after one indented as much (a subhead or a
    // paragraph of one line, set in as the first lines are).
    if ctx.set_in_where_kept(next) {
        return (Break, Reason::NextIndented);
    }
    // Where the extractor kept indents, a line indented more than the one
    // after it opens a paragraph even when `prev` is indented as much (a
    // heading set with the same indent, a one-line paragraph).
    if next.indent >= 2
        && ctx
            .after_next
            .is_some_and(|after| after.blanks_before == 0 && next.indent >= after.indent + 2)
    {
        return (Break, Reason::NextIndented);
    }
    // A line inside a bracket or quote opened on it (or earlier in its
    // paragraph) and not yet closed does not end its paragraph mid-sentence.
    let open = prev.brackets + ctx.brackets_before;
    if open > 0 && !prev.ends_sentence && next.blanks_before == 0 && next.furniture.is_none() {
        return (Join, Reason::InsideBrackets);
    }
    // Flowing text, every line a paragraph: no column was sought in it, and
    // none of the rules below for lines with no column (pieces and glyphs
    // of printed lines) reads it.
    if ctx.openings == Openings::EveryLine {
        return (Keep, Reason::SentencePerLine);
    }
    // A run of single glyphs is a stretched line the extractor set one
    // glyph a line; it leaves too few lines to agree on a column.
    let glyph = single_glyph;
    if ctx.column.is_none()
        && glyph(prev)
        && next.blanks_before == 0
        && (ctx.joined_before.is_some() || glyph(next))
    {
        return (Join, Reason::Fragment);
    }
    // Printed lines cut at every compressed mark (`pdftotext -raw` on
    // xeCJK) leave pieces too short to agree on a column: a piece that
    // stops at a pause or closing mark, or before an opening one,
    // mid-sentence, runs on. Lines of verse are as wide as one another.
    if ctx.column.is_none()
        && !prev.ends_sentence
        && next.blanks_before == 0
        && prev.furniture.is_none()
        && next.furniture.is_none()
        && (matches!(prev.last, CharRole::Pause | CharRole::Close) || next.first == CharRole::Open)
        && prev.width != next.width
    {
        return (Join, Reason::Fragment);
    }
    // Among such pieces, a line that stops mid-word is cut at its printed
    // line's end, not at a paragraph's: a sentence does not end mid-word.
    // So when it goes on with the piece joined before it, or when the next
    // line is a piece cut at a mark mid-sentence (a kicker before its
    // headline is followed by a sentence end or a dateline). Two lines
    // within 1 em of each other's width and without a single mark, the
    // next one stopping mid-word too, are lines of verse or a list, not
    // pieces cut at compressed marks.
    let next_is_cut_piece = next.ends_sentence
        || prev.compressible > 0
        || next.compressible > 0
        || prev.width.abs_diff(next.width) > 2
        || ctx
            .after_next
            .is_some_and(|after| printed_line_goes_on(next, after));
    if ctx.column.is_none()
        && ((ctx.joined_before.is_some() && next_is_cut_piece)
            || (!next.ends_sentence
                && !next.dateline_lead
                // A piece is no wider than a column (a paragraph composed
                // on settling, read again, is no piece).
                && next.width <= MAX_COLUMN
                // (Not lines of verse, as wide as one another.)
                && ctx
                    .after_next
                    .is_some_and(|after| may_cut_between(next, after) && after.width != next.width)))
        && next.blanks_before == 0
        && prev.furniture.is_none()
        && next.furniture.is_none()
        && prev.last.is_text()
        && prev.width != next.width
    {
        return (Join, Reason::PieceRunsOn);
    }
    if ctx.column.is_none()
        && next.blanks_before == 0
        && prev.furniture.is_none()
        && next.furniture.is_none()
        && !prev.ends_sentence
        && prev.last == CharRole::Ideograph
        && (prev.compressible > 0 || ctx.joined_before.is_some() || next.compressible > 0)
        && ((MIN_COLUMN..=60).contains(&prev.width)
            // Wider (a note or a lead set across the page's columns): only
            // before the paragraph's last line, which ends the sentence.
            || (prev.width <= MAX_COLUMN && next.ends_sentence && next.width < prev.width))
        && ((MIN_COLUMN..=MAX_COLUMN).contains(&next.width)
            || (next.compressible > 0 && next.width >= 10))
        && next.min_width() <= prev.max_width() + 2
    {
        return (Join, Reason::NoColumnRunsOn);
    }
    // Where blank lines end paragraphs and nothing else, a line of prose
    // inside a block that stops mid-sentence goes on with it, whatever its
    // width: it holds a mark, fills the column or is wider than headings
    // are (14 em). A heading set right above its text, as some extractors
    // leave it, is none of these.
    if ctx.blank_lines == BlankLines::Paragraphs
        && next.blanks_before == 0
        && prev.stops_mid_sentence()
        && prev.furniture.is_none()
        && next.furniture.is_none()
        && (prev.pauses + prev.compressible > 0 || prev_full || prev.width > MAX_HEADING_WIDTH)
    {
        return (Join, Reason::InsideBlock);
    }
    let Some(column) = ctx.column else {
        return (Keep, Reason::NotWrapped);
    };
    let next_fit = next_fit(ctx, column);
    // Evaluated only where a rule asks.
    let next_opens_paragraph = || next_opens_paragraph(ctx, next_fit);
    // A line inside a paragraph that stops mid-sentence runs on, even into
    // a line too wide for the column (an unbreakable URL or path, or two
    // lines the extractor ran together): a headline does not cut a sentence.
    let mid_sentence = next.blanks_before == 0 && prev.stops_mid_sentence();
    let runs_on = mid_sentence && ctx.joined_before.is_some();
    // So does a block's first line that fills its column and stops mid-word
    // (an overlong line after it is its continuation run together, not a
    // headline: a headline is not cut mid-word).
    let first_line_runs_on =
        mid_sentence && ctx.joined_before.is_none() && prev.last != CharRole::Pause && prev_full;
    if next_fit == Fit::Overlong && !runs_on && !first_line_runs_on {
        // No wrapped line is wider than its column: the next line belongs
        // to something else (a headline, or text that is not wrapped).
        return (Break, Reason::NextWiderThanColumn);
    }
    let prev_short = matches!(prev_fit, Some(Fit::Short | Fit::IndentShort));
    // A stretched justified line split into glyphs: fragments inside a
    // paragraph, or a run of them where one began.
    let fragment = |line: &Line| line.width <= 4 && !line.ends_sentence;
    // A Latin word alone on its line, short of the column: a piece of a
    // stretched line too (`Debian` between `在` and `GNU/Linux 系统`).
    let word_alone = next.all_narrow && next_fit == Fit::Short && !next.ends_sentence;
    if (prev.width <= 4 || (prev.all_narrow && prev_short))
        && !prev.ends_sentence
        && prev.last != CharRole::Close
        // Not across a blank line: there the fragment ends its block (OCR
        // drops a paragraph's final full stop as often as not).
        && next.blanks_before == 0
        // A run starts with a glyph alone: two words of two characters
        // each (a kicker `深度` above a headline `维护`) are not a split line.
        && (ctx.joined_before.is_some()
            || ((fragment(next) || word_alone) && prev.width.min(next.width) <= 2))
        // Nor a glyph alone on its printed line (the line before fills
        // the column and stops mid-word) before a first line short by its
        // lost indent and a full line: it ends its heading or paragraph.
        // (Shorter than that, by a Latin word that did not fit, when it
        // is 2 em short of the full line after it, which goes on.)
        && !(ctx
            .joined_before
            .is_some_and(|before| fit(before, column, 0) == Fit::Full && before.last.is_text())
            && ctx.after_next.is_some_and(|after| {
                after.blanks_before == 0
                    && fit(after, column, 0) == Fit::Full
                    && (next_fit == Fit::IndentShort
                        || (next_fit == Fit::Short
                            && !after.ends_sentence
                            && indent_short_of(next, after, ctx.next_column)))
            }))
    {
        return (Join, Reason::Fragment);
    }
    // A sentence's full stop alone in a run of single glyphs: the printed
    // line was stretched, so it did not end its paragraph, and the next
    // glyph goes on along it (`出` `错` `。` `你` `必`).
    // So does a closing mark set with the stop (`）。`), after the glyphs
    // of the same line (`件` `？` `”` `）。` `位` `于`).
    let closed_stop = prev.width <= 4 && prev.first == CharRole::Close;
    if prev.ends_sentence
        && prev.width <= 4
        && ((prev.width <= 2 && prev.first == prev.last) || closed_stop)
        && next.blanks_before == 0
        && next.width <= 2
        && !next.ends_sentence
        && ctx.joined_before.is_some_and(|before| {
            before.width <= 2
                && (!before.ends_sentence || (closed_stop && before.first == before.last))
        })
    {
        return (Join, Reason::Fragment);
    }
    // Unless the next block is a fragment too: a glyph inside a paragraph,
    // one blank line (an extractor's line for a stretched space), and a
    // short piece stopping mid-word that the paragraph goes on with. A
    // paragraph after a blank line opens with a line nearly full; a
    // heading is seldom a single glyph.
    if prev.width <= 2
        && !prev.ends_sentence
        && prev.last != CharRole::Close
        // (Or two glyphs opening a block: `标`, a blank line, `准`.)
        && (ctx.joined_before.is_some() || next.width <= 2)
        && next.blanks_before == 1
        && !next.ends_sentence
        && (2 * next.max_width() <= column || word_alone)
        && next.last.is_text()
        && ctx.after_next.is_some_and(|after| after.blanks_before == 0)
    {
        return (Join, Reason::FragmentAcrossBlank);
    }
    // A line the extractor cut in two before a quote or bracket: inside a
    // paragraph, two short pieces mid-sentence that together fill the
    // column.
    if prev_short
        && !prev.ends_sentence
        && ctx.joined_before.is_some()
        && next.first == CharRole::Open
        && next.blanks_before == 0
        && fit(&pieces(prev, next), column, 0) == Fit::Full
    {
        return (Join, Reason::Fragment);
    }
    if let Some(piece) = piece_rule(ctx, column) {
        return piece;
    }
    if heading_before_first_line(ctx, column, prev_fit) {
        return (Break, Reason::ShortHeading);
    }
    // A kicker above a headline: the next line, right before a byline, is
    // the headline; a short unmarked line opening its block above it is a
    // kicker of its own (a headline set on two lines would fill the first).
    if ctx.prev_opens_paragraph()
        && next.blanks_before == 0
        && prev.compressible == 0
        && next.compressible == 0
        && next.furniture.is_none()
        && fit(prev, column, 0) != Fit::Full
        && ctx
            .after_next
            .is_some_and(|after| after.furniture == Some(Furniture::Byline))
    {
        return (Break, Reason::KickerBeforeHeadline);
    }
    // A line wider than the column by no more than its Latin text (a URL,
    // a path) was pushed past the edge by an unbreakable word: it is full.
    let latin_overflow = overflows_by_latin(prev, column)
        && prev.furniture.is_none()
        && next.furniture.is_none()
        && next_fit != Fit::Overlong
        && next.blanks_before == 0;
    // A sentence's last mark hung past the column's edge (or not
    // compressed): without it the line is no wider than a full one.
    let hangs = || {
        prev.ends_sentence
            && prev.last == CharRole::SentenceEnd
            && prev.furniture.is_none()
            && next.furniture.is_none()
            && next.blanks_before == 0
            && next_fit != Fit::Overlong
            && prev.min_width() <= column + 6
    };
    let prev_fit = match prev_fit {
        Some(Fit::Overlong) if latin_overflow || hangs() => Some(Fit::Full),
        f => f,
    };
    match prev_fit.unwrap_or(Fit::Full) {
        Fit::Overlong if runs_on => (Join, Reason::FullLine),
        Fit::Overlong
            if (mid_sentence
                // Or across a column break, into a full line (a few
                // printed lines run together at most: more is a paragraph,
                // and this rule would join it to the next, and the next...).
                || (next.blanks_before == 1
                    && next_fit == Fit::Full
                    && prev.last.is_text()
                    && prev.min_width() <= 3 * column))
                && prev.last != CharRole::Pause
                && prev.compressible > 0
                && next_fit != Fit::Overlong
                && next.furniture.is_none() =>
        {
            (Join, Reason::OverlongRunsOn)
        }
        Fit::Overlong => (Break, Reason::WiderThanColumn),
        Fit::Full if prev.ends_sentence => {
            if next.blanks_before > 0 {
                (Break, Reason::BlankAfterSentence)
            } else if prev.shape.letter_spaced
                && next.furniture.is_none()
                && !next.shape.letter_spaced
                // Justification spreads a line by the room the next line's
                // first chunk left on it: one less than 1 em short of the
                // column as set had too little to show, and was spaced out
                // otherwise (OCR). (pdfminer shows 1 em over 13 gaps.)
                && prev.max_width() + 2 <= column
                // OCR spreads any line: one before a first line short by its
                // lost indent ends its paragraph, unless a word or number
                // that did not fit on that line explains its shortness.
                && (!next_opens_paragraph()
                    || ctx
                        .after_next
                        .is_some_and(|after| {
                            matches!(after.first, CharRole::Letter | CharRole::Digit)
                                && fit(next, column, after.lead_chunk) == Fit::Full
                        }))
            {
                (Join, Reason::StretchedLine)
            } else if next_opens_paragraph() {
                (Break, Reason::NextShortByIndent)
            } else if !next.punctuated
                && next.last.is_text()
                && !next.shape.letter_spaced
                && next.furniture.is_none()
                && fit(next, column, 0) == Fit::Full
                && ctx.after_next.is_some_and(|after| {
                    after.blanks_before == 0
                        && !after.ends_sentence
                        && after.furniture.is_none()
                        && after.last.is_text()
                        && match fit(after, column, 0) {
                            Fit::IndentShort => true,
                            // Or the subhead's own last line, short and
                            // without a mark either.
                            Fit::Short => {
                                !(after.punctuated
                                    | after.ends_with_function_word
                                    | after.ends_before_noun)
                            }
                            _ => false,
                        }
                })
            {
                (Break, Reason::NextIsSubhead)
            } else if ctx.openings == Openings::Indented
                && next.indent == 0
                && !next.punctuated
                && next.last.is_text()
                && !next.shape.letter_spaced
                && next.furniture.is_none()
                && ctx.after_next.is_some_and(|after| {
                    after.blanks_before == 0 && after.indent >= 2 && after.furniture.is_none()
                })
            {
                // Where first lines kept their indents, a line with none
                // that stops without a mark before one that opens a
                // paragraph is a subhead, however wide.
                (Break, Reason::NextIsSubhead)
            } else if next_fit == Fit::Short
                // Not a glyph or a word split off a stretched line.
                && next.width > 2
                && !next.all_narrow
                && (next.last.is_text()
                    // Or a quote it opens and closes (`坚持“双带双提”`),
                    // before a line that opens with text, as a paragraph
                    // does (not a remark's bracket: `它的名字是“/”` | `（称`).
                    || (next.last == CharRole::Close
                        && next.brackets == 0
                        && next.first == CharRole::Ideograph
                        && !next.ends_sentence
                        && ctx
                            .after_next
                            .is_some_and(|after| after.first.is_text())))
            {
                (Break, Reason::NextIsHeading)
            } else if !prev.first.cannot_start_line()
                && ctx.joined_before.is_some_and(|before| {
                    // The next line's first chunk (a Latin word) may not have
                    // fitted in what is left: then the line was stretched.
                    // (Where first lines keep their indents, one with none
                    // opens nothing: there only more than 1 em short.)
                    let room = before.min_width().saturating_sub(prev.max_width());
                    let room_needed =
                        next.lead_chunk.max(2) + u32::from(ctx.openings == Openings::Indented);
                    room >= room_needed && fit(before, column, 0) == Fit::Full
                })
            {
                (Break, Reason::SentenceEndShort)
            } else if prev.last != CharRole::Question
                // Not short by an indent, a question after a paragraph that
                // filled its last line is a subhead set flush, on one line
                // or two.
                && (next.last == CharRole::Question
                    || (!next.ends_sentence
                        && next.furniture.is_none()
                        && ctx.after_next.is_some_and(|after| {
                            after.blanks_before == 0
                                && after.last == CharRole::Question
                        })))
            {
                (Break, Reason::NextIsQuestion)
            } else if prev.last == CharRole::Question
                && ctx.prev_opens_paragraph()
                && ctx.openings == Openings::LostIndent
                && next.furniture.is_none()
                // (A question after it goes on with the same heading or
                // paragraph.)
                && next.last != CharRole::Question
            {
                (Break, Reason::QuestionHeading)
            } else if ctx.openings == Openings::Flush
                && prev.max_width() + next.lead_chunk.max(2) <= column
            {
                (Break, Reason::FlushLastLine)
            } else {
                (Join, Reason::FullLineSentenceEnd)
            }
        }
        Fit::Full if subhead_before_first_line(ctx, column, next_fit) => (Break, Reason::Heading),
        // A block of one full line that stops without a mark, between
        // blank lines: a subhead. A paragraph's first line cut off by a
        // column break would be short by its indent.
        Fit::Full
            if next.blanks_before > 0
                // One blank line: after two or more a section starts, and a
                // section is decided as if it stood alone.
                && prev.blanks_before == 1
                && ctx.prev_opens_paragraph()
                && prev.last.is_text()
                && fit(prev, column, 0) == Fit::Full
                // Subheads seldom hold a comma or a full stop.
                && prev.compressible == 0
                && !prev.shape.letter_spaced
                // Not a line set in by a kept indent: it opens a paragraph.
                && !ctx.set_in_where_kept(prev)
                // Not text set with a blank line after every line.
                && (next_fit != Fit::Full
                    || ctx.after_next.is_some_and(|after| after.blanks_before == 0)) =>
        {
            (Break, Reason::Heading)
        }
        Fit::Full
            if next.blanks_before == 1
                && prev.last != CharRole::Pause
                && next_fit == Fit::IndentShort
                && !next.ends_sentence
                && ctx.after_next.is_some_and(|after| {
                    after.blanks_before == 0 && fit(after, column, 0) == Fit::Full
                }) =>
        {
            (Break, Reason::BlankBeforeFirstLine)
        }
        Fit::Full if next.blanks_before > 0 => (Join, Reason::FullLineAcrossBlank),
        Fit::Full => (Join, Reason::FullLine),
        Fit::IndentShort | Fit::Short => {
            let mid_word = prev.last.is_text();
            // PyMuPDF leaves the word space where it cut a stretched
            // printed line: the line goes on, however short it is.
            if prev.ends_at_word_space()
                && !prev.ends_sentence
                && prev.furniture.is_none()
                && next.blanks_before == 0
                && next.furniture.is_none()
            {
                return (Join, Reason::WordSpaceLeft);
            }
            if !prev.ends_sentence
                && ctx.prev_opens_paragraph()
                && next_fit != Fit::Short
                && (indent_short_of(prev, next, ctx.next_column)
                    || (prev_fit == Some(Fit::IndentShort) && next_fit == Fit::Full && mid_word))
                // A line 2 em short of the column before a full one is the
                // first line itself; this one, shorter still, is a heading.
                && !(prev_fit == Some(Fit::Short)
                    && next_fit == Fit::IndentShort
                    && ctx.after_next.is_some_and(|after| {
                        after.blanks_before == 0 && fit(after, column, 0) == Fit::Full
                    }))
                // Unless the next line is itself a first line short by its
                // indent: 2 em short of the line after it, and no
                // unbreakable chunk that opens that line (and would not
                // have fitted) explains the shortness.
                && !ctx.after_next.is_some_and(|after| {
                    ctx.next_may_have_lost_indent()
                        && plainly_indent_short_of(next, after, ctx.next_column)
                        && !short_by_next_word(next, after, column)
                        // At least 1.5 em narrower as set, before widening
                        // its narrow characters, than `after` printed (see
                        // `Line::set_width_in`).
                        && next.width + 3 <= after.set_width_in(column)
                })
                // Nor when `prev` is 2 em short only of a line that is
                // itself 1.5 em or more short of the full line after it.
                && !(indent_short_of(prev, next, ctx.next_column)
                    && ctx.after_next.is_some_and(|after| {
                        after.blanks_before == 0
                            && !after.shape.letter_spaced
                            && fit(after, column, 0) == Fit::Full
                            && next.max_width() + 3 <= after.min_width()
                    }))
            {
                (Join, Reason::FirstLine)
            } else if mid_word
                && ctx.joined_before.is_some_and(|before| {
                    // A label (`来源：`) runs on into its value only; a
                    // dateline runs on into the story's text.
                    matches!(before.furniture, None | Some(Furniture::Dateline))
                        && as_full_as(prev, before)
                })
            {
                (Join, Reason::AsFullAsLineBefore)
            } else if !prev.ends_sentence
                && prev.last != CharRole::Pause
                && next_fit == Fit::IndentShort
            {
                (Break, Reason::Heading)
            } else if mid_word
                && next.blanks_before == 0
                // Not a subhead of two lines before a paragraph's first line
                // (unless a word opening the line after the next one
                // explains why the next line is short).
                && (!next_opens_paragraph()
                    || ctx
                        .after_next
                        .is_some_and(|after| short_by_next_word(next, after, column)))
                && ctx
                    .joined_before
                    .is_some_and(|before| !before.ends_sentence && before.furniture.is_none())
            {
                (Join, Reason::SentenceRunsThrough)
            } else if prev.last == CharRole::Close
                && prev.first == CharRole::Open
                && !prev.ends_sentence
                && !prev.ends_with_credit
                && next.blanks_before == 0
                && !next_opens_paragraph()
                && ctx
                    .joined_before
                    .is_some_and(|before| !before.ends_sentence && before.furniture.is_none())
            {
                (Join, Reason::RemarkRunsOn)
            } else if prev.last == CharRole::Close
                && !prev.ends_sentence
                && !prev.ends_with_credit
                && next.blanks_before == 0
                && next.furniture.is_none()
                && !next_opens_paragraph()
                && 2 * next.max_width() <= column
                && ctx.joined_before.map_or(true, |before| {
                    !before.ends_sentence && before.furniture.is_none()
                })
            {
                (Join, Reason::ClosedBeforePiece)
            } else if mid_word
                && ctx.prev_opens_paragraph()
                && next.blanks_before == 0
                && next.furniture.is_none()
                && next_fit == Fit::Short
                && 2 * next.max_width() <= column
                && (next.ends_sentence
                    // A piece that stops at a pause mark goes on along the
                    // printed line after it, unindented: before an indented
                    // line it stands alone (a salutation `各位同学：`).
                    || (next.last == CharRole::Pause
                        && !ctx.after_next.is_some_and(|after| {
                            after.blanks_before > 0 || after.indent > next.indent
                        })))
            {
                (Join, Reason::BeforeShortPiece)
            } else if prev.last == CharRole::Pause && next.blanks_before == 0 {
                // A comma or colon ends no paragraph: a piece of a printed
                // line cut after a compressed mark, or a line set short.
                (Join, Reason::ShortAtPause)
            } else if prev_fit == Some(Fit::IndentShort)
                && ctx.prev_opens_paragraph()
                && ctx.openings == Openings::LostIndent
                && mid_word
                && prev.pauses > 0
                && prev.punctuated
                && next.ends_sentence
                && next.blanks_before == 0
                && next.furniture.is_none()
            {
                // The first line of a paragraph of two lines, 2 em short by
                // its lost indent and stopping mid-word, before the last
                // line that ends the sentence: it holds a pause mark and
                // more, as prose does and a heading seldom.
                (Join, Reason::FirstLine)
            } else {
                (Break, Reason::ShortLine)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::line::raw_lines;

    fn line(text: &str, blanks_before: u32) -> Line {
        let raw = raw_lines(text).next().unwrap();
        Line::measure(text, raw, 0, blanks_before, true).unwrap()
    }

    /// Decides `prev` | `next` in a 14-em column, `prev` opening a paragraph
    /// unless `joined_before` is given.
    fn decide_pair(
        prev: &str,
        next: &str,
        blanks: u32,
        after: Option<&str>,
        before: Option<&str>,
    ) -> (Action, Reason) {
        let (prev, next) = (line(prev, 0), line(next, blanks));
        let after = after.map(|t| line(t, 0));
        let before = before.map(|t| line(t, 0));
        decide(&BreakContext {
            prev: &prev,
            next: &next,
            column: Some(28),
            next_column: Some(28),
            joined_before: before.as_ref(),
            brackets_before: before.map_or(0, |b| b.brackets),
            after_header: false,
            after_next: after.as_ref(),
            pieces_before: None,
            openings: Openings::LostIndent,
            blank_lines: BlankLines::Breaks,
        })
    }

    const FULL: &str = "一二三四五六七八九十一二三四";

    /// `(prev, next, blank lines between, line after next, line joined before prev, expected)`.
    type Row = (
        &'static str,
        &'static str,
        u32,
        Option<&'static str>,
        Option<&'static str>,
        (Action, Reason),
    );

    #[test]
    fn decision_table() {
        use Action::{Break, Join, Keep};
        let rows: &[Row] = &[
            // Kinsoku first: nothing starts a line with a pause mark.
            (
                "一二三",
                "，四五",
                0,
                None,
                None,
                (Join, Reason::NextStartsWithClosing),
            ),
            (
                "一二三（",
                "四五六",
                0,
                None,
                None,
                (Join, Reason::PrevEndsWithOpening),
            ),
            // A line that opens with a word's tail (one ideograph and the
            // mark after it) goes on from a short line that stops mid-word,
            // a heading's width or not, across a column break too.
            (
                "一二三四五六七八九",
                "十。一二三四五六七八九十一二",
                0,
                Some(FULL),
                Some(FULL),
                (Join, Reason::OpensMidPhrase),
            ),
            (
                "电子邮件头的 To",
                "项，一二三四五六七八九十一二",
                1,
                Some(FULL),
                None,
                (Join, Reason::OpensMidPhrase),
            ),
            // A line that ends with the particle `的` goes on to its noun,
            // however short; not `目的` (a noun), nor a line without marks
            // holding `是` (a heading set as a sentence).
            (
                "一二三，四五的",
                "一二三四五六七八九十一二三四",
                0,
                Some(FULL),
                None,
                (Join, Reason::NounFollows),
            ),
            (
                "研究目的",
                "一二三四五六七八九十一二",
                0,
                Some(FULL),
                None,
                (Break, Reason::ShortHeading),
            ),
            (
                "改革是必要的",
                "一二三四五六七八九十一二",
                0,
                Some(FULL),
                None,
                (Break, Reason::ShortHeading),
            ),
            // A line that ends with a function word goes on, however short
            // (a piece the extractor cut: `如果这` | `是…`); not `不已`, which
            // closes its clause. (A glyph or two are the glyph-run rule's.)
            (
                "一二三，四五六被",
                "一二三四五六七八九十一二三四",
                0,
                Some(FULL),
                None,
                (Join, Reason::FunctionWordRunsOn),
            ),
            (
                "如果这",
                "一二三四五六七八九十一二三四",
                0,
                Some(FULL),
                None,
                (Join, Reason::FunctionWordRunsOn),
            ),
            (
                "观众惊叹不已",
                "一二三四五六七八九十一二",
                0,
                Some(FULL),
                None,
                (Break, Reason::ShortHeading),
            ),
            // Or with a suffix or particle that opens no word (`它` |
            // `们将…`); not `了解`, a verb that opens sentences.
            (
                "一二三四五六它",
                "们一二三四五六七八九十一二三",
                0,
                Some(FULL),
                None,
                (Join, Reason::OpensMidPhrase),
            ),
            (
                "一二三四五六。",
                "了解一二三四五六七八九十一二",
                0,
                Some(FULL),
                None,
                (Break, Reason::ShortLine),
            ),
            // So does one that opens with the particle `的`.
            (
                "一二三四五",
                "的一二三四五六七八九十一二",
                0,
                Some(FULL),
                None,
                (Join, Reason::OpensMidPhrase),
            ),
            // Two ideographs before the mark may be a paragraph's opening
            // word (`首先，`), and a list's label takes `、`.
            (
                "一二三四五",
                "首先，一二三四五六七八九十一",
                0,
                Some(FULL),
                None,
                (Break, Reason::ShortLine),
            ),
            // A bracket opened at the line's start and left open runs on.
            (
                "（中新社记者",
                "张三 摄）",
                0,
                None,
                Some(FULL),
                (Join, Reason::BracketLeftOpen),
            ),
            // Capital W and M, and m and w, print close to a full em: a
            // first line holding `WWW` is as wide as a first line of
            // ideographs that lost its 2-em indent, not a short last line.
            (
                "一二三四五六七八 WWW",
                FULL,
                0,
                Some(FULL),
                None,
                (Join, Reason::FirstLine),
            ),
            (
                "一二三四五六七八 iii",
                FULL,
                0,
                Some(FULL),
                None,
                (Break, Reason::ShortLine),
            ),
            // A full line, not the first line of a paragraph under a
            // subhead: the line after it is wider than it only at the
            // widest its Latin letters may print, which is wider than the
            // column itself (`对于所有在 debian/rules` | `文件中使用 dh 命令打包的软`
            // | `件包，必须在 Build-Depends`).
            (
                "一二三四五六七八 abcd/efghi",
                "一二三四五六七八九十一二三四五",
                0,
                Some("一二三四 abcdefghijklmnopqrstu"),
                None,
                (Join, Reason::FullLine),
            ),
            // Nor is a full line 2 em short of one that is wider only at
            // the widest its Latin letters may print, wider than the column.
            (
                "一二三四五六七八九十一二三。",
                "一二三四五六七八九十一二三四五",
                0,
                Some("一二三四 abcdefghijklmnopqrstu"),
                Some(FULL),
                (Join, Reason::FullLineSentenceEnd),
            ),
            // A word space beside a Latin word prints about a quarter of an
            // em: the next line, 14.5 em as counted, may print 13, as wide
            // as this one would with its lost indent.
            (
                "一二三四五六七八九十一",
                "一 abc 二三 cde 四五 efg 六七",
                0,
                Some(FULL),
                None,
                (Join, Reason::FirstLine),
            ),
            // Full lines mid-sentence join, across a blank (column break) too.
            (FULL, FULL, 0, None, Some(FULL), (Join, Reason::FullLine)),
            // A full stop hung past the column's edge: the line is full,
            // not a headline wider than the column (which the lines around
            // put a little wider than estimated).
            (
                "一二三四五六七八九十一二三四五六。",
                "一二三四五六七八九十一二三四五六",
                0,
                Some(FULL),
                Some(FULL),
                (Join, Reason::FullLineSentenceEnd),
            ),
            (
                "一二三四五六七八九十一二三四五六七。",
                "一二三四五六七八九十一二三四五六",
                0,
                Some(FULL),
                Some(FULL),
                (Break, Reason::WiderThanColumn),
            ),
            (
                FULL,
                FULL,
                1,
                None,
                Some(FULL),
                (Join, Reason::FullLineAcrossBlank),
            ),
            // A sentence end before a blank, or before a line 2 em short.
            (
                "一二三四五六七八九十一二三。",
                FULL,
                1,
                None,
                Some(FULL),
                (Break, Reason::BlankAfterSentence),
            ),
            (
                "一二三四五六七八九十一二三。",
                "一二三四五六七八九十一二",
                0,
                Some(FULL),
                Some(FULL),
                (Break, Reason::NextShortByIndent),
            ),
            // A heading spread by OCR is too short to have been stretched
            // to the column (see `layout::fit`): it is not a full line.
            (
                "一二三四五六七八九十一二三。",
                "启 动 过 程 概 述",
                0,
                Some("一二三四五六七八九十一二"),
                Some(FULL),
                (Break, Reason::NextIsHeading),
            ),
            // Latin capitals print wider than half an em: the next line
            // is 2 em short as printed.
            (
                "一二三四五六七八九十一二三。",
                "一旦某人有 ROOT 權，",
                0,
                Some(FULL),
                Some(FULL),
                (Break, Reason::NextShortByIndent),
            ),
            (
                "一二三四五六七八九十一二三。",
                FULL,
                0,
                Some(FULL),
                Some(FULL),
                (Join, Reason::FullLineSentenceEnd),
            ),
            // A sentence end 1 em short of the full line before it, where
            // the next line's first character would have fitted, ends its
            // paragraph; with a Latin word next, the line was stretched.
            (
                "一二三四五六七八九十一二。",
                FULL,
                0,
                Some(FULL),
                Some("一二三四五六七八九十一二三四五"),
                (Break, Reason::SentenceEndShort),
            ),
            (
                "一二三四五六七八九十一二。",
                "apt-get 一二三四五六七八九",
                0,
                Some(FULL),
                Some("一二三四五六七八九十一二三四五"),
                (Join, Reason::FullLineSentenceEnd),
            ),
            // A spread line after a sentence end: stretched to a full
            // column when the word after it would not have fitted there,
            // to a first line's measure when it would have.
            (
                "一二三四五六七八九十一二三。",
                "为 了 简 化 一 二 三",
                0,
                Some("Skolelinux 的标准设置"),
                None,
                (Break, Reason::NextShortByIndent),
            ),
            (
                "一二三四五六七八九十一二三。",
                "为 了 简 化 一 二 三",
                0,
                Some("Skolelinuxinstaller 的标准设置"),
                None,
                (Join, Reason::FullLineSentenceEnd),
            ),
            // So does one exactly 1 em short, where the next line's first
            // character would just have fitted.
            (
                "一二三四五六七八九十一二三。",
                FULL,
                0,
                Some(FULL),
                Some("一二三四五六七八九十一二三四五"),
                (Break, Reason::SentenceEndShort),
            ),
            (
                "一二三四五六七八九十一二三。",
                "apt-get 一二三四五六七八九",
                0,
                Some(FULL),
                Some("一二三四五六七八九十一二三四五"),
                (Join, Reason::FullLineSentenceEnd),
            ),
            // After a full line ending a sentence, a short line that stops
            // without a mark is a heading; one that ends a sentence is the
            // paragraph's last line.
            (
                "一二三四五六七八九十一二三。",
                "一二三四五",
                0,
                Some("一二三四五六七八九十一二"),
                Some(FULL),
                (Break, Reason::NextIsHeading),
            ),
            (
                "一二三四五六七八九十一二三。",
                "一二三四五。",
                0,
                Some("一二三四五六七八九十一二"),
                Some(FULL),
                (Join, Reason::FullLineSentenceEnd),
            ),
            // A glyph alone starts a run of a stretched line's glyphs; two
            // words of two characters (a kicker above a headline) do not.
            ("目", "录", 0, Some(FULL), None, (Join, Reason::Fragment)),
            (
                "深度",
                "维护",
                0,
                Some("□中新社记者　杨娟丽"),
                None,
                (Break, Reason::KickerBeforeHeadline),
            ),
            // Inside a bracket or quote left open, a short line runs on;
            // closed, or at a sentence end, it ends its paragraph.
            (
                "安装软件包（包括解压缩和",
                FULL,
                0,
                None,
                Some(FULL),
                (Join, Reason::InsideBrackets),
            ),
            (
                "一二“三四",
                FULL,
                0,
                None,
                Some("一二三（四五六七八九十一二三"),
                (Join, Reason::InsideBrackets),
            ),
            // (Closed mid-word, it goes on with the sentence before it.)
            (
                "一二三）四五",
                FULL,
                0,
                None,
                Some("一二三（四五六七八九十一二三"),
                (Join, Reason::SentenceRunsThrough),
            ),
            (
                "一二三）四五。",
                FULL,
                0,
                None,
                Some("一二三（四五六七八九十一二三"),
                (Break, Reason::ShortLine),
            ),
            (
                "（一二三四五。",
                FULL,
                0,
                None,
                Some(FULL),
                (Break, Reason::ShortLine),
            ),
            // A short line that goes on with the sentence of the line
            // joined before it and stops mid-word does not end its
            // paragraph; before a first line it ends a two-line subhead.
            (
                "一二三四",
                FULL,
                0,
                Some(FULL),
                Some("一二三四五六七八九十一二三，"),
                (Join, Reason::SentenceRunsThrough),
            ),
            (
                "一二三四",
                "一二三四五六七八九十一二",
                0,
                Some(FULL),
                Some("一二三四五六七八九十一二三四"),
                (Break, Reason::Heading),
            ),
            // A quoted or bracketed word cut off on both sides goes on
            // with the sentence the line joined before it began; a
            // bracket closed after a line of its own text ends its item.
            (
                "“虚拟”",
                FULL,
                0,
                Some(FULL),
                Some("一二三四五六七八九十一二三四"),
                (Join, Reason::RemarkRunsOn),
            ),
            (
                "四五」）",
                FULL,
                0,
                Some(FULL),
                Some("一二三（參見「一二三四五六七"),
                (Break, Reason::ShortLine),
            ),
            // A short line that stops mid-word before a short piece ending
            // at a comma or a sentence end: one sentence cut into pieces.
            (
                "一二三",
                "四五六，",
                0,
                Some(FULL),
                None,
                (Join, Reason::BeforeShortPiece),
            ),
            (
                "一二三",
                "四五六",
                0,
                Some(FULL),
                None,
                (Break, Reason::ShortLine),
            ),
            // A closed quote before a short piece: one printed line cut at
            // compressed marks; a closed photo credit ends what it credits.
            (
                "“测试版”",
                "足够成熟，",
                0,
                Some(FULL),
                None,
                (Join, Reason::ClosedBeforePiece),
            ),
            (
                "张三 摄）",
                "一二三四，",
                0,
                Some(FULL),
                Some("一二三四五六七八九。（本报记者"),
                (Break, Reason::Furniture(Furniture::Caption)),
            ),
            // A short line that stops at a comma does not end its paragraph.
            (
                "一二三四五，",
                FULL,
                0,
                None,
                Some(FULL),
                (Join, Reason::ShortAtPause),
            ),
            // Short lines end paragraphs; a first line short by its indent does not.
            (
                "一二三四五。",
                FULL,
                0,
                None,
                Some(FULL),
                (Break, Reason::ShortLine),
            ),
            (
                "一二三四五六七八九十一二",
                FULL,
                0,
                Some(FULL),
                None,
                (Join, Reason::FirstLine),
            ),
            // A first line before a line as full as the column and one
            // wider than it as set, which compression brought back to the
            // column: the line after the first is not 2 em short of it.
            (
                "一二三四五六七八九十一二",
                "一二三四五六七八九十control",
                0,
                Some("一二三四五六七八九十一二，三。"),
                None,
                (Join, Reason::FirstLine),
            ),
            // Latin capitals print wider than half an em: `DD` and its
            // spaces fill the indent's shortfall.
            (
                "如果 DD 故意打破重要规",
                FULL,
                0,
                Some(FULL),
                None,
                (Join, Reason::FirstLine),
            ),
            // A block that opens with a full line stopping without a mark,
            // before a first line short by its indent: a subhead. Before a
            // full line it is a paragraph's first line that kept its width.
            (
                FULL,
                "一二三四五六七八九十一二",
                0,
                Some(FULL),
                None,
                (Break, Reason::Heading),
            ),
            // Before a line that is short too, the 2-em-short line is no
            // first line: the two run on (a subhead set on two lines, or a
            // paragraph's first and last lines).
            (
                FULL,
                "一二三四五六七八九十",
                0,
                Some("一二三四五六七八九十一二"),
                None,
                (Join, Reason::FullLine),
            ),
            (FULL, FULL, 0, Some(FULL), None, (Join, Reason::FullLine)),
            // Against a column read a little narrow, the first line passes
            // for full; the next line's first chunk (`候，`) does not explain
            // its shortness when it would have fitted on a line as wide as
            // that next line: it is 2 em short, its indent lost.
            (
                FULL,
                "一二三四五六七八九十一二三",
                0,
                Some("候，一二三四五六七八九十一二三"),
                None,
                (Break, Reason::Heading),
            ),
            // Inside a paragraph, a line that stops mid-sentence runs on into
            // a line too wide for the column (a URL); after a sentence end,
            // the wide line is something else (a headline).
            (
                "一二三四五六七八九十一二三四",
                "https://www.debian.org/releases/stable/installmanual",
                0,
                None,
                Some(FULL),
                (Join, Reason::FullLine),
            ),
            (
                "https://www.debian.org/releases/stable/installmanual",
                "一二三四五六七八九十一二三四",
                0,
                None,
                Some(FULL),
                (Join, Reason::FullLine),
            ),
            (
                "一二三四五六七八九十一二三。",
                "一二三四五六七八九十一二三四五六七八九十一二三四",
                0,
                None,
                Some(FULL),
                (Break, Reason::NextWiderThanColumn),
            ),
            // The tail of a line split at a quote or bracket fills the
            // column with the piece before it.
            (
                "，一二三",
                FULL,
                0,
                Some(FULL),
                Some("一二三四五六七八九十"),
                (Join, Reason::FullLine),
            ),
            // A line cut in two before a quote: two short pieces inside a
            // paragraph that together fill the column.
            (
                "一二三四五，",
                "“一二三四五”六",
                0,
                Some(FULL),
                Some(FULL),
                (Join, Reason::Fragment),
            ),
            // A glyph split off a stretched line runs on; before a blank
            // line it ends its block.
            ("息", FULL, 0, None, Some(FULL), (Join, Reason::Fragment)),
            ("息", FULL, 1, None, Some(FULL), (Break, Reason::ShortLine)),
            // Pieces of a printed line cut at compressed marks: the next
            // piece fits beside this one and is cut at a mark itself.
            (
                "一二三，",
                "四五六",
                0,
                Some("“七”"),
                Some(FULL),
                (Join, Reason::Piece),
            ),
            (
                "一二三四五六。",
                "七八九十一二",
                0,
                Some("“三”"),
                Some(FULL),
                (Join, Reason::Piece),
            ),
            // Two sentences that together fill the column are a paragraph's
            // last line and a heading (or a one-line paragraph) as often as
            // two pieces of one printed line.
            (
                "一二三四五六！",
                "七八九十一二？",
                0,
                Some(FULL),
                Some(FULL),
                (Break, Reason::ShortLine),
            ),
            // An opening quote and two characters (`“冻` `结”`): the
            // extractor cut after them mid-word, so they do not end the
            // printed line, and the line before them runs on.
            (
                "一二三四五六",
                "“七八",
                0,
                Some("九”十一二三"),
                Some(FULL),
                (Join, Reason::Piece),
            ),
            // Three characters after the quote end their printed line: a
            // short one, the paragraph's last.
            (
                "一二三四五六",
                "“七八九",
                0,
                Some("十”一二三"),
                Some(FULL),
                (Break, Reason::ShortLine),
            ),
            // A folio (a page number) stands alone between lines of text,
            // but a number beside a single glyph is a glyph of a
            // stretched line.
            (
                FULL,
                "12",
                0,
                Some(FULL),
                None,
                (Break, Reason::Furniture(Furniture::RunningHeader)),
            ),
            (
                "津",
                "8",
                0,
                Some("月"),
                Some("天"),
                (Join, Reason::Fragment),
            ),
            (
                "8",
                "月",
                0,
                Some("1"),
                Some("津"),
                (Join, Reason::Fragment),
            ),
            // A short unpunctuated line that opens a page (after a form
            // feed) is its running title, even before a closing mark; a
            // full one goes on from the page before.
            (
                "一二三四五六七八九十一二三",
                "\u{c}用户手册",
                0,
                Some(FULL),
                None,
                (Break, Reason::Furniture(Furniture::RunningHeader)),
            ),
            (
                "\u{c}用户手册",
                "，一二三四五六七八九十一二",
                0,
                Some(FULL),
                None,
                (Break, Reason::Furniture(Furniture::RunningHeader)),
            ),
            (
                "一二三四五六七八九十一二三",
                "\u{c}一二三四五六七八九十一二三",
                0,
                Some(FULL),
                Some(FULL),
                (Join, Reason::FullLine),
            ),
            // But a piece that ends no sentence after a sentence end,
            // before a first line short by its indent, is a heading.
            (
                "一二三四五六七。",
                "坚持“八九”",
                0,
                Some("一二三四五六七八九十一二"),
                Some(FULL),
                (Break, Reason::ShortLine),
            ),
            // A short piece that ends its printed line mid-word before a
            // full line is no first line: its printed line began before it.
            (
                "一二三，",
                "四五六",
                0,
                Some(FULL),
                Some(FULL),
                (Join, Reason::LastPiece),
            ),
            (
                "一二“三”",
                "四五六",
                0,
                Some(FULL),
                Some(FULL),
                (Join, Reason::LastPiece),
            ),
            // After a sentence end it may be a heading.
            (
                "一二三四五。",
                "六七八",
                0,
                Some(FULL),
                Some(FULL),
                (Break, Reason::ShortLine),
            ),
            // After a sentence end, a next line wider than half the column
            // may open a paragraph; one that ends where no cut is possible
            // must fill the line.
            (
                "一二三。",
                "四五六七八九十一",
                0,
                Some("“九”"),
                Some(FULL),
                (Break, Reason::ShortLine),
            ),
            (
                "一二三。",
                "四五",
                0,
                Some("六七"),
                Some(FULL),
                (Break, Reason::ShortLine),
            ),
            // A subtitle that stops without a mark runs on into a line
            // that opens mid-phrase or ends its question, however short
            // the subtitle; not into the story under it.
            (
                "——运行在主服务器上",
                "的服务",
                0,
                Some("□叶英"),
                None,
                (Join, Reason::SubtitleRunsOn),
            ),
            (
                "——有没有搜索有关信息",
                "简便方法？",
                0,
                Some(FULL),
                None,
                (Join, Reason::SubtitleRunsOn),
            ),
            // (A question's tail 2 em short, or a glyph or two cut off,
            // too; and the subtitle's dash alone, its text cut off onto
            // the next line.)
            (
                "——什么是必备、必需、重要、可",
                "选和额外软件包又是什么？",
                0,
                Some(FULL),
                None,
                (Join, Reason::SubtitleRunsOn),
            ),
            (
                "——第二阶段：引载加载程",
                "序",
                0,
                Some("□本报记者 张三"),
                None,
                (Join, Reason::SubtitleRunsOn),
            ),
            ("——", "“测试”", 0, Some(FULL), None, (Join, Reason::SubtitleRunsOn)),
            (
                "——可移动存储设备",
                "防火安全是对于纸质文件一二",
                0,
                Some(FULL),
                None,
                (Break, Reason::Furniture(Furniture::Subtitle)),
            ),
            // A dash line after a full headline standing alone is its
            // subtitle; inside a paragraph the sentence goes on.
            (
                FULL,
                "——一二三四五六",
                0,
                None,
                None,
                (Break, Reason::Furniture(Furniture::Subtitle)),
            ),
            (
                FULL,
                "——一二三四五六",
                0,
                None,
                Some(FULL),
                (Join, Reason::FullLine),
            ),
            // So does a block's full first line stopping mid-word.
            (
                "一二三四五六七八九十一二三四",
                "一二三四五六七八九十一二三四五六七八九十一二三四",
                0,
                None,
                None,
                (Join, Reason::FullLine),
            ),
            // A byline cut off its name runs on into it, across a blank
            // line too; not into a headline after it.
            (
                "□本报记者",
                "邵娟艳",
                1,
                Some(FULL),
                None,
                (Join, Reason::BylineRunsOn),
            ),
            (
                "□新华社记者",
                "规范问责机制",
                1,
                Some(FULL),
                None,
                (Break, Reason::Furniture(Furniture::Byline)),
            ),
            // Furniture stands alone.
            (
                "□本报记者 张三",
                FULL,
                0,
                None,
                None,
                (Break, Reason::Furniture(Furniture::Byline)),
            ),
            (
                FULL,
                "来源：中国青年报",
                0,
                None,
                Some(FULL),
                (Break, Reason::Furniture(Furniture::Source)),
            ),
            // A dateline cut before its `电`: the `电` alone goes on into
            // the credit, and into the story's first sentence; a `电` alone
            // elsewhere (`充` | `电` | `器`) is a glyph like any other.
            (
                "电",
                "（记者吴涛艳）",
                0,
                Some("你可以根据"),
                Some("新华社兰州 6 月 15 日"),
                (Join, Reason::DatelineCredit),
            ),
            (
                "电",
                "你可以根据一二三四五六七八",
                0,
                Some(FULL),
                Some("新华社兰州 6 月 15 日"),
                (Join, Reason::DatelineLead),
            ),
            (
                "他正在给手机充",
                "电",
                0,
                Some("器插上插头一二三四五六七"),
                None,
                (Break, Reason::ShortLine),
            ),
            // An opening dateline, the reporter's credit in brackets, and
            // the story's first sentence are one paragraph.
            (
                "中新社西安2月17日电",
                "（记者曹帆然）",
                0,
                Some("这包括了所有修"),
                Some(FULL),
                (Join, Reason::DatelineCredit),
            ),
            (
                "（记者曹帆然）",
                "这包括了所有修",
                0,
                Some(FULL),
                Some("中新社西安2月17日电"),
                (Join, Reason::DatelineCredit),
            ),
            (
                "（记者曹帆然）",
                "这包括了所有修",
                0,
                Some(FULL),
                None,
                (Break, Reason::Furniture(Furniture::Dateline)),
            ),
            // A label cut after its colon runs on into what it labels.
            (
                "来源：",
                "中国青年报",
                0,
                None,
                Some(FULL),
                (Join, Reason::LabelRunsOn),
            ),
            // A bracketed photo credit closes the caption before it, on the
            // caption's first line or a later one.
            (
                "图为一二三四五六七八九十。",
                "（新华社记者 张三 摄）",
                0,
                None,
                None,
                (Join, Reason::CaptionRunsOn),
            ),
            (
                "七八九十。",
                "（新华社记者 张三 摄）",
                0,
                None,
                Some("图为一二三四五六七八九十一二三四五六"),
                (Join, Reason::CaptionRunsOn),
            ),
            // A whole bracketed photo credit after any sentence end closes
            // a caption whose first line is out of reach; a bracketed
            // dateline there stands alone.
            (
                "技术人员正在巡检服务器。",
                "（新华社记者 张三 摄）",
                0,
                None,
                Some("七八九十一二三四五六，"),
                (Join, Reason::CaptionRunsOn),
            ),
            (
                "技术人员正在巡检服务器。",
                "（新华社北京1月28日电）",
                0,
                None,
                Some("七八九十一二三四五六，"),
                (Break, Reason::Furniture(Furniture::Dateline)),
            ),
            // A credit cut inside its bracket still closes the caption.
            (
                "图为一二三四五六七八九十。",
                "（新华社记者",
                0,
                Some("张三 摄）"),
                None,
                (Join, Reason::CaptionRunsOn),
            ),
            // After a sentence end, a full line without marks before a line
            // 2 em short that stops mid-word: a subhead.
            (
                "一二三四五六七八九十一二三。",
                FULL,
                0,
                Some("一二三四五六七八九十一二"),
                Some(FULL),
                (Break, Reason::NextIsSubhead),
            ),
            // Or before the subhead's own last line, short and without a
            // mark either (a subhead set on two lines in a narrow column)…
            (
                "一二三四五六七八九十一二三。",
                FULL,
                0,
                Some("一二三四五六"),
                Some(FULL),
                (Break, Reason::NextIsSubhead),
            ),
            // …not one that ends with a function word, which runs on.
            (
                "一二三四五六七八九十一二三。",
                FULL,
                0,
                Some("一二三四五六七是来源于"),
                Some(FULL),
                (Join, Reason::FullLineSentenceEnd),
            ),
            // It may hold a colon (`第二阶段：引载加载程序`)…
            (
                "一二三四五六七八九十一二三。",
                "第二阶段：六七八九十一二三四",
                0,
                Some("一二三四五六七八九十一二"),
                Some(FULL),
                (Break, Reason::NextIsSubhead),
            ),
            // …but a comma says prose.
            (
                "一二三四五六七八九十一二三。",
                "第二阶段，六七八九十一二三四",
                0,
                Some("一二三四五六七八九十一二"),
                Some(FULL),
                (Join, Reason::FullLineSentenceEnd),
            ),
            // A kicker above the headline that a byline follows.
            (
                "聚焦数字化转型",
                "基础软件包管理操作",
                0,
                Some("□本报记者 张三"),
                None,
                (Break, Reason::KickerBeforeHeadline),
            ),
            // A headline before a story's opening dateline ends there.
            (
                "一二三四五六",
                "本报北京1月28日电",
                0,
                Some(FULL),
                None,
                (Break, Reason::BeforeDateline),
            ),
            // A short unmarked line opening its block before a line 2 em
            // short of the full line after it: a heading, not a first line.
            (
                "一二三四五六七八九十",
                "一二三四五六七八九十一二",
                0,
                Some(FULL),
                None,
                (Break, Reason::ShortHeading),
            ),
            // A full line without a mark, a blank line, then a line 2 em
            // short before a full one: the paragraph ended before the blank.
            (
                FULL,
                "一二三四五六七八九十一二",
                1,
                Some(FULL),
                Some(FULL),
                (Break, Reason::BlankBeforeFirstLine),
            ),
            // A printed line cut before a quote after a sentence end: the
            // quoted piece fills it and stops mid-word before a full line.
            (
                "一二三四五六。",
                "“七”八九十一",
                0,
                Some(FULL),
                Some(FULL),
                (Join, Reason::QuoteAfterSentence),
            ),
            // Across a column break, a line more than three columns wide
            // is a paragraph, not printed lines run together: it does not
            // run on into the full line after the blank (once it did, and
            // settling then joined one more paragraph per round).
            (
                "一二三四五六七八九十，一二三四五六七八九十，一二三四五六七八九十，一二三四五六七八九十，一二三",
                FULL,
                1,
                Some(FULL),
                None,
                (Break, Reason::WiderThanColumn),
            ),
            // Two printed lines run together (wider than the column, with
            // a mark, stopping mid-word) go on; a headline has no mark.
            (
                "一二三四五六七八九十，一二三四五六七八九十一二三四",
                FULL,
                0,
                Some(FULL),
                None,
                (Join, Reason::OverlongRunsOn),
            ),
            (
                "一二三四五六七八九十一二三四五六七八九十一二三四",
                FULL,
                0,
                Some(FULL),
                None,
                (Break, Reason::WiderThanColumn),
            ),
            // Wider than the column by no more than its Latin text: a path
            // that did not break pushed the line past the edge; it is full.
            (
                "请查看 /usr/share/doc/libpaper/changelog 文件",
                FULL,
                0,
                Some(FULL),
                None,
                (Join, Reason::FullLine),
            ),
            (
                "一二三四五六七 /usr/share/doc/libpaper/changelog",
                FULL,
                0,
                Some(FULL),
                None,
                (Join, Reason::FullLine),
            ),
            (
                FULL,
                "请查看 /usr/share/doc/libpaper/changelog 文件",
                0,
                Some(FULL),
                None,
                (Join, Reason::FullLine),
            ),
            // A stretched line set one glyph a line, its full stop among them.
            (
                "。",
                "你",
                0,
                Some("必"),
                Some("错"),
                (Join, Reason::Fragment),
            ),
            // A glyph opening a block before a Latin word alone on its line.
            (
                "在",
                "Debian",
                0,
                Some("GNU/Linux 系统中打包"),
                None,
                (Join, Reason::Fragment),
            ),
            // Across a blank line (a stretched space): a Latin word alone,
            // or two glyphs opening a block.
            (
                "为",
                "debian/changelog",
                1,
                Some("和"),
                Some(FULL),
                (Join, Reason::FragmentAcrossBlank),
            ),
            (
                "标",
                "准",
                1,
                Some("（Standard）软件包"),
                None,
                (Join, Reason::FragmentAcrossBlank),
            ),
            // ASCII punctuation is not widened: 2.5 em short is short.
            (
                "见 /usr/share/doc/x/。",
                FULL,
                0,
                Some(FULL),
                Some(FULL),
                (Break, Reason::ShortLine),
            ),
            // Wider by more than its Latin text: a headline after all.
            (
                "一二三四五六七八九十一二三四五六七 GNU/Linux 发行版",
                FULL,
                0,
                Some(FULL),
                None,
                (Break, Reason::WiderThanColumn),
            ),
            // A glyph, a blank line (a stretched space) and a short piece
            // of the same printed line.
            (
                "和",
                "Debian",
                1,
                Some("GNU/Linux 系统上的"),
                Some(FULL),
                (Join, Reason::FragmentAcrossBlank),
            ),
            // The bracketed credit on a caption's second line closes it.
            (
                "七八九十。（新华社记者 张三 摄）",
                FULL,
                0,
                Some(FULL),
                Some("图为一二三四五六七八九十一二三四五六"),
                (Break, Reason::Furniture(Furniture::Caption)),
            ),
            // So does a credit whose opening bracket was cut onto the line before.
            (
                "新社记者 江哲军 摄）",
                FULL,
                0,
                Some(FULL),
                Some("（中"),
                (Break, Reason::Furniture(Furniture::Caption)),
            ),
            // A bracketed remark after a sentence stays; `（完）` stands alone.
            (
                "一二三四五。",
                "（另请参见第7.8节）一二三四",
                0,
                None,
                Some(FULL),
                (Join, Reason::BracketAfterSentence),
            ),
            (
                "一二三四五。",
                "（完）",
                0,
                None,
                Some(FULL),
                (Break, Reason::ShortLine),
            ),
            // After a line that ends a sentence at the column, a line that
            // fills the column with a question is a subhead set flush; one
            // that ends a sentence otherwise goes on with the paragraph.
            (
                "一二三四五六七八九十一二三。",
                "一二三四五六七八九十一二三？",
                0,
                Some(FULL),
                Some(FULL),
                (Break, Reason::NextIsQuestion),
            ),
            (
                "一二三四五六七八九十一二三。",
                "一二三四五六七八九十一二三。",
                0,
                Some(FULL),
                Some(FULL),
                (Join, Reason::FullLineSentenceEnd),
            ),
            // So does a question set on two lines, the first full and
            // stopping mid-word (`如何在不牺牲安全性的情况下提供` |
            // `对硬件外设的访问？`); a sentence that goes on past the next
            // line goes on with the paragraph.
            (
                "一二三四五六七八九十一二三。",
                FULL,
                0,
                Some("一二三四？"),
                Some(FULL),
                (Break, Reason::NextIsQuestion),
            ),
            (
                "一二三四五六七八九十一二三。",
                FULL,
                0,
                Some("一二三四。"),
                Some(FULL),
                (Join, Reason::FullLineSentenceEnd),
            ),
            // Such a question opening its block is a subhead: the paragraph
            // after it does not run into it. A question that fills the last
            // line of a paragraph goes on as any sentence does.
            (
                "一二三四五六七八九十一二三？",
                FULL,
                0,
                Some(FULL),
                None,
                (Break, Reason::QuestionHeading),
            ),
            (
                "一二三四五六七八九十一二三？",
                FULL,
                0,
                Some(FULL),
                Some(FULL),
                (Join, Reason::FullLineSentenceEnd),
            ),
            // (A question after it goes on with the same heading.)
            (
                "一二三四五六七八九十一二三？",
                "一二三四五？",
                0,
                Some(FULL),
                None,
                (Join, Reason::FullLineSentenceEnd),
            ),
            // PyMuPDF cut a stretched printed line at a word space and left
            // the space at the cut: the line goes on. Without the space, a
            // short line ends its paragraph.
            (
                "一 Debian ",
                "Developer（DD）",
                0,
                None,
                Some("一二三四五六七八九十一二三。"),
                (Join, Reason::WordSpaceLeft),
            ),
            (
                "一 Debian",
                "Developer（DD）",
                0,
                None,
                Some("一二三四五六七八九十一二三。"),
                (Break, Reason::ShortLine),
            ),
            // A line that justification spread (`fit`) and that ends a
            // sentence was stretched for the word that opens the next
            // line; before an ideograph, OCR spread it, and it is judged
            // by its width: a paragraph's last line is not justified.
            (
                "一 二 三 四 五 六 七 八 九 十 。",
                "Debian 是一个自由的操作系统，由",
                0,
                Some(FULL),
                Some(FULL),
                (Join, Reason::StretchedLine),
            ),
            (
                "一 二 三 四 五 六 七 八 九 十 。",
                "四五六七八九十一二三四五六七",
                0,
                Some(FULL),
                Some(FULL),
                (Break, Reason::ShortLine),
            ),
            // Before a word that would have fitted (with a word space to
            // spare), it was not stretched for it.
            (
                "一 二 三 四 五 六 。",
                "Debian 是一个自由的操作系统，由",
                0,
                Some(FULL),
                Some(FULL),
                (Break, Reason::ShortLine),
            ),
            // Nor is it stretched before a first line short by its lost
            // indent, OCR spreads any line...
            (
                "一 二 三 四 五 六 七 八 九 十 一 二 三 。",
                "三四五六七八九十一二三四",
                0,
                Some(FULL),
                Some(FULL),
                (Break, Reason::NextShortByIndent),
            ),
            // ...unless a word that did not fit explains that line's
            // shortness, and the spread line had room to be stretched.
            (
                "一 二 三 四 五 六 七 八 九 十 一 二 。",
                "三四五六七八九十一二三四",
                0,
                Some("Debian 是一个自由的操作系统"),
                Some(FULL),
                (Join, Reason::StretchedLine),
            ),
            // One as full as set had none: OCR spread it, and it is read
            // as if it were not spread.
            (
                "一 二 三 四 五 六 七 八 九 十 一 二 三 。",
                "三四五六七八九十一二三四",
                0,
                Some("Debian 是一个自由的操作系统"),
                Some(FULL),
                (Break, Reason::NextShortByIndent),
            ),
            (
                "一二三四五六七八九十一二三。",
                "三四五六七八九十一二三四",
                0,
                Some("Debian 是一个自由的操作系统"),
                Some(FULL),
                (Break, Reason::NextShortByIndent),
            ),
            // A spread line well short of the column before a line of
            // ideographs that is not spread was spread by OCR (a heading),
            // not stretched to the column: judged by its width.
            (
                "一 二 三 四",
                "一二三四五六七八九十一二三四",
                0,
                Some(FULL),
                None,
                (Break, Reason::ShortLine),
            ),
            // A word of 3 em does not explain a stretch of 10: judged by
            // its width, a line that stops mid-sentence runs on. Before a
            // glyph alone, it is a piece of a stretched line.
            (
                "一 二 三 四",
                "Debian 是一个自由的操作系统",
                0,
                Some(FULL),
                Some(FULL),
                (Join, Reason::SentenceRunsThrough),
            ),
            (
                "一 二 三 四",
                "五",
                0,
                Some(FULL),
                Some(FULL),
                (Join, Reason::FullLine),
            ),
            // Code and tables are kept line for line.
            (
                "    let x = 1;",
                "    let y = 2;",
                0,
                None,
                None,
                (Keep, Reason::Preformatted),
            ),
        ];
        // Every failing row is listed, not just the first.
        let failures: Vec<String> = rows
            .iter()
            .enumerate()
            .filter_map(|(i, &(prev, next, blanks, after, before, expected))| {
                let got = decide_pair(prev, next, blanks, after, before);
                (got != expected).then(|| {
                    format!("row {i}: {prev:?} | {next:?}: {got:?}, expected {expected:?}")
                })
            })
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn a_pause_mark_after_a_sentence_end_is_a_speck_not_kinsoku() {
        // OCR reads specks in a margin as marks: `，` opening the line after
        // a sentence's end closes nothing of it, and the short line still
        // ends its paragraph.
        for (prev, next) in [
            ("一二三四五六七八九十。", "，十一二三四五六七八九"),
            ("一二三四五六七八九十？", "、十一二三四五六七八九"),
        ] {
            assert_eq!(
                decide_pair(prev, next, 1, None, None),
                (Action::Break, Reason::ShortLine),
                "{prev} {next}"
            );
        }
        // After a closing quote or mid-sentence the mark is the text's own.
        for prev in ["一二三四五六七八九十。”", "一二三四五六七八九十"] {
            assert_eq!(
                decide_pair(prev, "，十一二三四五六七八九", 1, None, None),
                (Action::Join, Reason::NextStartsWithClosing),
                "{prev}"
            );
        }
        // So is a closing mark after a sentence end.
        assert_eq!(
            decide_pair(
                "一二三四五六七八九十。",
                "”十一二三四五六七八九",
                1,
                None,
                None
            ),
            (Action::Join, Reason::NextStartsWithClosing)
        );
    }

    #[test]
    fn after_a_sentence_end_a_last_piece_needs_pieces_before() {
        // `过时，` | `并被存档。` | `欲了解更多` | `信息，请阅读…`: the pieces
        // fill the printed line, and the line after is full.
        let (before, prev, next) = (
            line("一二三，", 0),
            line("四五六七。", 0),
            line("八九十一二", 0),
        );
        let after = line(FULL, 0);
        let ctx = BreakContext {
            prev: &prev,
            next: &next,
            column: Some(24),
            next_column: Some(24),
            joined_before: Some(&before),
            brackets_before: before.brackets,
            after_header: false,
            after_next: Some(&after),
            pieces_before: Some(&before),
            openings: Openings::LostIndent,
            blank_lines: BlankLines::Breaks,
        };
        assert_eq!(decide(&ctx), (Action::Join, Reason::LastPiece));
        // Without the pieces before, `八九十一二` may be a heading.
        let ctx = BreakContext {
            pieces_before: None,
            openings: Openings::LostIndent,
            blank_lines: BlankLines::Breaks,
            ..ctx
        };
        assert_eq!(decide(&ctx), (Action::Break, Reason::ShortLine));
    }

    #[test]
    fn a_sentence_end_short_of_the_column_ends_a_flush_paragraph() {
        // A 14-em column of paragraphs set flush: a sentence that ends 1 em
        // short, with room for the next line's first character, ends its
        // paragraph; one that fills the column, or leaves too little room
        // for the Latin word that opens the next line, does not. (The line
        // before is as wide: nothing to read from it.)
        let full = line("一二三四五六七八九十一二三", 0);
        let after = line(FULL, 0);
        let decide_flush = |prev: &str, next: &str, openings| {
            let (prev, next) = (line(prev, 0), line(next, 0));
            decide(&BreakContext {
                prev: &prev,
                next: &next,
                column: Some(28),
                next_column: Some(28),
                joined_before: Some(&full),
                brackets_before: 0,
                after_header: false,
                after_next: Some(&after),
                pieces_before: None,
                openings,
                blank_lines: BlankLines::Breaks,
            })
        };
        let short = "一二三四五六七八九十一二。";
        assert_eq!(
            decide_flush(short, FULL, Openings::Flush),
            (Action::Break, Reason::FlushLastLine)
        );
        assert_eq!(
            decide_flush(short, FULL, Openings::LostIndent),
            (Action::Join, Reason::FullLineSentenceEnd)
        );
        assert_eq!(
            decide_flush("一二三四五六七八九十一二三。", FULL, Openings::Flush),
            (Action::Join, Reason::FullLineSentenceEnd)
        );
        assert_eq!(
            decide_flush(short, "Architecture 一二三四五六七", Openings::Flush),
            (Action::Join, Reason::FullLineSentenceEnd)
        );
    }

    #[test]
    fn a_first_line_ending_in_a_latin_word_counts_its_lost_indent() {
        // `Debian` | `GNU/Linux 发行版有`: with its 2-em indent the first line
        // had no room for `GNU/Linux`, so it was full.
        let next = line("GNU/Linux 发行版有一个", 0);
        let after = line("一二三四五六七八九", 0);
        let decide_after = |prev: &Line| {
            decide(&BreakContext {
                prev,
                next: &next,
                column: Some(18),
                next_column: Some(18),
                joined_before: None,
                brackets_before: 0,
                after_header: false,
                after_next: Some(&after),
                pieces_before: None,
                openings: Openings::LostIndent,
                blank_lines: BlankLines::Breaks,
            })
        };
        assert_eq!(decide_after(&line("Debian", 0)).0, Action::Join);
        // A kicker or heading ends with an ideograph: still short.
        assert_eq!(decide_after(&line("本报专访", 0)).0, Action::Break);
    }

    #[test]
    fn pieces_without_a_column_run_on_mid_word() {
        let decide_pieces = |prev: &str, next: &str, before: Option<&str>, after: &str| {
            let (prev, next, after) = (line(prev, 0), line(next, 0), line(after, 0));
            let before = before.map(|t| line(t, 0));
            decide(&BreakContext {
                prev: &prev,
                next: &next,
                column: None,
                next_column: None,
                joined_before: before.as_ref(),
                brackets_before: before.map_or(0, |b| b.brackets),
                after_header: false,
                after_next: Some(&after),
                pieces_before: None,
                openings: Openings::LostIndent,
                blank_lines: BlankLines::Breaks,
            })
        };
        // Goes on with the piece joined before it and stops mid-word.
        assert_eq!(
            decide_pieces("包含了可执行文", "件、", Some("二进制包，"), "配置文件、"),
            (Action::Join, Reason::PieceRunsOn)
        );
        // Opens its block, before a piece cut at a mark mid-sentence.
        assert_eq!(
            decide_pieces("这些改", "进一直都在进行，", None, "对第一"),
            (Action::Join, Reason::PieceRunsOn)
        );
        // Before a line that ends a sentence it may be a kicker before its
        // headline; a short list is kept.
        assert_eq!(
            decide_pieces("科技前沿", "我要如何建立软件仓库？", None, "——副标题"),
            (Action::Keep, Reason::NotWrapped)
        );
        assert_eq!(
            decide_pieces("苹果", "香蕉", None, "橘子"),
            (Action::Keep, Reason::NotWrapped)
        );
    }

    #[test]
    fn a_full_line_between_blank_lines_is_a_subhead() {
        let decide_between_blanks = |prev: &str| {
            let (prev, next) = (line(prev, 1), line(FULL, 1));
            let after = line(FULL, 0);
            decide(&BreakContext {
                prev: &prev,
                next: &next,
                column: Some(28),
                next_column: Some(28),
                joined_before: None,
                brackets_before: 0,
                after_header: false,
                after_next: Some(&after),
                pieces_before: None,
                openings: Openings::LostIndent,
                blank_lines: BlankLines::Breaks,
            })
        };
        assert_eq!(
            decide_between_blanks(FULL),
            (Action::Break, Reason::Heading)
        );
        // With a comma it is a paragraph's line cut off by a column break.
        assert_eq!(
            decide_between_blanks("一二三四五六，八九十一二三四"),
            (Action::Join, Reason::FullLineAcrossBlank)
        );
    }

    #[test]
    fn no_column_keeps_the_break() {
        let (prev, next) = (line("第一行", 0), line("第二行", 0));
        let ctx = BreakContext {
            prev: &prev,
            next: &next,
            column: None,
            next_column: None,
            joined_before: None,
            brackets_before: 0,
            after_header: false,
            after_next: None,
            pieces_before: None,
            openings: Openings::LostIndent,
            blank_lines: BlankLines::Breaks,
        };
        assert_eq!(decide(&ctx), (Action::Keep, Reason::NotWrapped));
        // A stretched line set one glyph a line leaves no column either, but
        // its glyphs run on.
        let (prev, next) = (line("网", 0), line("站", 0));
        let ctx = BreakContext {
            prev: &prev,
            next: &next,
            ..ctx
        };
        assert_eq!(decide(&ctx), (Action::Join, Reason::Fragment));
        // Pieces of a printed line cut at compressed marks run on
        // mid-sentence; a sentence end, or lines of verse, keep the break.
        for (prev, next, decision) in [
            (
                "还未发布的架构，",
                "它们初",
                (Action::Join, Reason::Fragment),
            ),
            ("目录，名为", "“sid”", (Action::Join, Reason::Fragment)),
            ("“稳定版”", "更频繁", (Action::Join, Reason::Fragment)),
            (
                "它会持续更新。",
                "对于那些",
                (Action::Keep, Reason::NotWrapped),
            ),
            (
                "床前明月光，",
                "疑是地上霜。",
                (Action::Keep, Reason::NotWrapped),
            ),
            // A narrow line holding a mark stops mid-sentence before one no
            // wider: it runs on; not before a wider one, nor without a mark.
            (
                "对于所有软件包，它们由",
                "作者记录在文件中",
                (Action::Join, Reason::NoColumnRunsOn),
            ),
            (
                "对于所有软件包，它们由",
                "作者记录在文件中作者记录在文件中",
                (Action::Keep, Reason::NotWrapped),
            ),
            (
                "对于所有软件包它们由",
                "作者记录在文件中",
                (Action::Keep, Reason::NotWrapped),
            ),
            // A line that ends with the particle `的` runs on, whatever the
            // widths: its noun follows.
            (
                "对于所有软件包它们的",
                "作者都记录在文件作者都记录在文件",
                (Action::Join, Reason::NounFollows),
            ),
            // (A word's tail opens the next line: that rule comes first.)
            (
                "帮助用户选择适当的矢量字",
                "体，并清楚的理解排版指",
                (Action::Join, Reason::OpensMidPhrase),
            ),
            (
                "多个软件包应使用半角",
                "逗号分隔。",
                (Action::Join, Reason::NoColumnRunsOn),
            ),
            (
                "多个软件包应使用半角",
                "个目录。",
                (Action::Keep, Reason::NotWrapped),
            ),
        ] {
            let (prev, next) = (line(prev, 0), line(next, 0));
            let ctx = BreakContext {
                prev: &prev,
                next: &next,
                ..ctx
            };
            assert_eq!(decide(&ctx), decision, "{prev:?}");
        }
    }
}
