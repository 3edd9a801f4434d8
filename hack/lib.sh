# Shared helpers for the hack/ scripts. Source it; it sets no shell options
# of its own, so each caller keeps its own `set -euo pipefail`.

GBO_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GBO_HACK_DIR="${GBO_REPO_ROOT}/hack"

# Root of all runtime state (daemons' data, logs, PID files).
GBO_STATE_DIR="${GBO_STATE_DIR:-${GBO_REPO_ROOT}/.state}"

# File descriptors of the locks taken with gbo_lock.
GBO_LOCK_FDS=()

gbo_log() {
    printf '%s [%s] %s\n' "$(date -u +%H:%M:%S)" "${GBO_LOG_TAG:-hack}" "$*" >&2
}

# Print an error and exit 1. The message should name what failed and what to do.
gbo_die() {
    printf '%s [%s] ERROR: %s\n' "$(date -u +%H:%M:%S)" "${GBO_LOG_TAG:-hack}" "$*" >&2
    exit 1
}

# Create and print the state folder of one component, e.g. `gbo_state_dir lxd`.
gbo_state_dir() {
    local dir="${GBO_STATE_DIR}/$1"
    mkdir -p "$dir"
    printf '%s\n' "$dir"
}

# Hold an exclusive lock named NAME under the state folder until the calling
# script exits, so two copies of a script do not start the same daemon twice.
# Waits up to 300 s for another holder.
gbo_lock() {
    local name="$1" fd
    mkdir -p "$GBO_STATE_DIR"
    exec {fd}>"${GBO_STATE_DIR}/.${name}.lock"
    GBO_LOCK_FDS+=("$fd")
    flock -w 300 "$fd" ||
        gbo_die "timed out after 300s waiting for ${GBO_STATE_DIR}/.${name}.lock; another hack/ script holds it (find it with 'fuser ${GBO_STATE_DIR}/.${name}.lock')"
}

gbo_require_root() {
    [[ "$(id -u)" -eq 0 ]] || gbo_die "$0 must run as root (it starts daemons and installs packages); rerun it with sudo"
}

# Fail unless every named command is on PATH.
gbo_require_commands() {
    local cmd
    for cmd in "$@"; do
        command -v "$cmd" >/dev/null 2>&1 ||
            gbo_die "command '$cmd' not found; run hack/install-deps.sh first"
    done
}

# Succeed when something listens on TCP 127.0.0.1:PORT.
gbo_port_listening() {
    local port="$1"
    [[ -n "$(ss -Htln "sport = :${port}" 2>/dev/null)" ]]
}

# Succeed when a TCP socket other than one in TIME-WAIT has local PORT. A
# client connection that took the port as its source port blocks a bind too,
# while TIME-WAIT does not block servers that set SO_REUSEADDR.
gbo_port_in_use() {
    local port="$1"
    [[ -n "$(ss -Htan exclude time-wait "sport = :${port}" 2>/dev/null)" ]]
}

# Print a TCP port on 127.0.0.1 that no socket uses, picked at random from
# [low, high]. The default, 20000-32767, lies below Linux's default range of
# source ports for client connections (32768-60999). Another process may still
# take it before the caller binds it, so callers that can should retry on
# "address in use".
gbo_free_port() {
    local low="${1:-20000}" high="${2:-32767}" attempt port
    for attempt in $(seq 1 200); do
        port=$(( low + (RANDOM * 32768 + RANDOM) % (high - low + 1) ))
        if ! gbo_port_in_use "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    gbo_die "no free TCP port found on 127.0.0.1 in ${low}-${high} after 200 attempts"
}

# Run COMMAND every 0.2 s until it succeeds or TIMEOUT seconds pass.
# Usage: gbo_wait_until TIMEOUT DESCRIPTION COMMAND [ARG...]
# Returns 1 on timeout after logging DESCRIPTION, so callers decide whether
# that is fatal.
gbo_wait_until() {
    local timeout="$1" description="$2"
    shift 2
    local deadline=$(( SECONDS + timeout ))
    while true; do
        if "$@" >/dev/null 2>&1; then
            return 0
        fi
        if (( SECONDS >= deadline )); then
            gbo_log "timed out after ${timeout}s waiting for ${description}"
            return 1
        fi
        sleep 0.2
    done
}

