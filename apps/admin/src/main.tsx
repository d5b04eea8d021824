import { loadFonts } from '@qms/ui/fonts';
import '@qms/ui/theme.css';
import { createRoot } from 'react-dom/client';
import { AdminApp } from './AdminApp';
import './admin.css';
import './print.css';

document.documentElement.lang = new URLSearchParams(window.location.search).get('lang') === 'en' ? 'en' : 'vi';

void loadFonts()
  .catch(() => undefined)
  .then(() => {
    const root = document.getElementById('root');
    if (root) createRoot(root).render(<AdminApp />);
  });
