"""Alembic's compare_metadata on the benchmark databases: prints one JSON line per run.

The target metadata is reflected from the desired database first (untimed), standing in for a
project's models; each timed run is what `alembic check` does: connect to the live database and
compare it with the metadata.
"""
import json
import sys
import threading
import time

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.pool import NullPool

failed = []


def main():
    live_url, desired_url, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    desired = sa.create_engine(desired_url, poolclass=NullPool)
    metadata = sa.MetaData()
    metadata.reflect(desired)
    desired.dispose()
    for _ in range(runs):
        start = time.perf_counter()
        engine = sa.create_engine(live_url, poolclass=NullPool)
        with engine.connect() as connection:
            diffs = compare_metadata(MigrationContext.configure(connection), metadata)
        engine.dispose()
        print(json.dumps({"seconds": time.perf_counter() - start, "diffs": len(diffs)}), flush=True)


# a chain of 1,000 foreign keys is followed recursively: more depth and stack than the defaults
sys.setrecursionlimit(100000)
threading.stack_size(512 * 1024 * 1024)
thread = threading.Thread(target=lambda: failed.append(None) if run_main() else None)


def run_main():
    try:
        main()
        return False
    except Exception:
        import traceback
        traceback.print_exc()
        return True


thread.start()
thread.join()
sys.exit(1 if failed else 0)
