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

dofile("bench/common/report.lua")
