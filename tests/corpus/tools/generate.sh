#!/usr/bin/env bash
# Regenerate the labelled extracted-newspaper-page corpus in tests/corpus/.
#
# Installs (Debian 12 "bookworm", run as root):
#   apt: chromium fonts-noto-cjk poppler-utils tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra
#        debian-reference-zh-cn debian-reference-zh-tw debian-faq-zh-cn maint-guide-zh-cn
#        maint-guide-zh-tw debian-edu-doc-zh-cn
#   pip: pymupdf pdfminer.six
# Then runs generate.py (fixed seed, see SEED there) and the baseline/expected-file check.
# Other pages from another seed (not into tests/corpus; evaluate with CJK_REFLOW_CORPUS=DIR):
#   python3 generate.py --seed N --out DIR
# Takes roughly 15-25 minutes on 2 cores (OCR is most of it); pass --no-ocr to skip OCR.
# CI does not run this: it uses the committed output.
#
#   bash generate.sh --xelatex       regenerates only the held-out xelatex/ split (generate_xelatex.py;
#                                    also installs texlive-xetex texlive-lang-chinese texlive-latex-extra lmodern)
#   bash generate.sh --xelatex-dev   regenerates only the development split xelatex-dev/ (same typesetting,
#                                    prose from the Chromium splits)
#   bash generate.sh --xelatex-all   regenerates both XeLaTeX splits
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
XELATEX_DEV_ARGS=(--split xelatex-dev --prose chromium --seed 20270311 --pages 16)
case "${1:-}" in --xelatex|--xelatex-dev|--xelatex-all)
  mode="$1"
  shift
  if [ "${SKIP_INSTALL:-0}" != 1 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -q --no-install-recommends \
      texlive-xetex texlive-lang-chinese texlive-latex-extra lmodern fonts-noto-cjk poppler-utils \
      debian-reference-zh-cn debian-reference-zh-tw debian-faq-zh-cn maint-guide-zh-cn \
      maint-guide-zh-tw debian-edu-doc-zh-cn
    python3 -m pip install -q pymupdf
  fi
  if [ "$mode" != --xelatex-dev ]; then
    python3 "$here/generate_xelatex.py" --out "$here/.." "$@"
  fi
  if [ "$mode" != --xelatex ]; then
    python3 "$here/generate_xelatex.py" --out "$here/.." "${XELATEX_DEV_ARGS[@]}" "$@"
  fi
  python3 "$here/baselines.py" "$here/.."
  exit;;
esac
if [ "${SKIP_INSTALL:-0}" != 1 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -q --no-install-recommends \
    chromium fonts-noto-cjk poppler-utils tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra \
    debian-reference-zh-cn debian-reference-zh-tw debian-faq-zh-cn maint-guide-zh-cn \
    maint-guide-zh-tw debian-edu-doc-zh-cn
  python3 -m pip install -q pymupdf pdfminer.six
fi
python3 "$here/generate.py" --out "$here/.." "$@" 2> >(grep -v 'FontBBox' >&2)
python3 "$here/baselines.py" "$here/.."
