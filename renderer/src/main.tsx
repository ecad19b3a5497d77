import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createClient } from './client';
import { useSettings } from './settings';
import { applyTheme } from './theme';
import './styles.css';

/** Longest the first paint waits for the data folder's preferences before showing this window's copy. */
const PREFERENCES_WAIT_MS = 2000;

/**
 * The page is drawn once the preferences are known, so it opens in the chosen language and theme:
 * this window's copy colours the empty page at once, the data folder's (the truth) decides.
 */
async function start(root: HTMLElement): Promise<void> {
  const api = createClient();
  applyTheme(useSettings.getState().theme);
  await Promise.race([
    useSettings.getState().connect(api),
    new Promise((resolve) => setTimeout(resolve, PREFERENCES_WAIT_MS)),
  ]);
  applyTheme(useSettings.getState().theme);
  createRoot(root).render(
    <StrictMode>
      <App api={api} />
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) void start(root);
