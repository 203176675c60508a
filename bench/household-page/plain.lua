-- wrk script for the baseline endpoint: plain GETs, with the shared report line.
dofile("bench/common/report.lua")
