#!/usr/bin/env bash
# Start, stop or report Debian's LXD daemon (5.0.2) as a plain background
# process with all of its state under ${GBO_STATE_DIR}/lxd.
#
#   hack/lxd.sh start    start LXD if needed, initialise it once, print its env
#   hack/lxd.sh stop     stop every instance and the daemon
#   hack/lxd.sh status   exit 0 when running, 3 when stopped
#   hack/lxd.sh env      print `export` lines for LXD_DIR, LXD_CONF and LXD_SOCKET
#
# The first start creates a `dir` storage pool named `default` and a default
# profile holding only the root disk. No managed network is created, so
# instances have no NIC unless a caller adds one; the host reaches them only
# through proxy devices.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
GBO_LOG_TAG=lxd

LXD_BIN=/usr/bin/lxd
LXD_START_TIMEOUT="${GBO_LXD_START_TIMEOUT:-60}"
LXD_STOP_TIMEOUT="${GBO_LXD_STOP_TIMEOUT:-120}"

lxd_dir="${GBO_STATE_DIR}/lxd"
pidfile="${lxd_dir}/lxd.pid"
logfile="${lxd_dir}/lxd.log"
# stdout and stderr of the daemon: a copy of what --logfile receives, plus
# output from outside the logger, such as a Go runtime panic.
console_log="${lxd_dir}/lxd.console.log"

