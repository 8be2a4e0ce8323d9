import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources; end-to-end CLI tests run the built binary.
    alias: [
      { find: /^linkage-core\/node$/, replacement: source("./packages/linkage-core/src/node/index.ts") },
      { find: /^linkage-core$/, replacement: source("./packages/linkage-core/src/index.ts") },
      { find: /^linkage-cli$/, replacement: source("./packages/linkage-cli/src/index.ts") },
    ],
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "bench/test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
