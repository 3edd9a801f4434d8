#!/usr/bin/env bash
# Starts or stops a Patroni 3.0.2 cluster of PostgreSQL 15 members on
# 127.0.0.1, with its own single-member etcd as the DCS, for development and
# tests of failover.
#
#   hack/patroni.sh start [DIR]               start etcd and every member (or find them running),
#                                             wait for a leader and running replicas, print export lines
#   hack/patroni.sh stop [DIR]                stop every member, then etcd
#   hack/patroni.sh status [DIR]              exit 0 when etcd and every member run, 3 otherwise
#   hack/patroni.sh env [DIR]                 print the export lines of the running cluster
#   hack/patroni.sh member-stop NAME [DIR]    stop one member cleanly (Patroni stops PostgreSQL and
#                                             releases the leader key)
#   hack/patroni.sh member-kill NAME [DIR]    SIGKILL one member's Patroni and its postmaster, like a
#                                             crashed host; the leader key expires after the ttl
#   hack/patroni.sh member-start NAME [DIR]   start one stopped member again
#
# DIR defaults to ${GBO_STATE_DIR}/patroni. Each member NAME (pg0, pg1, ...)
# keeps its Patroni configuration, PID file, endpoints and log in DIR/NAME and
# its PostgreSQL data in DIR/NAME/data. DIR/etcd holds the etcd started with
# hack/etcd.sh.
#
# Settings, read at the first start of DIR (later starts reuse DIR/settings):
#   GBO_PATRONI_MEMBERS  number of members, 2 or 3 (default 2)
#   GBO_PATRONI_SCOPE    Patroni scope, the cluster name (default gbo-pg)
#   GBO_PATRONI_TTL      leader key ttl in seconds (default 10); loop_wait is 2 and retry_timeout 3,
#                        so a killed primary is replaced about ttl + loop_wait seconds later
#
# Members run as the `postgres` user. PostgreSQL trusts every connection from
# 127.0.0.1, so the cluster is for loopback tests only.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
GBO_LOG_TAG=patroni

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PATRONI_BIN=/usr/bin/patroni
# /usr/bin/patroni is a Python script, so /proc/PID/exe of a member is the interpreter.
PATRONI_EXE=/usr/bin/python3
NAMESPACE=/service/

usage() {
    echo "usage: $0 start|stop|status|env [DIR] | member-stop|member-kill|member-start NAME [DIR]" >&2
    exit 2
}

load_settings() {
    local settings="${dir}/settings"
    if [[ ! -f "$settings" ]]; then
        local wanted_members="${GBO_PATRONI_MEMBERS:-2}" wanted_scope="${GBO_PATRONI_SCOPE:-gbo-pg}"
        local wanted_ttl="${GBO_PATRONI_TTL:-10}"
        [[ "$wanted_members" =~ ^[23]$ ]] ||
            gbo_die "invalid GBO_PATRONI_MEMBERS '${wanted_members}'; give 2 or 3"
        [[ "$wanted_scope" =~ ^[a-z0-9][a-z0-9-]*$ ]] ||
            gbo_die "invalid GBO_PATRONI_SCOPE '${wanted_scope}'; use lower-case letters, digits and '-'"
        [[ "$wanted_ttl" =~ ^[0-9]+$ ]] && (( wanted_ttl >= 8 )) ||
            gbo_die "invalid GBO_PATRONI_TTL '${wanted_ttl}'; give whole seconds, at least 8 (loop_wait 2 + 2 * retry_timeout 3)"
        printf 'members=%s\nscope=%s\nttl=%s\n' "$wanted_members" "$wanted_scope" "$wanted_ttl" >"$settings"
    fi
    # shellcheck disable=SC1090
    source "$settings"
}

member_names() {
    local i
    for (( i = 0; i < members; i++ )); do
        printf 'pg%s\n' "$i"
    done
}

member_pid() {
    gbo_pid_alive "${dir}/$1/pid" "$PATRONI_EXE"
}

etcd_endpoint() {
    cat "${dir}/etcd/endpoint"
}

# Print the port stored in FILE when nothing else listens on it, else a free one.
reuse_or_pick_port() {
    local file="$1" port=""
    [[ -f "$file" ]] && port="$(cut -d: -f2 "$file")"
    if [[ -z "$port" ]] || gbo_port_in_use "$port"; then
        port="$(gbo_free_port)"
    fi
    printf '%s\n' "$port"
}

