"""Tracing: @mlflow.trace and start_span trees, errors, get/search traces, tags, assessments, links, delete."""

import time

import mlflow
from mlflow import MlflowClient
from mlflow.entities import AssessmentSource, AssessmentSourceType, Expectation

from mlflow_check import Checker, expect, expect_eq, unique, wait_for

c = Checker("tracing")
client = MlflowClient()
s = {}
s["exp"] = mlflow.set_experiment(unique("tracing")).experiment_id


def flush():
    mlflow.flush_trace_async_logging()


def trace_of(trace_id):
    """get_trace once the trace and all its spans are stored."""
    return wait_for(lambda: mlflow.get_trace(trace_id, silent=True), f"trace {trace_id}")


@mlflow.trace(span_type="TOOL")
def add(a, b):
    return a + b


@mlflow.trace(name="pipeline", attributes={"kind": "check"})
def pipeline(x):
    with mlflow.start_span(name="inner", span_type="CHAIN") as span:
        span.set_inputs({"x": x})
        span.set_attribute("depth", 2)
        total = add(x, 1) + add(x, 2)
        span.set_outputs({"total": total})
    mlflow.update_current_trace(tags={"flow": "pipeline"})
    return total


@mlflow.trace
def broken():
    raise ValueError("expected failure")


@c.call("@mlflow.trace + start_span tree")
def _():
    expect_eq(pipeline(10), 23, "result")
    s["t1"] = mlflow.get_last_active_trace_id()
    flush()
    t = trace_of(s["t1"])
    names = sorted(sp.name for sp in t.data.spans)
    expect_eq(names, ["add", "add_1", "inner", "pipeline"] if "add_1" in names else ["add", "add", "inner", "pipeline"], "span names")
    root = next(sp for sp in t.data.spans if sp.parent_id is None)
    expect_eq(root.name, "pipeline", "root")
    expect_eq(root.inputs, {"x": 10}, "root inputs")
    expect_eq(root.outputs, 23, "root outputs")
    inner = next(sp for sp in t.data.spans if sp.name == "inner")
    expect_eq(inner.parent_id, root.span_id, "inner parent")
    expect_eq(inner.get_attribute("depth"), 2, "attribute")
    expect_eq(t.info.state.value if hasattr(t.info.state, "value") else str(t.info.state), "OK", "state")
    return f"{len(t.data.spans)} spans"


@c.call("update_current_trace tags")
def _():
    expect_eq(mlflow.get_trace(s["t1"]).info.tags.get("flow"), "pipeline", "tag")


@c.call("error trace state")
def _():
    try:
        broken()
    except ValueError:
        pass
    s["t_err"] = mlflow.get_last_active_trace_id()
    flush()
    t = trace_of(s["t_err"])
    expect_eq(str(t.info.state).split(".")[-1], "ERROR", "state")
    span = t.data.spans[0]
    expect_eq(span.status.status_code.value if hasattr(span.status.status_code, "value") else str(span.status.status_code), "ERROR", "span status")
    expect(any(e.name == "exception" for e in span.events), "exception event")


@c.call("traces in a run")
def _():
    with mlflow.start_run() as run:
        s["run"] = run.info.run_id
        for i in range(3):
            add(i, i)
    flush()
    traces = wait_for(lambda: (lambda r: r if len(r) == 3 else None)(mlflow.search_traces(run_id=s["run"], return_type="list")), "3 run traces")
    s["run_traces"] = [t.info.trace_id for t in traces]
    expect(all(t.info.request_metadata.get("mlflow.sourceRun") == s["run"] for t in traces), "sourceRun metadata")
    return f"{len(traces)} traces"


@c.call("search_traces filter + order")
def _():
    found = mlflow.search_traces(
        experiment_ids=[s["exp"]], filter_string="tags.flow = 'pipeline'", return_type="list"
    )
    expect_eq([t.info.trace_id for t in found], [s["t1"]], "by tag")
    errs = mlflow.search_traces(experiment_ids=[s["exp"]], filter_string="trace.status = 'ERROR'", return_type="list")
    expect_eq([t.info.trace_id for t in errs], [s["t_err"]], "by status")
    ordered = mlflow.search_traces(experiment_ids=[s["exp"]], order_by=["timestamp_ms ASC"], return_type="list")
    times = [t.info.request_time for t in ordered]
    expect_eq(times, sorted(times), "ascending")
    expect_eq(len(ordered), 5, "all traces")


@c.call("search_traces paging")
def _():
    ids, token, pages = [], None, 0
    while True:
        page = client.search_traces(experiment_ids=[s["exp"]], max_results=2, page_token=token, order_by=["timestamp_ms DESC"])
        ids += [t.info.trace_id for t in page]
        pages += 1
        token = page.token
        if not token or pages > 10:
            break
    expect_eq(len(ids), 5, "traces over pages")
    expect_eq(len(set(ids)), 5, "no duplicates")
    return f"{pages} pages"


