/**
 * Self-contained pages the shell shows when the hub's kiosk page cannot be: a bad config
 * (stays until a technician fixes the file) and an unreachable hub (the main process retries).
 * Pages are plain HTML in a data: URL, with no script and a CSP that forbids fetching anything.
 */

export interface StatusPage {
  /** Vietnamese headline, large, for whoever stands at the kiosk. */
  title: string;
  /** Vietnamese guidance under the headline. */
  lead: string;
  /** English technical details, one per line. */
  details: readonly string[];
  tone: 'error' | 'waiting';
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderStatusPage(page: StatusPage): string {
  const accent = page.tone === 'error' ? '#b3261e' : '#0b57d0';
  const details = page.details.map((d) => `<li>${escapeHtml(d)}</li>`).join('');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(page.title)}</title>
<style>
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;
background:#f4f6fa;color:#1b1b1f;font-family:system-ui,"Segoe UI",Roboto,sans-serif;cursor:default;user-select:none}
main{max-width:52rem;padding:3rem;border-top:.75rem solid ${accent};background:#fff;border-radius:1rem;box-shadow:0 .5rem 2rem #0002}
h1{font-size:2.6rem;margin:0 0 1rem;color:${accent}}
p{font-size:1.6rem;margin:0 0 1.5rem}
ul{font:1rem/1.5 ui-monospace,monospace;color:#44474f;margin:0;padding-left:1.2rem;word-break:break-all}
</style></head>
<body><main role="alert"><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.lead)}</p><ul>${details}</ul></main></body></html>`;
}

export function toDataUrl(html: string): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

export function hubUnreachablePage(kioskUrl: string, reason: string, retrySeconds: number): StatusPage {
  return {
    tone: 'waiting',
    title: 'Đang kết nối tới máy chủ xếp hàng…',
    lead: `Ki-ốt tạm thời chưa sẵn sàng. Hệ thống sẽ tự thử lại sau ${retrySeconds} giây. Xin Ông/Bà vui lòng chờ hoặc liên hệ cán bộ hướng dẫn.`,
    details: [`Cannot load ${kioskUrl}: ${reason}`, `Retrying every ${retrySeconds} s.`],
  };
}
