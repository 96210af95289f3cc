#!/bin/bash
# pool.sh WORKTREE figures|language tune|holdout [more score.py args]
W=${1:-/work/main}; S=$2; SPLIT=$3; shift 3
args=()
for d in figures third fourth fifth fresh sixth seventh eighth; do
  if [ "$d" = figures ] || [ "$d" = language ]; then p=$W/tests/eval/$S; else p=$W/tests/eval/$d/$S; fi
  [ -d "$p" ] && args+=(--data "$p")
done
cd $W && PYTHONPATH=$W /work/main/.venv/bin/python tests/eval/score.py $S --split $SPLIT "${args[@]}" "$@"
