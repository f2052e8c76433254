#!/usr/bin/env bash
# A local multi-process LabSandbox cluster on loopback: PostgreSQL 15 (throwaway, unless --connection
# names an existing database), N silo processes clustered through PostgreSQL, and the API as an Orleans
# client of them. Heavy artifacts are stored in PostgreSQL (no shared folder). State (pids, ports, logs,
# binaries, connection string) lives in <repo>/.cluster/.
#
#   cluster.sh up --silos N [--connection "<npgsql connection string>"] [--no-build] [--timeout S]
#                 [--cluster-id ID] [--service-id ID]
#   cluster.sh kill-silo K      SIGKILL silo K (1-based)
#   cluster.sh start-silo K     start silo K again, same ports and configuration
#   cluster.sh status           each silo's pid, ports and liveness; the API URL
#   cluster.sh down             stop everything, drop the throwaway PostgreSQL, remove .cluster/
#
# `up` prints the API's base URL as the last line of stdout; everything else goes to stderr.
# See deploy/local/README.md.
set -euo pipefail

prog=$(basename "$0")
root=$(cd "$(dirname "$0")/../.." && pwd)
state_dir="$root/.cluster"
state_file="$state_dir/state.env"
pg_bin=${LABSANDBOX_PG_BIN:-/usr/lib/postgresql/15/bin}
stop_timeout=${LABSANDBOX_STOP_TIMEOUT:-30}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

usage() {
  cat >&2 <<EOF
usage: $prog <command> [options]

commands:
  up --silos N [--connection "<npgsql connection string>"] [--no-build] [--timeout SECONDS]
               [--cluster-id ID] [--service-id ID]
                    start PostgreSQL (throwaway unless --connection), apply the schema, start N silos
                    and the API in client mode; prints the API base URL as the last line of stdout
  kill-silo K       kill silo K (1-based) with SIGKILL
  start-silo K      start silo K again with the same ports and configuration
  status            each silo's pid, ports and whether it is alive; the API URL
  down              stop the API and silos, stop and delete the throwaway PostgreSQL, remove .cluster/
                    (safe to run when nothing is up)

environment: LABSANDBOX_PG_BIN (default /usr/lib/postgresql/15/bin),
             LABSANDBOX_STOP_TIMEOUT (seconds between SIGTERM and SIGKILL on down, default 30)
EOF
}

log() { printf '%s: %s\n' "$prog" "$*" >&2; }
die() { printf '%s: error: %s\n' "$prog" "$*" >&2; exit 1; }
usage_error() { printf '%s: %s\n\n' "$prog" "$*" >&2; usage; exit 2; }

# initdb and pg_ctl refuse to run as root: use the postgres account when we are root (as scripts/test.sh).
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }

is_uint() { [[ $1 =~ ^[0-9]+$ ]]; }

# A loopback port nothing listens on, outside Linux's ephemeral range and not in the taken list ($@).
# Probed with bash's /dev/tcp: a refused connection means the port is free.
free_port() {
  local p taken
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 12000 ))
    for taken in "$@"; do [ "$p" = "$taken" ] && continue 2; done
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  die "no free loopback port found"
}

# True when pid $1 is a live (not zombie) process whose command line mentions $2 (guards against pid reuse).
is_ours() {
  local pid=$1 what=$2 cmdline state
  [ -n "$pid" ] && is_uint "$pid" || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [ -r "/proc/$pid/cmdline" ]; then
    state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)
    [ "$state" != "Z" ] || return 1
    cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)
    [[ $cmdline == *"$what"* ]]
  fi
}

write_state() {
  local tmp="$state_file.tmp" var
  : >"$tmp"
  for var in SILOS SILO_PORTS GATEWAY_PORTS API_PORT API_URL CONNECTION CLUSTER_ID SERVICE_ID \
             PG_OWNED PG_DIR PG_PORT SILO_DIR API_DIR; do
    printf '%s=%q\n' "$var" "${!var-}" >>"$tmp"
  done
  mv "$tmp" "$state_file"
}

