-- POST letters to llm-extract with wrk, cycling through a pool of files.
--
--   wrk -t2 -c16 -d15s -s benchmarks/wrk_post.lua http://127.0.0.1:PORT \
--       -- <content-type> <query string or -> <file> [<file> ...]
--
-- The API key comes from $LLM_EXTRACT_BENCH_KEY. Each wrk thread starts at a
-- different offset in the pool so identical letters are rarely in flight together.
-- done() prints one JSON line: requests/s, p50/p95/p99 latency (ms), non-200
-- answers and how the cache served the answers (X-Cache header counts).

local threads = {}
local bodies = {}
local counter = 0
local path, ctype
seen = {hit = 0, miss = 0, shared = 0, off = 0, non200 = 0}  -- global: done() reads it per thread

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  ctype = args[1]
  path = "/v1/extractions" .. (args[2] ~= "-" and args[2] or "")
  for i = 3, #args do
    local f = assert(io.open(args[i], "rb"))
    bodies[#bodies + 1] = f:read("*a")
    f:close()
  end
  counter = (id * 37) % #bodies
end

function request()
  counter = counter + 1
  local body = bodies[(counter % #bodies) + 1]
  local headers = {
    ["Content-Type"] = ctype,
    ["Authorization"] = "Bearer " .. os.getenv("LLM_EXTRACT_BENCH_KEY"),
  }
  return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
  if status ~= 200 then
    seen.non200 = seen.non200 + 1
  end
  local cache = headers["X-Cache"] or headers["x-cache"]
  if cache and seen[cache] then
    seen[cache] = seen[cache] + 1
  end
end

function done(summary, latency, requests)
  local totals = {hit = 0, miss = 0, shared = 0, off = 0, non200 = 0}
  for _, thread in ipairs(threads) do
    local counts = thread:get("seen")
    for k, _ in pairs(totals) do
      totals[k] = totals[k] + (counts[k] or 0)
    end
  end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests": %d, "seconds": %.1f, "rps": %.1f, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, ' ..
    '"non200": %d, "socket_errors": %d, "hit": %d, "miss": %d, "shared": %d, "off": %d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    totals.non200, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    totals.hit, totals.miss, totals.shared, totals.off))
end
