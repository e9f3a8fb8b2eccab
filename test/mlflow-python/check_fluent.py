"""Fluent API: experiments, nested runs, params, metrics (steps, async), tags, artifacts, search, end states."""

import os
import tempfile

import mlflow
from mlflow import MlflowClient
from mlflow.entities import RunStatus

from mlflow_check import Checker, expect, expect_eq, unique, wait_for

c = Checker("fluent")
client = MlflowClient()
s = {}


@c.call("set_experiment")
def _():
    s["exp_name"] = unique("fluent")
    exp = mlflow.set_experiment(s["exp_name"])
    s["exp_id"] = exp.experiment_id
    expect_eq(exp.name, s["exp_name"], "name")
    expect_eq(mlflow.set_experiment(s["exp_name"]).experiment_id, exp.experiment_id, "same id on second call")
    return exp.experiment_id


@c.call("start_run")
def _():
    run = mlflow.start_run(run_name="parent")
    s["parent"] = run.info.run_id
    expect_eq(run.info.experiment_id, s["exp_id"], "experiment")
    expect_eq(run.info.status, "RUNNING", "status")
    expect_eq(mlflow.active_run().info.run_id, run.info.run_id, "active run")
    return run.info.run_id


@c.call("artifact_uri is proxied")
def _():
    uri = mlflow.get_artifact_uri()
    expect(uri.startswith("mlflow-artifacts:/") or "://" in uri, uri)
    return uri


@c.call("log_param / log_params")
def _():
    mlflow.log_param("lr", 0.01)
    mlflow.log_params({"layers": 3, "optimizer": "adam", "long": "x" * 500})
    params = client.get_run(s["parent"]).data.params
    expect_eq(params["lr"], "0.01", "lr")
    expect_eq(params["layers"], "3", "layers")
    expect_eq(len(params["long"]), 500, "long param length")


@c.call("log_metric with steps")
def _():
    for step in range(5):
        mlflow.log_metric("loss", 1.0 / (step + 1), step=step)
    hist = client.get_metric_history(s["parent"], "loss")
    expect_eq([m.step for m in hist], list(range(5)), "steps")
    expect_eq(hist[-1].value, 0.2, "last value")
    return f"{len(hist)} points"


@c.call("log_metrics")
def _():
    mlflow.log_metrics({"acc": 0.9, "f1": 0.8}, step=1)
    m = client.get_run(s["parent"]).data.metrics
    expect_eq((m["acc"], m["f1"]), (0.9, 0.8), "metrics")


@c.call("log_metric synchronous=False + flush")
def _():
    ops = [mlflow.log_metric("async_m", float(i), step=i, synchronous=False) for i in range(20)]
    for op in ops:
        op.wait()
    mlflow.flush_async_logging()
    hist = client.get_metric_history(s["parent"], "async_m")
    expect_eq(sorted(m.step for m in hist), list(range(20)), "async steps")
    return f"{len(hist)} points"


@c.call("log_metric NaN and infinity")
def _():
    mlflow.log_metric("odd", float("nan"), step=0)
    mlflow.log_metric("odd", float("inf"), step=1)
    hist = client.get_metric_history(s["parent"], "odd")
    expect(hist[0].value != hist[0].value, f"NaN back as {hist[0].value}")
    # MLflow's SQL store clamps infinity to the largest double; either is fine
    expect(hist[1].value >= 1.7976931348623157e308, f"inf back as {hist[1].value}")
    return f"{hist[0].value}, {hist[1].value}"


@c.call("set_tag / set_tags / delete_tag")
def _():
    mlflow.set_tag("team", "vision")
    mlflow.set_tags({"a": "1", "b": "2"})
    mlflow.delete_tag("b")
    tags = client.get_run(s["parent"]).data.tags
    expect_eq(tags.get("team"), "vision", "team")
    expect_eq(tags.get("a"), "1", "a")
    expect("b" not in tags, "deleted tag still there")


@c.call("nested start_run")
def _():
    with mlflow.start_run(run_name="child", nested=True) as child:
        s["child"] = child.info.run_id
        mlflow.log_param("child_param", "yes")
    tags = client.get_run(s["child"]).data.tags
    expect_eq(tags.get("mlflow.parentRunId"), s["parent"], "parent run id tag")
    expect_eq(client.get_run(s["child"]).info.status, "FINISHED", "child status")
    expect_eq(mlflow.active_run().info.run_id, s["parent"], "parent active again")


@c.call("get_parent_run")
def _():
    expect_eq(mlflow.get_parent_run(s["child"]).info.run_id, s["parent"], "parent")


@c.call("log_dict")
def _():
    mlflow.log_dict({"k": [1, 2, 3], "name": "x"}, "config/settings.json")
    mlflow.log_dict({"y": 1}, "config/settings.yaml")
    text = mlflow.artifacts.load_text(f"runs:/{s['parent']}/config/settings.yaml")
    expect_eq(text.strip(), "y: 1", "yaml text")


@c.call("load_dict")
def _():
    d = mlflow.artifacts.load_dict(f"runs:/{s['parent']}/config/settings.json")
    expect_eq(d, {"k": [1, 2, 3], "name": "x"}, "dict")


@c.call("log_text")
def _():
    mlflow.log_text("héllo wörld\n", "notes/readme.txt")


@c.call("load_text")
def _():
    expect_eq(mlflow.artifacts.load_text(f"runs:/{s['parent']}/notes/readme.txt"), "héllo wörld\n", "text")


@c.call("log_artifact")
def _():
    d = tempfile.mkdtemp()
    p = os.path.join(d, "blob.bin")
    s["blob"] = os.urandom(300_000)
    with open(p, "wb") as f:
        f.write(s["blob"])
    mlflow.log_artifact(p)
    mlflow.log_artifact(p, artifact_path="sub/dir")


