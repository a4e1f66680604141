#!/usr/bin/env bash
# The assessment benchmark (design §8; docs/performance.md):
#   `citystar assess DIR --format json` over N generated city workbooks,
#   against only opening them and reading every cell with calamine.
# Reports both wall times, their ratio (target ≤ 1.25) and peak memory.
# Usage: scripts/bench-assess.sh [N]   (default 1000)
set -euo pipefail
N="${1:-1000}"
cd "$(dirname "$0")/.."
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cargo build --release --quiet --bin citystar --example gen_workbooks --example read_only
BIN=target/release
"$BIN/examples/gen_workbooks" "$WORK/books" "$N"

measure() { # label, command...
  local label="$1"; shift
  /usr/bin/time -v "$@" >"$WORK/$label.out" 2>"$WORK/$label.time" || true
  local wall rss
  wall=$(grep "Elapsed (wall clock)" "$WORK/$label.time" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$WORK/$label.time" | awk '{print $NF}')
  # m:ss.cc → seconds
  secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  echo "$label $secs $rss"
}

# Warm the page cache once so both runs read from memory.
cat "$WORK"/books/*.xlsx >/dev/null

read -r _ r_secs r_rss < <(measure read "$BIN/examples/read_only" "$WORK/books")
read -r _ a_secs a_rss < <(measure assess "$BIN/citystar" assess "$WORK/books" --format json)
head -c 300 "$WORK/assess.out" >/dev/null

ratio=$(awk -v a="$a_secs" -v r="$r_secs" 'BEGIN { if (r > 0) printf "%.2f", a / r; else print "n/a" }')
echo "workbooks:            $N"
echo "read only (calamine): ${r_secs}s, peak ${r_rss} KiB"
echo "assess --format json: ${a_secs}s, peak ${a_rss} KiB"
echo "ratio:                ${ratio} (target ≤ 1.25)"
grep -q '"entities"' "$WORK/assess.out" || echo "note: assess produced no JSON; see $WORK/assess.time" >&2
