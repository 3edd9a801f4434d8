#!/usr/bin/env bash
# Runs every test project and prints one closing line with the totals,
# "N passed, N failed, N skipped", read from the TRX result files.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
results="$repo/.state/test-results"
rm -rf "$results"
mkdir -p "$results"

status=0
dotnet test "$repo/GbOperator.sln" --logger "trx" --logger "console;verbosity=normal" \
    --results-directory "$results" "$@" || status=$?

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    total=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0} + ${e:-0}))
    skipped=$((skipped + ${total:-0} - ${p:-0} - ${f:-0} - ${e:-0}))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "dotnet test exited with $status before reporting failures; see the output above." >&2
    failed=1
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
