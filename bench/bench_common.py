"""Helpers shared by the benchmark scripts of bench/ (run as scripts: this folder is on sys.path)."""

import time


def timed(env, func):
    """(seconds, queries, result) of ``func()``, caches flushed and emptied first."""
    env.flush_all()
    env.invalidate_all()
    before = env.cr.sql_log_count
    start = time.perf_counter()
    result = func()
    env.flush_all()
    return time.perf_counter() - start, env.cr.sql_log_count - before, result
