"""MlflowClient: experiments and tags, error codes, log_batch, metric history, artifacts, search with paging."""

import os
import tempfile
import time

from mlflow import MlflowClient
from mlflow.entities import Metric, Param, RunTag, ViewType

from mlflow_check import Checker, expect, expect_eq, expect_error, unique

c = Checker("client")
client = MlflowClient()
s = {}


@c.call("create_experiment with tags")
def _():
    s["name"] = unique("client")
    s["exp"] = client.create_experiment(s["name"], tags={"team": "a", "purpose": "check"})
    exp = client.get_experiment(s["exp"])
    expect_eq(exp.name, s["name"], "name")
    expect_eq(exp.tags.get("team"), "a", "tag")
    return s["exp"]


@c.call("get_experiment_by_name")
def _():
    expect_eq(client.get_experiment_by_name(s["name"]).experiment_id, s["exp"], "id")
    expect(client.get_experiment_by_name(unique("missing")) is None, "missing name should give None")


@c.call("create_experiment duplicate -> RESOURCE_ALREADY_EXISTS")
def _():
    return expect_error(lambda: client.create_experiment(s["name"]), "RESOURCE_ALREADY_EXISTS")


@c.call("get_run unknown -> RESOURCE_DOES_NOT_EXIST")
def _():
    return expect_error(lambda: client.get_run("0" * 32), "RESOURCE_DOES_NOT_EXIST")


@c.call("set_experiment_tag / delete_experiment_tag / rename")
def _():
    client.set_experiment_tag(s["exp"], "team", "b")
    client.delete_experiment_tag(s["exp"], "purpose")
    s["name"] = s["name"] + "-renamed"
    client.rename_experiment(s["exp"], s["name"])
    exp = client.get_experiment(s["exp"])
    expect_eq(exp.name, s["name"], "name")
    expect_eq(exp.tags.get("team"), "b", "tag")
    expect("purpose" not in exp.tags, "deleted tag present")


@c.call("create_run")
def _():
    run = client.create_run(s["exp"], run_name="r0", tags={"k": "v"})
    s["run"] = run.info.run_id
    expect_eq(run.info.run_name, "r0", "name")
    expect_eq(client.get_run(s["run"]).data.tags.get("k"), "v", "tag")


@c.call("log_batch")
def _():
    now = int(time.time() * 1000)
    metrics = [Metric("m", float(i), now + i, i) for i in range(100)] + [Metric("other", 1.5, now, 0)]
    params = [Param(f"p{i}", str(i)) for i in range(20)]
    tags = [RunTag("batch", "yes")]
    client.log_batch(s["run"], metrics=metrics, params=params, tags=tags)
    run = client.get_run(s["run"])
    expect_eq(run.data.metrics["m"], 99.0, "latest m")
    expect_eq(len(run.data.params), 20, "params")
    expect_eq(run.data.tags.get("batch"), "yes", "tag")


@c.call("log_param conflicting value -> INVALID_PARAMETER_VALUE")
def _():
    return expect_error(lambda: client.log_param(s["run"], "p1", "changed"), "INVALID_PARAMETER_VALUE")


@c.call("get_metric_history")
def _():
    hist = client.get_metric_history(s["run"], "m")
    expect_eq(len(hist), 100, "points")
    expect_eq([m.step for m in hist], list(range(100)), "steps")
    expect_eq(hist[42].value, 42.0, "value")


@c.call("log_metric older step keeps latest")
def _():
    client.log_metric(s["run"], "m", -1.0, timestamp=0, step=-5)
    expect_eq(client.get_run(s["run"]).data.metrics["m"], 99.0, "latest value")
    expect_eq(len(client.get_metric_history(s["run"], "m")), 101, "points")


@c.call("set_terminated")
def _():
    client.set_terminated(s["run"], status="FINISHED")
    run = client.get_run(s["run"])
    expect_eq(run.info.status, "FINISHED", "status")
    expect(run.info.end_time and run.info.end_time >= run.info.start_time, "end time")


