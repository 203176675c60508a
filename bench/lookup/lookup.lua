-- wrk script: POST /api/v1/lookup with { "bsn", "doel" } in the body, for BSNs from BSN_FILE in turn, with the
-- API key in API_KEY. With RATE set (look-ups per second over all CONNECTIONS), each connection waits between its
-- requests so that the offered load is fixed (the open-loop run); without it, as fast as the server answers
-- (saturation). Reports p50/p95/p99 in milliseconds on one RESULT line.
local bsns = {}
for line in io.lines(os.getenv("BSN_FILE")) do bsns[#bsns + 1] = line end
local key = os.getenv("API_KEY")
local rate = tonumber(os.getenv("RATE") or "")
local connections = tonumber(os.getenv("CONNECTIONS") or "1")
local counter = 0

request = function()
  counter = counter + 1
  local body = '{"bsn":"' .. bsns[(counter % #bsns) + 1] .. '","doel":"benchmark"}'
  return wrk.format("POST", "/api/v1/lookup", { ["X-Api-Key"] = key, ["Content-Type"] = "application/json" }, body)
end

if rate then
  -- Milliseconds between two requests of one connection, so that all connections together offer RATE per second.
  local interval = 1000 * connections / rate
  delay = function() return interval end
end

dofile("bench/common/report.lua")
