#!/usr/bin/env python3
"""Generate tests/corpus/rendered/: the real prose of flowing/ as HTML, dumped to plain text by
text-mode browsers, with a label for every break.

WHAT IT DOES
  Takes the paragraphs of flowing/fNN.expected.txt (real Chinese prose from Debian documentation
  packages, see ../README.md), writes each page as HTML (one <p> per paragraph, furniture lines
  included) and dumps it with a real text renderer, one of four in turn:
    w3m -dump -cols 40 | 60 | 80   wraps Chinese at the width (a full line is 20, 30 or 40 em),
                                   with a blank line between paragraphs and, now and then, a
                                   pause mark at the start of a line;
    lynx -dump -width=60           breaks lines only where a space stood (beside Latin words and
                                   numbers) or, past its width, anywhere: lines of any width,
                                   indented three spaces, a blank line between paragraphs.
  Labels come from the text itself: the renderers only add whitespace, so the non-whitespace
  characters of the dump are those of the paragraphs in order (checked; a page where they are not
  is dropped and counted), and a break is `break` where the characters before it end a paragraph,
  `join` elsewhere. NAME.expected.txt joins each paragraph's lines as the other splits do.

INSTALLS
  apt-get install w3m lynx   (Debian 12: w3m 0.5.3+git20230121, Lynx 2.9.0dev.12)

RERUN
  python3 tests/corpus/tools/render_text.py [--out tests/corpus/rendered]
  Deterministic: no randomness, only the committed flowing/ pages and the two renderers.
"""
import html, os, subprocess, tempfile

from wrap_prose import joined, setup, write_page

RENDERERS = [
    ('w3m, 40 columns', ['w3m', '-dump', '-cols', '40', '-I', 'utf-8', '-O', 'utf-8']),
    ('w3m, 60 columns', ['w3m', '-dump', '-cols', '60', '-I', 'utf-8', '-O', 'utf-8']),
    ('w3m, 80 columns', ['w3m', '-dump', '-cols', '80', '-I', 'utf-8', '-O', 'utf-8']),
    ('lynx, width 60', ['lynx', '-dump', '-width=60', '-display_charset=utf-8',
                        '-assume_charset=utf-8']),
]
PAGES = 12


def nows(s):
    return ''.join(s.split())


def label(text, paragraphs):
    """Break points between consecutive non-blank lines of `text`, labelled from `paragraphs`;
    None if the text is not the paragraphs' characters in order."""
    if nows(text) != ''.join(nows(p) for p in paragraphs):
        return None
    ends, n = set(), 0
    for p in paragraphs:
        n += len(nows(p))
        ends.add(n)
    lines = text.split('\n')
    points, n, prev, blanks = [], 0, None, 0
    for i, line in enumerate(lines, 1):
        if not line.strip():
            blanks += 1
            continue
        if prev is not None:
            points.append({'after_line': prev, 'before_line': i,
                           'blank_lines_between': blanks,
                           'label': 'break' if n in ends else 'join'})
        n += len(nows(line))
        prev, blanks = i, 0
    return points


def expected(text, points):
    lines = text.split('\n')
    paras, cur = [], None
    for p in points:
        line = lines[p['after_line'] - 1]
        cur = line.strip() if cur is None else joined(cur, line)
        if p['label'] == 'break':
            paras.append(cur)
            cur = None
    last = lines[points[-1]['before_line'] - 1] if points else text.strip()
    paras.append(last.strip() if cur is None else joined(cur, last))
    return '\n\n'.join(paras) + '\n'


def main():
    out, sources = setup('rendered')
    written = dropped = 0
    for k in range(PAGES):
        source = sources[k % len(sources)]
        name_of_renderer, command = RENDERERS[k % len(RENDERERS)]
        paragraphs = [l.strip() for l in open(source, encoding='utf-8') if l.strip()]
        body = '\n'.join(f'<p>{html.escape(p)}</p>' for p in paragraphs)
        page = f'<html><head><meta charset="utf-8"></head><body>\n{body}\n</body></html>\n'
        with tempfile.NamedTemporaryFile('w', suffix='.html', encoding='utf-8') as f:
            f.write(page)
            f.flush()
            text = subprocess.run(command + [f.name], check=True, capture_output=True,
                                  text=True, encoding='utf-8').stdout
        points = label(text, paragraphs)
        if points is None:
            dropped += 1
            print(f'dropped {os.path.basename(source)} ({name_of_renderer}): text changed')
            continue
        note = (f'{os.path.basename(source)} as HTML, dumped by {name_of_renderer} '
                f'(tests/corpus/tools/render_text.py)')
        write_page(out, f'r{k + 1:02d}', text, expected(text, points), source, note, points)
        written += 1
    print(f'{written} pages written, {dropped} dropped')


if __name__ == '__main__':
    main()
