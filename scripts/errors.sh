#!/usr/bin/env bash
# Score a set from a fresh database and list the scorer's errors, optionally for one fact type.
# Usage: scripts/errors.sh dev|own [TYPE]   (a fresh DB each time: re-ingesting unchanged text is a no-op)
# PY=... picks the interpreter (default .venv/bin/python); the checkout's own src/ comes first, so a git
# worktree scores its own code with another checkout's venv.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  dev) gold=../shared/eval/dev/gold.jsonl; docs=../shared/eval/dev/docs ;;
  own) gold=tests/data/ownset/gold.jsonl; docs=tests/data/ownset/docs ;;
  *) echo "usage: $0 dev|own [TYPE]" >&2; exit 2 ;;
esac
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PYTHONPATH="$PWD/src" "${PY:-.venv/bin/python}" -m alaqat.cli --db "sqlite:///$tmp/set.db" eval --gold "$gold" --docs "$docs" \
  --show-errors > "$tmp/out.txt" || true
if [ $# -ge 1 ]; then grep -E "^[0-9A-Za-z_]+ $1[ .]" "$tmp/out.txt" || true; tail -n 9 "$tmp/out.txt"; else cat "$tmp/out.txt"; fi
