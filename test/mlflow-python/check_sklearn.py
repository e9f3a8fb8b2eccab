"""mlflow.sklearn.autolog(), then loading the logged model by models:/<id> and runs:/<run>/model."""

import os

import numpy as np
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

import mlflow
from mlflow import MlflowClient

from mlflow_check import Checker, expect, expect_eq, unique

c = Checker("sklearn")
client = MlflowClient()
s = {}
X, y = load_iris(return_X_y=True)


@c.call("autolog + fit")
def _():
    mlflow.set_experiment(unique("sklearn"))
    mlflow.sklearn.autolog(log_input_examples=True, silent=True)
    with mlflow.start_run() as run:
        s["run"] = run.info.run_id
        s["est"] = LogisticRegression(max_iter=300, C=0.5).fit(X, y)
    return s["run"]


@c.call("autologged params, metrics, tags")
def _():
    run = client.get_run(s["run"])
    expect_eq(run.data.params.get("C"), "0.5", "param C")
    expect_eq(run.data.params.get("max_iter"), "300", "param max_iter")
    expect("training_accuracy_score" in run.data.metrics, f"metrics {sorted(run.data.metrics)}")
    expect_eq(run.data.tags.get("estimator_name"), "LogisticRegression", "estimator tag")
    return f"{len(run.data.params)} params, {len(run.data.metrics)} metrics"


@c.call("logged model recorded")
def _():
    models = mlflow.search_logged_models(filter_string=f"source_run_id = '{s['run']}'", output_format="list")
    expect_eq(len(models), 1, "models of the run")
    s["model"] = models[0]
    expect_eq(str(s["model"].status).split(".")[-1], "READY", "status")
    return s["model"].model_id


@c.call("model artifacts listed")
def _():
    files = {f.path for f in mlflow.artifacts.list_artifacts(f"models:/{s['model'].model_id}")}
    for want in ["MLmodel", "model.pkl", "requirements.txt"]:
        expect(any(p.split("/")[-1] == want for p in files), f"{want} missing from {sorted(files)}")
    return sorted(files)


@c.call("mlflow.sklearn.load_model(models:/<id>)")
def _():
    est = mlflow.sklearn.load_model(f"models:/{s['model'].model_id}")
    expect((est.predict(X) == s["est"].predict(X)).all(), "predictions differ")


@c.call("mlflow.pyfunc.load_model(models:/<id>)")
def _():
    model = mlflow.pyfunc.load_model(f"models:/{s['model'].model_id}")
    pred = model.predict(X[:10])
    expect(np.array_equal(np.asarray(pred), s["est"].predict(X[:10])), "predictions differ")


@c.call("mlflow.pyfunc.load_model(runs:/<run>/model)")
def _():
    # The client first tries the run's own `model` folder as a file: `mlflow server` answers 500 (a folder), which the
    # client retries for minutes before it resolves the logged model, so no retries here (trackql answers 404).
    os.environ["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "0"
    try:
        model = mlflow.pyfunc.load_model(f"runs:/{s['run']}/model")
    finally:
        del os.environ["MLFLOW_HTTP_REQUEST_MAX_RETRIES"]
    expect(np.array_equal(np.asarray(model.predict(X[:5])), s["est"].predict(X[:5])), "predictions differ")


@c.call("mlflow.sklearn.log_model explicit + load")
def _():
    mlflow.sklearn.autolog(disable=True)
    with mlflow.start_run():
        info = mlflow.sklearn.log_model(s["est"], name="explicit", input_example=X[:2])
    est = mlflow.sklearn.load_model(info.model_uri)
    expect((est.predict(X) == s["est"].predict(X)).all(), "predictions differ")
    return info.model_uri


c.done()
