#!/usr/bin/env bash
# Times `kommunrapport import FILE.pdf --format facts` against `pdftotext -layout FILE.pdf` on the
# corpus PDFs and on generated long reports (a rendition repeated to 100 and 500 pages), and
# prints, per file, the median wall time of each, their ratio and both peak memories, then the
# time each pipeline stage took.
#
# Usage: scripts/bench-pdf.sh [RUNS]        (default 3 runs per file; medians are reported)
# Needs: a release build (made here), pdftotext, pdfseparate and pdfunite (poppler-utils), qpdf,
# GNU time (`time`): all in scripts/debian-packages.txt.
# The target is a ratio within 1.3 and a peak memory that does not grow with the page count.
# The machine should be otherwise idle: the numbers are wall times.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shared=../shared/corpus/pdf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product kommunrapport >/dev/null
swift build -c release --product pdf-lines >/dev/null
bin=.build/release/kommunrapport
lines=.build/release/pdf-lines
gnutime=/usr/bin/time
[ -x "$gnutime" ] || { echo "bench-pdf: GNU time (/usr/bin/time, Debian package 'time') is needed" >&2; exit 1; }

# Long reports built from a rendition, page for page, two ways:
#  generated-N-pages: one document whose pages share their fonts, as a long report has (qpdf);
#  merged-N-pages: pages split out and united again, so every page brings its own copy of the
#  fonts, as an annual report stitched together from many boards' PDFs does (pdfseparate/pdfunite).
seed=corpus/pdf/002_941cf6f9d2df7b9f.pdf
pages_of() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
make_long() {  # make_long PAGES OUT
  local want=$1 out=$2 seedpages copies ranges=()
  seedpages=$(pages_of "$seed")
  copies=$(( (want + seedpages - 1) / seedpages ))
  for _ in $(seq "$copies"); do ranges+=("1-z"); done
  qpdf --empty --pages "$seed" "$(IFS=,; echo "${ranges[*]}")" -- "$work/long.pdf"
  qpdf --empty --pages "$work/long.pdf" "1-$want" -- "$out"
  rm -f "$work/long.pdf"
}
make_merged() {  # make_merged PAGES OUT
  local want=$1 out=$2
  make_long "$want" "$work/shared.pdf"
  pdfseparate "$work/shared.pdf" "$work/page-%d.pdf"
  local parts=()
  for i in $(seq "$want"); do parts+=("$work/page-$i.pdf"); done
  pdfunite "${parts[@]}" "$out"
  rm -f "$work"/page-*.pdf "$work/shared.pdf"
}
make_long 100 "$work/generated-100-pages.pdf"
make_long 500 "$work/generated-500-pages.pdf"
make_merged 500 "$work/merged-500-pages.pdf"

# median of numbers on stdin
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

measure() {  # measure OUTFILE command... ; prints "seconds peakKiB" medians
  local times=() mems=()
  for _ in $(seq "$runs"); do
    "$gnutime" -f "%e %M" -o "$work/t" "$@" >/dev/null 2>&1 || true
    read -r t m <"$work/t"
    times+=("$t")
    mems+=("$m")
  done
  echo "$(printf '%s\n' "${times[@]}" | median) $(printf '%s\n' "${mems[@]}" | median)"
}

# ours_s: the whole import; pdf_s: the PDF front-end alone (pdf-lines), to tell its share.
stages=()
printf '%-64s %5s %7s %7s %8s %6s %8s %8s\n' file pages ours_s pdf_s pdftotxt ratio ours_MiB ptt_MiB
files=()
for f in "$shared"/*.pdf; do [ -f "$f" ] && files+=("$f"); done
files+=("$work/generated-100-pages.pdf" "$work/generated-500-pages.pdf" "$work/merged-500-pages.pdf")
for f in "${files[@]}"; do
  read -r ours oursmem < <(measure "$bin" import "$f" --format facts)
  read -r front _ < <(measure "$lines" "$f")
  read -r ptt pttmem < <(measure pdftotext -layout "$f" /dev/null)
  ratio=$(awk -v a="$ours" -v b="$ptt" 'BEGIN { printf (b > 0 ? "%.2f" : "-"), a / b }')
  printf '%-64s %5s %7.2f %7.2f %8.2f %6s %8.1f %8.1f\n' "$(basename "$f" | cut -c1-64)" "$(pages_of "$f")" "$ours" "$front" "$ptt" "$ratio" \
    "$(awk -v k="$oursmem" 'BEGIN { print k / 1024 }')" "$(awk -v k="$pttmem" 'BEGIN { print k / 1024 }')"
  # Where the time goes: one run of the worker alone, which prints its stage times.
  stages+=("$(basename "$f" | cut -c1-64): $(KOMMUNRAPPORT_STAGE_TIMES=1 "$bin" _worker --result "$work/stages.json" --memory-limit 0 -- "$f" 2>&1 >/dev/null | sed -n 's/^stages: //p')")
done
echo
echo "stage times (one run of the import's worker, wall seconds):"
printf '  %s\n' "${stages[@]}"
