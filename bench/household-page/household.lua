-- wrk script: each request opens the page of another household from ids.txt, signed in with
-- the session cookie in the COOKIE environment variable. Reports p50/p95/p99 in milliseconds.
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do ids[#ids + 1] = line end
local cookie = os.getenv("COOKIE")
local counter = 0

request = function()
  counter = counter + 1
  local id = ids[(counter % #ids) + 1]
  return wrk.format("GET", "/huishoudens/" .. id, { ["Cookie"] = cookie })
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors_status=%d errors_other=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
