#!/usr/bin/env bash
# Score the dev set from a fresh database and list the scorer's errors, optionally for one fact type.
# Usage: scripts/dev_errors.sh [TYPE]     (a fresh DB each time: re-ingesting unchanged text is a no-op)
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
shared=../shared/eval
.venv/bin/alaqat --db "sqlite:///$tmp/dev.db" eval --gold "$shared/dev/gold.jsonl" --docs "$shared/dev/docs" \
  --show-errors > "$tmp/out.txt" || true
if [ $# -ge 1 ]; then grep -E "^[0-9a-f_]+ $1[ .]" "$tmp/out.txt" || true; tail -n 9 "$tmp/out.txt"; else cat "$tmp/out.txt"; fi
