// Copies what the compiled bot reads at run time beside it in dist/: the migrations and every locale folder (the
// shared ones in src/i18n and each feature's own).
import { cpSync, existsSync, readdirSync } from 'node:fs';

const folders = ['migrations', 'src/i18n/locales'];
for (const name of readdirSync('src/features')) {
  if (existsSync(`src/features/${name}/locales`)) folders.push(`src/features/${name}/locales`);
}
for (const folder of folders) cpSync(folder, `dist/${folder}`, { recursive: true });
