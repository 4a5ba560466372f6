/** File uploads: what a caller may pass, `toFile`, and multipart bodies built with the global FormData. */

/** A file's content: a File or Blob, bytes, a fetch Response, or a stream of bytes (a Node readable stream). */
export type Uploadable = Blob | Uint8Array | ArrayBuffer | ArrayBufferView | Response | AsyncIterable<Uint8Array>;

export interface ToFileOptions {
  /** The MIME type; defaults to the input's own type, else none. */
  type?: string | undefined;
}

/** A File from any Uploadable, read into memory so a retried request can send it again. */
export async function toFile(value: Uploadable, name?: string, options: ToFileOptions = {}): Promise<File> {
  const fileName = name ?? nameOf(value) ?? 'upload';
  if (value instanceof Blob) {
    return new File([value], fileName, { type: options.type ?? value.type });
  }
  if (value instanceof Response) {
    const blob = await value.blob();
    return new File([blob], fileName, { type: options.type ?? blob.type });
  }
  const parts = isAsyncIterable(value) ? await collect(value) : [copyBytes(value)];
  return new File(parts, fileName, options.type === undefined ? {} : { type: options.type });
}

/** True for values `toFile` accepts (strings are text fields, not files). */
export function isUploadable(value: unknown): value is Uploadable {
  return (
    value instanceof Blob ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    value instanceof Response ||
    isAsyncIterable(value)
  );
}

/** A multipart body: files as file parts, arrays as repeated parts, objects as JSON, scalars as text. */
export async function toFormData(body: Readonly<Record<string, unknown>>): Promise<FormData> {
  const form = new FormData();
  for (const [key, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value]) await appendPart(form, key, item);
  }
  return form;
}

async function appendPart(form: FormData, key: string, value: unknown): Promise<void> {
  if (value === undefined || value === null) return;
  if (isUploadable(value)) {
    const file = await toFile(value);
    form.append(key, file, file.name);
  } else if (typeof value === 'object') {
    form.append(key, JSON.stringify(value));
  } else {
    form.append(key, String(value));
  }
}

function nameOf(value: Uploadable): string | undefined {
  if (value instanceof File) return value.name || undefined;
  if (value instanceof Response) return lastSegment(value.url);
  // Node's fs.ReadStream carries the path it reads
  const streamPath = (value as { path?: unknown }).path;
  return typeof streamPath === 'string' ? lastSegment(streamPath) : undefined;
}

function lastSegment(location: string): string | undefined {
  const segment = location.split(/[\\/]/).pop();
  return segment ? segment : undefined;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

async function collect(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array<ArrayBuffer>[]> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : copyBytes(chunk));
  }
  return chunks;
}

// a copy owns a plain ArrayBuffer, which is what File accepts (not a SharedArrayBuffer view)
function copyBytes(value: ArrayBuffer | ArrayBufferView): Uint8Array<ArrayBuffer> {
  if (value instanceof ArrayBuffer) return new Uint8Array(value.slice(0));
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
}