# Succeed when process PID exists and is not a zombie. A daemon started with
# setsid is reparented when its starter exits, and a zombie stays visible to
# `kill -0` until its new parent reaps it.
gbo_process_exists() {
    local pid="$1" state
    kill -0 "$pid" 2>/dev/null || return 1
    state="$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/${pid}/stat" 2>/dev/null || true)"
    [[ -n "$state" && "$state" != "Z" ]]
}

gbo_process_gone() {
    ! gbo_process_exists "$1"
}

# Print the PID stored in PIDFILE when that process is alive and runs the
# executable EXE. Checking the executable guards against a reused PID.
# Fail when either check fails.
gbo_pid_alive() {
    local pidfile="$1" exe="$2" pid actual
    [[ -f "$pidfile" ]] || return 1
    pid="$(cat "$pidfile" 2>/dev/null || true)"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    gbo_process_exists "$pid" || return 1
    actual="$(readlink "/proc/${pid}/exe" 2>/dev/null || true)"
    # A deleted binary (package upgraded under a running daemon) reads as "PATH (deleted)".
    [[ "${actual% (deleted)}" == "$(readlink -f "$exe")" ]] || return 1
    printf '%s\n' "$pid"
}

# Start COMMAND in the background in its own session, with stdout and stderr
# appended to LOGFILE, and write its PID to PIDFILE.
# Usage: gbo_pid_start PIDFILE LOGFILE COMMAND [ARG...]
gbo_pid_start() {
    local pidfile="$1" logfile="$2"
    shift 2
    mkdir -p "$(dirname "$pidfile")" "$(dirname "$logfile")"
    printf '\n=== %s start: %s\n' "$(date -u +%FT%TZ)" "$*" >>"$logfile"
    # The subshell closes the lock files that gbo_lock opened, because a
    # daemon that inherited one would hold the lock until it exits. Both
    # `exec`s keep the subshell's PID, so $! is the daemon's PID.
    (
        for fd in "${GBO_LOCK_FDS[@]}"; do
            exec {fd}>&-
        done
        exec setsid "$@" </dev/null >>"$logfile" 2>&1
    ) &
    printf '%s\n' "$!" >"$pidfile"
}

# Wait until COMMAND succeeds while process PID keeps running.
# Usage: gbo_wait_for_start TIMEOUT PID DESCRIPTION COMMAND [ARG...]
# Returns 0 when COMMAND succeeded, 1 on timeout and 2 when PID exited first,
# so a daemon that dies at startup is reported at once.
gbo_wait_for_start() {
    local timeout="$1" pid="$2" description="$3"
    shift 3
    local deadline=$(( SECONDS + timeout ))
    while true; do
        if "$@" >/dev/null 2>&1; then
            return 0
        fi
        if gbo_process_gone "$pid"; then
            return 2
        fi
        if (( SECONDS >= deadline )); then
            gbo_log "timed out after ${timeout}s waiting for ${description}"
            return 1
        fi
        sleep 0.2
    done
}

# Print the lines that LOGFILE received since the last gbo_pid_start, at
# most the last 20.
gbo_log_since_start() {
    awk '/^=== .* start: /{buffer=""} {buffer=buffer $0 "\n"} END{printf "%s", buffer}' "$1" | tail -n 20
}

# Send SIGTERM to the process in PIDFILE, wait up to TIMEOUT seconds, then
# send SIGKILL. Removes PIDFILE. Succeeds when no such process is running.
# Usage: gbo_pid_stop PIDFILE EXE NAME TIMEOUT
gbo_pid_stop() {
    local pidfile="$1" exe="$2" name="$3" timeout="$4" pid
    if ! pid="$(gbo_pid_alive "$pidfile" "$exe")"; then
        rm -f "$pidfile"
        gbo_log "${name} is not running"
        return 0
    fi
    gbo_log "stopping ${name} (PID ${pid}) with SIGTERM"
    kill -TERM "$pid" 2>/dev/null || true
    if ! gbo_wait_until "$timeout" "${name} (PID ${pid}) to exit" \
        gbo_process_gone "$pid"; then
        gbo_log "${name} (PID ${pid}) ignored SIGTERM for ${timeout}s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        gbo_wait_until 10 "${name} (PID ${pid}) to die after SIGKILL" \
            gbo_process_gone "$pid" ||
            gbo_die "${name} (PID ${pid}) survived SIGKILL; inspect it with 'ps -o pid,stat,cmd -p ${pid}'"
    fi
    rm -f "$pidfile"
    gbo_log "${name} stopped"
}
