#!/usr/bin/env python3
"""CPU of the benchmark's processes, one line a second, as BENCHMARKS.md reports it.

    python3 load/cpu.py [--pg 15/bench] [--skip SECONDS] > cpu.log   # Ctrl-C (or SIGTERM) to stop

Each line: seconds since the start, the machine's busy share (from /proc/stat) and the cores taken
in that second by the service (a java with quarkus-run.jar), PostgreSQL (processes whose command
line names the cluster, `15/bench` for load/bench-cluster.sh), Gatling (a java with gatling or
plexus-classworlds) and everything else. On stopping it prints to stderr the mean of the lines
after the first --skip seconds (the warm-up and the ramp of a run).
"""
import argparse
import os
import signal
import sys
import time

TICKS = os.sysconf('SC_CLK_TCK')
GROUPS = ('service', 'postgres', 'gatling', 'other')


def group(command, cluster):
    if 'quarkus-run.jar' in command:
        return 'service'
    if cluster in command:
        return 'postgres'
    if 'plexus-classworlds' in command or 'gatling' in command:
        return 'gatling'
    return 'other'


def processes(cluster, known):
    """{pid: (group, utime + stime, start)} of every process now; a pid keeps the group it had in
    `known` when its command line reads empty for a moment."""
    found = {}
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            with open(f'/proc/{pid}/cmdline', 'rb') as f:
                command = f.read().replace(b'\0', b' ').decode(errors='replace')
            with open(f'/proc/{pid}/stat') as f:
                fields = f.read().rsplit(')', 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        kind = known[pid][0] if not command and pid in known else group(command, cluster)
        found[pid] = (kind, int(fields[11]) + int(fields[12]), int(fields[19]))  # utime + stime, starttime
    return found


def cores_per_group(previous, current, since):
    """Each group's CPU between two samples, from each process's own difference: a process seen for the
    first time counts whole only if it started after `since` (clock ticks since boot)."""
    ticks = dict.fromkeys(GROUPS, 0)
    for pid, (kind, used, start) in current.items():
        if pid in previous:
            ticks[kind] += max(used - previous[pid][1], 0)
        elif start >= since:
            ticks[kind] += used
    return [ticks[g] / TICKS for g in GROUPS]


def uptime_ticks():
    with open('/proc/uptime') as f:
        return float(f.read().split()[0]) * TICKS


def machine():
    with open('/proc/stat') as f:
        values = [int(v) for v in f.readline().split()[1:]]
    return sum(values), values[3] + values[4]  # total, idle + iowait


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--pg', default='15/bench', help='text in the command line of every PostgreSQL process')
    parser.add_argument('--skip', type=int, default=0, help='seconds left out of the mean printed at the end')
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))

    samples = []
    since = uptime_ticks()
    previous, previous_machine = processes(args.pg, {}), machine()
    started = time.monotonic()
    try:
        while True:
            time.sleep(1)
            now = uptime_ticks()
            current, current_machine = processes(args.pg, previous), machine()
            total = current_machine[0] - previous_machine[0]
            idle = current_machine[1] - previous_machine[1]
            cores = cores_per_group(previous, current, since)
            second = round(time.monotonic() - started)
            busy = 100 * (1 - idle / total) if total else 0
            samples.append((second, busy, *cores))
            print(f'{second} busy={busy:.0f} ' + ' '.join(f'{g}={c:.2f}' for g, c in zip(GROUPS, cores)), flush=True)
            previous, previous_machine, since = current, current_machine, now
    except (KeyboardInterrupt, SystemExit):
        kept = [s for s in samples if s[0] > args.skip]
        if kept:
            means = [sum(column) / len(kept) for column in list(zip(*kept))[1:]]
            print(f'mean of {len(kept)} s after {args.skip} s: busy {means[0]:.0f} %, '
                  + ', '.join(f'{g} {m:.2f} cores' for g, m in zip(GROUPS, means[1:])), file=sys.stderr)


if __name__ == '__main__':
    main()
