-- wrk script: POST /api/v1/lookup with { "bsn", "doel" } in the body, for BSNs from BSN_FILE in turn, with the
-- API key in API_KEY. With RATE set (look-ups per second over all THREADS), each request waits for its slot in a fixed
-- schedule, so that the offered load stays fixed whatever the answers take (the open-loop run); without it, as fast as the server answers
-- (saturation). Reports p50/p95/p99 in milliseconds on one RESULT line.
local bsns = {}
for line in io.lines(os.getenv("BSN_FILE")) do bsns[#bsns + 1] = line end
local key = os.getenv("API_KEY")
local rate = tonumber(os.getenv("RATE") or "")
local counter = 0

request = function()
  counter = counter + 1
  local body = '{"bsn":"' .. bsns[(counter % #bsns) + 1] .. '","doel":"benchmark"}'
  return wrk.format("POST", "/api/v1/lookup", { ["X-Api-Key"] = key, ["Content-Type"] = "application/json" }, body)
end

if rate then
  -- A schedule per wrk thread: each request takes the next free slot (every THREADS/RATE seconds), and waits only
  -- until that slot, so a slow answer does not lower the offered load as a fixed pause after each answer would.
  -- wrk's Lua has no wall clock; LuaJIT's ffi reads the monotonic one.
  local ffi = require("ffi")
  ffi.cdef[[ typedef struct { long tv_sec; long tv_nsec; } timespec_t; int clock_gettime(int, timespec_t *); ]]
  local ts = ffi.new("timespec_t")
  local function now_ms() ffi.C.clock_gettime(1, ts); return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6 end
  local interval = 1000 * tonumber(os.getenv("THREADS") or "1") / rate
  local next_slot = nil
  delay = function()
    local now = now_ms()
    -- Behind schedule, the late requests go at once; never more than a second of them.
    local slot = math.max(next_slot or now, now - 1000)
    next_slot = slot + interval
    return math.max(0, slot - now)
  end
end

dofile("bench/common/report.lua")