@c.call("log_artifacts")
def _():
    d = tempfile.mkdtemp()
    os.makedirs(os.path.join(d, "inner"))
    for name in ["a.txt", "inner/b.txt"]:
        with open(os.path.join(d, name), "w") as f:
            f.write(name)
    mlflow.log_artifacts(d, artifact_path="tree")


@c.call("list_artifacts")
def _():
    top = {f.path: f for f in client.list_artifacts(s["parent"])}
    for want in ["blob.bin", "config", "notes", "sub", "tree"]:
        expect(want in top, f"{want} missing from {sorted(top)}")
    expect_eq(top["blob.bin"].file_size, 300_000, "size")
    expect(top["tree"].is_dir, "tree is a dir")
    inner = [f.path for f in client.list_artifacts(s["parent"], "tree/inner")]
    expect_eq(inner, ["tree/inner/b.txt"], "inner listing")
    return sorted(top)


@c.call("download_artifacts (file, byte-exact)")
def _():
    p = mlflow.artifacts.download_artifacts(run_id=s["parent"], artifact_path="sub/dir/blob.bin")
    with open(p, "rb") as f:
        expect(f.read() == s["blob"], "bytes differ")


@c.call("download_artifacts (folder)")
def _():
    d = mlflow.artifacts.download_artifacts(run_id=s["parent"], artifact_path="tree")
    with open(os.path.join(d, "inner", "b.txt")) as f:
        expect_eq(f.read(), "inner/b.txt", "content")


@c.call("end_run")
def _():
    mlflow.end_run()
    expect(mlflow.active_run() is None, "still active")
    run = client.get_run(s["parent"])
    expect_eq(run.info.status, "FINISHED", "status")
    expect(run.info.end_time is not None, "end time")


@c.call("end_run FAILED")
def _():
    with mlflow.start_run(run_name="fails") as r:
        s["failed"] = r.info.run_id
        mlflow.end_run(status=RunStatus.to_string(RunStatus.FAILED))
    expect_eq(client.get_run(s["failed"]).info.status, "FAILED", "status")


@c.call("exception in with-block marks run FAILED")
def _():
    try:
        with mlflow.start_run(run_name="raises") as r:
            s["raised"] = r.info.run_id
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    expect_eq(client.get_run(s["raised"]).info.status, "FAILED", "status")


@c.call("end_run KILLED")
def _():
    r = mlflow.start_run(run_name="killed")
    mlflow.end_run(status="KILLED")
    expect_eq(client.get_run(r.info.run_id).info.status, "KILLED", "status")


@c.call("search_runs (pandas)")
def _():
    df = mlflow.search_runs(experiment_ids=[s["exp_id"]])
    expect_eq(len(df), 5, "rows")
    expect("params.lr" in df.columns and "metrics.loss" in df.columns, f"columns {list(df.columns)[:12]}")
    row = df[df["run_id"] == s["parent"]].iloc[0]
    expect_eq(row["params.lr"], "0.01", "param column")
    expect_eq(row["tags.team"], "vision", "tag column")
    return f"{len(df)} rows, {len(df.columns)} columns"


@c.call("search_runs filter + order (pandas)")
def _():
    df = mlflow.search_runs(
        experiment_names=[s["exp_name"]], filter_string="params.lr = '0.01' and metrics.loss < 1", order_by=["metrics.loss ASC"]
    )
    expect_eq(list(df["run_id"]), [s["parent"]], "matching runs")


@c.call("search_runs output_format=list")
def _():
    runs = mlflow.search_runs(experiment_ids=[s["exp_id"]], filter_string="attributes.status = 'FAILED'", output_format="list")
    expect_eq(sorted(r.info.run_id for r in runs), sorted([s["failed"], s["raised"]]), "failed runs")


@c.call("search_runs by run name and tag")
def _():
    runs = mlflow.search_runs(
        experiment_ids=[s["exp_id"]], filter_string="attributes.run_name = 'child' and params.child_param = 'yes'", output_format="list"
    )
    expect_eq([r.info.run_id for r in runs], [s["child"]], "child")


@c.call("delete_run")
def _():
    mlflow.delete_run(s["child"])
    expect_eq(client.get_run(s["child"]).info.lifecycle_stage, "deleted", "stage")
    df = mlflow.search_runs(experiment_ids=[s["exp_id"]])
    expect(s["child"] not in set(df["run_id"]), "deleted run listed")


@c.call("search_runs DELETED_ONLY")
def _():
    from mlflow.entities import ViewType

    runs = mlflow.search_runs(experiment_ids=[s["exp_id"]], run_view_type=ViewType.DELETED_ONLY, output_format="list")
    expect_eq([r.info.run_id for r in runs], [s["child"]], "deleted runs")


@c.call("restore_run")
def _():
    client.restore_run(s["child"])
    expect_eq(client.get_run(s["child"]).info.lifecycle_stage, "active", "stage")


@c.call("set_experiment_tag")
def _():
    mlflow.set_experiment_tag("owner", "fluent-check")
    expect_eq(mlflow.get_experiment(s["exp_id"]).tags.get("owner"), "fluent-check", "tag")


@c.call("delete_experiment / restore")
def _():
    mlflow.delete_experiment(s["exp_id"])
    expect_eq(mlflow.get_experiment(s["exp_id"]).lifecycle_stage, "deleted", "stage")
    client.restore_experiment(s["exp_id"])
    expect_eq(mlflow.get_experiment_by_name(s["exp_name"]).lifecycle_stage, "active", "stage")


c.done()
