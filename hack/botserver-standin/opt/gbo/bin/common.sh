# Helpers shared by the stand-in's init and CGI scripts (busybox ash).

GBO_HOME=/opt/gbo
GBO_ENV_FILE="${GBO_HOME}/bin/.env"

# Print the value of KEY from the .env file (last assignment wins), or
# DEFAULT when the key is missing or empty. Lines are KEY=VALUE; an optional
# `export ` prefix and one pair of surrounding quotes are removed. The file is
# parsed, never sourced, so a value cannot run commands.
env_value() {
    key="$1"
    default="$2"
    value=""
    if [ -r "$GBO_ENV_FILE" ]; then
        value="$(sed -n -e "s/^[[:space:]]*\(export[[:space:]]\{1,\}\)\{0,1\}${key}=//p" "$GBO_ENV_FILE" | tail -n 1 | tr -d '\r')"
        case "$value" in
            \"*\") value="${value#\"}"; value="${value%\"}" ;;
            \'*\') value="${value#\'}"; value="${value%\'}" ;;
        esac
    fi
    if [ -n "$value" ]; then
        printf '%s\n' "$value"
    else
        printf '%s\n' "$default"
    fi
}

# Print the first word of a knob file under /opt/gbo, or nothing when the
# file is missing.
knob_value() {
    [ -r "${GBO_HOME}/$1" ] || return 0
    head -c 64 "${GBO_HOME}/$1" | tr -s '[:space:]' ' ' | sed -e 's/^ //' -e 's/ .*//'
}

# Print the ,"metrics":{...} member that both health endpoints append to
# their JSON: "queue_depth" from the knob /opt/gbo/queue-depth when it contains
# a whole number, else nothing, as a botserver that reports no metrics.
health_metrics() {
    queue_depth="$(knob_value queue-depth)"
    case "$queue_depth" in
        ''|*[!0-9]*) ;;
        *) printf ',"metrics":{"queue_depth":%s}' "$queue_depth" ;;
    esac
}

instance_name() {
    hostname 2>/dev/null || cat /proc/sys/kernel/hostname
}
