import { InvalidValueError } from '@trackql/client';
import { logBytes, type UploadedArtifact } from '../artifacts.ts';
import type { RunTarget } from '../transfer.ts';

/** An image: PNG or JPEG bytes, or an SVG document as a string. */
export type ImageInput = Uint8Array | string;

/**
 * A figure: a Plotly figure (`{ data: [...], layout? }`, as `fig.to_dict()` / `Plotly.newPlot`
 * take it) or a Vega-Lite spec (`{ $schema: '.../vega-lite/...', mark, ... }`), stored as JSON;
 * or an already rendered image (PNG/JPEG bytes, SVG string).
 */
export type FigureInput = ImageInput | Record<string, unknown>;

type ImageKind = 'png' | 'jpeg' | 'svg';

const EXTENSIONS: Record<ImageKind, readonly string[]> = {
  png: ['.png'],
  jpeg: ['.jpg', '.jpeg'],
  svg: ['.svg'],
};

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The kind of an image by its bytes (PNG/JPEG signature) or text (an `<svg` root); null when none. */
export function imageKind(image: unknown): ImageKind | null {
  if (typeof image === 'string') {
    const head = image
      .trimStart()
      .replace(/^<\?xml[^>]*\?>\s*/, '')
      .replace(/^(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/i, '');
    return /^<svg[\s>]/i.test(head) ? 'svg' : null;
  }
  if (!(image instanceof Uint8Array)) return null;
  if (PNG_MAGIC.every((b, i) => image[i] === b)) return 'png';
  if (image[0] === 0xff && image[1] === 0xd8 && image[2] === 0xff) return 'jpeg';
  return null;
}

/** Checks a run-relative artifact file path: non-empty, relative, no `..`; returns it. */
export function checkArtifactFile(artifactFile: unknown, field = 'artifactFile'): string {
  if (
    typeof artifactFile !== 'string' ||
    artifactFile === '' ||
    artifactFile.startsWith('/') ||
    artifactFile.endsWith('/') ||
    artifactFile.split('/').some((s) => s === '..' || s === '.' || s === '')
  ) {
    throw new InvalidValueError(
      field,
      `${field} must be a relative file path such as 'plots/loss.png', got ${JSON.stringify(artifactFile)}`,
    );
  }
  return artifactFile;
}

function extensionOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot > file.lastIndexOf('/') ? file.slice(dot).toLowerCase() : '';
}

function checkImage(image: unknown, artifactFile: string, field: string): ImageKind {
  const kind = imageKind(image);
  if (kind === null) {
    throw new InvalidValueError(
      field,
      `${field} must be PNG or JPEG bytes (Uint8Array/Buffer) or an SVG document string`,
    );
  }
  if (!EXTENSIONS[kind].includes(extensionOf(artifactFile))) {
    throw new InvalidValueError(
      'artifactFile',
      `The ${kind.toUpperCase()} image needs an artifact file ending in ${EXTENSIONS[kind].join(' or ')}, got '${artifactFile}'`,
    );
  }
  return kind;
}

/**
 * Stores an image as the artifact file `artifactFile` (MLflow `log_image` with `artifact_file`).
 *
 * @remarks The bytes are stored as they are; the file's extension must match their format
 * (`.png`, `.jpg`/`.jpeg`, `.svg`).
 * @throws {@link InvalidValueError} before anything is sent, for anything else.
 */
export async function logImage(
  t: RunTarget,
  image: ImageInput,
  artifactFile: string,
): Promise<UploadedArtifact> {
  checkArtifactFile(artifactFile);
  const kind = checkImage(image, artifactFile, 'image');
  const bytes = kind === 'svg' ? Buffer.from(image as string, 'utf8') : (image as Uint8Array);
  return logBytes(t, bytes, artifactFile);
}

function figureKind(figure: Record<string, unknown>): 'plotly' | 'vega-lite' | null {
  const schema = figure.$schema;
  if (typeof schema === 'string' && schema.includes('vega-lite')) return 'vega-lite';
  if (Array.isArray(figure.data) && figure.data.every((d) => d !== null && typeof d === 'object')) {
    return 'plotly';
  }
  if ('mark' in figure || 'layer' in figure || 'vconcat' in figure || 'hconcat' in figure) {
    return 'vega-lite';
  }
  return null;
}

/**
 * Stores a figure as the artifact file `artifactFile` (MLflow `log_figure`): a Plotly figure or a
 * Vega-Lite spec as JSON (the file must end in `.json`), or a rendered image (see {@link logImage}).
 *
 * @throws {@link InvalidValueError} before anything is sent, for an object that is neither kind,
 * a value that cannot be JSON, or an extension that does not fit.
 */
export async function logFigure(
  t: RunTarget,
  figure: FigureInput,
  artifactFile: string,
): Promise<UploadedArtifact> {
  checkArtifactFile(artifactFile);
  if (typeof figure === 'string' || figure instanceof Uint8Array) {
    checkImage(figure, artifactFile, 'figure');
    return logImage(t, figure, artifactFile);
  }
  if (figure === null || typeof figure !== 'object' || Array.isArray(figure)) {
    throw new InvalidValueError(
      'figure',
      'figure must be a Plotly figure, a Vega-Lite spec or an image',
    );
  }
  const kind = figureKind(figure);
  if (kind === null) {
    throw new InvalidValueError(
      'figure',
      'figure is neither a Plotly figure ({ data: [...traces], layout }) nor a Vega-Lite spec ({ $schema, mark, ... })',
    );
  }
  if (extensionOf(artifactFile) !== '.json') {
    throw new InvalidValueError(
      'artifactFile',
      `A ${kind} figure is stored as JSON: the artifact file must end in .json, got '${artifactFile}'`,
    );
  }
  let json: string;
  try {
    json = JSON.stringify(figure, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
  } catch (err) {
    throw new InvalidValueError('figure', `figure cannot be written as JSON: ${String(err)}`);
  }
  return logBytes(t, Buffer.from(json, 'utf8'), artifactFile);
}
