"""Run a command with SIGINT at its default action, as a shell with job
control would start it.  A non-interactive shell (bats) starts its
background jobs with SIGINT ignored, and a program that inherits it
ignored stays deaf to it (as Python and the aio loop both choose to).

    python3 scripts/io/launch.py COMMAND [ARGS...]
"""
import os
import signal
import sys

signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])