load_state() {
  [ -f "$state_file" ] || die "no cluster is up (no $state_file); run: $prog up --silos N"
  # shellcheck disable=SC1090
  . "$state_file"
  read -r -a silo_ports <<<"$SILO_PORTS"
  read -r -a gateway_ports <<<"$GATEWAY_PORTS"
}

silo_pid() { cat "$state_dir/silo-$1.pid" 2>/dev/null || true; }
api_pid() { cat "$state_dir/api.pid" 2>/dev/null || true; }

# Silo index argument: an integer in 1..SILOS.
check_index() {
  local k=${1-}
  [ -n "$k" ] || usage_error "missing silo index (1..$SILOS)"
  if ! is_uint "$k" || [ "$k" -lt 1 ] || [ "$k" -gt "$SILOS" ]; then
    die "bad silo index '$k': the cluster has silos 1..$SILOS"
  fi
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL access for the readiness check: psql with the libpq equivalents of the Npgsql string.

pg_env_args=()
# Splits an Npgsql (ADO.NET) connection string: key=value pairs separated by ';', a value may be
# quoted with " or ' (a doubled quote inside stands for one).
pg_env_from_connection() {
  local rest=$1 key value q c lower
  pg_env_args=()
  while [ -n "$rest" ]; do
    rest=${rest#"${rest%%[![:space:];]*}"}
    [ -n "$rest" ] || break
    [[ $rest == *=* ]] || break
    key=${rest%%=*}; rest=${rest#*=}
    rest=${rest#"${rest%%[![:space:]]*}"}
    value=""
    if [[ $rest == \"* || $rest == \'* ]]; then
      q=${rest:0:1}; rest=${rest:1}
      while [ -n "$rest" ]; do
        c=${rest:0:1}; rest=${rest:1}
        if [ "$c" = "$q" ]; then
          if [ "${rest:0:1}" = "$q" ]; then value+=$q; rest=${rest:1}; else break; fi
        else
          value+=$c
        fi
      done
      rest=${rest#*;}
    else
      value=${rest%%;*}
      if [[ $rest == *\;* ]]; then rest=${rest#*;}; else rest=""; fi
      value=${value%"${value##*[![:space:]]}"}
    fi
    key=$(printf '%s' "$key" | tr -d ' ' | tr '[:upper:]' '[:lower:]')
    lower=$(printf '%s' "$value" | tr '[:upper:]' '[:lower:]')
    case $key in
      host|server) pg_env_args+=("PGHOST=$value") ;;
      port) pg_env_args+=("PGPORT=$value") ;;
      username|user|userid|uid) pg_env_args+=("PGUSER=$value") ;;
      password|pwd|psw) pg_env_args+=("PGPASSWORD=$value") ;;
      database|db) pg_env_args+=("PGDATABASE=$value") ;;
      sslmode)
        case $lower in
          verifyca) pg_env_args+=("PGSSLMODE=verify-ca") ;;
          verifyfull) pg_env_args+=("PGSSLMODE=verify-full") ;;
          *) pg_env_args+=("PGSSLMODE=$lower") ;;
        esac ;;
    esac
  done
}

psql_cmd() {
  if [ -x "$pg_bin/psql" ]; then echo "$pg_bin/psql"; elif command -v psql >/dev/null; then command -v psql; fi
}

# Prints how many of the silo ports ($@) have their newest incarnation Active (status 3) in the
# membership table, or fails when the table cannot be read.
active_silos() {
  local psql ports sql
  psql=$(psql_cmd)
  [ -n "$psql" ] || return 1
  ports=$(IFS=,; echo "$*")
  sql="SELECT count(*) FROM (SELECT DISTINCT ON (port) port, status FROM orleans_membership_silo
       WHERE deployment_id = '$CLUSTER_ID' AND address = '127.0.0.1' AND port IN ($ports)
       ORDER BY port, generation DESC) newest WHERE status = 3"
  pg_env_from_connection "$CONNECTION"
  env "${pg_env_args[@]}" PGCONNECT_TIMEOUT=5 "$psql" -X -q -t -A -w -c "$sql" 2>/dev/null
}

