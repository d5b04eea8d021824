import { loadFonts } from '@qms/ui/fonts';
import '@qms/ui/theme.css';
import { createRoot } from 'react-dom/client';
import { DisplayApp } from './DisplayApp';
import './display.css';

const TOKEN_KEY = 'qms.display.token';

/** The device token comes once as ?token=…, is kept, and leaves the address bar (it is a public screen). */
function takeToken(): string | null {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    localStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const q = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${q ? `?${q}` : ''}`);
  }
  return localStorage.getItem(TOKEN_KEY);
}

void loadFonts()
  .catch(() => undefined)
  .then(() => {
    const token = takeToken();
    const root = document.getElementById('root');
    if (!root) return;
    if (!token) root.textContent = 'Màn hình chưa có mã thiết bị: mở /display/?token=<mã màn hình>.';
    else createRoot(root).render(<DisplayApp token={token} />);
  });
