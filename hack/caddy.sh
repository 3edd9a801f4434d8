#!/usr/bin/env bash
# Start, stop or report Debian's Caddy (2.6.2) as a plain background process
# whose configuration holds only the admin API, with its data under
# ${GBO_STATE_DIR}/caddy. Tests and the operator load routes through the
# admin API (POST /load); no site is served until then, so no HTTPS
# certificate is requested and no HTTP->HTTPS redirect exists.
#
#   hack/caddy.sh start    start Caddy if needed and wait until GET /config/ returns 200
#   hack/caddy.sh stop     stop it (SIGTERM, then SIGKILL after 15 s)
#   hack/caddy.sh status   exit 0 when running, 3 when stopped
#   hack/caddy.sh env      print `export GBO_CADDY_ADMIN_URL=...`
#
# GBO_CADDY_ADMIN sets the admin listener: a port, or 127.0.0.1:PORT
# (default 127.0.0.1:2019). It is read at start and stored, so stop and
# status use the address of the running process.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
GBO_LOG_TAG=caddy

CADDY_BIN=/usr/bin/caddy
CADDY_START_TIMEOUT="${GBO_CADDY_START_TIMEOUT:-30}"

caddy_dir="${GBO_STATE_DIR}/caddy"
pidfile="${caddy_dir}/caddy.pid"
logfile="${caddy_dir}/caddy.log"
config_file="${caddy_dir}/boot.json"
address_file="${caddy_dir}/admin-address"

requested_admin_address() {
    local value="${GBO_CADDY_ADMIN:-127.0.0.1:2019}"
    [[ "$value" =~ ^[0-9]+$ ]] && value="127.0.0.1:${value}"
    [[ "$value" =~ ^127\.0\.0\.1:([0-9]+)$ ]] && (( BASH_REMATCH[1] >= 1 && BASH_REMATCH[1] <= 65535 )) ||
        gbo_die "invalid GBO_CADDY_ADMIN '${GBO_CADDY_ADMIN}'; give a port or 127.0.0.1:PORT"
    printf '%s\n' "$value"
}

# Address of the running instance when there is one, else the requested one.
admin_address() {
    if [[ -s "$address_file" ]] && gbo_pid_alive "$pidfile" "$CADDY_BIN" >/dev/null; then
        cat "$address_file"
    else
        requested_admin_address
    fi
}

admin_responds() {
    curl -fsS --max-time 2 -o /dev/null "http://$1/config/"
}

print_env() {
    printf 'export GBO_CADDY_ADMIN_URL=%q\n' "http://$(admin_address)"
}

start() {
    gbo_require_root
    gbo_require_commands "$CADDY_BIN" curl ss
    mkdir -p "$caddy_dir"

    local pid address
    if pid="$(gbo_pid_alive "$pidfile" "$CADDY_BIN")"; then
        address="$(cat "$address_file")"
        gbo_log "Caddy is already running (PID ${pid}, admin http://${address})"
        admin_responds "$address" ||
            gbo_die "Caddy (PID ${pid}) runs but http://${address}/config/ does not respond; read ${logfile} or run '$0 stop'"
        print_env
        return 0
    fi
    rm -f "$pidfile"

    address="$(requested_admin_address)"
    if gbo_port_listening "${address##*:}"; then
        gbo_die "port ${address##*:} on 127.0.0.1 is already in use by another process; set GBO_CADDY_ADMIN to a free port (for example GBO_CADDY_ADMIN=$(gbo_free_port))"
    fi

    # No `apps`: only the admin endpoint listens. persist=false keeps Caddy
    # from writing autosave.json on every change.
    cat >"$config_file" <<JSON
{"admin":{"listen":"${address}","config":{"persist":false}}}
JSON
    printf '%s\n' "$address" >"$address_file"

    gbo_log "starting $("$CADDY_BIN" version | cut -d' ' -f1) with admin API on http://${address}"
    # Caddy keeps certificates and autosaves under $HOME and the XDG folders;
    # pointing them into the state folder keeps $HOME untouched.
    gbo_pid_start "$pidfile" "$logfile" \
        env HOME="$caddy_dir" XDG_CONFIG_HOME="${caddy_dir}/config" XDG_DATA_HOME="${caddy_dir}/data" \
        "$CADDY_BIN" run --config "$config_file"
    pid="$(cat "$pidfile")"

    local result=0
    gbo_wait_for_start "$CADDY_START_TIMEOUT" "$pid" "Caddy admin API on http://${address}" \
        admin_responds "$address" || result=$?
    case "$result" in
        0) ;;
        2)
            rm -f "$pidfile"
            gbo_die "Caddy exited during startup; its output:
$(gbo_log_since_start "$logfile")"
            ;;
        *) gbo_die "Caddy (PID ${pid}) did not respond on http://${address}/config/ within ${CADDY_START_TIMEOUT}s; read ${logfile}, then run '$0 stop'" ;;
    esac
    gbo_log "Caddy is ready (PID ${pid})"
    print_env
}

stop() {
    gbo_pid_stop "$pidfile" "$CADDY_BIN" Caddy 15
}

status() {
    local pid
    if pid="$(gbo_pid_alive "$pidfile" "$CADDY_BIN")"; then
        printf 'Caddy running: PID %s, admin http://%s\n' "$pid" "$(cat "$address_file")"
        return 0
    fi
    printf 'Caddy stopped (state folder %s)\n' "$caddy_dir"
    return 3
}

case "${1:-}" in
    start) gbo_lock caddy; start ;;
    stop) gbo_lock caddy; stop ;;
    status) status ;;
    env) print_env ;;
    *)
        printf 'usage: %s start|stop|status|env\n' "$0" >&2
        exit 2
        ;;
esac