@c.call("search_traces pandas")
def _():
    df = mlflow.search_traces(experiment_ids=[s["exp"]])
    expect_eq(len(df), 5, "rows")
    expect("trace_id" in df.columns, f"columns {list(df.columns)}")
    return f"{len(df.columns)} columns"


@c.call("search_traces model_id")
def _():
    model = mlflow.initialize_logged_model(name="traced")
    s["model"] = model.model_id
    mlflow.set_active_model(model_id=model.model_id)
    add(100, 1)
    s["t_model"] = mlflow.get_last_active_trace_id()
    mlflow.clear_active_model()
    flush()
    found = wait_for(lambda: mlflow.search_traces(model_id=s["model"], return_type="list"), "model traces")
    expect_eq([t.info.trace_id for t in found], [s["t_model"]], "model traces")


@c.call("set_trace_tag / delete_trace_tag")
def _():
    client.set_trace_tag(s["t1"], "reviewed", "yes")
    client.set_trace_tag(s["t1"], "tmp", "1")
    client.delete_trace_tag(s["t1"], "tmp")
    tags = mlflow.get_trace(s["t1"]).info.tags
    expect_eq(tags.get("reviewed"), "yes", "tag")
    expect("tmp" not in tags, "deleted tag present")


@c.call("log_feedback")
def _():
    fb = mlflow.log_feedback(
        trace_id=s["t1"], name="quality", value=0.8, rationale="fine",
        source=AssessmentSource(source_type=AssessmentSourceType.HUMAN, source_id="alice"),
    )
    s["fb"] = fb.assessment_id
    got = mlflow.get_trace(s["t1"]).info.assessments
    expect_eq([(a.name, a.value, a.rationale) for a in got], [("quality", 0.8, "fine")], "assessments")
    return fb.assessment_id


@c.call("log_expectation")
def _():
    ex = mlflow.log_expectation(trace_id=s["t1"], name="expected", value={"answer": 23}, metadata={"k": "v"})
    s["ex"] = ex.assessment_id
    got = {a.name: a for a in mlflow.get_trace(s["t1"]).info.assessments}
    expect_eq(got["expected"].value, {"answer": 23}, "value")
    expect_eq(got["expected"].source.source_type, "HUMAN", "default source")


@c.call("update_assessment")
def _():
    mlflow.update_assessment(trace_id=s["t1"], assessment_id=s["ex"], assessment=Expectation(name="expected", value={"answer": 24}))
    a = mlflow.get_assessment(s["t1"], s["ex"])
    expect_eq(a.value, {"answer": 24}, "updated value")


@c.call("override_feedback")
def _():
    new = mlflow.override_feedback(trace_id=s["t1"], assessment_id=s["fb"], value=0.3, rationale="actually worse")
    s["override"] = new.assessment_id
    old = mlflow.get_assessment(s["t1"], s["fb"])
    expect_eq(old.valid, False, "overridden is invalid")
    expect_eq(new.overrides, s["fb"], "overrides")
    expect_eq(mlflow.get_assessment(s["t1"], new.assessment_id).value, 0.3, "new value")


@c.call("delete_assessment")
def _():
    mlflow.delete_assessment(trace_id=s["t1"], assessment_id=s["override"])
    ids = [a.assessment_id for a in mlflow.get_trace(s["t1"]).info.assessments]
    expect(s["override"] not in ids, "deleted assessment present")
    expect_eq(mlflow.get_assessment(s["t1"], s["fb"]).valid, True, "override deleted: original valid again")


@c.call("link_traces_to_run")
def _():
    run = client.create_run(s["exp"])
    client.link_traces_to_run([s["t1"], s["t_err"]], run.info.run_id)
    found = mlflow.search_traces(run_id=run.info.run_id, return_type="list")
    expect_eq(sorted(t.info.trace_id for t in found), sorted([s["t1"], s["t_err"]]), "linked traces")


@c.call("delete_traces")
def _():
    n = client.delete_traces(s["exp"], trace_ids=s["run_traces"][:2])
    expect_eq(n, 2, "deleted count")
    left = mlflow.search_traces(experiment_ids=[s["exp"]], return_type="list")
    expect_eq(len(left), 4, "left")
    n = client.delete_traces(s["exp"], max_timestamp_millis=int(time.time() * 1000) + 1000)
    expect_eq(n, 4, "deleted by time")
    expect_eq(mlflow.search_traces(experiment_ids=[s["exp"]], return_type="list"), [], "none left")


c.done()
