#!/usr/bin/env python3
"""Generate tests/corpus/wrapped/: the real prose of flowing/ hard-wrapped as a book, a manual
or a word processor's plain-text export would be, with a label for every break.

WHAT IT DOES
  Takes the paragraphs of flowing/fNN.expected.txt (real Chinese prose from Debian documentation
  packages, see ../README.md) and wraps each at a fixed column width, the way a browser or a
  typesetter breaks lines:
    - a break may fall between two wide characters, at a space, or between a wide character and
      a Latin word; a run of ASCII letters, digits and path/URL punctuation is never split;
    - kinsoku: a closing or pause mark (，。、；：？！）」』”》…) never starts a line; it hangs at
      the end of the line before (up to 1 em past the column, as punctuation compression allows);
      an opening mark (（「『“《) never ends a line;
    - spaces at a line's end are dropped.
  Short lines that do not end a sentence (headings, bylines, running headers) are set alone and
  never wrapped. Three styles of paragraph opening, one per page in turn:
    flush  - no indent at all (books and manuals set in one wide column);
    lost   - a 2-em indent that the extraction lost: the first line is 2 em shorter;
    kept   - the 2-em indent kept as two U+3000 (word processors, text renderers).
  Column widths cycle through 12, 16, 22 and 30 em. Labels: `break` after the last line of every
  paragraph, `join` inside it. NAME.expected.txt joins as tests/corpus's other splits do (no
  space, or one where both sides are ASCII letters or digits).

RERUN
  python3 tests/corpus/tools/wrap_prose.py [--out tests/corpus/wrapped]
  Deterministic: no randomness, only the committed flowing/ pages as input.
"""
import argparse, glob, json, os, unicodedata

WIDTHS_EM = [12, 16, 22, 30]
STYLES = ['flush', 'lost', 'kept']
NO_START = set('，。、；：？！）」』”’》】〕…,.;:?!)')
NO_END = set('（「『“‘《【〔(')
SENTENCE_END = tuple('。！？…”」』）')
ASCII_WORD = set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:-~+#@%&=*\'"')


def width(c):
    return 2 if unicodedata.east_asian_width(c) in 'WF' else 1


def tokens(text):
    """Unbreakable tokens: a run of ASCII word characters, a space, or one other character."""
    out, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and text[j] in ASCII_WORD:
            j += 1
        if j > i:
            out.append(text[i:j])
            i = j
        else:
            out.append(text[i])
            i += 1
    return out


def wrap(paragraph, column, first_short):
    """Lines of `paragraph` wrapped at `column` half-em; the first line `first_short` shorter."""
    lines, cur, cur_w = [], [], first_short
    for tok in tokens(paragraph):
        w = sum(width(c) for c in tok)
        if tok == ' ' and not cur:
            continue  # no space at a line's start
        fits = cur_w + w <= column
        hangs = tok[0] in NO_START and cur_w + w <= column + 2
        if cur and not fits and not hangs:
            # An opening mark never ends a line: carry it over.
            carry = []
            while cur and cur[-1] in NO_END:
                carry.insert(0, cur.pop())
            lines.append(''.join(cur).rstrip(' '))
            cur = carry
            cur_w = sum(width(c) for t in cur for c in t)
            if tok == ' ':
                continue
        cur.append(tok)
        cur_w += w
    if cur:
        lines.append(''.join(cur).rstrip(' '))
    return [l for l in lines if l]


def is_prose(p):
    return len(p) >= 20 and p.endswith(SENTENCE_END)


def joined(a, b):
    """How tests/corpus's expected files join two lines of a paragraph."""
    a, b = a.rstrip(), b.lstrip()
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return a + ' ' + b
    return a + b


def write_page(out, name, text, expected, source, note, points):
    """Writes NAME.txt, NAME.expected.txt and NAME.labels.json into `out`, as every split of
    tests/corpus has them (also used by render_text.py)."""
    with open(os.path.join(out, name + '.txt'), 'w', encoding='utf-8') as f:
        f.write(text)
    with open(os.path.join(out, name + '.expected.txt'), 'w', encoding='utf-8') as f:
        f.write(expected)
    with open(os.path.join(out, name + '.labels.json'), 'w', encoding='utf-8') as f:
        json.dump({'source': os.path.basename(source), 'note': note, 'points': points},
                  f, ensure_ascii=False, indent=1)
        f.write('\n')


HERE = os.path.dirname(os.path.abspath(__file__))


def setup(split):
    """The command line of a tool that writes a split from the flowing pages:
    its output directory (`--out`, default `../SPLIT`, created) and the
    flowing pages' expected texts, in order."""
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default=os.path.join(HERE, '..', split))
    out = ap.parse_args().out
    os.makedirs(out, exist_ok=True)
    return out, sorted(glob.glob(os.path.join(HERE, '..', 'flowing', 'f*.expected.txt')))


def main():
    out, sources = setup('wrapped')
    pages = 0
    for k in range(len(WIDTHS_EM) * len(STYLES)):
        source = sources[k % len(sources)]
        style = STYLES[k % len(STYLES)]
        column = 2 * WIDTHS_EM[k // len(STYLES)]
        paragraphs = [l.strip() for l in open(source, encoding='utf-8') if l.strip()]
        lines, labels, expected = [], [], []
        for p in paragraphs:
            if is_prose(p):
                indent = 4 if style in ('lost', 'kept') else 0
                body = wrap(p, column, indent)
                if style == 'kept':
                    body[0] = '\u3000\u3000' + body[0]
            else:
                body = [p]
            for i, line in enumerate(body):
                if lines:
                    labels.append('join' if i > 0 else 'break')
                lines.append(line)
            para = body[0]
            for line in body[1:]:
                para = joined(para, line)
            expected.append(para)
        points = [
            {'after_line': i + 1, 'before_line': i + 2, 'blank_lines_between': 0, 'label': lab}
            for i, lab in enumerate(labels)
        ]
        note = (f'{os.path.basename(source)} wrapped at {column // 2} em, style {style} '
                f'(tests/corpus/tools/wrap_prose.py)')
        write_page(out, f'w{k + 1:02d}', '\n'.join(lines) + '\n',
                   '\n\n'.join(expected) + '\n', source, note, points)
        pages += 1
    print(f'{pages} pages written to {out}')


if __name__ == '__main__':
    main()
