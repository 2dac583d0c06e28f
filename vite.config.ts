import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { precompress } from './vite.precompress.ts';

// The web UI lives in src/web; the server serves the built files from dist/web.
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      // Two pages: the admin app, and the public survey form (its own small bundle: no Mantine, no router).
      input: {
        main: fileURLToPath(new URL('./src/web/index.html', import.meta.url)),
        survey: fileURLToPath(new URL('./src/web/survey.html', import.meta.url)),
      },
      output: {
        // Framework code changes rarely: its own long-cached chunks, apart from the pages. Groups, not
        // manualChunks: a manualChunks group drags each module's dependencies into it, which put React inside
        // the Mantine chunk, so the survey page (React, no Mantine) would have loaded Mantine. Higher priority
        // claims a module first.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 60 },
            { name: 'router', test: /[\\/]node_modules[\\/]react-router[\\/]/, priority: 50 },
            { name: 'zod', test: /[\\/]node_modules[\\/].*zod/, priority: 40 },
            { name: 'vendor', test: /[\\/]node_modules[\\/].*(i18next|@tanstack)/, priority: 30 },
            { name: 'mantine-core', test: /[\\/]node_modules[\\/]@mantine[\\/]core[\\/]/, priority: 20 },
            { name: 'mantine-extras', test: /[\\/]node_modules[\\/]@mantine[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
