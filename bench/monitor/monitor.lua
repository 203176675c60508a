-- wrk script: the monitor page (precomputed scope) as the signed-in policy officer (COOKIE), with the shared report line.
local cookie = os.getenv("COOKIE")
local path = os.getenv("MONITOR_PATH") or "/monitor?team=" .. (os.getenv("TEAM") or "")

request = function()
  return wrk.format("GET", path, { ["Cookie"] = cookie })
end

dofile("bench/common/report.lua")
