// Reads a multipart/form-data body, as grammY sends it for uploads: plain fields (objects JSON-encoded) and file
// parts. grammY writes `content-disposition:form-data;name="<id>";filename=<name>` with the name unquoted, so both
// quoted and unquoted parameters are accepted.

export interface FormPart {
  name: string;
  /** Present on file parts. */
  fileName?: string;
  contentType?: string;
  data: Buffer;
}

export class MultipartError extends Error {}

/** The boundary of a `multipart/form-data; boundary=...` content type. */
export function boundaryOf(contentType: string): string {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new MultipartError('multipart body without a boundary');
  return boundary;
}

export function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let at = body.indexOf(delimiter);
  if (at === -1) throw new MultipartError('multipart body without its boundary');
  while (true) {
    at += delimiter.length;
    // `--` after a delimiter ends the body.
    if (body.toString('latin1', at, at + 2) === '--') return parts;
    if (body.toString('latin1', at, at + 2) !== '\r\n') throw new MultipartError('malformed multipart delimiter');
    const start = at + 2;
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), start);
    if (next === -1) throw new MultipartError('multipart body not terminated');
    parts.push(readPart(body.subarray(start, next)));
    at = next + 2;
  }
}

function readPart(raw: Buffer): FormPart {
  const headerEnd = raw.indexOf('\r\n\r\n');
  if (headerEnd === -1) throw new MultipartError('multipart part without headers');
  const headers = new Map<string, string>();
  for (const line of raw.toString('utf8', 0, headerEnd).split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headers.get('content-disposition') ?? '';
  if (!/^form-data\b/i.test(disposition)) throw new MultipartError('multipart part is not form-data');
  const name = param(disposition, 'name');
  if (name === undefined) throw new MultipartError('multipart part without a name');
  const fileName = param(disposition, 'filename');
  return {
    name,
    ...(fileName !== undefined ? { fileName } : {}),
    ...(headers.has('content-type') ? { contentType: headers.get('content-type') } : {}),
    data: raw.subarray(headerEnd + 4),
  };
}

/** `name="x"` or `filename=a b.jpg` (unquoted runs to the next `;`, or to the end for the last parameter). */
function param(disposition: string, key: string): string | undefined {
  const quoted = new RegExp(`;\\s*${key}="([^"]*)"`, 'i').exec(disposition);
  if (quoted) return quoted[1];
  const bare = new RegExp(`;\\s*${key}=([^;]*)`, 'i').exec(disposition);
  return bare ? bare[1]!.trim() : undefined;
}
