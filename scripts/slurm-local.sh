#!/usr/bin/env bash
# A private one-node SLURM cluster (slurmctld + slurmd + munged) for Holo's sweep tests and for trying sweeps
# on a laptop. No systemd, cgroups, database or root needed to run it (only `install` needs root, for apt);
# nothing in /etc is read or written: clients find it through SLURM_CONF (see `env`).
#
#   scripts/slurm-local.sh install           # once per machine: apt-get install slurm-wlm munge (as root)
#   scripts/slurm-local.sh start             # idempotent; prints the config and log paths
#   eval "$(scripts/slurm-local.sh env)"     # export SLURM_CONF=...
#   scripts/slurm-local.sh status | stop | clean
#
# Settings (environment): SLURM_LOCAL_DIR (default ${TMPDIR:-/tmp}/slurm-test), SLURM_LOCAL_CPUS (default nproc),
# SLURM_LOCAL_CTLD_PORT (6817), SLURM_LOCAL_SLURMD_PORT (6818).
set -euo pipefail

DIR="${SLURM_LOCAL_DIR:-${TMPDIR:-/tmp}/slurm-test}"
CPUS="${SLURM_LOCAL_CPUS:-$(nproc)}"
CTLD_PORT="${SLURM_LOCAL_CTLD_PORT:-6817}"
SLURMD_PORT="${SLURM_LOCAL_SLURMD_PORT:-6818}"
CONF="$DIR/etc/slurm.conf"

say() { echo "slurm-local: $*" >&2; }
die() { say "$*"; exit 1; }

installed() { command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v munged >/dev/null \
  && command -v mungekey >/dev/null && command -v sbatch >/dev/null; }

cmd_install() {
  if installed; then say "already installed ($(slurmctld -V 2>/dev/null || echo slurm))"; return; fi
  [ "$(id -u)" = 0 ] || die "install needs root (apt-get install slurm-wlm munge)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # the postinst cannot start services without systemd and says so; that is expected
  apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
  installed || die "slurm-wlm or munge did not install"
  say "installed $(slurmctld -V 2>/dev/null)"
}

# pid from a pid file if that process is alive and is the expected program (never by name)
alive_pid() {
  local file="$1" comm="$2" pid
  [ -f "$file" ] || return 1
  pid="$(cat "$file" 2>/dev/null || true)"
  [ -n "$pid" ] && [ -r "/proc/$pid/comm" ] && [ "$(cat "/proc/$pid/comm")" = "$comm" ] && echo "$pid"
}

