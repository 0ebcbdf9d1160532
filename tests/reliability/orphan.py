"""A process standing in for a crawl: it starts one worker the way the crawl's pool does (spawned, tied to
the crawl by pipelines.page_pool._die_with), prints the worker's PID, then waits to be killed."""

import multiprocessing
import os
import threading

from pipelines.page_pool import _die_with


def worker(crawl_pid: int, ready: threading.Event) -> None:
    """Tie this process to the crawl's life, say so, and wait for ever."""
    _die_with(crawl_pid)
    ready.set()
    threading.Event().wait()


def main() -> None:
    """Start the worker and print its PID once it is tied to this process."""
    context = multiprocessing.get_context("spawn")
    ready = context.Event()
    process = context.Process(target=worker, args=(os.getpid(), ready), daemon=False)
    process.start()
    assert ready.wait(120)
    print(process.pid, flush=True)
    threading.Event().wait()
