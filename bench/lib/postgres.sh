# Shared by the benchmark scripts (bench/*/run.sh): a free TCP port, and a throwaway durable PostgreSQL cluster.
# start_postgres sets pg_base (a connection string without Database), pgdir, pgbin and as_pg (the command prefix that
# runs as the postgres user when we are root); the caller's cleanup stops the cluster with them. With
# TRADEWIND_BENCH_PG set, that server is used instead and nothing is started. PG_EXTRA_OPTS adds server options.
free_port() {
  for candidate in $(shuf -i "$1" -n 40); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then echo "$candidate"; return; fi
  done
  echo "no free port in $1" >&2; exit 1
}

start_postgres() {
  if [ -n "${TRADEWIND_BENCH_PG:-}" ]; then pg_base=$TRADEWIND_BENCH_PG; return; fi
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || {
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends postgresql
  }
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pgdir=$(mktemp -d -t tradewind-bench-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home "$pgdir" postgres
    chown postgres "$pgdir"; as_pg=(runuser -u postgres --)
  fi
  "${as_pg[@]}" "$pgbin/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pgdir/initdb.log" 2>&1 \
    || { cat "$pgdir/initdb.log" >&2; exit 1; }
  # Durable, as in production: fsync, synchronous_commit and full_page_writes keep their defaults (on).
  # Another cluster may take the port between the check and the start (test runs share the machine): try a few.
  local port started=""
  for _ in 1 2 3 4 5; do
    port=$(free_port 50000-59999)
    if "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 \
      -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 ${PG_EXTRA_OPTS:-} -c shared_buffers=256MB -c max_wal_size=4GB" start >/dev/null; then
      started=1; break
    fi
  done
  [ -n "$started" ] || { cat "$pgdir/server.log" >&2; exit 1; }
  pg_base="Host=127.0.0.1;Port=$port;Username=postgres"
  say "PostgreSQL (durable, throwaway) on 127.0.0.1:$port"
}
