#!/usr/bin/env python3
"""Score simple baselines on every split of tests/corpus (micro-averaged over pages) and check that
each NAME.expected.txt scores F1=1.000 against its labels (same rules as shared/tools/score-labels.py).

usage: python3 tests/corpus/tools/baselines.py [CORPUS_DIR]
Baselines:
  keep-lines    every line end is a paragraph break
  blank-blocks  join lines inside blank-line-separated blocks (Markdown-style)
  punct         join unless the line ends with 。！？…” (and breaks at blank lines are ignored)
"""
import glob, json, os, re, sys


def nows(s):
    return ''.join(s.split())


def score(inp, lab, out):
    """Return (tp, fp, fn, text_ok) exactly like score-labels.py."""
    if nows(inp) != nows(out):
        return 0, 0, 0, False
    ends, n = {}, 0
    for i, l in enumerate(inp.split('\n'), 1):
        n += len(nows(l))
        ends[i] = n
    outb, n = set(), 0
    for l in out.split('\n'):
        if l.strip():
            n += len(nows(l))
            outb.add(n)
    tp = fp = fn = 0
    for p in lab['points']:
        if p['label'] == 'either':
            continue
        pred = ends[p['after_line']] in outb
        gold = p['label'] == 'break'
        tp += pred and gold
        fp += pred and not gold
        fn += gold and not pred
    return tp, fp, fn, True


def keep_lines(t):
    return '\n'.join(l for l in t.split('\n') if l.strip())


def blank_blocks(t):
    blocks = re.split(r'\n\s*\n', t)
    return '\n'.join(''.join(l.strip() for l in b.split('\n')) for b in blocks if b.strip())


def punct(t):
    out, cur = [], ''
    for l in t.split('\n'):
        if not l.strip():
            continue
        cur += l.strip()
        if re.search(r'[。！？…”」]$', cur):
            out.append(cur)
            cur = ''
    if cur:
        out.append(cur)
    return '\n'.join(out)


def f1(tp, fp, fn):
    P = tp / (tp + fp) if tp + fp else 1
    R = tp / (tp + fn) if tp + fn else 1
    return 2 * P * R / (P + R) if P + R else 0


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
    systems = {'keep-lines': keep_lines, 'blank-blocks': blank_blocks, 'punct': punct}
    print(f'{"split":15s} {"pages":>5s} {"points":>6s} {"expected":>8s} ' + ' '.join(f'{s:>12s}' for s in systems))
    bad = 0
    for d in sorted(glob.glob(os.path.join(root, '*/'))):
        files = sorted(f for f in glob.glob(d + '*.txt') if not f.endswith('.expected.txt'))
        files = [f for f in files if os.path.exists(f[:-4] + '.labels.json')]
        if not files:
            continue
        tot = {s: [0, 0, 0] for s in list(systems) + ['expected']}
        npts = 0
        for f in files:
            inp = open(f, encoding='utf-8').read()
            lab = json.load(open(f[:-4] + '.labels.json', encoding='utf-8'))
            npts += len(lab['points'])
            exp = open(f[:-4] + '.expected.txt', encoding='utf-8').read()
            tp, fp, fn, ok = score(inp, lab, exp)
            if not ok or fp or fn:
                bad += 1
                print('  EXPECTED MISMATCH', f)
            for k, v in zip(tot['expected'], (tp, fp, fn)):
                pass
            tot['expected'] = [a + b for a, b in zip(tot['expected'], (tp, fp, fn))]
            for s, fn_ in systems.items():
                tp, fp, fn, ok = score(inp, lab, fn_(inp))
                assert ok, (s, f)
                tot[s] = [a + b for a, b in zip(tot[s], (tp, fp, fn))]
        name = os.path.basename(d.rstrip('/'))
        print(f'{name:15s} {len(files):5d} {npts:6d} {f1(*tot["expected"]):8.3f} ' +
              ' '.join(f'{f1(*tot[s]):12.3f}' for s in systems))
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
