import { loadFonts } from '@qms/ui/fonts';
import '@qms/ui/theme.css';
import { createRoot } from 'react-dom/client';
import { KioskApp } from './KioskApp';
import { resolveIdentity } from './identity';
import './kiosk.css';

async function start(): Promise<void> {
  await loadFonts().catch(() => undefined);
  const identity = await resolveIdentity();
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<KioskApp identity={identity} />);
}

void start();
