import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

const shared = {
  testEnvironment: "node",
  moduleNameMapper: {
    // server-only throws outside React's server build; in tests the guard has nothing to guard.
    "^server-only$": "<rootDir>/tests/setup/empty-module.js",
    "^@/(.*)$": "<rootDir>/$1",
  },
};

/** next/jest ignores all of node_modules; the schema engine's ESM glue must be compiled to CommonJS. */
async function project(options) {
  const resolved = await createJestConfig({ ...shared, ...options })();
  resolved.transformIgnorePatterns = resolved.transformIgnorePatterns.map((pattern) =>
    pattern.replace("(?!(geist|", "(?!(@prisma/schema-engine-wasm|use-intl|intl-messageformat|@formatjs|icu-minify|geist|"),
  );
  return resolved;
}

export default async function config() {
  return {
    testTimeout: 60_000,
    // Starts the test PostgreSQL (embedded, or TEST_DATABASE_URL) once, with a migrated template database.
    globalSetup: "<rootDir>/tests/setup/global-setup.mjs",
    globalTeardown: "<rootDir>/tests/setup/global-teardown.mjs",
    maxWorkers: 2,
    projects: [
      await project({ displayName: "unit", testMatch: ["<rootDir>/tests/unit/**/*.test.ts"] }),
      await project({
        displayName: "db",
        testMatch: ["<rootDir>/tests/db/**/*.test.ts"],
        setupFilesAfterEnv: ["<rootDir>/tests/setup/database-per-file.ts"],
      }),
      await project({
        displayName: "e2e",
        testMatch: ["<rootDir>/tests/e2e/**/*.test.ts"],
        globalSetup: "<rootDir>/tests/setup/e2e-global-setup.mjs",
      }),
    ],
  };
}
