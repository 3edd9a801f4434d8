#!/usr/bin/env bash
# Starts or stops one plain PostgreSQL 15 server on 127.0.0.1 with its data
# under one folder, for development and tests (shard servers, re-pointing
# targets). Patroni-managed clusters have their own script.
#
#   hack/postgres.sh start DATA_DIR   start the server (or find it running) and print HOST:PORT
#   hack/postgres.sh stop DATA_DIR    stop the server started for DATA_DIR
#   hack/postgres.sh status DATA_DIR  exit 0 when it runs, 3 when it is stopped
#
# The server runs as the `postgres` user, listens on 127.0.0.1 only and keeps
# its socket in DATA_DIR/run. It trusts every connection from 127.0.0.1, so it
# is for loopback tests only. The superuser is `postgres`. DATA_DIR/endpoint
# contains HOST:PORT and DATA_DIR/postgres.log the log.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
GBO_LOG_TAG=postgres

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

usage() {
    echo "usage: $0 start|stop|status DATA_DIR" >&2
    exit 2
}

pg_as_postgres() {
    setpriv --reuid postgres --regid postgres --init-groups -- "$@"
}

is_ready() {
    "${PG_BIN}/pg_isready" -q -h 127.0.0.1 -p "$1"
}

running_pid() {
    gbo_pid_alive "${data_dir}/pid" "${PG_BIN}/postgres"
}

initialise() {
    [[ -f "${data_dir}/cluster/PG_VERSION" ]] && return 0
    gbo_log "initialising a new cluster in ${data_dir}/cluster"
    pg_as_postgres "${PG_BIN}/initdb" --pgdata "${data_dir}/cluster" --username postgres \
        --auth-local trust --auth-host trust --encoding UTF8 --locale C.UTF-8 >>"${data_dir}/postgres.log" 2>&1 ||
        gbo_die "initdb failed; see ${data_dir}/postgres.log"
}

start() {
    local pid port
    if pid="$(running_pid)"; then
        port="$(cut -d: -f2 "${data_dir}/endpoint")"
        gbo_wait_until 30 "PostgreSQL (PID ${pid}) on port ${port}" is_ready "$port" ||
            gbo_die "PostgreSQL (PID ${pid}) runs but does not accept connections on ${port}; see ${data_dir}/postgres.log"
        cat "${data_dir}/endpoint"
        return 0
    fi
    [[ -x "${PG_BIN}/postgres" ]] || gbo_die "${PG_BIN}/postgres is missing; run hack/install-deps.sh (Debian package postgresql-15)"
    id postgres >/dev/null 2>&1 || gbo_die "the 'postgres' user does not exist; run hack/install-deps.sh (Debian package postgresql-15 creates it)"

    mkdir -p "${data_dir}/run"
    chown postgres: "$data_dir" "${data_dir}/run"
    touch "${data_dir}/postgres.log" && chown postgres: "${data_dir}/postgres.log"
    initialise

    port=""
    [[ -f "${data_dir}/endpoint" ]] && port="$(cut -d: -f2 "${data_dir}/endpoint")"
    if [[ -z "$port" ]] || gbo_port_in_use "$port"; then
        port="$(gbo_free_port)"
    fi

    gbo_pid_start "${data_dir}/pid" "${data_dir}/postgres.log" \
        setpriv --reuid postgres --regid postgres --init-groups -- "${PG_BIN}/postgres" -D "${data_dir}/cluster" \
        -c listen_addresses=127.0.0.1 -c port="$port" \
        -c unix_socket_directories="${data_dir}/run" -c max_connections=200 \
        -c fsync=off -c synchronous_commit=off
    pid="$(cat "${data_dir}/pid")"
    # setpriv execs postgres, so the PID is the postmaster's.
    local rc=0
    gbo_wait_for_start 60 "$pid" "PostgreSQL on 127.0.0.1:${port}" is_ready "$port" || rc=$?
    if (( rc != 0 )); then
        gbo_log_since_start "${data_dir}/postgres.log" >&2
        gbo_die "PostgreSQL did not start on 127.0.0.1:${port}; see ${data_dir}/postgres.log"
    fi
    printf '127.0.0.1:%s\n' "$port" >"${data_dir}/endpoint"
    gbo_log "PostgreSQL (PID ${pid}) listens on 127.0.0.1:${port}"
    cat "${data_dir}/endpoint"
}

stop() {
    # SIGTERM is PostgreSQL's "smart" shutdown, which waits for clients to
    # disconnect. SIGINT is the "fast" shutdown, which ends their sessions.
    local pid
    if pid="$(running_pid)"; then
        kill -INT "$pid" 2>/dev/null || true
    fi
    gbo_pid_stop "${data_dir}/pid" "${PG_BIN}/postgres" "PostgreSQL in ${data_dir}" 30
}

[[ $# -eq 2 ]] || usage
gbo_require_root
command="$1"
mkdir -p "$2"
data_dir="$(cd "$2" && pwd)"

case "$command" in
    start) start ;;
    stop) stop ;;
    status) running_pid >/dev/null || exit 3 ;;
    *) usage ;;
esac
