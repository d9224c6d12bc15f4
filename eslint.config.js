// ESLint 9 flat config: typescript-eslint for TypeScript, the Office add-in rules, Prettier owns formatting.
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");
const prettier = require("eslint-config-prettier");

// Node's CommonJS globals for the .js files (the "globals" package is not a direct dependency).
const nodeGlobals = Object.fromEntries(
  [
    "require",
    "module",
    "exports",
    "__dirname",
    "__filename",
    "process",
    "console",
    "Buffer",
    "URL",
    "setTimeout",
    "clearTimeout",
  ].map((name) => [name, "readonly"]),
);

// The plugin's recommended config registers its own copies of @typescript-eslint and prettier plugins
// (which clash with typescript-eslint's) and leaves the parser undefined with ecmaVersion 6: take only its rules.
const officeRecommended = officeAddins.configs.recommended.find((c) => c.plugins && c.plugins["office-addins"]);
const officeRules = Object.fromEntries(
  Object.entries(officeRecommended.rules).filter(([id]) => id.startsWith("office-addins/")),
);

module.exports = tseslint.config(
  {
    // The field corpus data file is copied verbatim from ../shared/field (its own code, not ours).
    ignores: [
      "dist/",
      "lib/",
      "node_modules/",
      "coverage/",
      ".tmp/",
      "test/output/",
      "test/fixtures/field/make-field.js",
    ],
  },
  js.configs.recommended,
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", ecmaVersion: "latest", globals: nodeGlobals },
  },
  {
    files: ["**/*.ts"],
    extends: [tseslint.configs.recommended],
    languageOptions: {
      parser: require("@typescript-eslint/parser"),
      ecmaVersion: "latest",
      sourceType: "module",
      // Type information for the rules that need it (a promise nobody awaits or handles).
      parserOptions: { projectService: true, tsconfigRootDir: __dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    // Shipped code only: tests and the fake Excel break these rules on purpose (e.g. reading before sync
    // to prove the fake throws, or a deliberately naive reader as a baseline).
    files: ["src/**/*.ts"],
    ignores: ["**/*.test.ts", "**/*.testutil.ts"],
    plugins: { "office-addins": officeAddins },
    rules: officeRules,
  },
  prettier,
);
