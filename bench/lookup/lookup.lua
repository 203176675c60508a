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

dofile("bench/common/report.lua")
