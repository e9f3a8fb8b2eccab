#!/bin/bash
# run.sh URL [script ...] : runs the MLflow Python client checks against URL and prints a pass count per script.
# Scripts (check_<name>.py): fluent client sklearn media logged_models tracing multipart auth (default: all but auth;
# auth needs a server with authentication on and CHECK_ADMIN_USER / CHECK_ADMIN_PASSWORD).
# MLFLOW_PY names the python to use (default /work/mlflow-env/py, see README.md here).
# Each script's JSON lines go to $OUT (default /tmp/mlflow-python-check/<script>.jsonl), its stderr to <script>.log.
set -uo pipefail
URL=${1:?usage: run.sh URL [script ...]}; shift
HERE=$(cd "$(dirname "$0")" && pwd)
PY=${MLFLOW_PY:-/work/mlflow-env/py}
OUT=${OUT:-/tmp/mlflow-python-check}
mkdir -p "$OUT"
SCRIPTS=("$@")
[ ${#SCRIPTS[@]} -gt 0 ] || SCRIPTS=(fluent client sklearn media logged_models tracing multipart)
STATUS=0
for s in "${SCRIPTS[@]}"; do
  s=${s%.py}; s=${s#check_}
  WORK=$(mktemp -d)  # autolog and log_model write local files: keep them out of the repo
  (cd "$WORK" && PYTHONDONTWRITEBYTECODE=1 MLFLOW_TRACKING_URI=$URL PYTHONPATH="$HERE${PYTHONPATH:+:$PYTHONPATH}" "$PY" "$HERE/check_$s.py") \
    2> "$OUT/$s.log" | grep --line-buffered '^{"script"' > "$OUT/$s.jsonl"
  rm -rf "$WORK"
  pass=$(grep -c '"ok": true' "$OUT/$s.jsonl")
  total=$(wc -l < "$OUT/$s.jsonl")
  printf '%-14s %3d / %-3d\n' "$s" "$pass" "$total"
  grep '"ok": false' "$OUT/$s.jsonl" | sed 's/^/    FAIL /'
  if [ "$total" -eq 0 ]; then echo "    no result lines; see $OUT/$s.log"; tail -3 "$OUT/$s.log" | sed 's/^/    /'; fi
  if [ "$pass" -ne "$total" ] || [ "$total" -eq 0 ]; then STATUS=1; fi
done
exit $STATUS