# LXD fetches cloud instance-type definitions from a public image server at
# start and then daily (the instanceRefreshTypes task); no setting turns that
# off. Its HTTP client falls back to these variables when core.proxy_* is
# unset, so the request goes to a closed loopback port instead of resolving a
# public host name. Remote image servers are never used here.
LXD_PROXY_ENV=(HTTPS_PROXY=http://127.0.0.1:9 HTTP_PROXY=http://127.0.0.1:9 NO_PROXY=)

# The daemon and the `lxc` client both read LXD_DIR to find the socket.
# LXD_CONF keeps the client's config out of $HOME.
export LXD_DIR="${lxd_dir}/var"
export LXD_CONF="${lxd_dir}/client"
socket="${LXD_DIR}/unix.socket"

print_env() {
    printf 'export LXD_DIR=%q\n' "$LXD_DIR"
    printf 'export LXD_CONF=%q\n' "$LXD_CONF"
    printf 'export LXD_SOCKET=%q\n' "$socket"
}

socket_responds() {
    [[ -S "$socket" ]] && "$LXD_BIN" waitready --timeout 1 >/dev/null 2>&1
}

check_host() {
    gbo_require_root
    gbo_require_commands "$LXD_BIN" lxc ss

    # sun_path has room for 108 bytes including the terminating NUL.
    local longest="${LXD_DIR}/devlxd/sock"
    (( ${#longest} <= 107 )) ||
        gbo_die "LXD_DIR '${LXD_DIR}' is too long for a unix socket path (${#longest} > 107 bytes); set GBO_STATE_DIR to a shorter folder"

    # liblxc needs the cgroup hierarchies mounted; without systemd nothing
    # mounts them for us.
    [[ -d /sys/fs/cgroup ]] && mountpoint -q /sys/fs/cgroup ||
        gbo_die "/sys/fs/cgroup is not mounted; mount a cgroup2 hierarchy there (mount -t cgroup2 cgroup2 /sys/fs/cgroup) and retry"

    # Unprivileged containers run as root's subordinate ids and must be able
    # to traverse every parent folder of the storage pool.
    local dir="$lxd_dir"
    while [[ "$dir" != "/" ]]; do
        dir="$(dirname "$dir")"
        if [[ -d "$dir" ]] && ! (( 8#$(stat -c '%a' "$dir") & 1 )); then
            gbo_die "folder '${dir}' is not searchable by others (mode $(stat -c '%a' "$dir")); unprivileged containers cannot reach their root file system below it. Run 'chmod o+x ${dir}' or set GBO_STATE_DIR elsewhere"
        fi
    done
    grep -q '^root:' /etc/subuid && grep -q '^root:' /etc/subgid ||
        gbo_die "/etc/subuid or /etc/subgid has no entry for root; add 'root:1000000:1000000000' to both (Debian's lxd package adds one on install)"
}

# Apply the preseed once. An existing `default` storage pool means the
# daemon was initialised before, and its configuration is left alone.
initialise() {
    if lxc storage show default >/dev/null 2>&1; then
        return 0
    fi
    gbo_log "initialising LXD: dir storage pool 'default', no managed network"
    lxd init --preseed <<'PRESEED' ||
config: {}
networks: []
storage_pools:
- name: default
  driver: dir
  description: Instance root file systems, kept under LXD_DIR
  config: {}
profiles:
- name: default
  description: Root disk only; no NIC, so instances have loopback only
  config: {}
  devices:
    root:
      type: disk
      path: /
      pool: default
PRESEED
        gbo_die "lxd init --preseed failed; read ${logfile} and 'lxc storage list'"
}

start() {
    check_host
    mkdir -p "$lxd_dir" "$LXD_DIR" "$LXD_CONF"
    chmod 0711 "$lxd_dir"

    local pid
    if pid="$(gbo_pid_alive "$pidfile" "$LXD_BIN")"; then
        gbo_log "LXD is already running (PID ${pid})"
    elif socket_responds; then
        gbo_die "an LXD daemon not started by this script serves ${socket}; stop it first (lxd shutdown, with LXD_DIR=${LXD_DIR})"
    else
        rm -f "$pidfile"
        gbo_log "starting LXD $("$LXD_BIN" --version) with LXD_DIR=${LXD_DIR}"
        gbo_pid_start "$pidfile" "$console_log" \
            env "${LXD_PROXY_ENV[@]}" "$LXD_BIN" --group root --logfile "$logfile"
        pid="$(cat "$pidfile")"
        local result=0
        gbo_wait_for_start "$LXD_START_TIMEOUT" "$pid" "LXD on ${socket}" \
            "$LXD_BIN" waitready --timeout 1 || result=$?
        case "$result" in
            0) ;;
            2)
                rm -f "$pidfile"
                gbo_die "LXD exited during startup; its output:
$(gbo_log_since_start "$console_log")"
                ;;
            *) gbo_die "LXD (PID ${pid}) did not respond on ${socket} within ${LXD_START_TIMEOUT}s; read ${logfile}, then run '$0 stop'" ;;
        esac
        gbo_log "LXD is ready (PID ${pid})"
    fi

    initialise
    print_env
}

# Fail when containers of this LXD_DIR still run without a daemon.
check_leftovers() {
    # Containers outlive a killed daemon as `[lxc monitor]` processes.
    local leftovers
    leftovers="$(pgrep -af "lxc monitor\] ${LXD_DIR}/containers" || true)"
    if [[ -n "$leftovers" ]]; then
        gbo_log "container processes of ${LXD_DIR} are running without LXD:
${leftovers}
Run '$0 start' (LXD adopts them), then '$0 stop' to stop them."
        return 1
    fi
}

stop() {
    local pid
    if ! pid="$(gbo_pid_alive "$pidfile" "$LXD_BIN")"; then
        rm -f "$pidfile"
        gbo_log "LXD is not running"
        check_leftovers
        return
    fi

    # `lxd shutdown` stops every instance (each within its
    # boot.host_shutdown_timeout, 30 s by default) and then ends the daemon.
    # A plain SIGTERM would leave the containers running.
    gbo_log "stopping all instances and LXD (PID ${pid})"
    if "$LXD_BIN" shutdown --timeout "$LXD_STOP_TIMEOUT" >/dev/null 2>&1 &&
        gbo_wait_until 30 "LXD (PID ${pid}) to exit" gbo_process_gone "$pid"; then
        rm -f "$pidfile"
        gbo_log "LXD stopped"
    else
        gbo_log "lxd shutdown did not finish within ${LXD_STOP_TIMEOUT}s; falling back to signals"
        gbo_pid_stop "$pidfile" "$LXD_BIN" LXD 30
    fi
    check_leftovers
}

status() {
    local pid
    if pid="$(gbo_pid_alive "$pidfile" "$LXD_BIN")"; then
        local instances
        instances="$(lxc list --format csv --columns ns 2>/dev/null | wc -l)"
        printf 'LXD running: PID %s, socket %s, %s instance(s)\n' "$pid" "$socket" "$instances"
        return 0
    fi
    printf 'LXD stopped (state folder %s)\n' "$lxd_dir"
    return 3
}

case "${1:-}" in
    start) gbo_lock lxd; start ;;
    stop) gbo_lock lxd; stop ;;
    status) status ;;
    env) print_env ;;
    *)
        printf 'usage: %s start|stop|status|env\n' "$0" >&2
        exit 2
        ;;
esac
