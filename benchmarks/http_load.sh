#!/usr/bin/env bash
# Load figures for docs/http-api.md: wrk against `llm-extract serve` on 127.0.0.1 only.
#
#   benchmarks/http_load.sh            # 15 s per scenario, 16 connections, 2 wrk threads
#   DURATION=5s CONNECTIONS=8 benchmarks/http_load.sh
#   WORKERS=1 benchmarks/http_load.sh  # server processes (default: one per core)
#   SCENARIOS=cached-text benchmarks/http_load.sh  # only these scenarios
#
# Each line is wrk's figures plus server_cpu_us: the server processes' CPU time (user + system,
# from /proc) per answered request. Unlike requests/s it hardly moves when other work shares the
# machine, so compare it before and after a change to the server's per-request work.
#
# Scenarios (one JSON line each): cached text (one letter, every answer after the
# first is a cache hit), uncached text and uncached PDF (cache=false, cycling through
# the corpus letters so each request is parsed; identical letters in flight together
# are merged, reported as "shared"). Needs wrk (apt-get install -y wrk); uses the
# shared corpus when present, else the committed seed letters. Server and load tool
# share the machine's cores, so the figures are a floor, not a ceiling.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
WORKERS=${WORKERS:-$(nproc)}
CORPUS=${LLM_EXTRACT_CORPUS:-$REPO/../shared/corpus/dwc-2016}

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }

WORK=$(mktemp -d)
SERVER_PID=""
REDIS_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [ -n "$REDIS_PID" ]; then kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; fi
  if [ -n "${KEEP_LOG:-}" ]; then cp "$WORK/server.log" "$KEEP_LOG"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

export LLM_EXTRACT_BENCH_KEY="bench-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
PORT=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"

# Several server processes share their job store, limits and cache through Redis (serve refuses
# --workers N without it): a private redis-server on loopback for the run.
QUEUE=()
if [ "$WORKERS" -gt 1 ]; then
  command -v redis-server >/dev/null || { echo "redis-server is not installed (apt-get install -y redis-server)" >&2; exit 2; }
  RPORT=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  redis-server --port "$RPORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" >/dev/null 2>&1 &
  REDIS_PID=$!
  sleep 0.5
  QUEUE=(LLM_EXTRACT_QUEUE_URL="redis://127.0.0.1:$RPORT/0")
fi

env -u LLM_EXTRACT_BASE_URL -u OPENAI_API_KEY -u OPENAI_BASE_URL \
  LLM_EXTRACT_API_KEYS="$LLM_EXTRACT_BENCH_KEY" LLM_EXTRACT_KEYS_FILE="$WORK/keys.json" \
  LLM_EXTRACT_CACHE_DIR="$WORK/cache" LLM_EXTRACT_RATE_LIMIT=100000000 LLM_EXTRACT_RATE_BURST=1000000 \
  "${QUEUE[@]}" .venv/bin/llm-extract serve --host 127.0.0.1 --port "$PORT" --workers "$WORKERS" 2>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 100); do
  curl -fsS "$URL/v1/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "$URL/v1/healthz" >/dev/null

if [ -d "$CORPUS/text" ]; then
  TEXTS=("$CORPUS"/text/*.txt)
  PDFS=("$CORPUS"/pdf/*.pdf)
  SOURCE="corpus ($CORPUS)"
else
  TEXTS=(examples/letters/*.txt)
  PDFS=()
  SOURCE="seed letters"
fi

server_ticks() {  # CPU clock ticks (user + system) used so far by the server and its worker processes
  local total=0 pid fields
  for pid in "$SERVER_PID" $(pgrep -P "$SERVER_PID" || true); do
    read -r -a fields <"/proc/$pid/stat" || continue
    total=$((total + fields[13] + fields[14]))
  done
  echo "$total"
}

run() {  # name, content type, query, files...  (the wrk line plus the server's CPU per request)
  local name=$1; shift
  if [ -n "${SCENARIOS:-}" ] && [[ " $SCENARIOS " != *" $name "* ]]; then return; fi
  printf '%-16s ' "$name"
  local before line requests
  before=$(server_ticks)
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s benchmarks/wrk_post.lua "$URL" -- "$@" \
    | grep '^{')
  requests=$(sed -E 's/.*"requests": ([0-9]+).*/\1/' <<<"$line")
  echo "${line%\}}, \"server_cpu_us\": $(( ($(server_ticks) - before) * 1000000 / $(getconf CLK_TCK) / (requests > 0 ? requests : 1) ))}"
}

echo "llm-extract $(.venv/bin/llm-extract --version | awk '{print $2}'), $(nproc) cores, letters: $SOURCE"
echo "server: $WORKERS process(es); wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per scenario, loopback"
curl -fsS -o /dev/null -H "Authorization: Bearer $LLM_EXTRACT_BENCH_KEY" -H "Content-Type: text/plain" \
  --data-binary @"${TEXTS[0]}" "$URL/v1/extractions"   # fill the cache for the cached scenario
run cached-text text/plain - "${TEXTS[0]}"
run uncached-text text/plain "?cache=false" "${TEXTS[@]}"
if [ ${#PDFS[@]} -gt 0 ]; then
  run uncached-pdf application/pdf "?cache=false" "${PDFS[@]}"
fi
if grep -q '"status":5' "$WORK/server.log"; then
  echo "server answered 5xx:" >&2
  grep '"status":5' "$WORK/server.log" | head -5 >&2
  exit 1
fi
