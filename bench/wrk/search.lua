-- wrk script: each request is a results page (top 10 with snippets) for the next query of
-- the list in the environment variable BENCH_QUERIES, cycling; extra query-string
-- parameters come from BENCH_EXTRA (e.g. "facets=source,lang,year,month").
local queries = {}
local extra = os.getenv("BENCH_EXTRA") or ""
local base = os.getenv("BENCH_BASE") or "/"

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

for line in io.lines(os.getenv("BENCH_QUERIES")) do
  if line ~= "" and line:sub(1, 1) ~= "#" then table.insert(queries, encode(line)) end
end

local counter = 0
function setup(thread)
  thread:set("offset", counter)
  counter = counter + 7
end

local i = 0
function request()
  i = i + 1
  local q = queries[((i + (offset or 0)) % #queries) + 1]
  local path = base .. "api/search?q=" .. q
  if extra ~= "" then path = path .. "&" .. extra end
  return wrk.format("GET", path)
end

local non_200 = 0
function response(status, headers, body)
  if status ~= 200 then non_200 = non_200 + 1 end
end

function done(summary, latency, requests)
  local out = string.format(
    '{"requests":%d,"seconds":%.3f,"requests_per_second":%.1f,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_ms":{"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f,"mean":%.3f}}',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000)
  io.stderr:write("WRK_JSON " .. out .. "\n")
end
