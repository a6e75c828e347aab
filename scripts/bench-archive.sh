#!/usr/bin/env bash
# Archive throughput, as issue #11 measures it: the real archive (../shared/corpus/archive) plus
# the keyed PDFs imported into a fresh warehouse with -j 1 and -j 2, beside `pdftotext -layout`
# over the same files with the same parallelism; then one generated 500-page report the same way.
#
# Prints per run: documents/s, pages/s, CPU utilisation (user + system of the tool and all its
# workers over wall time), the peak resident memory of any one worker, and the ratio of the
# import's wall time to pdftotext's. A benchmark, not a test: nothing here passes or fails.
#
#   scripts/bench-archive.sh                      # the release build, both job counts
#   JOBS="2" scripts/bench-archive.sh             # only -j 2
#   SHARED=/elsewhere/shared scripts/bench-archive.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
jobs_list=${JOBS:-1 2}
work=$(mktemp -d "${TMPDIR:-/tmp}/kommunrapport-archive-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

swift build -c release --product kommunrapport >&2
bin=$(pwd)/.build/release/kommunrapport

# The inputs, linked into one folder (the tool reads a folder; nothing is copied).
mkdir -p "$work/in"
for f in "$shared"/corpus/archive/*.pdf "$shared"/corpus/pdf/*.pdf; do
  [ -e "$f" ] || continue
  ln -s "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" "$work/in/$(basename "$f")"
done

pages_of() {  # total pages of the PDFs in a folder
  local total=0 n
  for f in "$1"/*.pdf; do
    n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }')
    total=$((total + ${n:-0}))
  done
  echo "$total"
}

# Runs a command while sampling the resident memory of every worker process; prints
# "seconds cpu_seconds peak_worker_kB".
measure() {
  local stats="$work/time.txt" peaks="$work/peaks.txt" start end pid
  : > "$peaks"
  start=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$stats" "$@" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    ps -e -o rss=,args= | awk '/_worker/ && !/awk/ { print $1 }' >> "$peaks"
    sleep 0.2
  done
  wait "$pid" || true
  end=$(date +%s.%N)
  local user sys peak
  read -r user sys < <(tail -n 1 "$stats")
  peak=$(sort -n "$peaks" | tail -n 1)
  echo "$(echo "$end - $start" | bc) $(echo "$user + $sys" | bc) ${peak:-0}"
}

line() {  # line LABEL DOCS PAGES "seconds cpu peak" [BASE_SECONDS]
  local label=$1 docs=$2 pages=$3 seconds cpu peak
  read -r seconds cpu peak <<< "$4"
  local ratio=""
  [ -n "${5:-}" ] && ratio=$(printf '  %.2fx pdftotext' "$(echo "$seconds / $5" | bc -l)")
  printf '%-34s %7.1f s  %6.1f docs/s  %7.1f pages/s  CPU %4.0f%%  peak worker %4d MB%s\n' \
    "$label" "$seconds" "$(echo "$docs / $seconds" | bc -l)" "$(echo "$pages / $seconds" | bc -l)" \
    "$(echo "100 * $cpu / $seconds" | bc -l)" "$((peak / 1024))" "$ratio"
}

run_set() {  # run_set NAME FOLDER
  local name=$1 folder=$2 docs pages
  docs=$(ls "$folder"/*.pdf | wc -l)
  pages=$(pages_of "$folder")
  echo "$name: $docs PDFs, $pages pages"
  for j in $jobs_list; do
    local base ours
    base=$(measure bash -c "ls '$folder'/*.pdf | xargs -P $j -I{} pdftotext -layout {} /dev/null")
    line "  pdftotext -layout, -P $j" "$docs" "$pages" "$base"
    rm -f "$work/w.sqlite"
    ours=$(measure "$bin" import "$folder" --into "$work/w.sqlite" -j "$j" --quiet)
    line "  kommunrapport import, -j $j" "$docs" "$pages" "$ours" "$(echo "$base" | cut -d' ' -f1)"
  done
}

run_set "archive + keyed PDFs" "$work/in"

# Long reports: the 002 rendition repeated to 500 pages (fonts shared, as scripts/bench-pdf.sh
# makes it; the issue's "generated 500-page report"), and 500 pages joined from the real PDFs.
mkdir -p "$work/generated" "$work/joined"
seed=corpus/pdf/002_941cf6f9d2df7b9f.pdf
seedpages=$(pdfinfo "$seed" | awk '/^Pages:/ { print $2 }')
ranges=()
for _ in $(seq $(( (500 + seedpages - 1) / seedpages ))); do ranges+=("1-z"); done
qpdf --empty --pages "$seed" "$(IFS=,; echo "${ranges[*]}")" -- "$work/long.pdf"
qpdf --empty --pages "$work/long.pdf" 1-500 -- "$work/generated/generated-500-pages.pdf"
run_set "one generated 500-page report" "$work/generated"

sources=("$shared"/corpus/pdf/*.pdf "$shared"/corpus/archive/*.pdf)
qpdf --empty --pages "${sources[@]}" -- "$work/all.pdf" 2>/dev/null || true
if [ "$(pdfinfo "$work/all.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')" -ge 500 ] 2>/dev/null; then
  qpdf "$work/all.pdf" --pages "$work/all.pdf" 1-500 -- "$work/joined/joined-500-pages.pdf"
  run_set "500 pages joined from the real PDFs" "$work/joined"
fi
