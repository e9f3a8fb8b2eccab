"""Shared helpers of the MLflow Python client checks: one JSON line per call, on stdout.

Each script calls MLflow's client as users do (MLFLOW_TRACKING_URI names the server) and reports every call as
{"script", "call", "ok", "detail"}. Its exit status is 0 when every call passed.
"""

import json
import os
import sys
import time
import traceback
import uuid


class Checker:
    def __init__(self, script):
        self.script = script
        self.passed = 0
        self.failed = 0
        self.uri = os.environ.get("MLFLOW_TRACKING_URI", "http://127.0.0.1:4000").rstrip("/")

    def call(self, name):
        """Decorator: runs the function at once; its return value (if any) is the detail; an exception fails it."""

        def run(fn):
            try:
                detail = fn()
                ok = True
            except Exception as e:  # noqa: BLE001 - every failure is reported, not raised
                ok = False
                last = traceback.extract_tb(e.__traceback__)[-1]
                detail = f"{type(e).__name__}: {e} (at {os.path.basename(last.filename)}:{last.lineno})"
            if ok:
                self.passed += 1
            else:
                self.failed += 1
            line = {"script": self.script, "call": name, "ok": ok, "detail": "" if detail is None else str(detail)[:600]}
            print(json.dumps(line), flush=True)
            return fn

        return run

    def done(self):
        sys.exit(0 if self.failed == 0 else 1)


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def expect(cond, message="unexpected result"):
    if not cond:
        raise AssertionError(message)


def expect_eq(actual, wanted, what="value"):
    if actual != wanted:
        raise AssertionError(f"{what}: got {actual!r}, wanted {wanted!r}")


def expect_error(fn, code):
    """fn must raise MlflowException with this error code; returns the message."""
    from mlflow.exceptions import MlflowException

    try:
        fn()
    except MlflowException as e:
        if e.error_code != code:
            raise AssertionError(f"error code {e.error_code}, wanted {code}: {e.message[:200]}") from e
        return f"{code}: {e.message[:120]}"
    raise AssertionError(f"no error, wanted {code}")


def wait_for(fn, what, timeout=30.0):
    """Polls fn until it returns a truthy value (for background uploads and async logging)."""
    deadline = time.time() + timeout
    while True:
        value = fn()
        if value:
            return value
        if time.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)
