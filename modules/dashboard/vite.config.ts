import { defineConfig } from 'vite';

// The Maven build (modules/api) sets DASHBOARD_OUT_DIR to its target/classes/dashboard, so the
// bundle ships in the api jar and the node serves it at /. `npm run dev` proxies the API and the
// live feed to a node on localhost:8080.
export default defineConfig({
  base: '/',
  build: {
    outDir: process.env.DASHBOARD_OUT_DIR ?? 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
});
