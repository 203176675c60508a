#!/usr/bin/env bash
# The department look-up under load: POST /api/v1/lookup (BSN and purpose in the body) with an API key, at 1,000,000
# registered involvements on PostgreSQL, next to GET /health/live in the same run. Every look-up
# writes its audit entry, as in production: durable in the server's audit journal before it answers,
# moved into the chained trail by the drain while the load runs. Targets 127.0.0.1 only; wrk stops
# after DURATION. Two measured runs: saturation (as fast as the server answers, next to /health/live), and a
# fixed offered load of RATE look-ups per second (default 1,000) spread over the same connections.
#
#   CONNECTIONS=8 RATE=1000 bench/lookup/run.sh "Host=127.0.0.1;Port=56200;Username=postgres;Database=regie_page"
set -euo pipefail
cd "$(dirname "$0")/../.."
CONN="${1:?connection string}"
PORT="${PORT:-5093}"
DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-8}"
THREADS="${THREADS:-2}"
# The offered load of the fixed-rate run; not left in the environment, where it would pace the saturation run too.
OFFERED="${RATE:-1000}"
unset RATE
# Long enough for tiered compilation to finish on 2 CPUs: with 5 s the JIT was still busy in the measured run.
WARMUP="${WARMUP:-30s}"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d)"
export REGIE_Database__Provider=Postgres REGIE_Database__ConnectionString="$CONN" REGIE_Logging__LogLevel__Default=Warning \
  REGIE_Urls="$BASE" REGIE_DataProtection__KeysPath="$WORK/keys" REGIE_Audit__Journal__Path="${JOURNAL:-$WORK/journal}" \
  DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
PSQL_CONN="$(echo "$CONN" | sed -E 's/Host=([^;]+);Port=([^;]+);Username=([^;]+);Database=([^;]+).*/host=\1 port=\2 user=\3 dbname=\4/')"
psql_q() { psql "$PSQL_CONN" -Atqc "$1"; }

dotnet build src/Regie.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
DLL=src/Regie.Web/bin/Release/net10.0/Regie.Web.dll
dotnet "$DLL" migrate >/dev/null
if [ "$(psql_q 'select count(*) from "Households"')" = 0 ]; then dotnet "$DLL" seed-demo --households 100000; fi
psql "$PSQL_CONN" -q -f bench/lookup/seed.sql
echo "involvements: $(psql_q 'select count(*) from "Involvements"'), active: $(psql_q 'select count(*) from "Involvements" where "EndedOn" is null')"
KEY=$(dotnet "$DLL" apikey create --org Wonen --role afdeling | sed -n 2p)

# The listener's one line says when the register's copy is loaded (a name with dots: set through env, not export).
env "REGIE_Logging__LogLevel__Regie.Web.Features.Involvements.LookupRegisterListener=Information" REGIE_Security__ApiRequestsPerMinute=0 dotnet "$DLL" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do curl -fs "$BASE/health/live" >/dev/null && break; sleep 1; done
# The look-up answers from the register's copy in memory once it is loaded (before that, from the database).
for _ in $(seq 1 120); do grep -q "register loaded in memory" "$WORK/server.log" && break; sleep 1; done
grep -o "register loaded in memory[^\"]*" "$WORK/server.log" | head -1

# Half of the look-ups find someone, half ask about a BSN nobody registered (the same answer as an unknown person),
# spread over the whole register.
psql_q "(select \"Bsn\" from \"Involvements\" where \"RegisteredBy\" = 'benchmark' and \"EndedOn\" is null order by random() limit 20000)
        union all (select lpad((100000000 + g * 37)::text, 9, '0') from generate_series(1, 20000) g) " | shuf --random-source=<(yes) >"$WORK/all.txt"
# Keep only valid BSNs for the "nobody" half: invalid ones would measure the 400 path instead.
python3 - "$WORK/all.txt" "$WORK/bsns.txt" <<'PY'
import sys
def ok(b): return sum(int(d) * w for d, w in zip(b, [9, 8, 7, 6, 5, 4, 3, 2, -1])) % 11 == 0 and b != "000000000"
rows = [l.strip() for l in open(sys.argv[1]) if l.strip()]
open(sys.argv[2], "w").write("\n".join(r for r in rows if ok(r)) + "\n")
PY
echo "BSNs in the rotation: $(wc -l <"$WORK/bsns.txt")"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Api-Key: $KEY" -H "Content-Type: application/json" \
  -d "{\"bsn\":\"$(head -1 "$WORK/bsns.txt")\",\"doel\":\"benchmark\"}" "$BASE/api/v1/lookup")
[ "$code" = 200 ] || { echo "look-up answered $code"; exit 1; }

wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/household-page/plain.lua "$BASE/health/live" >/dev/null
BSN_FILE="$WORK/bsns.txt" API_KEY="$KEY" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/lookup/lookup.lua "$BASE/" >/dev/null
echo "load average before the measured runs: $(cut -d' ' -f1-3 /proc/loadavg)"
AUDITED_BEFORE=$(psql_q "select count(*) from \"AuditEntries\" where \"Action\" = 'lookup'")
echo "health/live: $(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/household-page/plain.lua "$BASE/health/live" | grep RESULT)"
echo "lookup:      $(BSN_FILE="$WORK/bsns.txt" API_KEY="$KEY" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/lookup/lookup.lua "$BASE/" | grep RESULT)"
echo "lookup at $OFFERED/s: $(BSN_FILE="$WORK/bsns.txt" API_KEY="$KEY" RATE="$OFFERED" THREADS="$THREADS" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/lookup/lookup.lua "$BASE/" | grep RESULT)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# The drain keeps up when the trail holds (nearly) every look-up a few seconds after the load stopped.
sleep 3
echo "look-up entries moved into the chained trail during the measured run and 3 s after: $(( $(psql_q "select count(*) from \"AuditEntries\" where \"Action\" = 'lookup'") - AUDITED_BEFORE )), journal segments on disk: $(ls "${JOURNAL:-$WORK/journal}" | grep -c jsonl)"
