/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type errors are caught by `npm run typecheck`; jest only needs to strip the types.
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.node.json', diagnostics: false }],
  },
};