write_member_config() {
    local name="$1" member_dir="${dir}/$1" pg_port api_port
    pg_port="$(reuse_or_pick_port "${member_dir}/endpoint")"
    api_port="$(reuse_or_pick_port "${member_dir}/api-endpoint")"
    while [[ "$api_port" == "$pg_port" ]]; do
        api_port="$(gbo_free_port)"
    done

    cat >"${member_dir}/patroni.yml" <<EOF
scope: ${scope}
namespace: ${NAMESPACE}
name: ${name}
log:
  level: INFO
restapi:
  listen: 127.0.0.1:${api_port}
  connect_address: 127.0.0.1:${api_port}
etcd3:
  hosts: ["$(etcd_endpoint)"]
bootstrap:
  dcs:
    ttl: ${ttl}
    loop_wait: 2
    retry_timeout: 3
    maximum_lag_on_failover: 1048576
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        wal_level: replica
        hot_standby: "on"
        wal_log_hints: "on"
        max_wal_senders: 10
        max_replication_slots: 10
  initdb: [{encoding: UTF8}, {locale: C.UTF-8}]
  pg_hba:
    - local all all trust
    - host replication replicator 127.0.0.1/32 trust
    - host all all 127.0.0.1/32 trust
postgresql:
  listen: 127.0.0.1:${pg_port}
  connect_address: 127.0.0.1:${pg_port}
  data_dir: ${member_dir}/data
  bin_dir: ${PG_BIN}
  pgpass: ${member_dir}/pgpass
  authentication:
    superuser: {username: postgres, password: postgres}
    replication: {username: replicator, password: replicator}
    rewind: {username: postgres, password: postgres}
  parameters:
    unix_socket_directories: ${member_dir}/run
    shared_buffers: 16MB
    max_connections: 100
    fsync: "off"
    synchronous_commit: "off"
tags: {nofailover: false, noloadbalance: false, clonefrom: false, nosync: false}
EOF
    chown postgres: "${member_dir}/patroni.yml"
    printf '127.0.0.1:%s\n' "$pg_port" >"${member_dir}/endpoint"
    printf '127.0.0.1:%s\n' "$api_port" >"${member_dir}/api-endpoint"
}

start_member() {
    local name="$1" member_dir="${dir}/$1" pid
    if pid="$(member_pid "$name")"; then
        gbo_log "member ${name} runs (PID ${pid})"
        return 0
    fi
    mkdir -p "${member_dir}/run"
    touch "${member_dir}/patroni.log"
    chown postgres: "$member_dir" "${member_dir}/run" "${member_dir}/patroni.log"
    chmod 0700 "$member_dir"
    write_member_config "$name"

    gbo_pid_start "${member_dir}/pid" "${member_dir}/patroni.log" \
        setpriv --reuid postgres --regid postgres --init-groups -- "$PATRONI_BIN" "${member_dir}/patroni.yml"
    pid="$(cat "${member_dir}/pid")"
    local rc=0
    # setpriv execs Patroni, so the PID is Patroni's. GET /patroni returns 200 as soon as the REST API is up.
    gbo_wait_for_start 30 "$pid" "the REST API of ${name}" \
        curl -fsS --max-time 2 -o /dev/null "http://$(cat "${member_dir}/api-endpoint")/patroni" || rc=$?
    if (( rc != 0 )); then
        gbo_log_since_start "${member_dir}/patroni.log" >&2
        gbo_die "Patroni member ${name} did not start; see ${member_dir}/patroni.log"
    fi
    gbo_log "member ${name} (PID ${pid}) serves PostgreSQL on $(cat "${member_dir}/endpoint"), REST API on $(cat "${member_dir}/api-endpoint")"
}

# Succeed when /cluster on any member lists a running leader and every member running.
cluster_is_ready() {
    local name body
    for name in $(member_names); do
        body="$(curl -fsS --max-time 2 "http://$(cat "${dir}/${name}/api-endpoint")/cluster" 2>/dev/null)" || continue
        jq -e --argjson expected "$members" '
            (.members | length) == $expected
            and ([.members[] | select(.role == "leader" and .state == "running")] | length) == 1
            and ([.members[] | select(.state != "running")] | length) == 0' >/dev/null <<<"$body" && return 0
    done
    return 1
}

print_env() {
    local name endpoints=()
    for name in $(member_names); do
        endpoints+=("http://$(cat "${dir}/${name}/api-endpoint")")
    done
    local joined
    joined="$(IFS=,; printf '%s' "${endpoints[*]}")"
    printf 'export GBO_PATRONI_ENDPOINTS=%s\n' "$joined"
    printf 'export GBO_PATRONI_SCOPE=%q\n' "$scope"
    printf 'export GBO_PATRONI_NAMESPACE=%q\n' "$NAMESPACE"
    printf 'export GBO_PATRONI_ETCD=%q\n' "$(etcd_endpoint)"
}

