import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/i18n';
// antd's styles as one static sheet, before ours so ours win ties (see zeroRuntime in app-root.tsx)
import 'antd/dist/antd.css';
import './app/app.css';
import { AppRoot } from './app/app-root';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <AppRoot />
  </StrictMode>,
);
