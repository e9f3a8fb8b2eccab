"""Logged models: initialize, active model, params/tags/metrics, finalize, search, log_model, external models."""

import os
import tempfile

import mlflow
from mlflow import MlflowClient
from mlflow.entities import LoggedModelStatus

from mlflow_check import Checker, expect, expect_eq, expect_error, unique

c = Checker("logged_models")
client = MlflowClient()
s = {}


class Echo(mlflow.pyfunc.PythonModel):
    def predict(self, context, model_input, params=None):
        values = model_input.iloc[:, 0] if hasattr(model_input, "iloc") else model_input
        return [str(x).upper() for x in values]


@c.call("initialize_logged_model")
def _():
    s["exp"] = mlflow.set_experiment(unique("models")).experiment_id
    m = mlflow.initialize_logged_model(name="candidate", tags={"stage": "dev"}, params={"alpha": "0.1"}, model_type="agent")
    s["model"] = m.model_id
    expect_eq(m.status, LoggedModelStatus.PENDING, "status")
    expect_eq(m.experiment_id, s["exp"], "experiment")
    expect(m.artifact_location.startswith("mlflow-artifacts:/") or "://" in m.artifact_location, m.artifact_location)
    return m.model_id


@c.call("set_active_model")
def _():
    mlflow.set_active_model(model_id=s["model"])
    expect_eq(mlflow.get_active_model_id(), s["model"], "active model id")


@c.call("log_model_params")
def _():
    mlflow.log_model_params({"beta": "2", "gamma": "x"})  # to the active model
    params = mlflow.get_logged_model(s["model"]).params
    expect_eq(params, {"alpha": "0.1", "beta": "2", "gamma": "x"}, "params")


@c.call("set_logged_model_tags / delete tag")
def _():
    mlflow.set_logged_model_tags(s["model"], {"owner": "check", "tmp": "1"})
    mlflow.delete_logged_model_tag(s["model"], "tmp")
    tags = mlflow.get_logged_model(s["model"]).tags
    expect_eq(tags.get("owner"), "check", "owner")
    expect_eq(tags.get("stage"), "dev", "stage")
    expect("tmp" not in tags, "deleted tag present")


@c.call("log_metric with model_id")
def _():
    with mlflow.start_run() as run:
        s["run"] = run.info.run_id
        mlflow.log_metric("accuracy", 0.91, model_id=s["model"])
        mlflow.log_metric("latency", 12.0, model_id=s["model"], step=3)
    metrics = {m.key: m for m in mlflow.get_logged_model(s["model"]).metrics}
    expect_eq(metrics["accuracy"].value, 0.91, "accuracy")
    expect_eq(metrics["accuracy"].run_id, s["run"], "metric run")
    expect_eq(metrics["latency"].step, 3, "step")


@c.call("log_model_artifacts")
def _():
    d = tempfile.mkdtemp()
    with open(os.path.join(d, "weights.bin"), "wb") as f:
        f.write(b"\x00\x01" * 1000)
    os.makedirs(os.path.join(d, "cfg"))
    with open(os.path.join(d, "cfg", "c.json"), "w") as f:
        f.write('{"a": 1}')
    client.log_model_artifacts(s["model"], d)
    files = sorted(f.path for f in client.list_logged_model_artifacts(s["model"]))
    expect_eq(files, ["cfg", "weights.bin"], "listing")
    out = mlflow.artifacts.download_artifacts(mlflow.get_logged_model(s["model"]).artifact_location + "/weights.bin")
    with open(out, "rb") as f:
        expect_eq(f.read(), b"\x00\x01" * 1000, "bytes")


@c.call("finalize_logged_model")
def _():
    m = mlflow.finalize_logged_model(s["model"], LoggedModelStatus.READY)
    expect_eq(m.status, LoggedModelStatus.READY, "status")
    expect_eq(mlflow.get_logged_model(s["model"]).status, LoggedModelStatus.READY, "stored status")


@c.call("log_model with params + load + predict")
def _():
    mlflow.clear_active_model()
    with mlflow.start_run() as run:
        info = mlflow.pyfunc.log_model(name="echo", python_model=Echo(), input_example=["a"], params={"temperature": 0.2})
    s["logged"] = info.model_id
    m = mlflow.get_logged_model(info.model_id)
    expect_eq(m.source_run_id, run.info.run_id, "source run")
    expect_eq(m.params.get("temperature"), "0.2", "model param")
    model = mlflow.pyfunc.load_model(f"models:/{info.model_id}")
    expect_eq(list(model.predict(["x", "y"])), ["X", "Y"], "predictions")
    return info.model_id


@c.call("search_logged_models")
def _():
    df = mlflow.search_logged_models(experiment_ids=[s["exp"]])
    expect_eq(sorted(df["model_id"]), sorted([s["model"], s["logged"]]), "all models (pandas)")
    # single comparisons: the real `mlflow server` here (Debian's sqlparse) refuses any filter joined with AND
    for f in ["metrics.accuracy > 0.9", "params.alpha = '0.1'", "tags.owner = 'check'"]:
        found = mlflow.search_logged_models(experiment_ids=[s["exp"]], filter_string=f, output_format="list")
        expect_eq([m.model_id for m in found], [s["model"]], f)
    named = mlflow.search_logged_models(experiment_ids=[s["exp"]], filter_string="name = 'echo'", output_format="list")
    expect_eq([m.model_id for m in named], [s["logged"]], "by name")


@c.call("search_logged_models order + paging")
def _():
    ids, token = [], None
    while True:
        page = client.search_logged_models(
            experiment_ids=[s["exp"]], order_by=[{"field_name": "creation_timestamp", "ascending": True}], max_results=1, page_token=token
        )
        ids += [m.model_id for m in page]
        token = page.token
        if not token:
            break
    expect_eq(ids, [s["model"], s["logged"]], "order")


@c.call("create_external_model")
def _():
    m = mlflow.create_external_model(name="external", tags={"src": "outside"})
    s["external"] = m.model_id
    expect_eq(m.status, LoggedModelStatus.READY, "status")
    expect_eq(m.tags.get("mlflow.model.isExternal"), "true", "external tag")


@c.call("delete_logged_model")
def _():
    client.delete_logged_model(s["external"])
    expect_error(lambda: client.get_logged_model(s["external"]), "RESOURCE_DOES_NOT_EXIST")
    left = mlflow.search_logged_models(experiment_ids=[s["exp"]], output_format="list")
    expect(s["external"] not in [m.model_id for m in left], "deleted model listed")


c.done()
