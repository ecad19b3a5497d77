import { useT } from '../i18n';
import { LANGUAGES, systemLanguage, useSettings, type Language, type ThemeChoice } from '../settings';

/** Each language is named in itself, whatever language the app is in. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  ru: 'Русский',
  az: 'Azərbaycan',
  kk: 'Қазақ',
};

const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

export function PreferencesPanel() {
  const t = useT();
  const language = useSettings((s) => s.language);
  const theme = useSettings((s) => s.theme);
  const update = useSettings((s) => s.update);
  const system = systemLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);

  return (
    <section className="card rs-card" aria-labelledby="st-prefs-title" data-testid="preferences-panel">
      <h2 id="st-prefs-title" className="rs-card-title">
        {t('settings.prefs.title')}
      </h2>
      <p className="muted rs-lead">{t('settings.prefs.intro')}</p>
      <div className="st-prefs">
        <fieldset className="rs-fieldset">
          <legend>{t('settings.language.legend')}</legend>
          <div className="rs-choices">
            <label className="rs-choice rs-choice-compact">
              <input
                type="radio"
                name="st-language"
                value="system"
                checked={language === null}
                onChange={() => update({ language: null })}
                data-testid="language-system"
              />
              <span className="rs-choice-text">
                <span className="rs-choice-title">{t('settings.language.system')}</span>
                <span className="muted rs-choice-hint" lang={system}>
                  {LANGUAGE_NAMES[system]}
                </span>
              </span>
            </label>
            {LANGUAGES.map((code) => (
              <label key={code} className="rs-choice rs-choice-compact">
                <input
                  type="radio"
                  name="st-language"
                  value={code}
                  checked={language === code}
                  onChange={() => update({ language: code })}
                  data-testid={`language-${code}`}
                />
                <span className="rs-choice-text">
                  <span className="rs-choice-title" lang={code}>
                    {LANGUAGE_NAMES[code]}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="rs-fieldset">
          <legend>{t('settings.theme.legend')}</legend>
          <div className="rs-choices">
            {THEMES.map((choice) => (
              <label key={choice} className="rs-choice rs-choice-compact">
                <input
                  type="radio"
                  name="st-theme"
                  value={choice}
                  checked={theme === choice}
                  onChange={() => update({ theme: choice })}
                  data-testid={`theme-${choice}`}
                />
                <span className="rs-choice-text">
                  <span className="rs-choice-title">
                    <span className={`st-swatch st-swatch-${choice}`} aria-hidden="true" />
                    {t(`settings.theme.${choice}`)}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
    </section>
  );
}
