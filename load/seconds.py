#!/usr/bin/env python3
"""The seconds of a Gatling report that broke a limit, as BENCHMARKS.md counts them.

    python3 load/seconds.py [REPORT_DIR] [--p99 250]

REPORT_DIR defaults to the newest load/results/shopsimulation-*. Prints the second (from the start of
the run, silent warm-up included) at which the measured requests begin, the seconds whose p99 was
above --p99 milliseconds and the seconds with failed requests, each as (second, value).
"""
import argparse
import glob
import os
import re
import sys


def series(html, name):
    """The per-second series of a chart of index.html: [(epoch second, value or None)]."""
    match = re.search(r"name: '" + re.escape(name) + r"',\s*data: \[(\[.*?\])\]", html, re.S)
    if not match:
        return []
    return [(int(at) // 1000, None if value == 'null' else int(value))
            for at, value in re.findall(r"\[(\d+), (null|\d+)\]", match.group(1))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('report', nargs='?', help='a Gatling report directory')
    parser.add_argument('--p99', type=int, default=250, help='the per-second p99 limit in ms')
    args = parser.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    reports = sorted(glob.glob(os.path.join(here, 'results', 'shopsimulation-*')))
    report = args.report or (reports[-1] if reports else None)
    if not report or not os.path.isfile(os.path.join(report, 'index.html')):
        sys.exit('no Gatling report found: run the load test or name a report directory')
    with open(os.path.join(report, 'index.html')) as f:
        html = f.read()

    p99 = series(html, '99%')
    if not p99:
        sys.exit(f'{report}: no per-second p99 series (another Gatling version?)')
    start = p99[0][0]
    measured = next((at - start for at, value in p99 if value is not None), None)
    slow = [(at - start, value) for at, value in p99 if value is not None and value > args.p99]
    failed = [(at - start, value) for at, value in series(html, 'KO') if value]
    print(f'{os.path.basename(report)}: {len(p99)} s, measured requests from {measured} s')
    print(f'p99 above {args.p99} ms in {len(slow)} s: {slow}')
    print(f'failed requests in {len(failed)} s ({sum(v for _, v in failed)} in all): {failed}')


if __name__ == '__main__':
    main()
