import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API server for `vite dev`; BOAI_API_URL points it elsewhere (e.g. a second server on another port).
const api = process.env.BOAI_API_URL ?? 'http://127.0.0.1:3000';

/**
 * Vendor chunks: large libraries that change rarely get their own cacheable files. A group also takes the
 * dependencies of what it captures, so the groups go from the bottom of the stack up (higher priority first).
 */
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 50 },
  { name: 'antd-icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 40 },
  { name: 'antd-rc', test: /node_modules[\\/](@rc-component|rc-[^\\/]+)[\\/]/, priority: 35 },
  {
    name: 'antd',
    test: /node_modules[\\/](antd|@ant-design[\\/](cssinjs|colors|fast-color|react-slick))[\\/]/,
    priority: 30,
  },
  { name: 'pro-components', test: /node_modules[\\/]@ant-design[\\/]pro-/, priority: 20 },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
];

export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': { target: api, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
});
