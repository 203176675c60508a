#!/usr/bin/env bash
# The monitor at 100,000 households on PostgreSQL: the time of `monitor refresh` (every scope computed
# from the full history), then GET /monitor?team=… (read from the precomputed row) under load next to
# GET /health/live in the same run, and the raw SQL that reads that row (pgbench). Targets 127.0.0.1
# only; wrk and pgbench stop after DURATION.
#
#   bench/monitor/run.sh "Host=127.0.0.1;Port=56300;Username=postgres;Database=regie_monitor"
set -euo pipefail
cd "$(dirname "$0")/../.."
CONN="${1:?connection string}"
HOUSEHOLDS="${HOUSEHOLDS:-100000}"
PORT="${PORT:-5092}"
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-8}"
THREADS="${THREADS:-2}"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d)"
export REGIE_Database__Provider=Postgres REGIE_Database__ConnectionString="$CONN" REGIE_Logging__LogLevel__Default=Warning \
  REGIE_Urls="$BASE" REGIE_DataProtection__KeysPath="$WORK/keys" REGIE_Monitor__RefreshJobEnabled=false DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/Regie.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
DLL=src/Regie.Web/bin/Release/net10.0/Regie.Web.dll
dotnet "$DLL" migrate >/dev/null
PGCONN="$(echo "$CONN" | sed -E 's/Host=([^;]+);Port=([^;]+);Username=([^;]+);Database=([^;]+).*/host=\1 port=\2 user=\3 dbname=\4/')"
psql_q() { psql "$PGCONN" -Atqc "$1"; }
if [ "$(psql_q 'select count(*) from "Households"')" = 0 ]; then dotnet "$DLL" seed-demo --households "$HOUSEHOLDS"; fi
echo "households: $(psql_q 'select count(*) from "Households"'), events: $(psql_q 'select count(*) from "HouseholdEvents"'), trajectories: $(psql_q 'select count(*) from "Trajectories"')"
echo "refresh: $(dotnet "$DLL" monitor refresh)"

dotnet "$DLL" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do curl -fs "$BASE/health/live" >/dev/null && break; sleep 1; done

JAR="$WORK/cookies"
TOKEN=$(curl -s -c "$JAR" "$BASE/inloggen" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$JAR" -c "$JAR" -o /dev/null -w '%{http_code}' --data-urlencode "Input.Email=beleid@voorbeeld.nl" \
  --data-urlencode "Input.Wachtwoord=Regie-demo-2026!" --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/inloggen" | grep -q 302
COOKIE=$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$JAR")
TEAM=$(psql_q "select \"Id\" from \"Teams\" where \"Name\" = 'Wijkteam Noord'")
PAGE=$(curl -s -H "Cookie: $COOKIE" "$BASE/monitor?team=$TEAM")
[[ "$PAGE" == *"vooraf berekend"* ]] || { echo "the monitor page is not precomputed"; exit 1; }
for q in "wijk=Noord" "werkwijze=TeamVoorComplex"; do
  [[ "$(curl -s -H "Cookie: $COOKIE" "$BASE/monitor?$q")" == *"vooraf berekend"* ]] || { echo "/monitor?$q is not precomputed"; exit 1; }
done
echo "one page per wijk / working model: $(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $COOKIE" "$BASE/monitor?wijk=Noord") s / $(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $COOKIE" "$BASE/monitor?werkwijze=TeamVoorComplex") s"
echo "one page: $(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $COOKIE" "$BASE/monitor?team=$TEAM") s (team), $(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $COOKIE" "$BASE/monitor") s (municipality, with the teams side by side)"

wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/household-page/plain.lua "$BASE/health/live" >/dev/null
COOKIE="$COOKIE" TEAM="$TEAM" wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/monitor/monitor.lua "$BASE/" >/dev/null
echo "health/live: $(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/household-page/plain.lua "$BASE/health/live" | grep RESULT)"
echo "monitor:     $(COOKIE="$COOKIE" TEAM="$TEAM" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/monitor/monitor.lua "$BASE/" | grep RESULT)"
sed "s/:scope/'$TEAM'/" bench/monitor/snapshot.sql >"$WORK/snapshot.sql"
echo "raw SQL:     $(pgbench "$PGCONN" -n -T "${DURATION%s}" -c "$CONNECTIONS" -j "$THREADS" -f "$WORK/snapshot.sql" -r 2>&1 | grep -E 'latency average|tps|error' | tr '\n' ' ')"
