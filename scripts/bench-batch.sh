#!/usr/bin/env bash
# Benchmark of bulk import: documents per second and peak memory for -j 1 and -j 2.
#
# Builds the release tool, makes a batch of at least 500 documents by repeating the corpus
# (each copy made unique, so none is skipped as a duplicate), and imports it into a fresh
# warehouse with -j 1 and -j 2. Where PDFs are involved it also times the same PDF batch through
# pdftotext alone, the floor any PDF import stands on.
#
# Peak memory is given two ways: the largest single process (the batch runner or one worker),
# and the sum over the runner and its workers, sampled every 250 ms. CPU time is given too: on
# a shared machine it is steadier than wall-clock time.
#
#   scripts/bench-batch.sh                            # 500 documents, text and PDF
#   DOCS=2000 scripts/bench-batch.sh                  # more
#   PARTS=pdf PDF_SOURCE=../shared/corpus/pdf scripts/bench-batch.sh   # only PDFs, other ones
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${DOCS:-500}
parts=${PARTS:-text pdf}
pdf_source=${PDF_SOURCE:-corpus/pdf}
work=$(mktemp -d "${TMPDIR:-/tmp}/kommunrapport-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

swift build -c release --product kommunrapport >&2
bin=$(pwd)/.build/release/kommunrapport

# Sum of RSS (kB) of a process and all its descendants.
tree_rss() {
  ps -e -o pid=,ppid=,rss= | awk -v root="$1" '
    { parent[$1] = $2; rss[$1] = $3 }
    END {
      total = 0
      for (p in rss) { q = p; while (q != "" && q != 0 && q != 1) { if (q == root) { total += rss[p]; break } q = parent[q] } }
      print total
    }'
}

# Runs a command, printing "seconds peak_single_kB peak_tree_kB cpu_seconds" (CPU: the runner and
# every worker it waited for, user + system).
measure() {
  local stats="$work/time.$$"
  local start end peak=0 now pid
  start=$(date +%s.%N)
  /usr/bin/time -f "%M %U %S" -o "$stats" "$@" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    now=$(tree_rss "$pid")
    [ "$now" -gt "$peak" ] && peak=$now
    sleep 0.25
  done
  wait "$pid" || true
  end=$(date +%s.%N)
  read -r single user sys < <(tail -n 1 "$stats")
  echo "$(echo "$end - $start" | bc) $single $peak $(echo "$user + $sys" | bc)"
}

make_batch() {  # make_batch SOURCE_DIR EXT DEST
  local source=$1 ext=$2 dest=$3 n=0 copy=0
  mkdir -p "$dest"
  local files=("$source"/*."$ext")
  while [ "$n" -lt "$docs" ]; do
    for f in "${files[@]}"; do
      [ "$n" -lt "$docs" ] || break
      local name
      name=$(printf '%04d-%s' "$copy" "$(basename "$f")")
      if [ "$ext" = txt ]; then
        { cat "$f"; printf '\nkopia %d\n' "$copy"; } > "$dest/$name"
      else
        # A comment after %%EOF changes the digest and nothing a PDF reader sees.
        { cat "$f"; printf '\n%% kopia %d\n' "$copy"; } > "$dest/$name"
      fi
      n=$((n + 1))
    done
    copy=$((copy + 1))
  done
}

report() {  # report LABEL COUNT "seconds single tree"
  local label=$1 count=$2
  read -r seconds single tree cpu <<< "$3"
  printf '%-42s %4d docs %7.2f s %6.1f docs/s  CPU %6.1f s (%5.0f ms/doc)  peak %5.1f MB largest process, %5.1f MB all\n' \
    "$label" "$count" "$seconds" "$(echo "$count / $seconds" | bc -l)" "$cpu" "$(echo "1000 * $cpu / $count" | bc -l)" \
    "$(echo "$single / 1024" | bc -l)" "$(echo "$tree / 1024" | bc -l)"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg); $(swift --version 2>&1 | head -n 1)"
echo

if [[ " $parts " == *" text "* ]]; then
  make_batch corpus/text txt "$work/text"
  count=$(ls "$work/text" | wc -l)
  for j in 1 2; do
    rm -f "$work/w.sqlite"
    report "text batch, -j $j, into a warehouse" "$count" "$(measure "$bin" import "$work/text" --into "$work/w.sqlite" -j "$j" -q)"
  done
  rm -f "$work/w.sqlite"
  "$bin" import "$work/text" --into "$work/w.sqlite" -q
  report "text batch again (all skipped, resume)" "$count" "$(measure "$bin" import "$work/text" --into "$work/w.sqlite" -q)"
fi

if [[ " $parts " == *" pdf "* ]] && command -v pdftotext >/dev/null && ls "$pdf_source"/*.pdf >/dev/null 2>&1; then
  echo
  make_batch "$pdf_source" pdf "$work/pdf"
  count=$(ls "$work/pdf" | wc -l)
  mkdir -p "$work/pdftotext"
  for j in 1 2; do
    report "pdftotext alone, $j at once" "$count" "$(measure sh -c \
      "ls '$work/pdf' | xargs -P $j -I{} pdftotext -layout '$work/pdf/{}' '$work/pdftotext/{}.txt'")"
  done
  pdfs=("$work"/pdf/*.pdf)
  if "$bin" import "${pdfs[0]}" > /dev/null 2>&1; then
    for j in 1 2; do
      rm -f "$work/w.sqlite"
      report "PDF batch, -j $j, into a warehouse" "$count" "$(measure "$bin" import "$work/pdf" --into "$work/w.sqlite" -j "$j" -q)"
    done
  else
    echo "(this build cannot read PDFs yet: the PDF batch is imported as pdftotext's text instead)"
    # The copies differ only after %%EOF, which pdftotext does not read: tell their texts apart.
    for f in "$work/pdftotext"/*.txt; do printf '\nkopia %s\n' "$(basename "$f")" >> "$f"; done
    for j in 1 2; do
      rm -f "$work/w.sqlite"
      report "pdftotext's text, -j $j, into a warehouse" "$count" \
        "$(measure "$bin" import "$work/pdftotext" --into "$work/w.sqlite" -j "$j" -q)"
    done
  fi
fi
