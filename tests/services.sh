#!/usr/bin/env bash
# Starts (or stops) a private PostgreSQL 15 and Redis on loopback for the tests that need them, and for a cluster
# run by hand. Nothing else on the machine is touched: each has its own data directory under DIR and its own port.
#
#   tests/services.sh start DIR   # installs postgresql/redis-server with apt if missing (as root), starts both,
#                                 # writes DIR/env.sh (export CC_TEST_POSTGRES=… CC_TEST_REDIS=…) and prints it
#   tests/services.sh stop DIR    # stops both (fast shutdown) and leaves the data in DIR
#
# Ports: CC_PG_PORT (55432) and CC_REDIS_PORT (56379); a port already taken is replaced by the next free one.
# PostgreSQL refuses to run as root: as root, the server runs as the 'postgres' user (created by the Debian package),
# and DIR's data folder is handed to it. Authentication is 'trust' on 127.0.0.1 only: a test instance, never a deployment.
set -uo pipefail

cmd=${1:-}
dir=${2:-}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
pgdata=$dir/pg
pglog=$dir/pg.log
redisdir=$dir/redis

pgbin=
for v in 15 16 17; do
  if [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]; then pgbin=/usr/lib/postgresql/$v/bin; break; fi
done

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local p=$1
  while ! port_free "$p"; do p=$((p + 1)); done
  echo "$p"
}

running() {
  [ -f "$dir/env.sh" ] || return 1
  local pgport redisport
  pgport=$(grep -o 'Port=[0-9]*' "$dir/env.sh" | grep -o '[0-9]*')
  redisport=$(grep -o "127.0.0.1:[0-9]*'" "$dir/env.sh" | grep -o '[0-9]*')
  [ -n "$pgbin" ] && "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$pgport" \
    && redis-cli -h 127.0.0.1 -p "$redisport" ping >/dev/null 2>&1
}

start() {
  # One start at a time for DIR (two test processes may ask at once); a running pair is reused. The servers are
  # started with fd 9 closed: a daemon that inherited it would hold the lock for as long as it runs.
  exec 9>"$dir/.lock"
  flock 9
  if running; then cat "$dir/env.sh"; return 0; fi
  stop
  local need=()
  [ -n "$pgbin" ] || need+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
  if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "installing ${need[*]}" >&2
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
        || { echo "apt-get install ${need[*]} failed" >&2; return 1; }
      # The Debian package starts its own cluster on 5432; ours does not need it.
      command -v pg_ctlcluster >/dev/null 2>&1 && pg_lsclusters -h 2>/dev/null | while read -r v c _; do
        pg_ctlcluster "$v" "$c" stop 2>/dev/null || true; done
      for v in 15 16 17; do
        if [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]; then pgbin=/usr/lib/postgresql/$v/bin; break; fi
      done
    else
      echo "please install with apt: ${need[*]}" >&2
      return 1
    fi
  fi

  # PostgreSQL
  local pgport redisport
  pgport=$(free_port "${CC_PG_PORT:-55432}")
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    mkdir -p "$pgdata"
    [ "$(id -u)" = 0 ] && chown -R postgres: "$pgdata"
    as_pg "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; return 1; }
  fi
  # The socket goes to the data folder (the default /var/run/postgresql may not exist or be writable).
  touch "$pglog"; [ "$(id -u)" = 0 ] && chown postgres: "$pglog"
  as_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pglog" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $pgport -k $pgdata -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null 9>&- || { tail -20 "$pglog" >&2; return 1; }

  # Redis
  redisport=$(free_port "${CC_REDIS_PORT:-56379}")
  mkdir -p "$redisdir"
  redis-server --bind 127.0.0.1 --port "$redisport" --dir "$redisdir" --save '' --appendonly no \
    --daemonize yes --pidfile "$redisdir/redis.pid" --logfile "$redisdir/redis.log" 9>&- \
    || { echo "redis-server did not start" >&2; return 1; }
  for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p "$redisport" ping >/dev/null 2>&1 && break
    sleep 0.1
  done

  cat >"$dir/env.sh" <<EOF
export CC_TEST_POSTGRES='Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres'
export CC_TEST_REDIS='127.0.0.1:$redisport'
EOF
  cat "$dir/env.sh"
}

stop() {
  if [ -n "$pgbin" ] && [ -f "$pgdata/postmaster.pid" ]; then
    as_pg "$pgbin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [ -f "$redisdir/redis.pid" ]; then
    local pid
    pid=$(cat "$redisdir/redis.pid")
    kill "$pid" 2>/dev/null || true
    rm -f "$redisdir/redis.pid"
  fi
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
