// Development aid: merges renderer/i18n/_parts/<view>.json ({en:{…}, ru:{…}, az:{…}, kk:{…}}) into
// the four language files, keys sorted, so several screens can be translated side by side.
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve('renderer/i18n');
const languages = ['en', 'ru', 'az', 'kk'];
const parts = fs.existsSync(path.join(dir, '_parts')) ? fs.readdirSync(path.join(dir, '_parts')).filter((f) => f.endsWith('.json')) : [];
for (const language of languages) {
  const file = path.join(dir, `${language}.json`);
  const messages = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const part of parts) Object.assign(messages, JSON.parse(fs.readFileSync(path.join(dir, '_parts', part), 'utf8'))[language] ?? {});
  const sorted = Object.fromEntries(Object.entries(messages).sort(([a], [b]) => a.localeCompare(b)));
  fs.writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
}
console.log(`merged ${parts.length} part(s) into ${languages.join(', ')}`);