# Fallback readiness when psql is unavailable: the silo's gateway port accepts connections.
gateway_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# HTTP status of GET $1 (a path) on the API, by bash's /dev/tcp (no curl needed); empty on failure.
http_status() {
  local path=$1 line=""
  {
    exec 3<>"/dev/tcp/127.0.0.1/$API_PORT" || return 0
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$path" "$API_PORT" >&3
    IFS= read -r -t 10 line <&3 || true
    exec 3<&- 3>&-
  } 2>/dev/null
  line=${line%$'\r'}
  printf '%s' "$line" | awk '{print $2}'
}

show_log_tail() {
  local file=$1
  if [ -f "$file" ]; then
    log "last lines of $file:"
    tail -n 25 "$file" | sed 's/^/    /' >&2
  fi
}

# ---------------------------------------------------------------------------------------------
# Processes

start_silo_process() {
  local k=$1 pid
  local silo_port=${silo_ports[$((k - 1))]} gateway_port=${gateway_ports[$((k - 1))]}
  local logfile="$state_dir/logs/silo-$k.log"
  printf '==== %s silo %s starting (silo port %s, gateway port %s)\n' "$(date -u +%FT%TZ)" "$k" "$silo_port" "$gateway_port" >>"$logfile"
  (
    cd "$SILO_DIR"
    # Heavy artifacts go to PostgreSQL (the default with a connection string, stated so an inherited
    # LabSandbox__ArtifactStore=folder cannot split them over per-process folders the API cannot read).
    exec env ConnectionStrings__LabSandbox="$CONNECTION" \
      LabSandbox__ClusterId="$CLUSTER_ID" LabSandbox__ServiceId="$SERVICE_ID" \
      LabSandbox__SiloPort="$silo_port" LabSandbox__GatewayPort="$gateway_port" \
      LabSandbox__AdvertisedAddress=127.0.0.1 LabSandbox__ArtifactStore=postgres \
      DOTNET_gcServer=0 \
      setsid dotnet "$SILO_DIR/LabSandbox.Silo.dll" </dev/null >>"$logfile" 2>&1
  ) &
  pid=$!
  echo "$pid" >"$state_dir/silo-$k.pid"
  log "silo $k: pid $pid, silo port $silo_port, gateway port $gateway_port (log .cluster/logs/silo-$k.log)"
}

start_api_process() {
  local pid logfile="$state_dir/logs/api.log"
  printf '==== %s api starting on %s\n' "$(date -u +%FT%TZ)" "$API_URL" >>"$logfile"
  (
    cd "$API_DIR"
    # Client mode requires API keys by default; this throwaway cluster binds loopback only, so it opts into local
    # mode explicitly (the API refuses to start that way on any other address).
    exec env ConnectionStrings__LabSandbox="$CONNECTION" LabSandbox__Mode=client LabSandbox__Auth__Mode=loopback-open \
      LabSandbox__ClusterId="$CLUSTER_ID" LabSandbox__ServiceId="$SERVICE_ID" \
      LabSandbox__ArtifactStore=postgres DOTNET_gcServer=0 \
      setsid dotnet "$API_DIR/LabSandbox.Api.dll" --urls "$API_URL" </dev/null >>"$logfile" 2>&1
  ) &
  pid=$!
  echo "$pid" >"$state_dir/api.pid"
  log "api: pid $pid, $API_URL (log .cluster/logs/api.log)"
}

