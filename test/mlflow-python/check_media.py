"""Figures, images (PIL, numpy, key and step), tables, and dataset inputs from pandas."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from PIL import Image  # noqa: E402

import mlflow  # noqa: E402
from mlflow import MlflowClient  # noqa: E402

from mlflow_check import Checker, expect, expect_eq, unique, wait_for  # noqa: E402

c = Checker("media")
client = MlflowClient()
s = {}
mlflow.set_experiment(unique("media"))
run = mlflow.start_run()
s["run"] = run.info.run_id


def names(path=None):
    return [f.path for f in client.list_artifacts(s["run"], path)]


@c.call("log_figure")
def _():
    fig, ax = plt.subplots()
    ax.plot([0, 1, 2], [2, 1, 3])
    mlflow.log_figure(fig, "plots/line.png")
    plt.close(fig)
    expect_eq(names("plots"), ["plots/line.png"], "listing")
    img = mlflow.artifacts.load_image(f"runs:/{s['run']}/plots/line.png")
    expect(img.size[0] > 100, f"size {img.size}")
    return f"{img.size}"


@c.call("log_image PIL")
def _():
    img = Image.new("RGB", (32, 16), (200, 10, 10))
    mlflow.log_image(img, "images_plain/pil.png")
    back = mlflow.artifacts.load_image(f"runs:/{s['run']}/images_plain/pil.png")
    expect_eq(back.size, (32, 16), "size")
    expect_eq(back.getpixel((3, 3)), (200, 10, 10), "pixel")


@c.call("log_image numpy")
def _():
    arr = np.zeros((8, 8, 3), dtype=np.uint8)
    arr[:, :, 1] = 255
    mlflow.log_image(arr, "images_plain/np.png")
    back = np.asarray(mlflow.artifacts.load_image(f"runs:/{s['run']}/images_plain/np.png"))
    expect_eq(back.shape, (8, 8, 3), "shape")
    expect_eq(int(back[0, 0, 1]), 255, "green")


@c.call("log_image key + step")
def _():
    for step in range(2):
        mlflow.log_image(np.full((4, 4, 3), step * 100, dtype=np.uint8), key="sample", step=step)
    mlflow.flush_artifact_async_logging()
    # each step writes the image and a compressed thumbnail under images/<key>%step%<n>%...
    files = wait_for(lambda: [p for p in names("images") if "sample%step%" in p] if len(names("images")) >= 4 else None, "4 image files")
    expect_eq(sum(p.endswith(".png") for p in files), 2, "pngs")
    expect_eq(sum(p.endswith("compressed.webp") for p in files), 2, "thumbnails")
    return f"{len(files)} files"


@c.call("log_table")
def _():
    s["table"] = {"name": ["a", "b", "c"], "score": [1.0, 2.5, 3.0]}
    mlflow.log_table(s["table"], "tables/scores.json")
    mlflow.log_table(pd.DataFrame({"name": ["d"], "score": [4.0]}), "tables/scores.json")
    expect_eq(names("tables"), ["tables/scores.json"], "listing")
    tags = client.get_run(s["run"]).data.tags
    expect("tables/scores.json" in tags.get("mlflow.loggedArtifacts", ""), "loggedArtifacts tag")


@c.call("load_table")
def _():
    df = mlflow.load_table("tables/scores.json", run_ids=[s["run"]])
    expect_eq(sorted(df["name"]), ["a", "b", "c", "d"], "rows (appended)")
    expect_eq(float(df["score"].sum()), 10.5, "sum")


@c.call("log_input pandas dataset")
def _():
    df = pd.DataFrame({"x": [1, 2, 3], "y": [0, 1, 0]})
    ds = mlflow.data.from_pandas(df, source="s3://bucket/train.csv", name="train", targets="y")
    mlflow.log_input(ds, context="training", tags={"version": "1"})
    inputs = client.get_run(s["run"]).inputs.dataset_inputs
    expect_eq(len(inputs), 1, "inputs")
    d = inputs[0].dataset
    expect_eq((d.name, d.digest, d.source_type), ("train", ds.digest, "s3"), "dataset")
    ctx = {t.key: t.value for t in inputs[0].tags}
    expect_eq(ctx.get("mlflow.data.context"), "training", "context tag")
    return d.digest


@c.call("dataset source loads back")
def _():
    d = client.get_run(s["run"]).inputs.dataset_inputs[0].dataset
    src = mlflow.data.get_source(d)
    expect_eq(src.uri, "s3://bucket/train.csv", "source uri")
    expect("x" in d.schema and "y" in d.schema, d.schema)


mlflow.end_run()
c.done()
