import type { KioskBridge } from '../shared/bridge';

export interface KioskIdentity {
  hubUrl: string;
  token: string | null;
  language: 'vi' | 'en';
  idleSeconds: number;
  bridge: KioskBridge | null;
}

const TOKEN_KEY = 'qms.kiosk.token';

/**
 * Who this kiosk is. In Electron the preload bridge knows (from the kiosk config file); in a
 * browser the device token comes once as `?token=…`, is kept in localStorage and removed from
 * the address bar so it is not left on screen.
 */
export async function resolveIdentity(): Promise<KioskIdentity> {
  const params = new URLSearchParams(window.location.search);
  const lang = params.get('lang') === 'en' ? 'en' : 'vi';
  const bridge = window.qmsKiosk ?? null;
  if (bridge) {
    const id = await bridge.identity();
    return { hubUrl: window.location.origin, token: id.token, language: id.language, idleSeconds: id.idleSeconds, bridge };
  }
  const fromUrl = params.get('token');
  if (fromUrl) {
    localStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const query = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
  }
  const idle = Number(params.get('idle'));
  return {
    hubUrl: window.location.origin,
    token: localStorage.getItem(TOKEN_KEY),
    language: lang,
    idleSeconds: Number.isFinite(idle) && idle > 0 ? idle : 60,
    bridge: null,
  };
}

export function saveToken(token: string): void {
  localStorage.setItem(TOKEN_KEY, token.trim());
}
