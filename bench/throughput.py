"""Requests per second under gunicorn, driven by wrk from a separate process.

Only 127.0.0.1 is ever targeted. Every wrk run has a fixed duration and every
wait a deadline; gunicorn is stopped in a finally block whatever happens.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"

WRK_MISSING = (
    "wrk, the load generator, is not installed. Install it with\n"
    "    sudo apt-get install -y wrk\n"
    "(`make bench` run as root installs it)."
)

# Rotates through the paths; done() prints the figures as one JSON line.
LUA = """
local paths = {%(paths)s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %%d, "duration_us": %%d, "connect": %%d, "read": %%d, "write": %%d, '
    .. '"status": %%d, "timeout": %%d, "p50_us": %%d, "p99_us": %%d}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
"""


def wrk_path():
    return shutil.which("wrk")


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def fetch_status(url, timeout=10):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def server_cpu_seconds(master_pid):
    """CPU time used so far by gunicorn's master and its workers (Linux /proc).

    CPU per request does not depend on what else the machine is running, so it
    cross-checks requests per second on a shared, noisy machine.
    """
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended while we looked
            continue
        pid, ppid = int(stat.parent.name), int(fields[1])
        if master_pid in (pid, ppid):
            ticks += int(fields[11]) + int(fields[12])  # utime + stime
    return ticks / os.sysconf("SC_CLK_TCK")


@contextmanager
def gunicorn(workers, threads, log_path, extra_env=None):
    """A gunicorn serving the bench settings on a free loopback port; yields (base URL, pid)."""
    port = free_port()
    base = f"http://{HOST}:{port}"
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "config.wsgi:application",
        f"--bind={HOST}:{port}",
        f"--workers={workers}",
        f"--threads={threads}",
        f"--worker-class={'gthread' if threads > 1 else 'sync'}",
        "--log-level=warning",
        f"--chdir={ROOT}",
    ]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", **(extra_env or {})}
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until_ready(base + "/bench/trivial/", process)
        yield base, process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def wait_until_ready(url, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}; see its log")
        try:
            if fetch_status(url, timeout=2) == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {url} within {seconds} s")


def check_paths(base, paths):
    """Every path must answer 200: wrk would count a redirect as a success."""
    bad = {path: status for path in paths if (status := fetch_status(base + path)) != 200}
    if bad:
        raise RuntimeError(f"pages do not answer 200 under gunicorn: {bad}")


def run_wrk(base, paths, seconds, connections, server_pid=None):
    """One fixed-length wrk run over the paths; returns its figures with rps.

    With server_pid, also the server's CPU milliseconds per request.
    """
    cpu_before = server_cpu_seconds(server_pid) if server_pid else 0
    lua = LUA % {"paths": ", ".join(json.dumps(p) for p in paths)}
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(lua)
        script.flush()
        command = [
            wrk_path(),
            "--threads=1",
            f"--connections={connections}",
            f"--duration={seconds}s",
            "--timeout=10s",
            f"--script={script.name}",
            base,
        ]
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=seconds + 30, check=True
        )
    cpu = server_cpu_seconds(server_pid) - cpu_before if server_pid else None
    line = [ln for ln in result.stdout.splitlines() if ln.startswith("{")][-1]
    figures = json.loads(line)
    figures["rps"] = round(figures["requests"] / (figures["duration_us"] / 1e6), 1)
    if cpu is not None:
        figures["server_cpu_ms_per_request"] = round(cpu * 1000 / figures["requests"], 3)
    figures["errors"] = {
        kind: figures.pop(kind) for kind in ("connect", "read", "write", "status", "timeout")
    }
    return figures
