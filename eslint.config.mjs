import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", ".data/**", "lib/generated/**", "node_modules/**", "next-env.d.ts", "tests/e2e/screenshots/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["next.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The safe way is the only way: pages, components and route handlers reach the
    // database through the use cases in lib/, which check the user's scope.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/db", "**/lib/db", "@/lib/generated/prisma/client", "**/generated/prisma/client"], message: "Query through a use case in lib/, which checks the user's scope." },
          ],
        },
      ],
    },
  },
];

export default config;
