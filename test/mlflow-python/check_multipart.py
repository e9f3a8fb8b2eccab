"""Large artifacts with MLFLOW_ENABLE_PROXY_MULTIPART_UPLOAD=true: the multipart attempt, the PUT fallback, downloads."""

import os
import tempfile

os.environ["MLFLOW_ENABLE_PROXY_MULTIPART_UPLOAD"] = "true"
os.environ["MLFLOW_MULTIPART_UPLOAD_MINIMUM_FILE_SIZE"] = str(1024 * 1024)
os.environ["MLFLOW_MULTIPART_UPLOAD_CHUNK_SIZE"] = str(5 * 1024 * 1024)

import requests  # noqa: E402

import mlflow  # noqa: E402
from mlflow import MlflowClient  # noqa: E402

from mlflow_check import Checker, expect, expect_eq, unique  # noqa: E402

c = Checker("multipart")
client = MlflowClient()
s = {}
sent = []  # (method, path, status) of every HTTP request the client makes
_request = requests.Session.request


def recording_request(self, method, url, *args, **kwargs):
    resp = _request(self, method, url, *args, **kwargs)
    sent.append((method, url.split("://", 1)[-1].split("/", 1)[-1].split("?")[0], resp.status_code))
    return resp


requests.Session.request = recording_request
SIZE = 12 * 1024 * 1024


def mpu_calls():
    return [(m, p, st) for m, p, st in sent if "/mlflow-artifacts/mpu/" in "/" + p]


def puts(name):
    return [(m, p, st) for m, p, st in sent if m == "PUT" and p.endswith(name)]


@c.call("log 12 MB artifact at the root")
def _():
    mlflow.set_experiment(unique("multipart"))
    s["run"] = mlflow.start_run().info.run_id
    d = tempfile.mkdtemp()
    s["data"] = os.urandom(SIZE)
    s["file"] = os.path.join(d, "big.bin")
    with open(s["file"], "wb") as f:
        f.write(s["data"])
    sent.clear()
    mlflow.log_artifact(s["file"])
    s["root_sent"] = list(sent)
    return [f"{m} {p} {st}" for m, p, st in sent]


@c.call("multipart create attempted, answered 501")
def _():
    creates = [(m, p, st) for m, p, st in s["root_sent"] if "mpu/create" in p]
    expect_eq(len(creates), 1, f"create calls in {s['root_sent']}")
    expect_eq(creates[0][2], 501, "create status")
    expect(not [1 for _m, p, _st in s["root_sent"] if "mpu/complete" in p], "no complete after a refused create")


@c.call("fallback PUT of the whole file")
def _():
    p = [x for x in s["root_sent"] if x[0] == "PUT"]
    expect_eq(len(p), 1, "PUTs")
    expect(p[0][1].endswith("/big.bin") and p[0][2] == 200, p[0])


@c.call("list sizes")
def _():
    files = {f.path: f.file_size for f in client.list_artifacts(s["run"])}
    expect_eq(files.get("big.bin"), SIZE, "size")


@c.call("download byte-exact (root)")
def _():
    out = mlflow.artifacts.download_artifacts(run_id=s["run"], artifact_path="big.bin")
    with open(out, "rb") as f:
        expect(f.read() == s["data"], "bytes differ")


@c.call("log 12 MB artifact in a folder")
def _():
    sent.clear()
    mlflow.log_artifact(s["file"], artifact_path="nested/dir")
    creates = [x for x in sent if "mpu/create" in x[1]]
    expect_eq([x[2] for x in creates], [501], "create statuses")
    expect(creates[0][1].endswith("nested/dir") or "nested/dir" in creates[0][1], creates[0][1])
    expect_eq([x[2] for x in puts("nested/dir/big.bin")], [200], "PUT statuses")
    files = {f.path: f.file_size for f in client.list_artifacts(s["run"], "nested/dir")}
    expect_eq(files, {"nested/dir/big.bin": SIZE}, "listing")


@c.call("download byte-exact (folder)")
def _():
    out = mlflow.artifacts.download_artifacts(run_id=s["run"], artifact_path="nested/dir/big.bin")
    with open(out, "rb") as f:
        expect(f.read() == s["data"], "bytes differ")


@c.call("small file: no multipart attempt")
def _():
    sent.clear()
    mlflow.log_text("small", "small.txt")
    expect_eq(mpu_calls(), [], "multipart calls")
    expect_eq([x[2] for x in puts("small.txt")], [200], "PUT")
    expect_eq(mlflow.artifacts.load_text(f"runs:/{s['run']}/small.txt"), "small", "content")


mlflow.end_run()
c.done()
