"""soffice.bin as bench.py measures it: its pid, CPU time over all its
threads, memory, which add-ins it has mapped, and the machine's load."""

import os
import statistics
import time

from lo_harness import HarnessError, library_mapped, soffice_bin_pid, vm_rss_kib


def soffice_pid(office):
    """soffice.bin of this Office (the soffice script and oosplash start it
    in the session that Office.start made)."""
    for _ in range(50):
        pid = soffice_bin_pid(office)
        if pid:
            return pid
        time.sleep(0.1)
    raise HarnessError('no soffice.bin in session %d' % office.proc.pid)


def cpu_ns(pid):
    """CPU time of every thread of pid so far (ns): Calc's threaded formula
    groups run on worker threads, which wall time alone hides."""
    total = 0
    try:
        for tid in os.listdir('/proc/%d/task' % pid):
            try:
                with open('/proc/%d/task/%s/schedstat' % (pid, tid)) as f:
                    total += int(f.read().split()[0])
            except (OSError, ValueError, IndexError):
                pass
    except OSError:
        pass
    return total


def process_cpu_ns(pid):
    """CPU time of pid so far (ns) with its threads that have ended
    (loading and storing run threads that end before cpu_ns could see
    them); in clock ticks, so for runs of seconds."""
    with open('/proc/%d/stat' % pid) as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1e9 / os.sysconf('SC_CLK_TCK')


def memory_kb(pid):
    """VmRSS and VmHWM (lo_harness.vm_rss_kib reads the first alone)."""
    with open('/proc/%d/status' % pid) as f:
        hwm = [int(line.split()[1]) for line in f if line.startswith('VmHWM:')]
    return vm_rss_kib(pid), hwm[0] if hwm else 0


def which_mapped(pid):
    """Is ours mapped, and LibreOffice's own pricing add-in (the
    comparison: Calc treats every add-in alike)?"""
    return library_mapped(pid, 'ftcost.uno.so'), library_mapped(pid, 'libpricinglo.so')


def load_average():
    with open('/proc/loadavg') as f:
        return ' '.join(f.read().split()[:3])



def median(xs):
    return statistics.median(xs) if xs else float('nan')