@c.call("log_artifact / download_artifacts byte-exact")
def _():
    d = tempfile.mkdtemp()
    data = bytes(range(256)) * 4096
    with open(os.path.join(d, "data.bin"), "wb") as f:
        f.write(data)
    client.log_artifact(s["run"], os.path.join(d, "data.bin"), artifact_path="bin")
    out = client.download_artifacts(s["run"], "bin/data.bin", tempfile.mkdtemp())
    with open(out, "rb") as f:
        expect(f.read() == data, "bytes differ")
    return f"{len(data)} bytes"


@c.call("log_text / list_artifacts")
def _():
    client.log_text(s["run"], "plain", "notes/a.txt")
    client.log_dict(s["run"], {"x": 1}, "notes/b.json")
    paths = [f.path for f in client.list_artifacts(s["run"], "notes")]
    expect_eq(paths, ["notes/a.txt", "notes/b.json"], "listing")
    expect_eq([f.path for f in client.list_artifacts(s["run"])], ["bin", "notes"], "root listing")


@c.call("create runs for search")
def _():
    s["runs"] = []
    for i in range(7):
        r = client.create_run(s["exp"], run_name=f"s{i}")
        client.log_metric(r.info.run_id, "score", float(i))
        client.log_param(r.info.run_id, "parity", "even" if i % 2 == 0 else "odd")
        s["runs"].append(r.info.run_id)


@c.call("search_runs filter + order")
def _():
    runs = client.search_runs([s["exp"]], "params.parity = 'even' and metrics.score >= 2", order_by=["metrics.score DESC"])
    expect_eq([r.data.metrics["score"] for r in runs], [6.0, 4.0, 2.0], "scores")


@c.call("search_runs paging")
def _():
    seen, token, pages = [], None, 0
    while True:
        page = client.search_runs([s["exp"]], "metrics.score >= 0", order_by=["metrics.score ASC"], max_results=3, page_token=token)
        seen += [r.data.metrics["score"] for r in page]
        pages += 1
        token = page.token
        if not token:
            break
    expect_eq(seen, [float(i) for i in range(7)], "all pages in order")
    return f"{pages} pages"


@c.call("search_runs by attributes and tags")
def _():
    runs = client.search_runs([s["exp"]], "attributes.run_name LIKE 's%' and attributes.status = 'RUNNING'")
    expect_eq(len(runs), 7, "running s* runs")
    runs = client.search_runs([s["exp"]], "tags.batch = 'yes'")
    expect_eq([r.info.run_id for r in runs], [s["run"]], "tagged")


@c.call("delete_run + search view types")
def _():
    client.delete_run(s["runs"][0])
    active = client.search_runs([s["exp"]], run_view_type=ViewType.ACTIVE_ONLY)
    deleted = client.search_runs([s["exp"]], run_view_type=ViewType.DELETED_ONLY)
    every = client.search_runs([s["exp"]], run_view_type=ViewType.ALL)
    expect_eq((len(active), len(deleted), len(every)), (7, 1, 8), "counts")


@c.call("search_experiments filter + order + paging")
def _():
    prefix = unique("cs")
    for i in range(5):
        client.create_experiment(f"{prefix}-{i}", tags={"idx": str(i)})
    names, token = [], None
    while True:
        page = client.search_experiments(filter_string=f"name LIKE '{prefix}%'", order_by=["name DESC"], max_results=2, page_token=token)
        names += [e.name for e in page]
        token = page.token
        if not token:
            break
    expect_eq(names, [f"{prefix}-{i}" for i in reversed(range(5))], "names")
    tagged = client.search_experiments(filter_string=f"name LIKE '{prefix}%' and tags.idx = '3'")
    expect_eq([e.name for e in tagged], [f"{prefix}-3"], "by tag")


@c.call("delete_experiment / restore_experiment")
def _():
    client.delete_experiment(s["exp"])
    expect_eq(client.get_experiment(s["exp"]).lifecycle_stage, "deleted", "stage")
    expect_error(lambda: client.create_run(s["exp"]), "INVALID_PARAMETER_VALUE")
    client.restore_experiment(s["exp"])
    expect_eq(client.get_experiment(s["exp"]).lifecycle_stage, "active", "stage")


c.done()
