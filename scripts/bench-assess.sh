#!/usr/bin/env bash
# The assessment benchmark (design §8; docs/performance.md):
#   `citystar assess DIR --format json` over N generated city workbooks,
#   against only opening them and reading every cell with calamine.
# Reports the wall times, the ratios (target ≤ 1.25) and peak memory, for
# assess with its defaults (1,000 stability draws per entity) and with --draws 0.
# Then the same on workbooks saved by LibreOffice (larger parts: 146 KB
# unzipped against 86 KB generated, rows with every attribute written): the
# first min(N, 100) generated workbooks are converted once with `soffice
# --headless --convert-to xlsx` (about 1 s a file) and copied to make N
# (copies read the same as their originals; only the count matters here).
# Without soffice that part is skipped.
# Usage: scripts/bench-assess.sh [N]   (default 1000)
set -euo pipefail
N="${1:-1000}"
cd "$(dirname "$0")/.."
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
trap 'echo "bench-assess.sh: stopped at line $LINENO (exit $?)" >&2' ERR
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }

cargo build --release --quiet --bin citystar --example gen_workbooks --example read_only
BIN="${CARGO_TARGET_DIR:-target}/release"
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

# The same on workbooks LibreOffice saved.
if ! command -v soffice >/dev/null; then
  echo "LibreOffice-saved workbooks:     skipped (no soffice)"
  exit 0
fi
CONVERT=$(( N < 100 ? N : 100 ))
mkdir -p "$WORK/office" "$WORK/office-in"
# (An array, not `ls | head`: head leaving early would end ls with SIGPIPE,
# and pipefail the script.)
books=("$WORK"/books/*.xlsx)
cp "${books[@]:0:CONVERT}" "$WORK/office-in/"
# A private profile, so a running LibreOffice does not take the job over.
soffice -env:UserInstallation="file://$WORK/lo-profile" --headless --convert-to xlsx \
  --outdir "$WORK/office" "$WORK"/office-in/*.xlsx >/dev/null 2>&1
saved=$(ls "$WORK"/office/*.xlsx 2>/dev/null | wc -l)
[ "$saved" -eq "$CONVERT" ] || { echo "soffice converted $saved of $CONVERT workbooks" >&2; exit 1; }
# Copies up to N, named apart from the originals.
n=$saved i=0
while [ "$n" -lt "$N" ]; do
  for f in "$WORK"/office-in/*.xlsx; do
    [ "$n" -lt "$N" ] || break
    b=$(basename "$f")
    cp "$WORK/office/$b" "$WORK/office/copy$i-$b"
    n=$((n + 1))
  done
  i=$((i + 1))
done
cat "$WORK"/office/*.xlsx >/dev/null
read -r _ or_secs or_rss < <(measure oread "$BIN/examples/read_only" "$WORK/office")
read -r _ oa_secs oa_rss < <(measure oassess "$BIN/citystar" assess "$WORK/office" --format json)
read -r _ oz_secs oz_rss < <(measure oassess0 "$BIN/citystar" assess "$WORK/office" --format json --draws 0)
echo "LibreOffice-saved workbooks:     $N ($CONVERT converted, the rest copies)"
echo "read only (calamine):            ${or_secs}s, peak ${or_rss} KiB"
echo "assess --format json:            ${oa_secs}s, peak ${oa_rss} KiB, ratio $(ratio "$oa_secs" "$or_secs") (target ≤ 1.25)"
echo "assess --format json --draws 0:  ${oz_secs}s, peak ${oz_rss} KiB, ratio $(ratio "$oz_secs" "$or_secs")"
