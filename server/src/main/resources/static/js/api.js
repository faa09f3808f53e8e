// Calls to the TeleCube API. A refusal arrives as problem JSON (RFC 9457) naming the field;
// it is thrown as an ApiError carrying that field, so a page can show it where it belongs.

export class ApiError extends Error {
  constructor(status, detail, field, code) {
    super(detail || `HTTP ${status}`);
    this.status = status;
    this.field = field || null;
    this.code = code || null;
  }
}

async function problem(response) {
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    // not JSON: keep the status line
  }
  return new ApiError(response.status, body?.detail || response.statusText, body?.field, body?.code);
}

export async function getJson(url) {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw await problem(response);
  return response.json();
}

export async function sendJson(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await problem(response);
  return response.status === 204 ? null : response.json();
}

/** POSTs a body and saves the answer as a file (exports). */
export async function download(url, body, fallbackName) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await problem(response);
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') || '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return name;
}
