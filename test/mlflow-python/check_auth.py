"""Authentication: refused credentials; username/password and MLFLOW_TRACKING_TOKEN end to end; a new user.

Needs a server with authentication on and its admin in CHECK_ADMIN_USER / CHECK_ADMIN_PASSWORD:
trackql with TRACKQL_ADMIN_USERNAME / TRACKQL_ADMIN_PASSWORD, or `mlflow server --app-name basic-auth`.
API tokens are trackql's (created through its GraphQL API): those calls run only when the server is trackql.
"""

import os
import tempfile

import requests

import mlflow
from mlflow import MlflowClient

from mlflow_check import Checker, expect, expect_eq, unique, wait_for

c = Checker("auth")
ADMIN, ADMIN_PW = os.environ["CHECK_ADMIN_USER"], os.environ["CHECK_ADMIN_PASSWORD"]
for var in ["MLFLOW_TRACKING_USERNAME", "MLFLOW_TRACKING_PASSWORD", "MLFLOW_TRACKING_TOKEN"]:
    os.environ.pop(var, None)
s = {}


def use(username=None, password=None, token=None):
    """Credentials of the following client calls (MLflow reads them from the environment on every request)."""
    for var, value in [("MLFLOW_TRACKING_USERNAME", username), ("MLFLOW_TRACKING_PASSWORD", password), ("MLFLOW_TRACKING_TOKEN", token)]:
        if value is None:
            os.environ.pop(var, None)
        else:
            os.environ[var] = value


def refused(fn):
    """fn must fail with HTTP 401 (MLflow's client raises MlflowException naming the status)."""
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        expect("401" in str(e) or "UNAUTHENTICATED" in str(e) or "Unauthorized" in str(e), f"not a 401: {str(e)[:200]}")
        return str(e)[:120]
    raise AssertionError("call was not refused")


def graphql(query, variables, auth):
    r = requests.post(f"{c.uri}/graphql", json={"query": query, "variables": variables}, auth=auth, timeout=30)
    r.raise_for_status()
    body = r.json()
    expect("errors" not in body, body.get("errors"))
    return body["data"]


def is_trackql():
    try:
        r = requests.post(f"{c.uri}/graphql", json={"query": "{ viewer { username } }"}, auth=(ADMIN, ADMIN_PW), timeout=30)
        return r.ok and (r.json().get("data") or {}).get("viewer", {}).get("username") == ADMIN
    except (requests.RequestException, ValueError):
        return False


def end_to_end(label):
    """Experiment, run, params, metrics, artifact up and down, search, traced spans: with the current credentials."""
    client = MlflowClient()
    exp = mlflow.set_experiment(unique(f"auth-{label}")).experiment_id
    with mlflow.start_run() as run:
        mlflow.log_param("who", label)
        for step in range(3):
            mlflow.log_metric("m", float(step), step=step)
        mlflow.log_text(f"hello {label}", "hello.txt")
    rid = run.info.run_id
    expect_eq(len(client.get_metric_history(rid, "m")), 3, "metric history")
    expect_eq(mlflow.artifacts.load_text(f"runs:/{rid}/hello.txt"), f"hello {label}", "artifact")
    found = mlflow.search_runs([exp], filter_string=f"params.who = '{label}'", output_format="list")
    expect_eq([r.info.run_id for r in found], [rid], "search")
    return exp, rid


@mlflow.trace
def traced(x):
    return x * 2


def traces_end_to_end(exp):
    traced(21)
    tid = mlflow.get_last_active_trace_id()
    mlflow.flush_trace_async_logging()
    t = wait_for(lambda: mlflow.get_trace(tid, silent=True), "trace")
    expect_eq(t.data.spans[0].outputs, 42, "span outputs")
    expect_eq(t.info.experiment_id, exp, "experiment")


@c.call("no credentials refused")
def _():
    use()
    r = requests.get(f"{c.uri}/api/2.0/mlflow/experiments/search", params={"max_results": 1}, timeout=30)
    expect_eq(r.status_code, 401, "status")
    return refused(lambda: MlflowClient().search_experiments())


@c.call("wrong password refused")
def _():
    use(ADMIN, ADMIN_PW + "-wrong")
    return refused(lambda: MlflowClient().search_experiments())


@c.call("username/password: runs, metrics, artifacts, search")
def _():
    use(ADMIN, ADMIN_PW)
    s["admin_exp"], rid = end_to_end("basic")
    return rid


@c.call("username/password: traced spans exported")
def _():
    use(ADMIN, ADMIN_PW)
    traces_end_to_end(s["admin_exp"])


@c.call("create user (MLflow auth REST)")
def _():
    use(ADMIN, ADMIN_PW)
    s["user"], s["user_pw"] = unique("user"), "pw-" + unique("secret")
    from mlflow.server import get_app_client

    auth_client = get_app_client("basic-auth", tracking_uri=c.uri)
    user = auth_client.create_user(s["user"], s["user_pw"])
    expect_eq(user.username, s["user"], "username")


@c.call("new user: runs, metrics, artifacts, search")
def _():
    use(s["user"], s["user_pw"])
    exp, rid = end_to_end("newuser")
    use(s["user"], s["user_pw"] + "x")
    refused(lambda: MlflowClient().get_run(rid))
    return rid


@c.call("new user: no access to another user's experiment writes")
def _():
    use(s["user"], s["user_pw"])
    try:
        MlflowClient().create_run(s["admin_exp"])
    except Exception as e:  # noqa: BLE001
        expect("PERMISSION_DENIED" in str(e) or "403" in str(e), str(e)[:200])
        return str(e)[:120]
    raise AssertionError("write to a READ experiment was allowed")


if is_trackql():

    @c.call("create API token (trackql GraphQL)")
    def _():
        data = graphql(
            "mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { __typename"
            " ... on CreateApiTokenSuccess { created { secret token { id } } } ... on Error { message } } }",
            {"input": {"name": "python-check"}},
            (ADMIN, ADMIN_PW),
        )["createApiToken"]
        expect_eq(data["__typename"], "CreateApiTokenSuccess", data.get("message", "typename"))
        s["token"], s["token_id"] = data["created"]["secret"], data["created"]["token"]["id"]
        return s["token_id"]

    @c.call("MLFLOW_TRACKING_TOKEN: runs, metrics, artifacts, search")
    def _():
        use(token=s["token"])
        s["token_exp"], rid = end_to_end("token")
        return rid

    @c.call("MLFLOW_TRACKING_TOKEN: traced spans exported")
    def _():
        use(token=s["token"])
        traces_end_to_end(s["token_exp"])

    @c.call("MLFLOW_TRACKING_TOKEN: large artifact streamed")
    def _():
        use(token=s["token"])
        client = MlflowClient()
        run = client.create_run(s["token_exp"])
        d = tempfile.mkdtemp()
        data = os.urandom(3 * 1024 * 1024)
        with open(os.path.join(d, "big.bin"), "wb") as f:
            f.write(data)
        client.log_artifact(run.info.run_id, os.path.join(d, "big.bin"))
        with open(client.download_artifacts(run.info.run_id, "big.bin", tempfile.mkdtemp()), "rb") as f:
            expect(f.read() == data, "bytes differ")

    @c.call("revoked token refused")
    def _():
        data = graphql(
            "mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { __typename } }",
            {"input": {"id": s["token_id"]}},
            (ADMIN, ADMIN_PW),
        )["revokeApiToken"]
        expect_eq(data["__typename"], "RevokeApiTokenSuccess", "typename")
        use(token=s["token"])
        return refused(lambda: MlflowClient().search_experiments())

use()
c.done()