# Waits until every silo index in $@ is Active in the membership table (or, without psql, listens on
# its gateway port). Fails early when one of the processes exits.
wait_silos_active() {
  local deadline=$(( SECONDS + $1 )); shift
  local k ports=() active use_psql=1
  for k in "$@"; do ports+=("${silo_ports[$((k - 1))]}"); done
  [ -n "$(psql_cmd)" ] || { use_psql=0; log "psql not found: waiting for the gateway ports instead of the membership table"; }
  while :; do
    for k in "$@"; do
      if ! is_ours "$(silo_pid "$k")" LabSandbox.Silo.dll; then
        show_log_tail "$state_dir/logs/silo-$k.log"
        die "silo $k exited during startup"
      fi
    done
    if [ "$use_psql" = 1 ]; then
      active=$(active_silos "${ports[@]}" || echo 0)
    else
      active=0
      for k in "$@"; do gateway_open "${gateway_ports[$((k - 1))]}" && active=$((active + 1)); done
    fi
    [ "${active:-0}" -ge "$#" ] && return 0
    [ "$SECONDS" -lt "$deadline" ] || die "timed out waiting for silo(s) $* to become active (${active:-0}/$# active); logs in $state_dir/logs"
    sleep 1
  done
}

wait_api_healthy() {
  local deadline=$(( SECONDS + $1 )) code
  while :; do
    if ! is_ours "$(api_pid)" LabSandbox.Api.dll; then
      show_log_tail "$state_dir/logs/api.log"
      die "the API exited during startup"
    fi
    code=$(http_status /health)
    [ "$code" = 200 ] && return 0
    [ "$SECONDS" -lt "$deadline" ] || die "timed out waiting for $API_URL/health (last status: ${code:-no answer})"
    sleep 1
  done
}

# After a process stops being ours (exiting, zombie), give it a few seconds to disappear altogether.
wait_gone() {
  for _ in $(seq 1 50); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
}

