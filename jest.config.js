// Test tiers, each its own Jest project: `npm run test:unit|test:int|test:e2e|test:clients`; `npm test` runs all.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const common = {
  transform: { '^.+\\.ts$': tsJest },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
};
module.exports = {
  // a global option (Jest ignores it per project): real databases, LibreOffice and poppler on a
  // shared machine must not fail a correct test; pure specs finish far below it anyway
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', rootDir: '.', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      rootDir: '.',
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
    },
    { ...common, displayName: 'e2e', rootDir: '.', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    // real clients judge our output: LibreOffice, poppler, Chromium
    {
      ...common,
      displayName: 'clients',
      rootDir: '.',
      testMatch: ['<rootDir>/test/clients/**/*.client-spec.ts'],
    },
  ],
};
