/** @type {import('jest').Config} */
const tsJest = (tsconfig) => ['ts-jest', { tsconfig, diagnostics: false }];

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['<rootDir>/test/*.test.ts'],
      // Type errors are caught by `npm run typecheck`; jest only strips the types.
      transform: { '^.+\\.tsx?$': tsJest('tsconfig.node.json') },
    },
    {
      displayName: 'renderer',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/renderer'],
      testMatch: ['<rootDir>/test/renderer/**/*.test.ts?(x)'],
      transform: { '^.+\\.tsx?$': tsJest('tsconfig.webtest.json') },
      moduleNameMapper: { '\\.css$': '<rootDir>/test/renderer/support/style-stub.js' },
      setupFiles: ['<rootDir>/test/renderer/support/setup.ts'],
    },
  ],
};
