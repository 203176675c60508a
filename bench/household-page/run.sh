#!/usr/bin/env bash
# Household page under load: p95 of GET /huishoudens/{id} (members, plan, ZRM summary, timeline,
# and the audit entry every file read writes) at 100,000 households on PostgreSQL, next to
# GET /health/live in the same run. Targets 127.0.0.1 only; wrk stops after DURATION.
#
#   bench/household-page/run.sh "Host=127.0.0.1;Port=56200;Username=postgres;Database=regie_page"
#
# The database is migrated and seeded (HOUSEHOLDS, default 100000) when it has no households yet.
set -euo pipefail
cd "$(dirname "$0")/../.."
CONN="${1:?connection string}"
HOUSEHOLDS="${HOUSEHOLDS:-100000}"
PORT="${PORT:-5091}"
DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-8}"
THREADS="${THREADS:-2}"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d)"
export REGIE_Database__Provider=Postgres REGIE_Database__ConnectionString="$CONN" REGIE_Logging__LogLevel__Default=Warning \
  REGIE_Urls="$BASE" REGIE_DataProtection__KeysPath="$WORK/keys" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/Regie.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
DLL=src/Regie.Web/bin/Release/net10.0/Regie.Web.dll
dotnet "$DLL" migrate >/dev/null
psql_q() { PGPASSWORD="" psql "$(echo "$CONN" | sed -E 's/Host=([^;]+);Port=([^;]+);Username=([^;]+);Database=([^;]+).*/host=\1 port=\2 user=\3 dbname=\4/')" -Atqc "$1"; }
if [ "$(psql_q 'select count(*) from "Households"')" = 0 ]; then dotnet "$DLL" seed-demo --households "$HOUSEHOLDS"; fi

dotnet "$DLL" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do curl -fs "$BASE/health/live" >/dev/null && break; sleep 1; done

# Sign in as the demo coordinator through the real form (antiforgery token + cookie).
JAR="$WORK/cookies"
TOKEN=$(curl -s -c "$JAR" "$BASE/inloggen" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$JAR" -c "$JAR" -o /dev/null -w '%{http_code}' --data-urlencode "Input.Email=regisseur@voorbeeld.nl" \
  --data-urlencode "Input.Wachtwoord=Regie-demo-2026!" --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/inloggen" | grep -q 302
COOKIE=$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$JAR")

# Households the coordinator's team holds, with a plan: the pages a coordinator opens all day.
psql_q "select h.\"Id\" from \"Households\" h join \"Plans\" p on p.\"HouseholdId\" = h.\"Id\" and p.\"ClosedOn\" is null
        where h.\"ResponsibleTeamId\" = (select \"TeamId\" from \"AspNetUsers\" where \"Email\" = 'regisseur@voorbeeld.nl') order by random() limit 2000" >"$WORK/ids.txt"
echo "households in the rotation: $(wc -l <"$WORK/ids.txt")"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE/huishoudens/$(head -1 "$WORK/ids.txt")")
[ "$code" = 200 ] || { echo "household page answered $code"; exit 1; }

# Warm up both endpoints, then measure: baseline first, then the household page.
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/household-page/plain.lua "$BASE/health/live" >/dev/null
IDS_FILE="$WORK/ids.txt" COOKIE="$COOKIE" wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/household-page/household.lua "$BASE/" >/dev/null
echo "health/live: $(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/household-page/plain.lua "$BASE/health/live" | grep RESULT)"
echo "household:   $(IDS_FILE="$WORK/ids.txt" COOKIE="$COOKIE" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/household-page/household.lua "$BASE/" | grep RESULT)"
