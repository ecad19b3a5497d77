import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createClient } from './client';
import { effectiveLanguage, useSettings } from './settings';
import { applyTheme } from './theme';
import './styles.css';

/** Longest the first paint waits for the data folder's preferences before showing this window's copy. */
const PREFERENCES_WAIT_MS = 2000;

/** The page's theme and language (for the browser and screen readers) as the settings store holds them. */
function applyPreferences(): void {
  const settings = useSettings.getState();
  applyTheme(settings.theme);
  document.documentElement.lang = effectiveLanguage(settings);
}

/**
 * The page is drawn once the preferences are known, so it opens in the chosen language and theme:
 * this window's copy colours the empty page at once, the data folder's (the truth) decides.
 */
async function start(root: HTMLElement): Promise<void> {
  const api = createClient();
  applyPreferences();
  await Promise.race([
    useSettings.getState().connect(api),
    new Promise((resolve) => setTimeout(resolve, PREFERENCES_WAIT_MS)),
  ]);
  applyPreferences();
  createRoot(root).render(
    <StrictMode>
      <App api={api} />
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) void start(root);
