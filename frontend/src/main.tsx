import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './index.css';
import { ensureCsrfToken } from './lib/api-client';
import './lib/i18n';

// Make sure the XSRF-TOKEN cookie exists before the first POST (login included).
void ensureCsrfToken().catch(() => undefined);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
