#!/usr/bin/env bash
# The assessment benchmark (design §8; docs/performance.md):
#   `citystar assess DIR --format json` over N generated city workbooks,
#   against only opening them and reading every cell with calamine.
# Reports the wall times, the ratios (target ≤ 1.25) and peak memory, for
# assess with its defaults (1,000 stability draws per entity) and with --draws 0.
# Usage: scripts/bench-assess.sh [N]   (default 1000)
set -euo pipefail
N="${1:-1000}"
cd "$(dirname "$0")/.."
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }

cargo build --release --quiet --bin citystar --example gen_workbooks --example read_only
BIN=target/release
"$BIN/examples/gen_workbooks" "$WORK/books" "$N"

measure() { # label, command...
  local label="$1"; shift
  /usr/bin/time -v "$@" >"$WORK/$label.out" 2>"$WORK/$label.time" || true
  local wall rss secs
  wall=$(grep "Elapsed (wall clock)" "$WORK/$label.time" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$WORK/$label.time" | awk '{print $NF}')
  # [h:]m:ss.cc → seconds
  secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  echo "$label $secs $rss"
}

# Warm the page cache once so every run reads from memory.
cat "$WORK"/books/*.xlsx >/dev/null

read -r _ r_secs r_rss < <(measure read "$BIN/examples/read_only" "$WORK/books")
read -r _ a_secs a_rss < <(measure assess "$BIN/citystar" assess "$WORK/books" --format json)
read -r _ z_secs z_rss < <(measure assess0 "$BIN/citystar" assess "$WORK/books" --format json --draws 0)
for out in assess assess0; do
  grep -q '"entities"' "$WORK/$out.out" || echo "note: $out produced no JSON; see $WORK/$out.time" >&2
done
capped=$(grep -c '"status": "found-capped"' "$WORK/assess.out" || true)

ratio() { awk -v a="$1" -v r="$2" 'BEGIN { if (r > 0) printf "%.2f", a / r; else print "n/a" }'; }
echo "workbooks:                       $N ($(nproc) CPUs)"
echo "read only (calamine):            ${r_secs}s, peak ${r_rss} KiB"
echo "assess --format json:            ${a_secs}s, peak ${a_rss} KiB, ratio $(ratio "$a_secs" "$r_secs") (target ≤ 1.25)"
echo "assess --format json --draws 0:  ${z_secs}s, peak ${z_rss} KiB, ratio $(ratio "$z_secs" "$r_secs")"
echo "plans that reached the cap:      ${capped}"
