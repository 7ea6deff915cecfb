import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The UI is built once into dist/ and embedded in the Tauri binary; there is no dev
// server in the workflow. Locales live outside ui/ (one source shared with Rust).
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { fs: { allow: ['..'] } },
  build: {
    target: 'safari15',
    outDir: 'dist',
    emptyOutDir: true,
    // Tauri serves from its own protocol: no inline scripts or modulepreload polyfill
    // that the strict CSP would block.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
