import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './i18n/index.ts';
import { keepTypedTextOutOfTheProfile } from './session/formMemory.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('Sherpa’s page has no #root element.');
keepTypedTextOutOfTheProfile(root);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