# hack/etcd.sh starts etcd without closing inherited files, so the lock that
# gbo_lock holds is closed for it here. Otherwise etcd would keep it.
start_etcd() {
    (
        for fd in "${GBO_LOCK_FDS[@]}"; do
            exec {fd}>&-
        done
        exec "${GBO_HACK_DIR}/etcd.sh" start "${dir}/etcd" >/dev/null
    )
}

start() {
    gbo_require_commands "$PATRONI_BIN" "${PG_BIN}/postgres" curl jq setpriv
    id postgres >/dev/null 2>&1 ||
        gbo_die "the 'postgres' user does not exist; run hack/install-deps.sh (Debian package postgresql-15 creates it)"
    start_etcd

    local name
    for name in $(member_names); do
        start_member "$name"
    done
    # The first member to take the leader key runs initdb, and the others clone it with pg_basebackup.
    gbo_wait_until 120 "a Patroni leader and ${members} running members" cluster_is_ready ||
        gbo_die "the Patroni cluster in ${dir} did not become ready within 120s; see ${dir}/pg*/patroni.log"
    print_env
}

# Print the PID of the postmaster of one member, from its postmaster.pid.
postmaster_pid() {
    local pid
    pid="$(head -n 1 "${dir}/$1/data/postmaster.pid" 2>/dev/null)" || return 1
    [[ "$pid" =~ ^[0-9]+$ ]] && gbo_process_exists "$pid" || return 1
    [[ "$(readlink "/proc/${pid}/exe" 2>/dev/null)" == "${PG_BIN}/postgres" ]] || return 1
    printf '%s\n' "$pid"
}

# Patroni stops PostgreSQL itself on SIGTERM (a fast shutdown) before it exits.
stop_member() {
    gbo_pid_stop "${dir}/$1/pid" "$PATRONI_EXE" "Patroni member $1" 60
}

kill_member() {
    local name="$1" pid postmaster
    postmaster="$(postmaster_pid "$name" || true)"
    if pid="$(member_pid "$name")"; then
        kill -KILL "$pid" 2>/dev/null || true
        gbo_wait_until 10 "Patroni member ${name} (PID ${pid}) to die" gbo_process_gone "$pid" ||
            gbo_die "Patroni member ${name} (PID ${pid}) survived SIGKILL"
    fi
    rm -f "${dir}/${name}/pid"
    if [[ -n "$postmaster" ]]; then
        # The postmaster runs in its own session, so it outlives Patroni unless it is killed too.
        kill -KILL "$postmaster" 2>/dev/null || true
        gbo_wait_until 10 "the postmaster of ${name} (PID ${postmaster}) to die" gbo_process_gone "$postmaster" ||
            gbo_die "the postmaster of ${name} (PID ${postmaster}) survived SIGKILL"
    fi
    gbo_log "killed member ${name}"
}

stop() {
    local name failed=0
    for name in $(member_names); do
        stop_member "$name" || failed=1
        # A postmaster left by a killed Patroni would keep the data folder and port.
        local postmaster
        if postmaster="$(postmaster_pid "$name")"; then
            gbo_log "stopping the orphaned postmaster of ${name} (PID ${postmaster})"
            kill -INT "$postmaster" 2>/dev/null || true
            gbo_wait_until 30 "the postmaster of ${name} to exit" gbo_process_gone "$postmaster" || failed=1
        fi
    done
    "${GBO_HACK_DIR}/etcd.sh" stop "${dir}/etcd" || failed=1
    (( failed == 0 )) || gbo_die "failed to stop part of the Patroni cluster in ${dir}; see the messages above"
}

status() {
    local name
    [[ -f "${dir}/etcd/pid" ]] && gbo_process_exists "$(cat "${dir}/etcd/pid")" || exit 3
    for name in $(member_names); do
        member_pid "$name" >/dev/null || exit 3
    done
}

check_member_name() {
    member_names | grep -qx -- "$1" ||
        gbo_die "unknown member '$1'; the cluster in ${dir} has: $(member_names | tr '\n' ' ')"
}

[[ $# -ge 1 ]] || usage
gbo_require_root
command="$1"
shift
member=""
case "$command" in
    member-stop | member-kill | member-start)
        [[ $# -ge 1 ]] || usage
        member="$1"
        shift
        ;;
esac
[[ $# -le 1 ]] || usage
mkdir -p "${1:-${GBO_STATE_DIR}/patroni}"
dir="$(cd "${1:-${GBO_STATE_DIR}/patroni}" && pwd)"
gbo_lock "patroni-$(printf '%s' "$dir" | md5sum | cut -c1-12)"
load_settings

case "$command" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    env) print_env ;;
    member-stop) check_member_name "$member" && stop_member "$member" ;;
    member-kill) check_member_name "$member" && kill_member "$member" ;;
    member-start) check_member_name "$member" && start_member "$member" ;;
    *) usage ;;
esac
