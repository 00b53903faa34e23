# Sourced by the shell tests: start the real server on a free loopback port and stop it.
#
#   start_server SERVER_BIN DB [EXTRA_ARGS...]   sets server_pid and server_url, or returns 1
#                                                after printing the server's stderr
#   stop_server [SIGNAL]                         stops it (default TERM) and waits for it
#
# The server's output goes to $server_log_dir (default: a folder under $TMPDIR).

server_pid=""
server_url=""

start_server() {
    _bin=$1
    _db=$2
    shift 2
    server_log_dir=${server_log_dir:-$(mktemp -d "${TMPDIR:-/tmp}/dateline-server.XXXXXX")}
    : >"$server_log_dir/server.out"
    "$_bin" --db "$_db" --port 0 "$@" >"$server_log_dir/server.out" 2>"$server_log_dir/server.err" &
    server_pid=$!
    server_url=""
    _tries=0
    while [ "$_tries" -lt 200 ]; do  # 200 x 0.1 s = 20 s
        server_url=$(sed -n 's|.*\(http://127\.0\.0\.1:[0-9][0-9]*/\).*|\1|p' \
            "$server_log_dir/server.out" | head -n 1)
        [ -n "$server_url" ] && return 0
        if ! kill -0 "$server_pid" 2>/dev/null; then
            echo "error: the server exited before listening; its stderr:" >&2
            cat "$server_log_dir/server.err" >&2
            server_pid=""
            return 1
        fi
        sleep 0.1
        _tries=$((_tries + 1))
    done
    echo "error: the server did not print its address within 20 s" >&2
    return 1
}

stop_server() {
    [ -n "$server_pid" ] || return 0
    kill "-${1:-TERM}" "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null
    _status=$?
    server_pid=""
    return "$_status"
}
