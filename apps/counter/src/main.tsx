import { loadFonts } from '@qms/ui/fonts';
import '@qms/ui/theme.css';
import { createRoot } from 'react-dom/client';
import { CounterApp } from './CounterApp';
import './counter.css';

void loadFonts()
  .catch(() => undefined)
  .then(() => {
    const root = document.getElementById('root');
    if (root) createRoot(root).render(<CounterApp />);
  });