# SIGTERM the pids (each "pid:pattern"), SIGKILL whatever is left after the timeout, then wait until
# they are gone.
stop_processes() {
  local entry pid what left deadline=$(( SECONDS + stop_timeout ))
  local -a live=() signalled=()
  for entry in "$@"; do
    pid=${entry%%:*}; what=${entry#*:}
    if is_ours "$pid" "$what"; then kill -TERM "$pid" 2>/dev/null || true; live+=("$entry"); fi
  done
  signalled=("${live[@]+"${live[@]}"}")
  while [ "${#live[@]}" -gt 0 ]; do
    left=()
    for entry in "${live[@]}"; do
      pid=${entry%%:*}; what=${entry#*:}
      is_ours "$pid" "$what" && left+=("$entry")
    done
    live=("${left[@]+"${left[@]}"}")
    [ "${#live[@]}" -gt 0 ] || break
    if [ "$SECONDS" -ge "$deadline" ]; then
      for entry in "${live[@]}"; do
        log "pid ${entry%%:*} still running after ${stop_timeout}s: SIGKILL"
        kill -KILL "${entry%%:*}" 2>/dev/null || true
      done
      break
    fi
    sleep 0.5
  done
  for entry in "${signalled[@]+"${signalled[@]}"}"; do wait_gone "${entry%%:*}"; done
}

stop_pg() {
  [ "${PG_OWNED-0}" = 1 ] && [ -n "${PG_DIR-}" ] || return 0
  if [ -d "$PG_DIR/data" ]; then
    log "stopping PostgreSQL on port ${PG_PORT-?} and deleting $PG_DIR"
    as_pg "'$pg_bin/pg_ctl' -D '$PG_DIR/data' -m fast -w -t 30 stop" >/dev/null 2>&1 \
      || as_pg "'$pg_bin/pg_ctl' -D '$PG_DIR/data' -m immediate -w stop" >/dev/null 2>&1 || true
  fi
  case $PG_DIR in /tmp/labsandbox-cluster-pg.*) rm -rf "$PG_DIR" ;; esac
}

# ---------------------------------------------------------------------------------------------
# Commands

cmd_up() {
  local silos="" connection="" build=1 timeout=180 cluster_id="" service_id=labsandbox
  while [ $# -gt 0 ]; do
    case $1 in
      --silos) [ $# -ge 2 ] || usage_error "--silos needs a value"; silos=$2; shift 2 ;;
      --silos=*) silos=${1#*=}; shift ;;
      --connection) [ $# -ge 2 ] || usage_error "--connection needs a value"; connection=$2; shift 2 ;;
      --connection=*) connection=${1#*=}; shift ;;
      --timeout) [ $# -ge 2 ] || usage_error "--timeout needs a value"; timeout=$2; shift 2 ;;
      --timeout=*) timeout=${1#*=}; shift ;;
      --cluster-id) [ $# -ge 2 ] || usage_error "--cluster-id needs a value"; cluster_id=$2; shift 2 ;;
      --cluster-id=*) cluster_id=${1#*=}; shift ;;
      --service-id) [ $# -ge 2 ] || usage_error "--service-id needs a value"; service_id=$2; shift 2 ;;
      --service-id=*) service_id=${1#*=}; shift ;;
      --no-build) build=0; shift ;;
      -h|--help) usage; exit 0 ;;
      *) usage_error "up: unknown option '$1'" ;;
    esac
  done
  [ -n "$silos" ] || usage_error "up: --silos N is required"
  if ! is_uint "$silos" || [ "$silos" -lt 1 ] || [ "$silos" -gt 32 ]; then
    usage_error "up: --silos must be 1..32, not '$silos'"
  fi
  if ! is_uint "$timeout" || [ "$timeout" -lt 1 ]; then
    usage_error "up: --timeout must be a positive number of seconds"
  fi
  # A fresh cluster id per `up` keeps silos of an earlier cluster (in a reused database) out of the
  # membership; grain state and reminders are keyed by the service id, which stays the same.
  [ -n "$cluster_id" ] || cluster_id="labsandbox-local-$(date +%s)"
  [[ $cluster_id =~ ^[A-Za-z0-9._-]+$ ]] || usage_error "up: --cluster-id may only use letters, digits, '.', '_' and '-'"
  [[ $service_id =~ ^[A-Za-z0-9._-]+$ ]] || usage_error "up: --service-id may only use letters, digits, '.', '_' and '-'"
  if [ -e "$state_dir" ]; then
    die "a cluster is already up (state in $state_dir); run '$prog status' or '$prog down' first"
  fi
  command -v dotnet >/dev/null || die "dotnet not found on PATH (the .NET 10 SDK is needed)"
  command -v setsid >/dev/null || die "setsid not found (util-linux)"

  local started=$SECONDS
  SILOS=$silos CONNECTION=$connection CLUSTER_ID=$cluster_id SERVICE_ID=$service_id
  PG_OWNED=0 PG_DIR="" PG_PORT="" SILO_PORTS="" GATEWAY_PORTS="" API_PORT="" API_URL=""
  SILO_DIR="$state_dir/bin/silo" API_DIR="$state_dir/bin/api"
  silo_ports=() gateway_ports=()

  mkdir -p "$state_dir/logs" "$state_dir/bin"
  chmod 700 "$state_dir"
  write_state
  up_ok=0
  trap 'up_cleanup' EXIT
  trap 'exit 130' INT TERM

  # 1. PostgreSQL
  if [ -z "$CONNECTION" ]; then
    if [ ! -x "$pg_bin/initdb" ]; then
      [ "$(id -u)" -eq 0 ] || die "PostgreSQL 15 binaries missing in $pg_bin: install postgresql-15 (or pass --connection)"
      log "installing postgresql-15 from Debian"
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
    fi
    PG_DIR=$(mktemp -d /tmp/labsandbox-cluster-pg.XXXXXX)
    PG_OWNED=1
    chmod 755 "$PG_DIR"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_DIR"; fi
    PG_PORT=$(free_port)
    write_state
    log "PostgreSQL 15 on 127.0.0.1:$PG_PORT (throwaway, $PG_DIR)"
    as_pg "'$pg_bin/initdb' -D '$PG_DIR/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
    as_pg "'$pg_bin/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/server.log' -w -t 30 start \
      -o \"-p $PG_PORT -k '$PG_DIR' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\"" >/dev/null
    as_pg "'$pg_bin/psql' -X -h 127.0.0.1 -p $PG_PORT -U postgres -d postgres -qc 'CREATE DATABASE labsandbox'"
    CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=labsandbox"
    write_state
  else
    log "using the existing database of --connection"
  fi

  # 2. Binaries: build, then run from a snapshot in .cluster/bin so that rebuilds do not touch them.
  local silo_out="$root/src/Silo/bin/Release/net10.0" api_out="$root/src/Client.Api/bin/Release/net10.0"
  if [ "$build" = 1 ]; then
    log "building src/Silo and src/Client.Api (Release)"
    dotnet build "$root/src/Silo/Silo.csproj" -c Release -v minimal -nologo >&2
    dotnet build "$root/src/Client.Api/Client.Api.csproj" -c Release -v minimal -nologo >&2
  fi
  [ -f "$silo_out/LabSandbox.Silo.dll" ] || die "missing $silo_out/LabSandbox.Silo.dll (run without --no-build)"
  [ -f "$api_out/LabSandbox.Api.dll" ] || die "missing $api_out/LabSandbox.Api.dll (run without --no-build)"
  cp -a "$silo_out" "$SILO_DIR"
  cp -a "$api_out" "$API_DIR"

  # 3. Schema
  log "applying the schema (migrate)"
  dotnet "$SILO_DIR/LabSandbox.Silo.dll" migrate --connection "$CONNECTION" >&2 || die "migrate failed"

  # 4. Ports: N silo ports, N gateway ports, one API port, all distinct.
  local k taken=("${PG_PORT:-0}")
  for k in $(seq 1 "$SILOS"); do
    silo_ports+=("$(free_port "${taken[@]}")"); taken+=("${silo_ports[-1]}")
    gateway_ports+=("$(free_port "${taken[@]}")"); taken+=("${gateway_ports[-1]}")
  done
  API_PORT=$(free_port "${taken[@]}")
  API_URL="http://127.0.0.1:$API_PORT"
  SILO_PORTS="${silo_ports[*]}" GATEWAY_PORTS="${gateway_ports[*]}"
  write_state

  # 5. Silos, then the API once they are all active.
  log "cluster id $CLUSTER_ID, service id $SERVICE_ID"
  for k in $(seq 1 "$SILOS"); do start_silo_process "$k"; done
  # shellcheck disable=SC2046
  wait_silos_active "$timeout" $(seq 1 "$SILOS")
  log "all $SILOS silos active after $(( SECONDS - started ))s"
  start_api_process
  wait_api_healthy "$timeout"
  log "API healthy after $(( SECONDS - started ))s: $API_URL"

  up_ok=1
  trap - EXIT INT TERM
  echo "$API_URL"
}

