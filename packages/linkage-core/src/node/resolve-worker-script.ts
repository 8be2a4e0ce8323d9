// Where the compiled comparison worker is. Workers run JavaScript: from dist/ it sits next to this module; when
// this module runs from its TypeScript source (tests), the compiled copy in the package's dist/ folder is used.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LinkageError } from "../errors.js";

export function resolveWorkerScript(): URL {
  const beside = new URL("./comparison-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  const built = new URL("../../dist/node/comparison-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(built))) return built;
  throw new LinkageError(
    "WORKER_SCRIPT_MISSING",
    "the compiled comparison worker (dist/node/comparison-worker.js) was not found.",
    {
      hint: "Build linkage-core first (npx tsc -b packages/linkage-core), or pass workerScript.",
    },
  );
}
