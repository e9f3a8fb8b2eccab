import { send } from '@trackql/client';
import type { Client } from '@urql/core';
import type { DatasetSpec } from '../datasets.ts';
import { graphql } from '../gql/index.ts';

const RunIoDoc = graphql(`
  query ClientRunIo($runId: String!) {
    run(runId: $runId) {
      inputs {
        context
        tags { key value }
        dataset { name digest sourceType source schema profile }
      }
      modelInputs { modelId }
      outputs { modelId step }
    }
  }
`);

/** A dataset input of a run (MLflow `DatasetInput`): the dataset, its input tags and context. */
export interface DatasetInputInfo {
  dataset: DatasetSpec;
  /** The `mlflow.data.context` tag (training, eval...), when set. */
  context: string | null;
  tags: Record<string, string>;
}

/** What a run used (MLflow `RunInputs`): dataset inputs and logged-model inputs. */
export interface RunInputs {
  datasetInputs: DatasetInputInfo[];
  modelInputs: { modelId: string }[];
}

/** What a run produced (MLflow `RunOutputs`): logged models, each at a step. */
export interface RunOutputs {
  modelOutputs: { modelId: string; step: number }[];
}

/** Reads a run's inputs and outputs; null when the run does not exist. */
export async function runInputsOutputs(
  client: Client,
  runId: string,
): Promise<{ inputs: RunInputs; outputs: RunOutputs } | null> {
  const { run } = await send(client, 'query', RunIoDoc, { runId });
  if (!run) return null;
  return {
    inputs: {
      datasetInputs: run.inputs.map((i) => ({
        dataset: i.dataset,
        context: i.context ?? null,
        tags: Object.fromEntries(i.tags.map((t) => [t.key, t.value])),
      })),
      modelInputs: run.modelInputs.map((m) => ({ modelId: m.modelId })),
    },
    outputs: { modelOutputs: run.outputs.map((o) => ({ modelId: o.modelId, step: o.step })) },
  };
}