up_cleanup() {
  local rc=$?
  if [ "${up_ok-1}" != 1 ]; then
    local keep
    keep=$(mktemp -d /tmp/labsandbox-cluster-failed.XXXXXX)
    cp -a "$state_dir/logs" "$keep/" 2>/dev/null || true
    if [ -n "${PG_DIR-}" ]; then cp "$PG_DIR/server.log" "$keep/logs/postgresql.log" 2>/dev/null || true; fi
    if [ -n "$(ls -A "$keep/logs" 2>/dev/null)" ]; then
      log "up failed: tearing down (logs kept in $keep/logs)"
    else
      rm -rf "$keep"
      log "up failed: tearing down"
    fi
    do_down || true
    [ "$rc" -ne 0 ] || rc=1
  fi
  exit "$rc"
}

do_down() {
  # shellcheck disable=SC1090
  if [ -f "$state_file" ]; then . "$state_file"; fi
  local n=${SILOS-0} k pids=()
  is_uint "$n" || n=0
  if [ -n "$(api_pid)" ]; then
    log "stopping the API (pid $(api_pid))"
    stop_processes "$(api_pid):LabSandbox.Api.dll"
  fi
  for k in $(seq 1 "$n"); do
    [ -n "$(silo_pid "$k")" ] && pids+=("$(silo_pid "$k"):LabSandbox.Silo.dll")
  done
  if [ "${#pids[@]}" -gt 0 ]; then
    log "stopping ${#pids[@]} silo(s)"
    stop_processes "${pids[@]}"
  fi
  stop_pg
  rm -rf "$state_dir"
}

