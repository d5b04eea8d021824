/**
 * The admin's HTTP calls beside the socket (files, personal data, backups), each with the
 * session as `Authorization: Bearer`. Answers are read defensively: a hub that lacks an
 * endpoint, or answers with another shape, gives an error result, never a crash.
 */
export interface HttpError {
  status: number;
  code: string;
  message: string;
  /** The whole JSON body, when there was one (e.g. `issues` of a rejected import). */
  body: unknown;
}

export type HttpResult<T> = { ok: true; status: number; data: T } | { ok: false; error: HttpError };

function auth(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

async function readError(res: Response): Promise<HttpError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const e = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    status: res.status,
    code: typeof e?.code === 'string' ? e.code : res.status === 404 ? 'NOT_FOUND' : 'HTTP_ERROR',
    message: typeof e?.message === 'string' ? e.message : `HTTP ${res.status} ${res.statusText}`.trim(),
    body,
  };
}

const offline = (): HttpError => ({ status: 0, code: 'OFFLINE', message: 'Không kết nối được máy chủ', body: null });

/** JSON request; `{ ok: true, data }` bodies are unwrapped, anything else is returned as it came. */
export async function requestJson<T = unknown>(token: string, method: 'GET' | 'POST', url: string, body?: unknown): Promise<HttpResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { ...auth(token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, error: offline() };
  }
  if (!res.ok) return { ok: false, error: await readError(res) };
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    json = null;
  }
  const wrapped = json as { ok?: unknown; data?: unknown } | null;
  if (wrapped && typeof wrapped === 'object' && wrapped.ok === false) return { ok: false, error: await errorOf(res.status, json) };
  const data = wrapped && typeof wrapped === 'object' && wrapped.ok === true && 'data' in wrapped ? wrapped.data : json;
  return { ok: true, status: res.status, data: data as T };
}

async function errorOf(status: number, body: unknown): Promise<HttpError> {
  const e = (body as { error?: { code?: unknown; message?: unknown } }).error;
  return {
    status,
    code: typeof e?.code === 'string' ? e.code : 'HTTP_ERROR',
    message: typeof e?.message === 'string' ? e.message : `HTTP ${status}`,
    body,
  };
}

/** Sends a file as the request body (`?name=` carries its file name, the hub detects CSV/XLSX). */
export async function uploadFile<T = unknown>(token: string, url: string, file: File): Promise<HttpResult<T>> {
  const sep = url.includes('?') ? '&' : '?';
  let res: Response;
  try {
    res = await fetch(`${url}${sep}name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { ...auth(token), 'content-type': file.type || 'application/octet-stream' },
      body: file,
    });
  } catch {
    return { ok: false, error: offline() };
  }
  if (!res.ok) return { ok: false, error: await readError(res) };
  const json = (await res.json().catch(() => null)) as { ok?: unknown; data?: unknown } | null;
  if (json && json.ok === false) return { ok: false, error: await errorOf(res.status, json) };
  return { ok: true, status: res.status, data: (json && 'data' in json ? json.data : json) as T };
}

export interface Download {
  url: string;
  fileName: string;
  size: number;
}

function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(cd);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain?.[1]?.trim() || fallback;
}

/** GET a file with the bearer token into a Blob URL (the caller shows a link and clicks it once). */
export async function fetchFile(token: string, url: string, fallbackName: string): Promise<HttpResult<Download>> {
  let res: Response;
  try {
    res = await fetch(url, { headers: auth(token) });
  } catch {
    return { ok: false, error: offline() };
  }
  if (!res.ok) return { ok: false, error: await readError(res) };
  const blob = await res.blob();
  return { ok: true, status: res.status, data: { url: URL.createObjectURL(blob), fileName: fileNameOf(res, fallbackName), size: blob.size } };
}

/** Saves a Blob URL as a file through a temporary link (the browser's ordinary download). */
export function saveDownload(d: Download): void {
  const a = document.createElement('a');
  a.href = d.url;
  a.download = d.fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

/** A JSON value as a downloadable file (the personal-data export). */
export function jsonDownload(value: unknown, fileName: string): Download {
  const text = JSON.stringify(value, null, 2);
  const blob = new Blob([text], { type: 'application/json;charset=utf-8' });
  return { url: URL.createObjectURL(blob), fileName, size: blob.size };
}
