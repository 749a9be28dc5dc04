import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const spas = ['console', 'portal'] as const;

/**
 * In production the server answers /console/* and /portal/* with the app's index.html; the dev
 * server does the same here, so that deep links and reloads work while developing.
 */
function spaFallback(): Plugin {
  return {
    name: 'fazhi-spa-fallback',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        const spa = spas.find((name) => path === `/${name}` || path.startsWith(`/${name}/`));
        if (spa && req.headers.accept?.includes('text/html') && !/\.[a-z0-9]+$/i.test(path)) {
          req.url = `/${spa}/index.html`;
        }
        next();
      });
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), spaFallback()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: Object.fromEntries(spas.map((name) => [name, `${root}${name}/index.html`])),
      // React is loaded by every page of both apps; antd stays split by component, so that the
      // portal loads only what it shows.
      output: {
        codeSplitting: { groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ }] },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