cmd_down() {
  [ $# -eq 0 ] || usage_error "down takes no arguments"
  if [ ! -e "$state_dir" ]; then log "nothing is up"; return 0; fi
  do_down
  log "down"
}

cmd_kill_silo() {
  [ $# -le 1 ] || usage_error "kill-silo takes one silo index"
  load_state
  check_index "${1-}"
  local k=$1 pid
  pid=$(silo_pid "$k")
  is_ours "$pid" LabSandbox.Silo.dll || die "silo $k is not running"
  kill -KILL "$pid"
  wait_gone "$pid"
  log "silo $k (pid $pid) killed with SIGKILL"
}

cmd_start_silo() {
  [ $# -le 1 ] || usage_error "start-silo takes one silo index"
  load_state
  check_index "${1-}"
  local k=$1 pid started=$SECONDS
  pid=$(silo_pid "$k")
  if is_ours "$pid" LabSandbox.Silo.dll; then die "silo $k is already running (pid $pid)"; fi
  start_silo_process "$k"
  wait_silos_active 180 "$k"
  log "silo $k active after $(( SECONDS - started ))s"
}

cmd_status() {
  [ $# -eq 0 ] || usage_error "status takes no arguments"
  if [ ! -f "$state_file" ]; then log "no cluster is up"; return 1; fi
  load_state
  local k pid alive active_note=""
  if [ -n "$(psql_cmd)" ] && [ -n "$CONNECTION" ]; then
    active_note=" ($(active_silos "${silo_ports[@]}" || echo '?')/$SILOS active in the membership table)"
  fi
  echo "cluster $CLUSTER_ID (service $SERVICE_ID), $SILOS silo(s)$active_note"
  for k in $(seq 1 "$SILOS"); do
    pid=$(silo_pid "$k")
    if is_ours "$pid" LabSandbox.Silo.dll; then alive=alive; else alive=dead; fi
    printf 'silo %-2s pid %-8s silo port %-6s gateway port %-6s %s\n' "$k" "${pid:--}" "${silo_ports[$((k - 1))]}" "${gateway_ports[$((k - 1))]}" "$alive"
  done
  pid=$(api_pid)
  if is_ours "$pid" LabSandbox.Api.dll; then alive="alive, /health $(http_status /health || true)"; else alive=dead; fi
  printf 'api     pid %-8s %s %s\n' "${pid:--}" "$API_URL" "$alive"
  if [ "$PG_OWNED" = 1 ]; then
    echo "postgres 127.0.0.1:$PG_PORT (throwaway, $PG_DIR)"
  else
    echo "postgres: the database of --connection"
  fi
  echo "$API_URL"
}

main() {
  [ $# -ge 1 ] || usage_error "missing command"
  local cmd=$1; shift
  case $cmd in
    up) cmd_up "$@" ;;
    down) cmd_down "$@" ;;
    kill-silo) cmd_kill_silo "$@" ;;
    start-silo) cmd_start_silo "$@" ;;
    status) cmd_status "$@" ;;
    -h|--help|help) usage ;;
    *) usage_error "unknown command '$cmd'" ;;
  esac
}

main "$@"
