// Writes schema/linkage-config.schema.json from the built CLI (run `pnpm run build` first). The test
// packages/linkage-cli/test/config-schema.test.ts fails when the committed file is stale.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { linkageConfigJsonSchemaText } from "../dist/config-json-schema.js";

const target = fileURLToPath(new URL("../schema/linkage-config.schema.json", import.meta.url));
writeFileSync(target, linkageConfigJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