running() {
  alive_pid "$DIR/run/munged.pid" munged >/dev/null && alive_pid "$DIR/run/slurmctld.pid" slurmctld >/dev/null \
    && alive_pid "$DIR/run/slurmd.pid" slurmd >/dev/null
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

write_conf() {
  local host mem
  host="$(hostname -s 2>/dev/null || cat /proc/sys/kernel/hostname)"
  mem="$(free -m | awk '/^Mem:/ { printf "%d", $2 * 0.95 }')"
  cat > "$CONF" <<CONF
# one node, no systemd, no cgroups, no slurmdbd (written by scripts/slurm-local.sh)
ClusterName=localtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=$(id -un)
SlurmdUser=$(id -un)
AuthType=auth/munge
CredType=cred/munge
# private munged: its socket, not /run/munge
AuthInfo=socket=$DIR/munge/munge.socket.2
StateSaveLocation=$DIR/state/ctld
SlurmdSpoolDir=$DIR/state/d
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
# no mail binary on a CI box; the default /bin/mail only logs an error
MailProg=/bin/true
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
# finished-job records (state, exit code, array ids) without a database
JobCompType=jobcomp/filetxt
JobCompLoc=$DIR/log/jobcomp.txt
SchedulerType=sched/backfill
# the default batch_sched_delay=3 starts queued array tasks only every 3 s
SchedulerParameters=batch_sched_delay=0
SelectType=select/cons_tres
# every CPU is one slot; memory is not consumable (no --mem needed)
SelectTypeParameters=CR_CPU
ReturnToService=2
# trust CPUs/RealMemory below even if the machine reports fewer
SlurmdParameters=config_overrides
# finished jobs stay visible in squeue -t all for an hour (default 300 s)
MinJobAge=3600
MaxArraySize=10001
MaxJobCount=50000
KillWait=5
NodeName=$host NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
}

cmd_start() {
  installed || die "SLURM is not installed: run scripts/slurm-local.sh install (as root) first"
  mkdir -p "$DIR"
  exec 9>"$DIR/.lock"
  flock -w 60 9 || die "another slurm-local.sh holds $DIR/.lock"
  if running; then say "already running (SLURM_CONF=$CONF)"; return; fi
  mkdir -p "$DIR/etc" "$DIR/munge" "$DIR/state/ctld" "$DIR/state/d" "$DIR/run" "$DIR/log"
  chmod 0755 "$DIR" "$DIR/munge"
  for port in "$CTLD_PORT" "$SLURMD_PORT"; do
    if port_busy "$port" && ! alive_pid "$DIR/run/slurmctld.pid" slurmctld >/dev/null; then
      die "port $port on 127.0.0.1 is in use (a system slurmctld/slurmd?): set SLURM_LOCAL_CTLD_PORT and SLURM_LOCAL_SLURMD_PORT"
    fi
  done
  [ -f "$DIR/munge/munge.key" ] || mungekey -c -k "$DIR/munge/munge.key"
  chmod 0600 "$DIR/munge/munge.key"
  write_conf
  export SLURM_CONF="$CONF"
  if ! alive_pid "$DIR/run/munged.pid" munged >/dev/null; then
    munged --socket="$DIR/munge/munge.socket.2" --key-file="$DIR/munge/munge.key" --pid-file="$DIR/run/munged.pid" \
      --log-file="$DIR/log/munged.log" --seed-file="$DIR/munge/munged.seed" 9>&- \
      || die "munged did not start (see $DIR/log/munged.log)"
  fi
  alive_pid "$DIR/run/slurmctld.pid" slurmctld >/dev/null || slurmctld -f "$CONF" 9>&- \
    || die "slurmctld did not start (see $DIR/log/slurmctld.log)"
  alive_pid "$DIR/run/slurmd.pid" slurmd >/dev/null || slurmd -f "$CONF" 9>&- \
    || die "slurmd did not start (see $DIR/log/slurmd.log)"
  local i state=""
  for i in $(seq 1 150); do
    state="$(sinfo -h -o %t 2>/dev/null | head -1 || true)"
    case "$state" in idle|mix|alloc) break ;; esac
    sleep 0.2
  done
  case "$state" in
    idle|mix|alloc) ;;
    *) die "the node did not come up (state '${state:-none}'; see $DIR/log/slurmctld.log and slurmd.log)" ;;
  esac
  say "started: node $state, $CPUS CPUs; SLURM_CONF=$CONF; logs in $DIR/log"
}

stop_daemon() {
  local name="$1" pid
  pid="$(alive_pid "$DIR/run/$name.pid" "$name")" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do [ -d "/proc/$pid" ] || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

cmd_stop() {
  [ -d "$DIR" ] || { say "not running (no $DIR)"; return; }
  export SLURM_CONF="$CONF"
  local pids="" jobs=""
  if alive_pid "$DIR/run/slurmd.pid" slurmd >/dev/null; then
    # job processes, by the pids slurmd reports (never by name); scontrol fails when none run
    pids="$({ scontrol listpids 2>/dev/null || true; } | awk 'NR > 1 && $1 ~ /^[0-9]+$/ { print $1 }' | tr '\n' ' ')"
  fi
  if alive_pid "$DIR/run/slurmctld.pid" slurmctld >/dev/null; then
    jobs="$(squeue -h -o %i 2>/dev/null | tr '\n' ' ' || true)"
    if [ -n "${jobs// }" ]; then
      # shellcheck disable=SC2086
      scancel $jobs 2>/dev/null || true
      # let slurmd end the job steps before it goes (KillWait=5)
      for _ in $(seq 1 50); do [ -z "$(squeue -h -o %i 2>/dev/null || true)" ] && break; sleep 0.2; done
    fi
  fi
  for p in $pids; do
    [ -d "/proc/$p" ] && kill -TERM "$p" 2>/dev/null || true
  done
  stop_daemon slurmd & stop_daemon slurmctld & stop_daemon munged & wait
  say "stopped"
}

cmd_status() {
  if running; then
    export SLURM_CONF="$CONF"
    say "running: SLURM_CONF=$CONF"
    sinfo
    return 0
  fi
  say "not running (dir $DIR)"
  return 1
}

cmd_env() { echo "export SLURM_CONF=$CONF"; }

cmd_clean() {
  cmd_stop
  case "$DIR" in /|"") die "refusing to remove '$DIR'" ;; esac
  rm -rf "$DIR"
  say "removed $DIR"
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  clean) cmd_clean ;;
  *) echo "usage: $0 install|start|stop|status|env|clean" >&2; exit 2 ;;
esac
