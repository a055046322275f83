"""Runs the built `scrub` tool (SCRUB_TOOL) for the tool tests."""
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, os.pardir, os.pardir))
TOOL = os.environ.get("SCRUB_TOOL", os.path.join(ROOT, "build", "bin", "scrub"))
SHARED = os.environ.get("SCRUB_SHARED", os.path.join(ROOT, os.pardir, "shared"))


def run(*args, stdin=b"", env=None):
    """Returns (exit status, stdout bytes, stderr text)."""
    proc = subprocess.run([TOOL, *args], input=stdin, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=env, timeout=300)
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace")
