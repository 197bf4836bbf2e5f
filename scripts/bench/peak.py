"""The peak resident set of this process alone, in KiB: what peak.h is to
the C benchmarks.  VmHWM from /proc/self/status, since getrusage()'s
ru_maxrss on Linux also holds the peak of whatever exec replaced (the
shell's fork, or a version manager's shim); ru_maxrss where there is no
/proc."""
import resource
import sys


def peak_rss_kib():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes there
