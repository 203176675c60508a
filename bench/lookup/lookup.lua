-- wrk script: GET /api/v1/lookup/{bsn}?doel=... for BSNs from BSN_FILE in turn, with the API key in
-- API_KEY. Reports p50/p95/p99 in milliseconds on one RESULT line.
local bsns = {}
for line in io.lines(os.getenv("BSN_FILE")) do bsns[#bsns + 1] = line end
local key = os.getenv("API_KEY")
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/lookup/" .. bsns[(counter % #bsns) + 1] .. "?doel=benchmark", { ["X-Api-Key"] = key })
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors_status=%d errors_other=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
