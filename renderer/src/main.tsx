// First: the store's first answers are asked for before the rest of the page's code is evaluated (session/askEarly.ts).
import './session/askEarly.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { interfaceLanguageOf } from '../../shared/interfaceLanguage.ts';
import { App } from './App.tsx';
import { BridgeMissing } from './bridge/BridgeMissing.tsx';
import { hasBridge } from './bridge/index.ts';
import { i18n } from './i18n/index.ts';
import { keepTypedTextOutOfTheProfile } from './session/formMemory.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('Sherpa’s page has no #root element.');
// Without a store there are no settings to read the language from: the browser's own is the best guess.
if (!hasBridge() && interfaceLanguageOf(navigator.language) === 'ko') void i18n.changeLanguage('ko');
keepTypedTextOutOfTheProfile(root);
createRoot(root).render(<StrictMode>{hasBridge() ? <App /> : <BridgeMissing />}</StrictMode>);
