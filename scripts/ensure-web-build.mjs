// Builds the console and portal when web/dist is missing or older than the web sources, so that a
// fresh `npm install && npm start` serves them without a separate build step.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const marker = join(root, 'web/dist/console/index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const sources = Math.max(newest(join(root, 'web')), existsSync(join(root, 'contracts')) ? newest(join(root, 'contracts')) : 0);
if (!existsSync(marker) || statSync(marker).mtimeMs < sources) {
  console.log('构建工作台与门户页面（vite build）…');
  execSync('npx vite build --config web/vite.config.ts --logLevel warn', { cwd: root, stdio: 'inherit' });
}
