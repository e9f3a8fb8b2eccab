import type { io } from '@tensorflow/tfjs';
import { logModelFile, readModelFile } from '@trackql/node';

/** The files a model is stored as, TensorFlow.js's layout (`tf.io` `model.json` + weights). */
export const MODEL_FILES = { modelJson: 'model.json', weights: 'weights.bin' } as const;

const toBytes = (data: io.WeightData): Uint8Array =>
  Array.isArray(data) ? Buffer.concat(data.map((b) => new Uint8Array(b))) : new Uint8Array(data);

/**
 * A TensorFlow.js IOHandler on a logged model's files: `model.save(modelFiles(id))` writes
 * `model.json` (topology, weights manifest, training config) and `weights.bin` through the
 * server's logged-model artifact API; `tf.loadLayersModel(modelFiles(id))` reads them back.
 */
export function modelFiles(modelId: string): io.IOHandler {
  return {
    async save(artifacts: io.ModelArtifacts): Promise<io.SaveResult> {
      const topology = artifacts.modelTopology;
      if (!topology || topology instanceof ArrayBuffer) {
        throw new Error('Only models with a JSON topology (layers models) can be logged');
      }
      const weights = artifacts.weightData ? toBytes(artifacts.weightData) : new Uint8Array(0);
      const modelJson: io.ModelJSON = {
        modelTopology: topology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: [{ paths: [MODEL_FILES.weights], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
        ...(artifacts.userDefinedMetadata
          ? { userDefinedMetadata: artifacts.userDefinedMetadata }
          : {}),
      };
      const json = Buffer.from(JSON.stringify(modelJson));
      await logModelFile(modelId, MODEL_FILES.weights, weights);
      await logModelFile(modelId, MODEL_FILES.modelJson, json);
      return {
        modelArtifactsInfo: {
          dateSaved: new Date(),
          modelTopologyType: 'JSON',
          modelTopologyBytes: Buffer.byteLength(JSON.stringify(topology)),
          weightSpecsBytes: Buffer.byteLength(JSON.stringify(artifacts.weightSpecs ?? [])),
          weightDataBytes: weights.byteLength,
        },
      };
    },
    async load(): Promise<io.ModelArtifacts> {
      const modelJson = JSON.parse(
        (await readModelFile(modelId, MODEL_FILES.modelJson)).toString('utf8'),
      ) as io.ModelJSON;
      const specs: io.WeightsManifestEntry[] = [];
      const buffers: Uint8Array[] = [];
      for (const group of modelJson.weightsManifest ?? []) {
        specs.push(...group.weights);
        for (const path of group.paths) buffers.push(await readModelFile(modelId, path));
      }
      const weights = Buffer.concat(buffers);
      return {
        modelTopology: modelJson.modelTopology,
        format: modelJson.format,
        generatedBy: modelJson.generatedBy,
        convertedBy: modelJson.convertedBy,
        trainingConfig: modelJson.trainingConfig,
        userDefinedMetadata: modelJson.userDefinedMetadata,
        weightSpecs: specs,
        weightData: weights.buffer.slice(
          weights.byteOffset,
          weights.byteOffset + weights.byteLength,
        ),
      };
    },
  };
}
