#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL cluster for the store contract suite.
#
#   scripts/postgres-cluster.sh start DIR   creates a cluster in DIR (which must not exist or be empty), owned by the
#                                           `postgres` system user when run as root, listening only on 127.0.0.1 on a
#                                           free port, and prints INSIGHTS_TEST_POSTGRES_URL=postgres://… on stdout.
#   scripts/postgres-cluster.sh stop DIR    stops that cluster and removes DIR.
#   scripts/postgres-cluster.sh pause DIR   stops that cluster's server, keeping DIR and its port (fault tests).
#   scripts/postgres-cluster.sh resume DIR  starts a paused cluster's server again on the same port and waits until
#                                           it accepts connections.
#
# It installs nothing: initdb and pg_ctl must be on PATH or in /usr/lib/postgresql/<version>/bin (Debian's
# `postgresql` package). Debian's own cluster (pg_ctlcluster, port 5432) is never used. Diagnostics go to stderr.
set -euo pipefail

die() { echo "postgres-cluster: $*" >&2; exit 1; }

usage() { die "usage: $0 start|stop|pause|resume DIR"; }

[[ $# -eq 2 ]] || usage
command=$1
directory=$2

find_bin() {
    local name=$1 found
    if found=$(command -v "$name" 2>/dev/null); then echo "$found"; return; fi
    found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1 || true)
    [[ -n $found ]] || die "$name not found: install PostgreSQL (Debian: apt-get install -y postgresql)"
    echo "$found"
}

initdb=$(find_bin initdb)
pg_ctl=$(find_bin pg_ctl)
bindir=$(dirname "$(readlink -f "$initdb")")
psql=$bindir/psql
[[ -x $psql ]] || psql=$(find_bin psql)

# Runs a command as the cluster's owner: `postgres` when we are root (the server refuses to run as root).
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "no 'postgres' system user to own the cluster"
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# Runs a command with no descriptor of this script's open but standard input, output and error. The PostgreSQL server
# that `pg_ctl start` leaves running inherits them, and a parent that learns of this script's exit from one closing
# (Foundation's Process on Linux does, through an inherited socket) would otherwise wait for as long as the server runs.
without_inherited_descriptors() {
    (
        for descriptor in /proc/"$BASHPID"/fd/*; do
            descriptor=${descriptor##*/}
            if ((descriptor > 2)); then eval "exec $descriptor>&-"; fi
        done
        "$@"
    )
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

case $command in
start)
    [[ ! -e $directory || -z $(ls -A "$directory" 2>/dev/null) ]] || die "$directory exists and is not empty"
    mkdir -p "$directory"
    directory=$(cd "$directory" && pwd)
    [[ $(id -u) -ne 0 ]] || chown postgres: "$directory"
    chmod 700 "$directory"
    password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
    port=$(free_port)
    as_owner "$initdb" --pgdata="$directory/data" --username=postgres --auth=trust --encoding=UTF8 \
        --locale=C.UTF-8 >"$directory/initdb.log" 2>&1 || { cat "$directory/initdb.log" >&2; die "initdb failed"; }
    cat >>"$directory/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$directory'
fsync = on
synchronous_commit = on
max_connections = 400
shared_buffers = 64MB
CONF
    # Password authentication on loopback TCP; trust only on the cluster's own socket, for this script.
    cat >"$directory/data/pg_hba.conf" <<HBA
local all postgres trust
host all all 127.0.0.1/32 scram-sha-256
HBA
    without_inherited_descriptors as_owner "$pg_ctl" --pgdata="$directory/data" --log="$directory/server.log" --wait \
        --timeout=60 start >&2 || { cat "$directory/server.log" >&2; die "pg_ctl start failed"; }
    as_owner "$psql" --host="$directory" --port="$port" --username=postgres --dbname=postgres --quiet \
        --set=ON_ERROR_STOP=1 >&2 <<SQL
CREATE ROLE insights LOGIN CREATEDB PASSWORD '$password';
CREATE DATABASE insights OWNER insights;
SQL
    echo "INSIGHTS_TEST_POSTGRES_URL=postgres://insights:$password@127.0.0.1:$port/insights"
    ;;
stop)
    [[ -d $directory ]] || die "$directory does not exist"
    if [[ -f $directory/data/postmaster.pid ]]; then
        as_owner "$pg_ctl" --pgdata="$directory/data" --mode=fast --wait stop >&2 || die "pg_ctl stop failed"
    fi
    rm -rf "$directory"
    ;;
pause)
    [[ -f $directory/data/postmaster.pid ]] || die "$directory has no running server"
    as_owner "$pg_ctl" --pgdata="$directory/data" --mode=fast --wait stop >&2 || die "pg_ctl stop failed"
    ;;
resume)
    [[ -d $directory/data ]] || die "$directory holds no cluster"
    directory=$(cd "$directory" && pwd)
    without_inherited_descriptors as_owner "$pg_ctl" --pgdata="$directory/data" --log="$directory/server.log" --wait \
        --timeout=60 start >&2 || { cat "$directory/server.log" >&2; die "pg_ctl start failed"; }
    ;;
*) usage ;;
esac
