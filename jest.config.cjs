// `npm test` runs every project in one Jest process pool; `nx test <project>` runs one.
module.exports = {
  projects: ['<rootDir>/apps/*/jest.config.cjs', '<rootDir>/libs/*/jest.config.cjs'],
};
